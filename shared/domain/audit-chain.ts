import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, type AuditAnchor, type AuditEntry, type AuditedEntity, type UnsealedAuditEntry } from './audit';

/**
 * The hash chain of the audit trail (RELIABILITY-SECURITY.md AUD-2/AUD-3):
 * `hash = SHA-256(prevHash ‖ JCS(entry without hash))`, hex encoded.
 *
 * The hash is computed synchronously with `@noble/hashes` on purpose. Entries are sealed inside the
 * Dexie `rw` transaction that writes the record; awaiting WebCrypto (`crypto.subtle.digest`) there is a
 * non-IndexedDB async call, which can let IndexedDB auto-commit the transaction before the audit row
 * is added (Dexie's PrematureCommitError, RELIABILITY §2.1/§5.2). A synchronous hash never yields.
 */

/** Result of checking a chain against its anchors. Messages are Chinese and name the first bad entry. */
export type AuditVerification =
  | { ok: true; count: number; head: AuditAnchor | null }
  | {
      ok: false;
      problem:
        | 'edited'
        | 'deleted'
        | 'reordered'
        | 'truncated'
        | 'anchor-mismatch'
        /** An entry from the keyed seq on without its mac (written outside the app, or its mac stripped). */
        | 'unkeyed'
        /** An entry whose mac does not match: forged without the installation's audit key. */
        | 'mac-invalid'
        /** Main's head file (audit-head.json) is damaged, altered or missing, as main reported it. */
        | 'head-file'
        /** A business record no longer matches the newest entry for it (see audit-state.ts). */
        | 'record-edited'
        | 'record-unaudited'
        | 'record-deleted';
      /** The entry concerned; for a record problem, the newest entry for that record (0: none). */
      seq: number;
      message: string;
      /** For a record problem: which record, in which table. */
      record?: { entity: AuditedEntity; id: string; table: string };
    };

/**
 * SHA-256 hex of `prevHash ‖ canonical JSON (RFC 8785) of the entry without its hash and mac`. Any `hash`
 * or `mac` property on the argument is ignored, so a stored entry can be re-hashed as it is (and entries
 * written before macs existed keep their hashes).
 */
export function auditEntryHash(entry: UnsealedAuditEntry | AuditEntry): string {
  const { hash: _ignored, mac: _mac, ...unsealed } = entry as AuditEntry;
  const json = canonicalJson(unsealed);
  if (json === undefined) throw new Error('审计记录无法序列化');
  return bytesToHex(sha256(utf8ToBytes(unsealed.prevHash + json)));
}

/** Length of the installation's audit key (Electron: made and kept by main under safeStorage). */
export const AUDIT_KEY_BYTES = 32;

/**
 * The keyed seal of an entry (AUD-2, Electron): HMAC-SHA256(audit key, "jointdesk-audit-entry:v1:" ‖ entry
 * hash), hex. The hash already binds every other field and the predecessor (prevHash), so a mac over the
 * hash authenticates the whole entry and its place in the chain at one HMAC of ~90 bytes per entry. The
 * prefix keeps it apart from main's mac of the head file (another input under the same key). Synchronous
 * (@noble/hashes), so it runs inside the write's Dexie transaction like the hash.
 */
export function auditEntryMac(key: Uint8Array, hash: string): string {
  if (key.length !== AUDIT_KEY_BYTES) throw new Error('审计密钥长度不正确');
  return bytesToHex(hmac(sha256, key, utf8ToBytes(`jointdesk-audit-entry:v1:${hash}`)));
}

/**
 * Adds the hash to an entry whose `prevHash` is already the previous entry's hash (or GENESIS_HASH), and
 * with `key` its mac ({@link auditEntryMac}).
 */
export function sealAuditEntry(entry: UnsealedAuditEntry, key?: Uint8Array | null): AuditEntry {
  const { mac: _mac, ...unsealed } = entry as UnsealedAuditEntry & { mac?: string };
  const hash = auditEntryHash(unsealed);
  return key ? { ...unsealed, hash, mac: auditEntryMac(key, hash) } : { ...unsealed, hash };
}

