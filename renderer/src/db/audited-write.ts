import Dexie, { type Table } from 'dexie';
import {
  AUDITED_TABLES,
  DomainError,
  GENESIS_HASH,
  isAuditAnchor,
  recordStateHash,
  sealAuditEntry,
  type AuditAction,
  type AuditAnchor,
  type AuditEntry,
  type AuditedEntity,
  type Topic,
  type UnsealedAuditEntry,
  type UserProfile,
} from '../../../shared/domain';
import { auditPayload } from '../../../shared/domain/audit-payload';
import { maskedTopic } from '../../../shared/domain/topic-privacy';
import { auditSealerFor, onCommitted } from './audit-sealer';
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
 * Collects the audit entries of one transaction and writes them with `flush()`, still inside it, together
 * with the anchor `settings['audit.head']`. At flush each entry of an entity kept in a table gets the state
 * hash of its record as the transaction left it (read back by id in one bulkGet per table — a Dexie
 * read, part of the transaction), then every entry is sealed synchronously in order (no await between
 * sealing one entry and the next, none of them on anything but IndexedDB).
 */
export class AuditWriter {
  private readonly pending: (UnsealedAuditEntry & { stateHash?: string | null })[] = [];
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

  /**
   * Queues one entry (actor and time taken now). `state`: the record exactly as just written to its table,
   * when the caller has it (a bulk load); otherwise the record is read back at flush.
   */
  record(draft: AuditDraft, state?: { row: unknown }): void {
    const actor = this.currentActor;
    this.pending.push({
      seq: 0,
      ts: this.ctx.now().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      entity: draft.entity,
      entityId: draft.entityId,
      action: draft.action,
      // Records kept in a table: only the changed fields (their earlier state is in the trail).
      ...auditPayload(
        privateFieldsMasked(draft.entity, draft.before ?? null),
        privateFieldsMasked(draft.entity, draft.after ?? null),
        { changedOnly: AUDITED_TABLES[draft.entity] !== undefined },
      ),
      ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
      ...(state && AUDITED_TABLES[draft.entity] ? { stateHash: recordStateHash(state.row) } : {}),
      prevHash: '',
    });
  }

  get count(): number {
    return this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const { db } = this.ctx;
    const drafts = this.pending.splice(0);
    await stampStateHashes(db, drafts);
    // Electron: the audit key (audit-sealer.ts) gives each entry its mac, sealed synchronously like the hash.
    const sealer = auditSealerFor(db.name);
    const sealed: AuditEntry[] = [];
    for (const d of drafts) {
      const entry = sealAuditEntry({ ...d, seq: this.head.seq + 1, prevHash: this.head.hash }, sealer?.key);
      sealed.push(entry);
      this.head = { seq: entry.seq, hash: entry.hash };
    }
    await db.audit.bulkAdd(sealed);
    await db.settings.put({ key: SETTING_KEYS.auditHead, value: { ...this.head } });
    // Main's head file moves only once the transaction (the outermost, if nested) has committed.
    if (sealer) {
      const head = { ...this.head };
      onCommitted(Dexie.currentTransaction, () => sealer.committed(head, sealed[0]!.seq));
    }
  }
}

/**
 * Gives each draft of an entity kept in a table the state hash of its record as it is now in this
 * transaction. A table outside the transaction's scope was not written by it: those entries carry no
 * state hash and verification keeps the record's previous one.
 */
async function stampStateHashes(
  db: JointDeskDB,
  drafts: (UnsealedAuditEntry & { stateHash?: string | null })[],
): Promise<void> {
  const scope = new Set(Dexie.currentTransaction?.storeNames ?? []);
  const byTable = new Map<string, Set<string>>();
  for (const d of drafts) {
    const table = AUDITED_TABLES[d.entity];
    if (!table || d.stateHash !== undefined || !scope.has(table)) continue;
    let ids = byTable.get(table);
    if (!ids) byTable.set(table, (ids = new Set()));
    ids.add(d.entityId);
  }
  const hashes = new Map<string, string | null>();
  for (const [table, idSet] of byTable) {
    const ids = [...idSet];
    const rows = await db.table(table).bulkGet(ids);
    ids.forEach((id, i) => hashes.set(`${table}/${id}`, recordStateHash(rows[i])));
  }
  for (const d of drafts) {
    const table = AUDITED_TABLES[d.entity];
    const key = `${table}/${d.entityId}`;
    if (table && d.stateHash === undefined && hashes.has(key)) d.stateHash = hashes.get(key)!;
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
  return isAuditAnchor(row?.value) ? row.value : null;
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
