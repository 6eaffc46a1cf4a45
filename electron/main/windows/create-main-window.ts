import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { mainWindowOptions } from './main-window-options';
import { fitToDisplays, type WindowStateStore } from './window-state';

export interface CreateMainWindowDeps {
  /** Electron's `BrowserWindow` class (injected so the composition-root test can record options). */
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Work areas of all displays, primary first. */
  readonly workAreas: () => readonly Rectangle[];
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly stateStore: WindowStateStore;
  /** `app://jointdesk/index.html` in production, the dev server URL in development. */
  readonly url: string;
  readonly onLoadError?: (error: unknown) => void;
}

/**
 * The one window factory: restores the remembered bounds, builds the window from `mainWindowOptions`,
 * keeps the bounds up to date, and loads the UI. Navigation and permission guards are not set here but
 * on every web contents by the composition root (`web-contents-created`).
 */
export async function createMainWindow(deps: CreateMainWindowDeps): Promise<BrowserWindow> {
  const saved = await deps.stateStore.load();
  const placed = fitToDisplays(saved, deps.workAreas());
  const { isMaximized, ...bounds } = placed;
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, deps.isDev, bounds));

  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    deps.stateStore.schedule({ ...win.getNormalBounds(), isMaximized: win.isMaximized() });
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => {
    remember();
    void deps.stateStore.flush();
  });
  win.once('ready-to-show', () => {
    if (isMaximized) win.maximize();
    win.show();
  });

  try {
    await win.loadURL(deps.url);
  } catch (error) {
    // A failed load must not leave an invisible window behind: show it so the user sees *something*
    // (Chromium's error page) and can close it; the error goes to the log.
    deps.onLoadError?.(error);
    if (!win.isDestroyed()) win.show();
  }
  return win;
}
