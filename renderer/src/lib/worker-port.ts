/**
 * The part of a Web Worker the app's runners use (imports, backup checks, audit verification), so a test
 * can hand them a fake one. One definition for all three.
 */
export interface WorkerPort {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

export interface WorkerRun<T> {
  /** Ends the run after this long (the worker terminated); without it the run has no limit. */
  timeoutMs?: number;
  /** The run's result when the time is up (throw to reject). */
  onTimeout?: (timeoutMs: number) => T | Promise<T>;
  /** The run's result when the worker failed, a message could not be read or the post threw (throw to reject). */
  onFailure: (detail: string) => T | Promise<T>;
  /** Each message; `done` ends the run with a value, `fail` as a failure. A throw rejects the run. */
  onMessage: (data: unknown, end: { done: (value: T) => void; fail: (detail: string) => void }) => void;
}

/**
 * Posts one request to `worker` and ends the run exactly once — on `done`, a failure or the time limit —
 * with the timer cleared, the handlers detached and the worker terminated before the result is settled.
 * The one worker lifecycle of the import, backup-check and audit-verify runners.
 */
export function runOnWorker<T>(
  worker: WorkerPort,
  request: unknown,
  transfer: Transferable[],
  run: WorkerRun<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: () => T | Promise<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      Promise.resolve().then(result).then(resolve, reject);
    };
    const fail = (detail: string) => finish(() => run.onFailure(detail));
    const end = { done: (value: T) => finish(() => value), fail };
    if (run.timeoutMs !== undefined) {
      const ms = run.timeoutMs;
      timer = setTimeout(() => finish(() => (run.onTimeout ? run.onTimeout(ms) : run.onFailure(`${ms} ms`))), ms);
    }
    worker.onmessage = (event) => {
      try {
        run.onMessage(event.data, end);
      } catch (e) {
        finish(() => {
          throw e;
        });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(event.message || 'worker error');
    };
    worker.onmessageerror = () => fail('message could not be read');
    try {
      worker.postMessage(request, transfer);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  });
}
