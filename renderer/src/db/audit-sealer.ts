import type { AuditAnchor } from '../../../shared/domain';

/**
 * What the audit writer (audited-write.ts) and the upgrade's system entries (migrations/audit-seal.ts) need
 * from the audit session, synchronously inside their transaction (RELIABILITY-SECURITY.md AUD-2/AUD-3):
 * the key for each entry's mac, and whom to tell the new head once the transaction has committed. Kept per
 * database name in a registry with no dependencies, so the migrations (which stand alone) can reach it.
 * Registered in Electron by the audit session (audit-session.ts); the web build registers none, and its
 * entries carry no mac.
 */
export interface AuditSealer {
  /** The installation's audit key, or null (none could be had: entries are written without a mac). */
  readonly key: Uint8Array | null;
  /**
   * Called once the transaction that wrote entries `firstSeq`…`head.seq` has committed (never for one that
   * aborted): main's head file moves to `head`.
   */
  committed(head: AuditAnchor, firstSeq: number): void;
}

const sealers = new Map<string, AuditSealer>();

export function setAuditSealer(dbName: string, sealer: AuditSealer | undefined): void {
  if (sealer) sealers.set(dbName, sealer);
  else sealers.delete(dbName);
}

export function auditSealerFor(dbName: string): AuditSealer | undefined {
  return sealers.get(dbName);
}

/**
 * Runs `fn` when the IndexedDB transaction under `tx` commits (its `complete` event): for a Dexie transaction
 * nested in another, that is the outer one's commit, so a head is never reported for writes that were
 * rolled back.
 */
export function onCommitted(tx: { idbtrans?: IDBTransaction | null } | null | undefined, fn: () => void): void {
  const idb = tx?.idbtrans;
  if (!idb) return;
  idb.addEventListener('complete', () => fn(), { once: true });
}
