/**
 * The backup check worker (run-check.ts starts one per file and terminates it after the answer or the time
 * limit): receives `{ type: 'check', bytes }` with the file's ArrayBuffer transferred, unzips, hashes and
 * checks it off the page's thread (check-handler.ts), posting progress and the checked tables or the
 * refusal. It reads no storage and writes nothing.
 */
// Under the app's CSP (sent with this script in Electron) zod must not probe for `new Function`.
import '../../app/zod-csp';
import { handleBackupCheck } from './check-handler';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => handleBackupCheck(event.data, (message) => scope.postMessage(message));
