import type { IpcContract } from '../../../shared/ipc/contract';
import { createAppHandlers, type AppInfoContext } from './app';
import { createFileHandlers, type FilesContext } from './files';
import type { HandlersFor } from './register';

export type IpcContext = FilesContext & { readonly appInfo: AppInfoContext };

/** Every channel's handler, built from one injected context. */
export function createIpcHandlers(ctx: IpcContext): HandlersFor<IpcContract> {
  return { ...createFileHandlers(ctx), ...createAppHandlers(ctx.appInfo) };
}
