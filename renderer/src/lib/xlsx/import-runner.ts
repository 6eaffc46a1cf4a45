import { DomainError } from '../../../../shared/domain/errors';
import { acceptImportResponse, type ImportKind, type ImportRequest, type ImportWire } from './import-wire';
import { fileTooLarge, MAX_XLSX_BYTES } from './limits';
import { runOnWorker, type WorkerPort } from '../worker-port';

/**
 * Runs an import's parsing off the page's thread (RELIABILITY-SECURITY.md IMP-1): one Web Worker per file
 * (import.worker.ts), the file's bytes transferred to it, a wall-clock limit after which the worker is
 * terminated, and the answer checked by zod strict schemas (import-wire.ts) before anything uses it. The
 * worker is always terminated, so its memory goes with it. Memory inside the worker is bounded by the guarded
 * path it runs (zip-guard.ts: inflated bytes counted as they come out, 100 MB in all; exceljs row/cell caps).
 *
 * Where there is no Worker (Vitest in Node), the same request is handled in-thread by the same function and
 * its answer goes through the same checks.
 */

/** How long a worker may parse one file. */
export const IMPORT_TIMEOUT_MS = 20_000;

export const timeoutMessage = (ms: number) =>
  `文件解析超时（超过 ${Math.round(ms / 1000)} 秒），已停止读取，未写入任何数据：文件可能过大或结构异常，请检查后重试`;
export const WORKER_FAILED_MESSAGE =
  '文件解析意外中止（可能是文件过大、结构异常或内存不足），已停止读取，未写入任何数据，请检查文件后重试';

/** The part of a Worker the runner uses (a fake one in tests). */
export type ImportWorker = WorkerPort;

export interface RunImportOptions {
  /** The picked file's name: named in the messages of the zip checks (ratio, nested archives). */
  fileName?: string;
  /** Default: a module Worker of import.worker.ts, or none where `Worker` does not exist. */
  createWorker?: () => ImportWorker | undefined;
  timeoutMs?: number;
}

function defaultWorker(): ImportWorker | undefined {
  if (typeof Worker !== 'function') return undefined;
  // This exact expression is what Vite recognises to bundle the worker as its own same-origin script.
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return worker as unknown as ImportWorker;
}

function inWorker(worker: ImportWorker, request: ImportRequest, timeoutMs: number): Promise<unknown> {
  return runOnWorker<unknown>(worker, request, [request.bytes], {
    timeoutMs,
    onTimeout: (ms) => {
      throw new DomainError('import-invalid', timeoutMessage(ms), [`${ms} ms`]);
    },
    onFailure: (detail) => {
      throw new DomainError('import-invalid', WORKER_FAILED_MESSAGE, [detail]);
    },
    onMessage: (data, { done }) => done(data),
  });
}

async function inThread(request: ImportRequest): Promise<unknown> {
  const { handleImportRequest } = await import('./parse-import');
  return handleImportRequest(request);
}

/**
 * Parses an import file of `kind` off the page's thread and returns its checked contents.
 *
 * @throws DomainError('import-invalid') — the file is over 10 MB, unsafe, not an .xlsx, lacks a sheet, took
 *   longer than the time limit, made the worker fail, or produced an answer that fails the schemas.
 */
export async function runImport<K extends ImportKind>(
  kind: K,
  bytes: ArrayBuffer | Uint8Array,
  o: RunImportOptions = {},
): Promise<Extract<ImportWire, { kind: K }>> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteLength > MAX_XLSX_BYTES) throw fileTooLarge(view.byteLength);
  // A copy of exactly these bytes is transferred: the caller's buffer stays usable.
  const request: ImportRequest = {
    kind,
    bytes: view.slice().buffer as ArrayBuffer,
    ...(o.fileName !== undefined ? { fileName: o.fileName.slice(0, 260) } : {}),
  };
  let worker: ImportWorker | undefined;
  try {
    worker = (o.createWorker ?? defaultWorker)();
  } catch (e) {
    throw new DomainError('import-invalid', WORKER_FAILED_MESSAGE, [e instanceof Error ? e.message : String(e)]);
  }
  const response = worker ? await inWorker(worker, request, o.timeoutMs ?? IMPORT_TIMEOUT_MS) : await inThread(request);
  return acceptImportResponse(kind, response) as Extract<ImportWire, { kind: K }>;
}
