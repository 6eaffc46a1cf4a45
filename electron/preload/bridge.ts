import type { IpcChannel, IpcResult, JointDeskBridge } from '../../shared/ipc/contract';
import { BACKUP_QUIT_REQUEST } from '../../shared/ipc/messages';

/** `ipcRenderer.invoke`, narrowed to what the bridge passes: a channel and one plain input. */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Subscribes to the one message main sends (the quit request), replacing any earlier subscriber; the
 * handler gets no arguments, so no `IpcRendererEvent` reaches the page.
 */
export type Listen = (channel: typeof BACKUP_QUIT_REQUEST, handler: () => void) => void;

/**
 * Builds `window.jointdesk`: one named function per contract channel plus `backup.onQuitRequest` (the
 * quit-backup request, argument-free) and nothing else — no generic invoke/send, no `sendSync`, no
 * listener that could leak an `IpcRendererEvent`. Main validates every
 * input and sender again; the types here only help the renderer call it correctly.
 *
 * Only types are imported from the contract, so the sandboxed preload bundle stays free of zod.
 */
export function createBridge(invoke: Invoke, listen: Listen): JointDeskBridge {
  const call = <T>(channel: IpcChannel, input: unknown): Promise<IpcResult<T>> =>
    invoke(channel, input) as Promise<IpcResult<T>>;
  return {
    audit: {
      key: () => call('audit:key', undefined),
      head: () => call('audit:head', undefined),
      setHead: (input) => call('audit:set-head', input),
      resetHead: (input) => call('audit:reset-head', input),
    },
    files: {
      saveAs: (input) => call('files:save-as', input),
      open: (input) => call('files:open', input),
      reveal: (input) => call('files:reveal', input),
    },
    app: {
      info: () => call('app:info', undefined),
    },
    print: {
      toPdf: (input) => call('print:to-pdf', input),
    },
    backup: {
      list: () => call('backup:list', undefined),
      write: (input) => call('backup:write', input),
      read: (input) => call('backup:read', input),
      openFile: () => call('backup:open-file', undefined),
      chooseDir: () => call('backup:choose-dir', undefined),
      setRetention: (input) => call('backup:set-retention', input),
      revealDir: () => call('backup:reveal-dir', undefined),
      quarantineDb: () => call('backup:quarantine-db', undefined),
      quitDone: (input) => call('backup:quit-done', input),
      preOpenList: () => call('backup:pre-open-list', undefined),
      preOpenRestore: (input) => call('backup:pre-open-restore', input),
      onQuitRequest: (handler) => listen(BACKUP_QUIT_REQUEST, () => handler()),
    },
    pii: {
      publicKey: () => call('pii:public-key', undefined),
      open: (input) => call('pii:open', input),
    },
  };
}
