import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type Rect } from './window-state';

/**
 * The constructor options of the main window — the only place in the app where `webPreferences` are
 * written (RELIABILITY-SECURITY.md SEC-1). Every security-relevant preference is spelled out even where
 * it equals Electron's default, so a default changing upstream cannot weaken the app silently, and the
 * composition-root test asserts the runtime values.
 */
export function mainWindowOptions(
  preloadPath: string,
  isDev: boolean,
  bounds?: Partial<Rect>,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '联席会议工作台',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: isDev,
    },
  };
}

/**
 * The hidden window that renders a print view to PDF (print/…): the main window's hardening preferences
 * unchanged, but **no preload** — the print page needs no bridge, so it gets none (it cannot call IPC at
 * all) — and no background throttling, since it is never shown. A4 at 96 dpi, so the page lays out as it
 * will print.
 */
export function printWindowOptions(isDev: boolean): BrowserWindowConstructorOptions {
  const { webPreferences = {}, ...rest } = mainWindowOptions('', isDev);
  const { preload: _none, ...hardened } = webPreferences;
  return {
    title: rest.title,
    show: false,
    width: 794,
    height: 1123,
    backgroundColor: '#ffffff',
    webPreferences: { ...hardened, devTools: false, backgroundThrottling: false },
  };
}
