import { isTrustedAppUrl } from '../security/trusted-url';

/** The parts of `IpcMainInvokeEvent` the sender check reads. */
export interface IpcSenderEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * VS Code's rule (src/vs/base/parts/ipc/electron-main/ipcMain.ts) and Electron's checklist item 17:
 * answer only the main frame of a page on the app origin. `senderFrame` is null when the frame has
 * navigated away or been destroyed; its getters can throw on a disposed frame, hence the try.
 */
export function isTrustedSender(event: IpcSenderEvent, extraOrigins: readonly string[] = []): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    return isTrustedAppUrl(frame.url, extraOrigins);
  } catch {
    return false;
  }
}
