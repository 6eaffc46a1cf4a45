import Dexie, { type DexieOptions, type Table } from 'dexie';
import {
  DomainError,
  type AgendaItem,
  type Attachment,
  type Attendance,
  type AuditEntry,
  type Dispute,
  type Meeting,
  type Minutes,
  type MinutesVersion,
  type Person,
  type Resolution,
  type RuleProfile,
  type TaskEvent,
  type Topic,
  type Unit,
  type UserProfile,
} from '../../../shared/domain';
import { SCHEMA_VERSIONS, type SchemaVersion } from './migrations';

/** Part of the storage identity (RELIABILITY DUR-3): never rename. */
export const DB_NAME = 'jointdesk';

/** A key/value row of the `settings` table (current profile, active rule profile, audit anchor …). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** Unsaved editor content, kept apart from the record until the record's save commits (DUR-9). */
export interface Draft {
  /** Id of the record the draft belongs to. */
  id: string;
  entity: string;
  content: unknown;
  updatedAt: string;
}

/** Only the injectable IndexedDB implementation (tests pass fake-indexeddb's). */
export type DatabaseDependencies = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

export class JointDeskDB extends Dexie {
  units!: Table<Unit, string>;
  people!: Table<Person, string>;
  meetings!: Table<Meeting, string>;
  attendance!: Table<Attendance, string>;
  agendaItems!: Table<AgendaItem, string>;
  topics!: Table<Topic, string>;
  attachments!: Table<Attachment, string>;
  disputes!: Table<Dispute, string>;
  minutes!: Table<Minutes, string>;
  minutesVersions!: Table<MinutesVersion, string>;
  resolutions!: Table<Resolution, string>;
  taskEvents!: Table<TaskEvent, string>;
  /** Custom rule profiles only; presets live in code (RULE_PRESETS). */
  ruleProfiles!: Table<RuleProfile, string>;
  profiles!: Table<UserProfile, string>;
  settings!: Table<SettingRow, string>;
  /** Append-only hash chain keyed by `seq`. */
  audit!: Table<AuditEntry, number>;
  drafts!: Table<Draft, string>;

  constructor(
    name: string = DB_NAME,
    deps: DatabaseDependencies = {},
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  ) {
    // Strict durability: Chromium ≥ 121 defaults to "relaxed", which acknowledges a commit before it
    // reaches the disk (RELIABILITY §0.2, DUR-1).
    super(name, { ...deps, chromeTransactionDurability: 'strict' });
    declareVersions(this, versions);
    // AUD-4: no update or delete path for the audit trail; corrections are new entries.
    this.audit.hook('updating', () => {
      throw new DomainError('conflict', '审计记录只能追加，不能修改');
    });
    this.audit.hook('deleting', () => {
      throw new DomainError('conflict', '审计记录只能追加，不能删除');
    });
  }
}

/** Declares the given versions on a Dexie instance (used by the app and by the migration tests). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores({ ...v.stores });
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

/** The app's database. Dexie opens it lazily on the first query. */
export function openDatabase(name: string = DB_NAME, deps: DatabaseDependencies = {}): JointDeskDB {
  return new JointDeskDB(name, deps);
}