/**
 * What the verifier knows besides the chain in Electron: main's head file (the head as main last stored
 * it; outside IndexedDB) and the audit key with the seq from which every entry must carry a mac.
 */
export interface AuditKeyedCheck {
  /** The head in main's file; null when there is none yet. */
  fileHead?: AuditAnchor | null;
  /** The installation's audit key; without it macs cannot be checked. */
  key?: Uint8Array | null;
  /** From this seq on every entry must carry a valid mac (the head file records it); null: none yet. */
  keyedFrom?: number | null;
}

/** How many wrong-hash entries are tried as swap partners; bounds the cost on a badly damaged chain. */
const MAX_SWAP_CANDIDATES = 64;

/**
 * Checks a chain in the order given (the audit table's key order) and then every anchor.
 * Detects an edited entry (its hash no longer matches), a deleted one (gap in `seq`, or a link to a
 * predecessor that is not there), two entries swapped, and — only with an anchor — truncation of the
 * tail or a recomputed chain. Reports the first problem found.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  anchors: readonly AuditAnchor[],
  keyed: AuditKeyedCheck = {},
): AuditVerification {
  const v = createChainVerifier(anchors, undefined, keyed);
  return v.feed(entries) ?? v.finish();
}

/**
 * The same check fed in chunks (in key order), so a long chain is verified in pieces the caller can
 * yield between: memory stays at one chunk and the page stays responsive. `feed` returns the first
 * problem as soon as it is found (then stop); `finish` checks the anchors and gives the result.
 * Two swapped entries are named as a swap when both lie in the same chunk, otherwise as an edit.
 */
