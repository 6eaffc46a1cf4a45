/**
 * The import worker (import-runner.ts starts one per file and terminates it after the answer or the time
 * limit): receives `{ kind, bytes }` with the file's ArrayBuffer transferred, runs the guarded unzip, exceljs
 * and the row extraction off the page's thread, and posts back plain arrays of texts or the DomainError's
 * fields (parse-import.ts). It reads no storage and writes nothing.
 */
// Under the app's CSP (sent with this script in Electron) zod must not probe for `new Function`.
import '../../app/zod-csp';
import { handleImportRequest } from './parse-import';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void handleImportRequest(event.data).then((response) => scope.postMessage(response));
};
