import type { Table } from 'dexie';
import {
  DomainError,
  GENESIS_HASH,
  sealAuditEntry,
  type AuditAction,
  type AuditAnchor,
  type AuditEntry,
  type AuditedEntity,
  type Topic,
  type UserProfile,
} from '../../../shared/domain';
import { maskedTopic } from '../../../shared/domain/topic-privacy';
import type { JointDeskDB } from './database';

/**
 * The audit trail is append-only and travels into backups and exports, so complainant data (投诉举报人信息)
 * never enters it in clear, whichever repository writes the entry: one place masks it for all.
 */
function privateFieldsMasked(entity: AuditedEntity, snapshot: unknown): unknown {
  if (entity !== 'topic' || snapshot === null || typeof snapshot !== 'object') return snapshot;
  return maskedTopic(snapshot as Topic);
}

/** Setting keys the data layer owns. */
export const SETTING_KEYS = {
  currentProfile: 'profile.current',
  activeRuleProfile: 'rules.active',
  auditHead: 'audit.head',
} as const;

/** Clock and id source of a data layer; replaceable in tests. */
export interface DataLayerContext {
  db: JointDeskDB;
  now: () => Date;
  newId: () => string;
}

/** What a repository says about one change; the writer adds seq, time, actor and the hashes. */
export interface AuditDraft {
  entity: AuditedEntity;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  reason?: string;
}

/**
 * Collects the audit entries of one transaction. Entries are sealed synchronously as they are
 * recorded (no await between reading the head and sealing), and written by `flush()` together with
 * the anchor `settings['audit.head']`, still inside the same transaction.
 */
export class AuditWriter {
  private readonly pending: AuditEntry[] = [];
  private actor: UserProfile | undefined;

  constructor(
    private readonly ctx: DataLayerContext,
    private head: AuditAnchor,
    actor: UserProfile | undefined,
  ) {
    this.actor = actor;
  }

  /** For writes whose actor only exists inside the transaction (creating the first profile). */
  setActor(actor: UserProfile): void {
    this.actor = actor;
  }

  get currentActor(): UserProfile {
    if (!this.actor) throw new DomainError('no-profile', '请先选择当前用户');
    return this.actor;
  }

  record(draft: AuditDraft): AuditEntry {
    const actor = this.currentActor;
    const entry = sealAuditEntry({
      seq: this.head.seq + 1,
      ts: this.ctx.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      entity: draft.entity,
      entityId: draft.entityId,
      action: draft.action,
      before: privateFieldsMasked(draft.entity, draft.before ?? null),
      after: privateFieldsMasked(draft.entity, draft.after ?? null),
      ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
      prevHash: this.head.hash,
    });
    this.pending.push(entry);
    this.head = { seq: entry.seq, hash: entry.hash };
    return entry;
  }

  get count(): number {
    return this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const { db } = this.ctx;
    await db.audit.bulkAdd(this.pending.splice(0));
    await db.settings.put({ key: SETTING_KEYS.auditHead, value: { ...this.head } });
  }
}

/**
 * Runs `fn` in ONE `rw` transaction over `tables` plus audit, settings and profiles, and writes the
 * audit entries `fn` recorded before the transaction commits. Any throw aborts everything: the
 * record, its audit entries and the anchor (RELIABILITY DUR-2, AUD-1). Nothing in here catches.
 *
 * `requireProfile: false` is only for creating a profile, whose actor is the new profile itself.
 */
export function auditedWrite<T>(
  ctx: DataLayerContext,
  tables: readonly Table[],
  fn: (audit: AuditWriter) => Promise<T>,
  options: { requireProfile?: boolean } = {},
): Promise<T> {
  const { db } = ctx;
  const all = [...new Set<Table>([...tables, db.audit, db.settings, db.profiles])];
  return db.transaction('rw', all, async () => {
    const actor = await readCurrentProfile(db);
    if (!actor && options.requireProfile !== false) throw new DomainError('no-profile', '请先选择当前用户');
    const writer = new AuditWriter(ctx, await readAuditHead(db), actor);
    const result = await fn(writer);
    await writer.flush();
    return result;
  });
}

export async function readCurrentProfile(db: JointDeskDB): Promise<UserProfile | undefined> {
  const row = await db.settings.get(SETTING_KEYS.currentProfile);
  return typeof row?.value === 'string' ? db.profiles.get(row.value) : undefined;
}

/** The anchor kept in settings, or null before the first audited write. */
export async function readAuditAnchor(db: JointDeskDB): Promise<AuditAnchor | null> {
  const row = await db.settings.get(SETTING_KEYS.auditHead);
  return isAnchor(row?.value) ? row.value : null;
}

/**
 * Where the next entry links to. Normally the last row and the anchor agree. If the anchor is ahead
 * (rows were deleted from the end), the chain continues from the anchor so the gap stays visible to
 * `verify()` as missing entries instead of being papered over by a new anchor.
 */
async function readAuditHead(db: JointDeskDB): Promise<AuditAnchor> {
  const last = await db.audit.orderBy('seq').last();
  const anchor = await readAuditAnchor(db);
  const fromTable: AuditAnchor = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  return anchor && anchor.seq > fromTable.seq ? anchor : fromTable;
}

function isAnchor(v: unknown): v is AuditAnchor {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as AuditAnchor).seq === 'number' &&
    typeof (v as AuditAnchor).hash === 'string'
  );
}