export function createChainVerifier(
  anchors: readonly AuditAnchor[],
  /** Resume after a verified checkpoint (its entry checked with {@link checkpointProblem}); genesis by default. */
  from: AuditAnchor = { seq: 0, hash: GENESIS_HASH },
  /** Electron: main's head file and the audit key (see {@link AuditKeyedCheck}). */
  keyed: AuditKeyedCheck = {},
): {
  feed(chunk: readonly AuditEntry[]): AuditVerification | null;
  finish(): AuditVerification;
  readonly count: number;
} {
  const wanted = new Map<number, string>();
  const anchorList = [...anchors].filter((a) => a.seq > from.seq).sort((a, b) => a.seq - b.seq);
  for (const a of anchorList) wanted.set(a.seq, '');
  const fileHead = keyed.fileHead && keyed.fileHead.seq > 0 ? keyed.fileHead : null;
  if (fileHead && fileHead.seq > from.seq) wanted.set(fileHead.seq, '');
  const macKey = keyed.key && keyed.keyedFrom != null ? keyed.key : null;
  const keyedFrom = keyed.keyedFrom ?? Number.POSITIVE_INFINITY;
  const seen = new Map<number, string>();
  let prev: AuditAnchor = { seq: from.seq, hash: from.hash };
  let count = 0;

  const feed = (entries: readonly AuditEntry[]): AuditVerification | null => {
    const selfValid = entries.map((e) => auditEntryHash(e) === e.hash);
    const badSeqs = entries.filter((_, i) => !selfValid[i]).map((e) => e.seq);
    const presentSeqs = new Set(entries.map((e) => e.seq));
    for (const [i, e] of entries.entries()) {
      const expected = prev.seq + 1;
      if (e.seq < expected) {
        return fail('reordered', e.seq, `第 ${e.seq} 条记录的位置被调换`);
      }
      if (e.seq > expected) {
        return presentSeqs.has(expected)
          ? fail('reordered', expected, `第 ${expected} 条记录的位置被调换`)
          : fail('deleted', expected, `第 ${expected} 条记录缺失（已被删除）`);
      }
      if (!selfValid[i]) {
        // In a table keyed by seq, swapping two rows means each row now carries the other's seq, so
        // its hash fails; it matches again under the seq it was sealed with.
        const partner = badSeqs
          .slice(0, MAX_SWAP_CANDIDATES)
          .find((s) => s !== e.seq && auditEntryHash({ ...e, seq: s }) === e.hash);
        if (partner !== undefined) {
          const [a, b] = e.seq < partner ? [e.seq, partner] : [partner, e.seq];
          return fail('reordered', a, `第 ${a} 条与第 ${b} 条记录的顺序被调换`);
        }
        return fail('edited', e.seq, `第 ${e.seq} 条记录内容被修改`);
      }
      if (e.prevHash !== prev.hash) {
        // The entry is intact but does not follow its predecessor: something before it was removed
        // or replaced by a re-sealed entry.
        return fail('deleted', e.seq, `第 ${e.seq} 条记录与前一条记录的链接断开（之前的记录被删除或替换）`);
      }
      if (macKey && e.seq >= keyedFrom) {
        if (typeof e.mac !== 'string' || e.mac === '') {
          return fail('unkeyed', e.seq, `第 ${e.seq} 条记录缺少校验码（可能是在本程序之外添加的，或校验码被去除）`);
        }
        if (e.mac !== auditEntryMac(macKey, e.hash)) {
          return fail('mac-invalid', e.seq, `第 ${e.seq} 条记录的校验码不正确（记录可能是在本程序之外伪造的）`);
        }
      }
      if (wanted.has(e.seq)) seen.set(e.seq, e.hash);
      prev = { seq: e.seq, hash: e.hash };
      count += 1;
    }
    return null;
  };

  const finish = (): AuditVerification => {
    // Main's head file first: it is the anchor a direct edit of the database cannot move (Electron).
    if (fileHead && fileHead.seq > from.seq) {
      if (fileHead.seq > prev.seq) {
        return fail(
          'truncated',
          prev.seq + 1,
          `审计记录在第 ${prev.seq} 条之后被截断（主程序保存的链头文件表明至少应有 ${fileHead.seq} 条）`,
        );
      }
      if (seen.get(fileHead.seq) !== fileHead.hash) {
        return fail(
          'anchor-mismatch',
          fileHead.seq,
          `第 ${fileHead.seq} 条记录与主程序保存的链头文件不符（记录链可能被整体改写）`,
        );
      }
    }
    for (const anchor of anchorList) {
      if (anchor.seq > prev.seq) {
        return fail(
          'truncated',
          prev.seq + 1,
          `审计记录在第 ${prev.seq} 条之后被截断（校验锚点表明至少应有 ${anchor.seq} 条）`,
        );
      }
      if (seen.get(anchor.seq) !== anchor.hash) {
        return fail('anchor-mismatch', anchor.seq, `第 ${anchor.seq} 条记录与校验锚点不符（记录链可能被整体改写）`);
      }
    }
    return { ok: true, count, head: count > 0 ? prev : null };
  };

  return {
    feed,
    finish,
    get count() {
      return count;
    },
  };
}

/**
 * The check that lets a verification resume from a checkpoint kept outside the database (the head of the
 * last verification that passed): the entry at the checkpoint's seq must still be there, intact, with the
 * same hash. A chain truncated below it, deleted, or re-sealed as a whole fails here; null when it holds.
 */
export function checkpointProblem(checkpoint: AuditAnchor, entry: AuditEntry | undefined): AuditVerification | null {
  if (!entry) {
    return fail(
      'truncated',
      checkpoint.seq,
      `审计记录上次校验时有 ${checkpoint.seq} 条，现在第 ${checkpoint.seq} 条已不存在（记录被截断或删除）`,
    );
  }
  if (entry.hash !== checkpoint.hash || auditEntryHash(entry) !== entry.hash) {
    return fail(
      'anchor-mismatch',
      checkpoint.seq,
      `第 ${checkpoint.seq} 条记录与上次校验时不同（记录链可能被整体改写）`,
    );
  }
  return null;
}

function fail(
  problem: Extract<AuditVerification, { ok: false }>['problem'],
  seq: number,
  message: string,
): AuditVerification {
  return { ok: false, problem, seq, message };
}
