import { BackupRejected, MAX_BACKUP_FILE_BYTES } from '../../../../shared/backup/format';
import { acceptCheckResult, BAD_CHECK_RESULT, checkMessageSchema, type CheckRequest } from './check-wire';
import type { BackupCheckProgress, VerifiedBackup } from './verify';
import { runOnWorker, type WorkerPort } from '../../lib/worker-port';

/**
 * Checks a backup file off the page's thread (RELIABILITY-SECURITY.md IMP-1, DUR-8), the way the import
 * runner (lib/xlsx/import-runner.ts) reads spreadsheets: one Web Worker per file (backup-check.worker.ts), a
 * copy of the bytes transferred to it, a wall-clock limit after which the worker is terminated, progress
 * relayed, the checked rows received in pieces (each its own task on the page), every message checked by zod
 * (check-wire.ts) before the page uses it. The worker is always
 * terminated, so its memory goes with it; inside it memory is bounded by the archive's own caps (file
 * 256 MB, inflated bytes counted as they come out: manifest 1 MB, data.json 400 MB).
 *
 * As with imports there is no fallback to the page's thread when a worker fails (a file that crashes a
 * worker is refused); only where there is no `Worker` at all (Vitest in Node) the same handler runs
 * in-thread and its messages go through the same checks.
 */

/** How long a worker may check one backup file (a district's backup of several years takes seconds). */
export const BACKUP_CHECK_TIMEOUT_MS = 180_000;

export const checkTimeoutMessage = (ms: number) =>
  `备份文件校验超时（超过 ${Math.round(ms / 1000)} 秒），已停止读取，未作任何改动：文件可能过大或结构异常。`;
export const CHECK_WORKER_FAILED =
  '备份文件校验意外中止（可能是文件过大、结构异常或内存不足），已停止读取，未作任何改动。';

/** The part of a Worker the runner uses (a fake one in tests). */
export type CheckWorker = WorkerPort;

export interface CheckBackupOptions {
  onProgress?: (p: BackupCheckProgress) => void;
  /** Default: a module Worker of backup-check.worker.ts, or none where `Worker` does not exist. */
  createWorker?: () => CheckWorker | undefined;
  timeoutMs?: number;
}

function defaultWorker(): CheckWorker | undefined {
  if (typeof Worker !== 'function') return undefined;
  // This exact expression is what Vite recognises to bundle the worker as its own same-origin script.
  return new Worker(new URL('./backup-check.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as CheckWorker;
}

type Outcome = { done: true; verified: VerifiedBackup } | { done: false };

/** One message from the worker (or the in-thread handler): progress relayed, rows gathered, a result returned, a refusal thrown. */
function receive(data: unknown, o: CheckBackupOptions, tables: Record<string, unknown[]>): Outcome {
  const parsed = checkMessageSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BackupRejected(BAD_CHECK_RESULT, 'corrupt', first ? `${first.path.join('.')}: ${first.message}` : '');
  }
  const m = parsed.data;
  if (m.type === 'progress') {
    o.onProgress?.({ stage: m.stage, fraction: m.fraction });
    return { done: false };
  }
  if (m.type === 'rows') {
    const rows = (tables[m.table] ??= []);
    for (const r of m.rows) rows.push(r);
    return { done: false };
  }
  if (m.type === 'result') return { done: true, verified: acceptCheckResult(m, tables) };
  if (m.type === 'refused') throw new BackupRejected(m.message, m.reason, m.detail);
  throw new BackupRejected(CHECK_WORKER_FAILED, 'corrupt', m.message);
}

function inWorker(worker: CheckWorker, request: CheckRequest, o: CheckBackupOptions): Promise<VerifiedBackup> {
  const tables = Object.create(null) as Record<string, unknown[]>;
  return runOnWorker<VerifiedBackup>(worker, request, [request.bytes], {
    timeoutMs: o.timeoutMs ?? BACKUP_CHECK_TIMEOUT_MS,
    onTimeout: (ms) => {
      throw new BackupRejected(checkTimeoutMessage(ms), 'corrupt', `${ms} ms`);
    },
    onFailure: (detail) => {
      throw new BackupRejected(CHECK_WORKER_FAILED, 'corrupt', detail);
    },
    onMessage: (data, { done }) => {
      const outcome = receive(data, o, tables);
      if (outcome.done) done(outcome.verified);
    },
  });
}

async function inThread(request: CheckRequest, o: CheckBackupOptions): Promise<VerifiedBackup> {
  const { handleBackupCheck } = await import('./check-handler');
  let verified: VerifiedBackup | undefined;
  const tables = Object.create(null) as Record<string, unknown[]>;
  handleBackupCheck(request, (message) => {
    const outcome = receive(message, o, tables);
    if (outcome.done) verified = outcome.verified;
  });
  if (!verified) throw new BackupRejected(CHECK_WORKER_FAILED, 'corrupt', 'no result');
  return verified;
}

/**
 * Checks a backup file completely, off the page's thread; nothing is written. The caller's bytes stay usable
 * (a copy is transferred).
 *
 * @throws BackupRejected — the same Chinese messages as {@link verifyBackupFile}, or the time limit, a failed
 *   worker, or an answer that fails the schemas.
 */
export async function checkBackupInWorker(bytes: Uint8Array, o: CheckBackupOptions = {}): Promise<VerifiedBackup> {
  if (bytes.byteLength > MAX_BACKUP_FILE_BYTES) {
    throw new BackupRejected(
      `备份文件过大（超过 ${MAX_BACKUP_FILE_BYTES / 1024 / 1024} MB），未作任何改动。`,
      'too-large',
    );
  }
  const request: CheckRequest = { type: 'check', bytes: bytes.slice().buffer as ArrayBuffer };
  let worker: CheckWorker | undefined;
  try {
    worker = (o.createWorker ?? defaultWorker)();
  } catch (e) {
    throw new BackupRejected(CHECK_WORKER_FAILED, 'corrupt', e instanceof Error ? e.message : String(e));
  }
  return worker ? inWorker(worker, request, o) : inThread(request, o);
}
