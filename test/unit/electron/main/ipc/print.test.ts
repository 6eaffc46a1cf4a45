import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../../../../shared/ipc/contract';
import { createIpcHandlers } from '../../../../../electron/main/ipc/handlers';
import { PDF_FILTERS, printPageUrl } from '../../../../../electron/main/ipc/print';
import { createChannelInvoker } from '../../../../../electron/main/ipc/register';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import { PDF_OPTIONS, createPdfRenderer } from '../../../../../electron/main/windows/print-window';
import { APP_MAIN_FRAME, frameEvent } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jd-print-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7
const ID = '3f2c9a1e-7d4b-4c1a-9e0f-0a1b2c3d4e5f';

/** A hidden window whose page says ready on the second probe and prints {@link PDF}. */
function fakeWindowClass(probes: unknown[] = [null, 'ready'], loadError?: Error) {
  const windows: FakePrintWindow[] = [];
  class FakePrintWindow {
    destroyed = false;
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly destroy = vi.fn(() => void (this.destroyed = true));
    readonly isDestroyed = () => this.destroyed;
    readonly webContents = {
      executeJavaScriptInIsolatedWorld: vi.fn(async () => (probes.length > 1 ? probes.shift() : probes[0])),
      printToPDF: vi.fn(async () => Buffer.from(PDF)),
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
      if (loadError) this.loadURL.mockRejectedValueOnce(loadError);
    }
  }
  return { FakePrintWindow, windows };
}

/** The real handlers (real save-as service on a temp dir) with a fake Electron window for the PDF. */
function setup(probes?: unknown[]) {
  const { FakePrintWindow, windows } = fakeWindowClass(probes);
  const showSaveDialog = vi.fn(async (..._a: unknown[]) => ({ canceled: false, filePath: join(dir, '纪要.pdf') }));
  const savedPaths = new Set<string>();
  const handlers = createIpcHandlers({
    audit: {} as never,
    dialog: { showSaveDialog, showOpenDialog: vi.fn() } as never,
    shell: { showItemInFolder: vi.fn() },
    fs: { writeFileAtomic: (p, b) => writeFileAtomic(p, b), stat: (p) => stat(p), readFile: (p) => readFile(p) },
    getWindow: () => null,
    defaultDirectory: () => '/home/user/Documents',
    savedPaths,
    appInfo: { version: '', userDataPath: '', platform: '', electronVersion: '' },
    backup: {
      store: {} as never,
      shell: { openPath: async () => '' },
      fs: {} as never,
      onQuitBackupDone: () => true,
      quarantine: async () => ({ dir: '', files: 0, bytes: 0 }),
      preOpen: { list: async () => ({ copies: [], pending: null }), requestRestore: async () => undefined },
      restart: () => undefined,
    },
    piiKeys: {} as never,
    revealLog: {} as never,
    print: {
      appUrl: 'app://jointdesk/index.html',
      renderPdf: createPdfRenderer({
        BrowserWindow: FakePrintWindow as never,
        isDev: false,
        sleep: async () => undefined,
      }),
    },
  });
  const invoke = createChannelInvoker('print:to-pdf', ipcContract['print:to-pdf'], handlers['print:to-pdf'], {
    log: vi.fn(),
  });
  return { invoke, windows, showSaveDialog, savedPaths };
}

