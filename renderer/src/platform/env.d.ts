import { type JointDeskBridge } from '../../../shared/ipc/contract';

declare global {
  /** package.json version, injected by Vite `define` (vite.web.config.ts, electron.vite.config.ts). */
  const __APP_VERSION__: string;

  interface Window {
    /** Present only inside Electron: the preload bridge (electron/preload/index.ts). */
    jointdesk?: JointDeskBridge;
  }
}
