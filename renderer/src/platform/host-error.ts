import { type IpcResult } from '../../../shared/ipc/contract';

/**
 * An error from the host (dialog, file system, bridge) whose `message` is already meant for the user
 * — Chinese from the main process, or translated by the browser host. The UI shows it as is.
 */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostError';
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}

/** Turns the bridge's `{ ok, error }` value back into a result or a thrown {@link HostError}. */
export function unwrapIpc<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new HostError(result.error);
}
