import type Dexie from 'dexie';
import {
  checkpointProblem,
  createChainVerifier,
  createStateTracker,
  isAuditAnchor,
  STATE_CHECKED,
  type AuditAnchor,
  type AuditEntry,
  type AuditKeyedCheck,
  type AuditVerification,
  type RecordStateProblem,
} from '../../../shared/domain';
import { SETTING_KEYS } from './audited-write';

/** Entries per verification step (about 40 ms of hashing on an office PC). */
export const VERIFY_CHUNK = 2_000;
/** Business records per step of the record-state pass. */
const RECORD_CHUNK = 1_000;

export interface VerifyOptions {
  /** A checkpoint kept outside the database: its entry is checked, then only the entries after it are hashed. */
  from?: AuditAnchor;
  /** After each chunk that passed: the last entry of the verified prefix (a checkpoint to resume from). */
  onVerified?: (prefixHead: AuditAnchor) => void;
  /** Between chunks; the page yields to its event loop, a worker need not. */
  pause?: () => Promise<void>;
  /**
   * Electron (audit-session.ts): main's head file, and the audit key with the seq from which every entry must
   * carry a valid mac; `fileProblem` is main's reason not to trust its file, reported as a break.
   */
  keyed?: AuditKeyedCheck & { fileProblem?: string };
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The whole check of the audit trail (AUD-2/AUD-3), on any Dexie opened on the app's database (the page's,
 * or a worker's own connection):
 *
 * 1. the chain, in chunks of {@link VERIFY_CHUNK} in key order, each read in its own short transaction,
 *    against the stored anchor and `extraAnchors` (entries appended meanwhile are checked too);
 * 2. while it is read, the newest state hash per record id (only id → hash kept);
 * 3. then every record of every audited table, in chunks: its hash must equal the newest entry's state
 *    hash, a record with no entry or one the trail says is gone is named, and so is a record the trail
 *    expects but the table no longer holds. Records whose entries all predate state hashes are accepted.
 *
 * With `from`, the entries up to the checkpoint are read only for their state hashes (not re-hashed: the
 * checkpoint's entry vouches for them as the last full check found them).
 */
export async function verifyAuditTrail(
  db: Dexie,
  extraAnchors: readonly AuditAnchor[] = [],
  onProgress?: (done: number, total: number) => void,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const { from, onVerified, pause = yieldToPage, keyed = {} } = options;
  if (keyed.fileProblem) return { ok: false, problem: 'head-file', seq: 0, message: keyed.fileProblem };
  const fileHead = keyed.fileHead && keyed.fileHead.seq > 0 ? keyed.fileHead : null;
  const audit = db.table<AuditEntry, number>('audit');
  const settings = db.table<{ key: string; value: unknown }, string>('settings');
  const [anchorRow, total, atCheckpoint, atFileHead] = await db.transaction('r', [audit, settings], async () => [
    await settings.get(SETTING_KEYS.auditHead),
    await audit.count(),
    from ? await audit.get(from.seq) : undefined,
    // Main's head inside the verified prefix is checked here (the chain verifier sees only what follows it).
    from && fileHead && fileHead.seq <= from.seq ? await audit.get(fileHead.seq) : undefined,
  ]);
  const anchor = isAuditAnchor(anchorRow?.value) ? anchorRow.value : null;
  if (from) {
    const problem = checkpointProblem(from, atCheckpoint);
    if (problem) return problem;
    if (fileHead && fileHead.seq <= from.seq && atFileHead?.hash !== fileHead.hash) {
      return {
        ok: false,
        problem: 'anchor-mismatch',
        seq: fileHead.seq,
        message: `第 ${fileHead.seq} 条记录与主程序保存的链头文件不符（记录链可能被整体改写或截断）`,
      };
    }
  }
  const tracker = createStateTracker();
  const skipped = from?.seq ?? 0;
  // The verified prefix: only its state hashes are needed.
  for (let after = 0; after < skipped;) {
    const chunk = await audit.where('seq').between(after, skipped, false, true).limit(VERIFY_CHUNK).toArray();
    if (chunk.length === 0) break;
    for (const e of chunk) tracker.note(e);
    after = chunk[chunk.length - 1]!.seq;
    await pause();
  }
  const verifier = createChainVerifier(anchor ? [anchor, ...extraAnchors] : extraAnchors, from, keyed);
  let after = skipped;
  /** Hashes the entries after the verified head (all of them at first; those appended since, later). */
  const readChain = async (): Promise<AuditVerification | null> => {
    for (;;) {
      const chunk = await audit.where('seq').above(after).limit(VERIFY_CHUNK).toArray();
      if (chunk.length === 0) return null;
      const problem = verifier.feed(chunk);
      if (problem) return problem;
      for (const e of chunk) tracker.note(e);
      const last = chunk[chunk.length - 1]!;
      after = last.seq;
      onVerified?.({ seq: last.seq, hash: last.hash });
      onProgress?.(verifier.count, Math.max(total - skipped, verifier.count));
      await pause();
    }
  };
  const chainProblem = await readChain();
  if (chainProblem) return chainProblem;
  const anchored = verifier.finish();
  if (!anchored.ok) return anchored;

  /**
   * A record that disagrees may have been written by the app after the chain was read: the entries
   * appended since are verified too, and the record read again, before it is named.
   */
  const confirm = async (p: RecordStateProblem): Promise<AuditVerification | null> => {
    const appended = await readChain();
    if (appended) return appended;
    const row = await db.table<{ id: string }, string>(p.table).get(p.entityId);
    const still = tracker.judge(p.entity, p.table, p.entityId, row);
    return still ? recordFailure(db, still) : null;
  };

  for (const { entity, table: name } of STATE_CHECKED) {
    const table = db.table<{ id: string }, string>(name);
    let last: string | undefined;
    for (;;) {
      const rows = await (last === undefined ? table.toCollection() : table.where(':id').above(last))
        .limit(RECORD_CHUNK)
        .toArray();
      if (rows.length === 0) break;
      for (const row of rows) {
        const problem = tracker.judge(entity, name, row.id, row);
        if (problem) {
          const confirmed = await confirm(problem);
          if (confirmed) return confirmed;
        }
        tracker.seen(entity, row.id);
      }
      last = rows[rows.length - 1]!.id;
      await pause();
    }
    for (const id of tracker.unseen(entity)) {
      const problem = tracker.judge(entity, name, id, undefined);
      if (problem) {
        const confirmed = await confirm(problem);
        if (confirmed) return confirmed;
      }
    }
    tracker.clear(entity);
  }
  // The anchors held before; the head is the last entry read (later if entries were appended meanwhile).
  return verifier.finish();
}

/** The failure, with the newest entry for the record (the one it no longer matches). */
async function recordFailure(db: Dexie, p: RecordStateProblem): Promise<AuditVerification> {
  const newest = await db
    .table<AuditEntry, number>('audit')
    .where('[entity+entityId]')
    .equals([p.entity, p.entityId])
    .last();
  return {
    ok: false,
    problem: p.problem,
    seq: newest?.seq ?? 0,
    message: p.message,
    record: { entity: p.entity, id: p.entityId, table: p.table },
  };
}
