import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { z } from 'zod';
import { writeBackupDurably } from '../backup/durable-write';
import type { AuditHeadState } from '../../../shared/ipc/audit-contract';
import { UserFacingError } from '../services/user-facing-error';

/**
 * The audit chain's head kept by main in `userData/audit-head.json` (RELIABILITY-SECURITY.md AUD-3,
 * Electron): outside IndexedDB, so a direct edit of the database that truncates the trail and moves its
 * head back, deletes it whole, or re-hashes it is found — the file still names the seq and hash the app
 * last committed.
 *
 * The file: `{ version: 1, seq, hash, keyedFrom, updatedAt, restoredAt?, resetReason?, previous?, mac? }`.
 * - `keyedFrom`: from this seq on every entry carries a mac (audit-chain.ts auditEntryMac); stripping macs
 *   is therefore found. Set by the first keyed write, never changed by later ones; a reset clears it.
 * - `mac`: HMAC-SHA256(audit key, "jointdesk-audit-head:v1:" ‖ JCS(file without mac)), when the key exists.
 *   Without the key the file cannot be rewritten to fit a forged chain without this being found.
 * - `restoredAt`/`previous`: the last explicit reset (a restore, or the user accepting the data as found) and
 *   the head it replaced, so a reset is visible rather than silent.
 *
 * Writes are serialised and durable (temp file → fsync → rename → fsync of the folder). `advance` never
 * moves the head backwards: a lower seq, or the same seq with another hash, is refused, and so is any
 * write over a file that is damaged or fails its mac (the evidence stays). Only `reset` — its own IPC
 * channel, used after a restore — may move it back.
 */

export const AUDIT_HEAD_FILE_NAME = 'audit-head.json';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const headFileSchema = z
  .object({
    version: z.literal(1),
    seq: z.number().int().nonnegative(),
    hash: hex64,
    keyedFrom: z.number().int().positive().nullable(),
    updatedAt: z.string().max(40),
    restoredAt: z.string().max(40).optional(),
    resetReason: z.enum(['restore', 'accept-data']).optional(),
    previous: z.object({ seq: z.number().int().nonnegative(), hash: hex64 }).strict().optional(),
    mac: hex64.optional(),
  })
  .strict();
type HeadFile = z.infer<typeof headFileSchema>;

/** What main tells the renderer about its head (no mac: it is main's own check); defined by the IPC contract. */
export type { AuditHeadState };

export interface AuditHeadRead {
  head: AuditHeadState | null;
  /** Chinese: why the file cannot be trusted (damaged, altered, missing, unsealed); the verifier reports it as a break. */
  problem?: string;
}

export interface AuditHeadFs {
  /** Rejects with `code: 'ENOENT'` when the file does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /** Temp file → fsync → rename (→ fsync of the folder). */
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
}

export const nodeAuditHeadFs: AuditHeadFs = {
  readFile: (path) => readFile(path),
  writeFileAtomic: async (path, bytes) => void (await writeBackupDurably(dirname(path), basename(path), bytes)),
};

export interface AuditHeadStore {
  read(): Promise<AuditHeadRead>;
  /** After a committed write: the new head. Refused (UserFacingError) when it would move back or the file is not trusted. */
  advance(next: { seq: number; hash: string; keyedFrom: number | null }): Promise<AuditHeadState>;
  /** After a restore (or the user accepting the data as found): the head is set to `next`, the old one noted. */
  reset(next: { seq: number; hash: string; reason: 'restore' | 'accept-data' }): Promise<AuditHeadState>;
}

export const HEAD_BACKWARDS = (stored: number, sent: number) =>
  `审计链头不能后退（主程序已记录第 ${stored} 条，收到第 ${sent} 条），已拒绝。`;
export const HEAD_REWRITTEN = (seq: number) =>
  `第 ${seq} 条审计记录的链头与主程序已记录的不同，已拒绝（记录链可能被改写）。`;
export const HEAD_DAMAGED = '主程序保存的审计链头文件（audit-head.json）已损坏，无法核对审计记录是否被截断或改写。';
export const HEAD_ALTERED = '主程序保存的审计链头文件（audit-head.json）的校验码不符：该文件在本程序之外被改动过。';
export const HEAD_MISSING = '主程序保存的审计链头文件（audit-head.json）缺失：该文件可能在本程序之外被删除。';
export const HEAD_UNSEALED = '主程序保存的审计链头文件（audit-head.json）缺少校验码：该文件可能在本程序之外被改写。';
const KEYED_AFTER_SEQ = '开始加校验码的序号不能大于链头序号。';

const GENESIS = '0'.repeat(64);

