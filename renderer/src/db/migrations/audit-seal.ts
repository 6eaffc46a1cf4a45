import type { Transaction } from 'dexie';
import {
  AUDITED_TABLES,
  GENESIS_HASH,
  recordStateHash,
  sealAuditEntry,
  type AuditAnchor,
  type AuditEntry,
  type AuditedEntity,
} from '../../../../shared/domain';
import { auditSealerFor, onCommitted } from '../audit-sealer';

/** The setting the chain's head is kept under (SETTING_KEYS.auditHead; not imported: migrations stand alone). */
const AUDIT_HEAD_KEY = 'audit.head';

/** The actor of entries written by a schema upgrade. */
export const SYSTEM_ACTOR = { actorId: 'system', actorName: '系统', actorRole: 'system' } as const;

/** One record an upgrade changed (or sealed): its new state is hashed from the row as the upgrade left it. */
export interface MigratedRecord {
  entity: AuditedEntity;
  entityId: string;
  /** The row as now stored; undefined when the upgrade deleted it. */
  row: unknown;
}

/**
 * For an upgrade that changes rows (RELIABILITY AUD-1): appends one system entry per changed record
 * (action 'migrate', the record's new state hash, `reason` saying which upgrade), sealed into the chain
 * inside the version-change transaction. Sealing is synchronous (@noble/hashes); the only awaits are on
 * `tx`'s own tables, so the upgrade transaction never commits early. Call it after the rows are written,
 * with the rows as written. Runs in the upgrade, so the entries carry the upgrade's time.
 */
export async function appendMigrationEntries(
  tx: Transaction,
  version: number,
  records: readonly MigratedRecord[],
  reason: string,
  now: Date = new Date(),
): Promise<number> {
  if (records.length === 0) return 0;
  const audit = tx.table<AuditEntry, number>('audit');
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const last = await audit.orderBy('seq').last();
  const stored = (await settings.get(AUDIT_HEAD_KEY))?.value as Partial<AuditAnchor> | undefined;
  let head: AuditAnchor = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  // As the writer does: an anchor ahead of the table keeps the gap visible instead of papering over it.
  if (typeof stored?.seq === 'number' && typeof stored.hash === 'string' && stored.seq > head.seq) {
    head = { seq: stored.seq, hash: stored.hash };
  }
  const ts = now.toISOString();
  // Electron: keyed like every other entry (the audit session is started before the database opens).
  const sealer = auditSealerFor(tx.db.name);
  const entries: AuditEntry[] = [];
  for (const r of records) {
    if (!AUDITED_TABLES[r.entity]) throw new Error(`升级 v${version}：${r.entity} 没有对应的表`);
    const entry = sealAuditEntry(
      {
        seq: head.seq + 1,
        ts,
        ...SYSTEM_ACTOR,
        entity: r.entity,
        entityId: r.entityId,
        action: 'migrate',
        before: null,
        after: null,
        reason: `${reason}（数据库版本 ${version}）`,
        stateHash: recordStateHash(r.row),
        prevHash: head.hash,
      },
      sealer?.key,
    );
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  await audit.bulkAdd(entries);
  await settings.put({ key: AUDIT_HEAD_KEY, value: head });
  if (sealer) {
    const last = { ...head };
    onCommitted(tx, () => sealer.committed(last, entries[0]!.seq));
  }
  return entries.length;
}
