import type { WebContents } from 'electron';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/main/security/csp';
import { makePreOpenCopy, requestPreOpenRestore } from '../../../../electron/main/backup/pre-open-copy';
import { startApp, type ElectronApi } from '../../../../electron/main/start-app';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './fake-electron';
import { REQUIRED_WEB_PREFERENCES } from './windows/required-web-preferences';

const appData = mkdtempSync(join(tmpdir(), 'jd-appdata-'));

// `vi.mock` is hoisted: the composition root (index.ts) gets this fake instead of the real module,
// which would try to locate the (missing) Electron binary.
const fake: FakeElectron = vi.hoisted(() => ({}) as FakeElectron);
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./fake-electron');
  const { mkdtempSync: mk } = await import('node:fs');
  const { tmpdir: tmp } = await import('node:os');
  const { join: j } = await import('node:path');
  Object.assign(fake, create(mk(j(tmp(), 'jd-appdata-index-'))));
  return fake.electron;
});

async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
}

describe('electron/main/index.ts with electron stubbed', () => {
  beforeEach(() => {
    delete process.env.ELECTRON_RENDERER_URL;
    FakeBrowserWindow.instances = [];
  });

  it('does the pre-ready work at import, then wires everything on ready', async () => {
    await import('../../../../electron/main/index');
    const { electron, order, appEvents } = fake;

    // before ready
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
      },
    ]);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', join(electron.app.getPath('appData'), 'JointDesk'));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect([...appEvents.listeners.keys()].sort()).toEqual([
      'before-quit',
      'second-instance',
      'web-contents-created',
      'window-all-closed',
    ]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    fake.resolveReady();
    await until(() => FakeBrowserWindow.instances[0]?.loadURL.mock.calls.length === 1);

    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('setPath:userData')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('requestSingleInstanceLock')).toBeLessThan(order.indexOf('ready'));

    // protocol
    expect(electron.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request('app://jointdesk/index.html'));
    expect(response?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);

    // session guards
    const ses = electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ses.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);

    // IPC: every contract channel, nothing else
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual([...IPC_CHANNELS].sort());

    // the window, with the runtime options actually passed
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toMatchObject({ ...REQUIRED_WEB_PREFERENCES, devTools: false });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options.webPreferences?.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://jointdesk/index.html');
    expect(win.events.listeners.has('close')).toBe(true);
    expect(win.events.listeners.has('ready-to-show')).toBe(true);

    // every web contents gets the navigation guards
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    appEvents.emit('web-contents-created', {}, contents as unknown as WebContents);
    expect(contents.on.mock.calls.map((c) => c[0]).sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);

    // a second launch focuses this window
    appEvents.emit('second-instance');
    expect(win.focus).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();

    // closing the last window quits
    appEvents.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
  });
});