describe('print:to-pdf through the channel (sender → zod → handler → output)', () => {
  it('renders the print route in a hidden window, prints A4 with the CSS page size, saves the bytes', async () => {
    const { invoke, windows, showSaveDialog, savedPaths } = setup();
    const result = await invoke(APP_MAIN_FRAME, {
      route: `print/minutes/${ID}`,
      suggestedName: '会议纪要（第3期）.pdf',
    });
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, '纪要.pdf') } });

    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.loadURL).toHaveBeenCalledWith(`app://jointdesk/index.html#/print/minutes/${ID}`);
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
    );
    expect(win.destroy).toHaveBeenCalled();

    const options = showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: unknown };
    expect(options.defaultPath).toBe(join('/home/user/Documents', '会议纪要（第3期）.pdf'));
    expect(options.filters).toEqual(PDF_FILTERS);
    expect([...(await readFile(join(dir, '纪要.pdf')))]).toEqual([...PDF]);
    expect(savedPaths.has(join(dir, '纪要.pdf'))).toBe(true);
  });

  it('opens the hidden window with the main window’s hardening and no preload', async () => {
    const { invoke, windows } = setup();
    await invoke(APP_MAIN_FRAME, { route: `print/minutes/${ID}`, suggestedName: 'a.pdf' });
    const prefs = windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(windows[0]!.options.show).toBe(false);
  });

  it.each([
    ['another screen of the app', 'meetings/abc'],
    ['an unknown print kind', 'print/backup/abc'],
    ['path traversal', 'print/minutes/../settings'],
    ['a query', 'print/minutes/abc?x=1'],
    ['another origin', 'https://evil.example/print/minutes/abc'],
    ['a file url', 'file:///etc/passwd'],
    ['a hash of its own', '#/print/minutes/abc'],
  ])('refuses %s before any window opens', async (_name, route) => {
    const { invoke, windows, showSaveDialog } = setup();
    const result = await invoke(APP_MAIN_FRAME, { route, suggestedName: 'a.pdf' });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^参数不合法：.*只能打印本程序的打印页面/),
    });
    expect(windows).toHaveLength(0);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['not a .pdf', '纪要.docx', '文件名须以 .pdf 结尾'],
    ['a path', '../../纪要.pdf', '文件名含有不允许的字符'],
    ['empty', '', '缺少文件名'],
  ])('refuses a file name that is %s', async (_name, suggestedName, message) => {
    const { invoke, windows } = setup();
    const result = await invoke(APP_MAIN_FRAME, { route: `print/minutes/${ID}`, suggestedName });
    expect(result.ok ? '' : result.error).toContain(message);
    expect(windows).toHaveLength(0);
  });

  it('refuses an untrusted sender', async () => {
    const { invoke, windows } = setup();
    const result = await invoke(frameEvent('https://evil.example/'), {
      route: `print/minutes/${ID}`,
      suggestedName: 'a.pdf',
    });
    expect(result.ok).toBe(false);
    expect(windows).toHaveLength(0);
  });

  it('writes nothing when the user cancels the save dialog, and still closes the window', async () => {
    const { invoke, windows, showSaveDialog } = setup();
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await invoke(APP_MAIN_FRAME, { route: `print/minutes/${ID}`, suggestedName: 'a.pdf' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(windows[0]!.destroy).toHaveBeenCalled();
  });

  it('reports a page that could not show the document, without a save dialog', async () => {
    const { invoke, windows, showSaveDialog } = setup([null, 'error']);
    const result = await invoke(APP_MAIN_FRAME, { route: `print/minutes/${ID}`, suggestedName: 'a.pdf' });
    expect(result.ok ? '' : result.error).toContain('打印页面无法显示该文件');
    expect(windows[0]!.webContents.printToPDF).not.toHaveBeenCalled();
    expect(windows[0]!.destroy).toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('createPdfRenderer', () => {
  it('gives up after the timeout and destroys the window', async () => {
    const { FakePrintWindow, windows } = fakeWindowClass([null]);
    let clock = 0;
    const render = createPdfRenderer({
      BrowserWindow: FakePrintWindow as never,
      isDev: false,
      timeoutMs: 1000,
      pollMs: 100,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    await expect(render('app://jointdesk/index.html#/print/minutes/a')).rejects.toThrow(/超时/);
    expect(windows[0]!.webContents.executeJavaScriptInIsolatedWorld.mock.calls.length).toBe(11);
    expect(windows[0]!.destroy).toHaveBeenCalled();
  });

  it('turns a failed load into a user-facing message and destroys the window', async () => {
    const { FakePrintWindow, windows } = fakeWindowClass(['ready'], new Error('ERR_FAILED (-2)'));
    const render = createPdfRenderer({ BrowserWindow: FakePrintWindow as never, isDev: false });
    await expect(render('app://jointdesk/index.html#/print/minutes/a')).rejects.toThrow(/打印页面无法加载/);
    expect(windows[0]!.webContents.printToPDF).not.toHaveBeenCalled();
    expect(windows[0]!.destroy).toHaveBeenCalled();
  });

  it('probes only the ready attribute, from an isolated world, and returns plain bytes', async () => {
    const { FakePrintWindow, windows } = fakeWindowClass(['ready']);
    const render = createPdfRenderer({ BrowserWindow: FakePrintWindow as never, isDev: false });
    const bytes = await render('app://jointdesk/index.html#/print/minutes/a');
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([...bytes]).toEqual([...PDF]);
    const [world, scripts] = windows[0]!.webContents.executeJavaScriptInIsolatedWorld.mock.calls[0] as unknown as [
      number,
      { code: string }[],
    ];
    expect(world).not.toBe(999);
    expect(scripts).toEqual([{ code: `document.documentElement.getAttribute("data-print-ready")` }]);
    expect(windows[0]!.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
  });
});

describe('printPageUrl', () => {
  it('puts the route into the app page’s hash, in production and on the dev server', () => {
    expect(printPageUrl('app://jointdesk/index.html', 'print/minutes/abc')).toBe(
      'app://jointdesk/index.html#/print/minutes/abc',
    );
    expect(printPageUrl('http://localhost:5173/', 'print/minutes/abc')).toBe(
      'http://localhost:5173/#/print/minutes/abc',
    );
  });

  it('checks the route again (defence in depth behind the contract)', () => {
    expect(() => printPageUrl('app://jointdesk/index.html', 'settings')).toThrow(/打印页面/);
  });
});
