/**
 * The audit verification worker (run-verify.ts starts one per check and terminates it after the result):
 * opens the app's IndexedDB with its own Dexie connection and verifies the trail off the page's thread
 * (handler.ts), posting progress, verified prefixes and the result. It writes nothing.
 */
// Under the app's CSP (sent with this script in Electron) zod must not probe for `new Function`.
import '../../app/zod-csp';
import { handleVerifyRequest } from './handler';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  void handleVerifyRequest(event.data, (message) => scope.postMessage(message));
};