describe('startApp', () => {
  function start(mutate: (f: FakeElectron) => void = () => undefined, env: NodeJS.ProcessEnv = {}) {
    const f = createFakeElectron(appData);
    mutate(f);
    FakeBrowserWindow.instances = [];
    const { ready } = startApp(f.electron as unknown as ElectronApi, {
      mainDir: '/opt/jointdesk/out/main',
      env,
      log: vi.fn(),
    });
    return { f, ready };
  }

  it('quits at once when another instance holds the lock', async () => {
    const { f, ready } = start((x) => x.electron.app.requestSingleInstanceLock.mockReturnValue(false));
    f.resolveReady();
    await ready;
    expect(f.electron.app.quit).toHaveBeenCalled();
    expect(f.electron.app.whenReady).not.toHaveBeenCalled();
    expect(f.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('loads the dev server with devTools when unpackaged and ELECTRON_RENDERER_URL is set', async () => {
    const { f, ready } = start(undefined, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    f.resolveReady();
    await ready;
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win.options.webPreferences).toMatchObject({ ...REQUIRED_WEB_PREFERENCES, devTools: true });
    expect(win.options.webPreferences?.preload).toBe('/opt/jointdesk/out/preload/index.cjs');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const { f, ready } = start((x) => (x.electron.app.isPackaged = true), {
      ELECTRON_RENDERER_URL: 'http://localhost:5173/',
    });
    f.resolveReady();
    await ready;
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://jointdesk/index.html');
    expect(win.options.webPreferences?.devTools).toBe(false);
  });

  it('ignores a non-loopback dev URL', async () => {
    const { f, ready } = start(undefined, { ELECTRON_RENDERER_URL: 'https://evil.example/' });
    f.resolveReady();
    await ready;
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://jointdesk/index.html');
  });

  it('pins userData to the fixed folder even when the product name would differ', () => {
    const { f } = start();
    expect(f.electron.app.setPath).toHaveBeenCalledWith('userData', join(appData, 'JointDesk'));
  });

  it('accepts a test profile folder only when unpackaged', () => {
    const dir = join(appData, 'smoke-profile');
    expect(start(undefined, { JOINTDESK_USER_DATA_DIR: dir }).f.electron.app.setPath).toHaveBeenCalledWith(
      'userData',
      dir,
    );
    const packaged = start((x) => (x.electron.app.isPackaged = true), { JOINTDESK_USER_DATA_DIR: dir });
    expect(packaged.f.electron.app.setPath).toHaveBeenCalledWith('userData', join(appData, 'JointDesk'));
  });

  it('before the window opens: applies a pending pre-open restore, then copies the database folder (DUR-6)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jd-appdata-preopen-'));
    const ldb = join(dir, 'IndexedDB', 'app_jointdesk_0.indexeddb.leveldb');
    mkdirSync(ldb, { recursive: true });
    writeFileSync(join(ldb, 'CURRENT'), 'MANIFEST-000001\n');
    writeFileSync(join(ldb, '000003.log'), 'the data before the damage');
    const preOpen = { userDataPath: dir, log: () => undefined };
    await makePreOpenCopy(preOpen);
    const [id] = readdirSync(join(dir, 'pre-open'));
    await requestPreOpenRestore(preOpen, id!);
    rmSync(join(ldb, '000003.log')); // the browser engine "repaired" it away
    // The window is made only after both steps: when it loads, the data is back and a copy of it exists.
    let atLoad: { log: string; copies: string[] } | null = null;
    const { f, ready } = start(
      (x) => {
        const create = x.electron.screen.getPrimaryDisplay.getMockImplementation()!;
        x.electron.screen.getPrimaryDisplay.mockImplementation(() => {
          atLoad ??= {
            log: readFileSync(join(ldb, '000003.log'), 'utf8'),
            copies: readdirSync(join(dir, 'pre-open')).filter((n) => /^\d{8}-\d{6}/.test(n)),
          };
          return create();
        });
      },
      { JOINTDESK_USER_DATA_DIR: dir },
    );
    f.resolveReady();
    await ready;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(atLoad).toEqual({ log: 'the data before the damage', copies: expect.arrayContaining([id]) });
    expect(readdirSync(join(dir, 'pre-open')).some((n) => n.startsWith('replaced-'))).toBe(true);
  });

  it('shows an error box and exits when start-up fails', async () => {
    const { f, ready } = start((x) =>
      x.electron.protocol.handle.mockImplementation(() => {
        throw new Error('scheme already handled');
      }),
    );
    f.resolveReady();
    await ready;
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      '联席会议工作台无法启动',
      expect.stringContaining('scheme already handled'),
    );
    expect(f.electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('restores the remembered bounds, maximised, and shows the window when ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jd-appdata-state-'));
    mkdirSync(join(dir, 'JointDesk'));
    const saved = { x: 200, y: 100, width: 1300, height: 820, isMaximized: true };
    writeFileSync(join(dir, 'JointDesk', 'window-state.json'), JSON.stringify(saved));
    const f = createFakeElectron(dir);
    FakeBrowserWindow.instances = [];
    const { ready } = startApp(f.electron as unknown as ElectronApi, { mainDir: '/x/out/main', env: {}, log: vi.fn() });
    f.resolveReady();
    await ready;
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options).toMatchObject({ x: 200, y: 100, width: 1300, height: 820 });
    expect(win.show).not.toHaveBeenCalled();
    win.events.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('shows the window anyway when the UI fails to load', async () => {
    FakeBrowserWindow.failNextLoad = new Error('ERR_FILE_NOT_FOUND');
    const { f, ready } = start();
    f.resolveReady();
    await ready;
    expect(FakeBrowserWindow.instances[0]?.show).toHaveBeenCalled();
    expect(f.electron.app.exit).not.toHaveBeenCalled();
  });
});
