import type { IpcContract } from '../../../shared/ipc/contract';
import type { HandlersFor } from './register';

/** Facts about the running app, read once by the composition root. */
export interface AppInfoContext {
  readonly version: string;
  readonly userDataPath: string;
  readonly platform: string;
  readonly electronVersion: string;
}

export function createAppHandlers(ctx: AppInfoContext): HandlersFor<Pick<IpcContract, 'app:info'>> {
  return {
    'app:info': async () => ({
      version: ctx.version,
      dataPath: ctx.userDataPath,
      platform: ctx.platform,
      electron: ctx.electronVersion,
    }),
  };
}
