import type { IpcChannel, IpcResult, JointDeskBridge } from '../../shared/ipc/contract';

/** `ipcRenderer.invoke`, narrowed to what the bridge passes: a channel and one plain input. */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Builds `window.jointdesk`: one named function per contract channel and nothing else — no generic
 * invoke/send, no `sendSync`, no listener that could leak an `IpcRendererEvent`. Main validates every
 * input and sender again; the types here only help the renderer call it correctly.
 *
 * Only types are imported from the contract, so the sandboxed preload bundle stays free of zod.
 */
export function createBridge(invoke: Invoke): JointDeskBridge {
  const call = <T>(channel: IpcChannel, input: unknown): Promise<IpcResult<T>> =>
    invoke(channel, input) as Promise<IpcResult<T>>;
  return {
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
  };
}