export function createAuditHeadStore(o: {
  filePath: string;
  fs: AuditHeadFs;
  /** The audit key, or null where there is none (no OS encryption, or it failed to load). */
  key: () => Promise<Uint8Array | null>;
  /** True when the key was made by this process (a file written before it may lack a mac, and may be absent). */
  keyCreatedThisSession: () => boolean;
  now?: () => Date;
}): AuditHeadStore {
  const now = () => (o.now?.() ?? new Date()).toISOString();
  let queue: Promise<unknown> = Promise.resolve();
  /** One operation at a time, each seeing the file as the previous one left it. */
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };

  const macOf = (key: Uint8Array, file: Omit<HeadFile, 'mac'>): string =>
    createHmac('sha256', key)
      .update(`jointdesk-audit-head:v1:${canonicalJson(file) ?? ''}`, 'utf8')
      .digest('hex');

  const stateOf = (f: HeadFile): AuditHeadState => ({
    seq: f.seq,
    hash: f.hash,
    keyedFrom: f.keyedFrom,
    updatedAt: f.updatedAt,
    ...(f.restoredAt !== undefined ? { restoredAt: f.restoredAt } : {}),
  });

  async function keyOrNull(): Promise<Uint8Array | null> {
    try {
      return await o.key();
    } catch {
      return null;
    }
  }

  /** The file as stored, with the problem that keeps it from being trusted (if any). */
  async function load(): Promise<{ file: HeadFile | null; problem?: string }> {
    let raw: Uint8Array;
    try {
      raw = await o.fs.readFile(o.filePath);
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT') return { file: null, problem: HEAD_DAMAGED };
      const key = await keyOrNull();
      if (!key) return { file: null };
      // With a key from an earlier session the file was made then (below): its absence is news.
      if (!o.keyCreatedThisSession()) return { file: null, problem: HEAD_MISSING };
      // The key is new: the file is made now, sealed, so that from the next start on it must exist.
      return { file: await store({ version: 1, seq: 0, hash: GENESIS, keyedFrom: null, updatedAt: now() }) };
    }
    let file: HeadFile;
    try {
      const parsed = headFileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
      if (!parsed.success) return { file: null, problem: HEAD_DAMAGED };
      file = parsed.data;
    } catch {
      return { file: null, problem: HEAD_DAMAGED };
    }
    const key = await keyOrNull();
    if (key) {
      const { mac, ...rest } = file;
      if (mac === undefined) {
        if (!o.keyCreatedThisSession()) return { file, problem: HEAD_UNSEALED };
        // Written before the key existed (this session made it): sealed now.
        return { file: await store(rest) };
      } else if (mac !== macOf(key, rest)) {
        return { file, problem: HEAD_ALTERED };
      }
    }
    return { file };
  }

  async function store(file: Omit<HeadFile, 'mac'>): Promise<HeadFile> {
    const key = await keyOrNull();
    const sealed: HeadFile = key ? { ...file, mac: macOf(key, file) } : file;
    await o.fs.writeFileAtomic(o.filePath, new TextEncoder().encode(`${JSON.stringify(sealed, null, 2)}\n`));
    return sealed;
  }

  const withoutMac = ({ mac: _mac, ...rest }: HeadFile): Omit<HeadFile, 'mac'> => rest;

  return {
    read: () =>
      serial(async () => {
        const { file, problem } = await load();
        return { head: file ? stateOf(file) : null, ...(problem ? { problem } : {}) };
      }),

    advance: (next) =>
      serial(async () => {
        if (next.keyedFrom !== null && next.keyedFrom > next.seq) throw new UserFacingError(KEYED_AFTER_SEQ);
        const { file, problem } = await load();
        if (problem) throw new UserFacingError(`${problem}已拒绝更新链头。`);
        if (file) {
          if (next.seq < file.seq) throw new UserFacingError(HEAD_BACKWARDS(file.seq, next.seq));
          if (next.seq === file.seq) {
            if (next.hash !== file.hash) throw new UserFacingError(HEAD_REWRITTEN(next.seq));
            if (file.keyedFrom !== null || next.keyedFrom === null) return stateOf(file);
          }
        }
        const written = await store({
          ...(file ? withoutMac(file) : {}),
          version: 1,
          seq: next.seq,
          hash: next.hash,
          // Once entries are keyed from a seq, that seq stays (a later write cannot lift the requirement).
          keyedFrom: file?.keyedFrom ?? next.keyedFrom,
          updatedAt: now(),
        });
        return stateOf(written);
      }),

    reset: (next) =>
      serial(async () => {
        const { file } = await load();
        const at = now();
        const written = await store({
          version: 1,
          seq: next.seq,
          hash: next.hash,
          keyedFrom: null,
          updatedAt: at,
          restoredAt: at,
          resetReason: next.reason,
          ...(file ? { previous: { seq: file.seq, hash: file.hash } } : {}),
        });
        return stateOf(written);
      }),
  };
}
