import type { BrowserWindowConstructorOptions } from 'electron';
import { PRINT_READY_ATTRIBUTE } from '../../../shared/ipc/contract';
import { UserFacingError } from '../services/user-facing-error';
import { printWindowOptions } from './main-window-options';

/**
 * What `webContents.printToPDF` is called with: A4, backgrounds (a shaded table head is a background),
 * and the page's own `@page` size and GB/T 9704 margins. Zero default margins, as Playwright's `page.pdf`
 * sends them: the e2e check (test/e2e/flows/minutes-print.spec.ts) measures that the CSS margins win on
 * that same Chromium printing path.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const;

/** The parts of a `BrowserWindow` the renderer of PDFs touches (Electron's class satisfies it). */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  readonly webContents: {
    executeJavaScriptInIsolatedWorld(worldId: number, scripts: { code: string }[]): Promise<unknown>;
    printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>;
  };
}

export interface PdfRendererDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  readonly isDev: boolean;
  /** How long the page may take to load its data and signal ready (default 20 s). */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * An isolated world of our own: it shares the page's DOM but not its globals and is not subject to the
 * page's CSP (`script-src 'self'`), so reading one attribute needs no inline script in the page.
 * 999 is Electron's context-isolation world; stay clear of it.
 */
const PROBE_WORLD = 1077;
const PROBE = `document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`;

export const PRINT_TIMEOUT = '生成 PDF 超时：打印页面未能在规定时间内准备好，请重试。';
export const PRINT_PAGE_FAILED = '打印页面无法显示该文件（可能已被删除或内容有误），未生成 PDF。';
export const PRINT_LOAD_FAILED = '打印页面无法加载，未生成 PDF。请重试；如果问题持续存在，请联系技术支持。';

/**
 * Renders `url` (an app print route, already validated) to PDF bytes: a hidden, hardened, preload-less
 * window loads the page, main polls the page's ready attribute, `printToPDF` runs with {@link PDF_OPTIONS}.
 * The window is always destroyed, whatever happens.
 */
export function createPdfRenderer(deps: PdfRendererDeps): (url: string) => Promise<Uint8Array<ArrayBuffer>> {
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const pollMs = deps.pollMs ?? 100;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;

  return async (url) => {
    const win = new deps.BrowserWindow(printWindowOptions(deps.isDev));
    try {
      await win.loadURL(url).catch(() => {
        throw new UserFacingError(PRINT_LOAD_FAILED);
      });
      const deadline = now() + timeoutMs;
      for (;;) {
        if (win.isDestroyed()) throw new UserFacingError(PRINT_LOAD_FAILED);
        const state: unknown = await win.webContents
          .executeJavaScriptInIsolatedWorld(PROBE_WORLD, [{ code: PROBE }])
          .catch(() => null);
        if (state === 'ready') break;
        if (state === 'error') throw new UserFacingError(PRINT_PAGE_FAILED);
        if (now() >= deadline) throw new UserFacingError(PRINT_TIMEOUT);
        await sleep(pollMs);
      }
      const pdf = await win.webContents.printToPDF(PDF_OPTIONS);
      // A plain copy: Electron hands back a Node Buffer that may view a shared pool.
      return new Uint8Array(pdf);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
