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
