import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A recording EventEmitter-ish `on`/`once`. */
function emitter() {
  const listeners = new Map<string, Listener[]>();
  const on = vi.fn((event: string, listener: Listener) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  });
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).map((l) => l(...args));
  return { listeners, on, emit };
}

export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = [];
  /** When set, the next window's `loadURL` rejects with it (then it is cleared). */
  static failNextLoad: Error | null = null;
  readonly events = emitter();
  readonly on = vi.fn((event: string, l: Listener) => (this.events.on(event, l), this));
  readonly once = vi.fn((event: string, l: Listener) => (this.events.on(event, l), this));
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  readonly isDestroyed = vi.fn(() => false);
  readonly isMinimized = vi.fn(() => false);
  readonly isMaximized = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1100, height: 700 }));
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.instances.push(this);
    const failure = FakeBrowserWindow.failNextLoad;
    FakeBrowserWindow.failNextLoad = null;
    if (failure) this.loadURL.mockRejectedValueOnce(failure);
  }
}

/** Recording fakes for every part of `electron` the main process touches. */
export function createFakeElectron(appDataDir: string) {
  const appEvents = emitter();
  const paths = new Map<string, string>([
    ['appData', appDataDir],
    ['documents', appDataDir],
  ]);
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const order: string[] = [];

  const app = {
    isPackaged: false,
    setPath: vi.fn((name: string, value: string) => {
      order.push(`setPath:${name}`);
      paths.set(name, value);
    }),
    getPath: vi.fn((name: string) => paths.get(name) ?? `/fake/${name}`),
    getVersion: vi.fn(() => '0.1.0'),
    enableSandbox: vi.fn(() => void order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => (order.push('requestSingleInstanceLock'), true)),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((event: string, l: Listener) => (appEvents.on(event, l), app)),
    whenReady: vi.fn(() => readyPromise),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => void order.push('registerSchemesAsPrivileged')),
    handle: vi.fn((_scheme: string, _handler: (r: Request) => Promise<Response>) => void order.push('protocol.handle')),
  };
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const electron = {
    app,
    protocol,
    session: { defaultSession },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    screen: {
      getPrimaryDisplay: vi.fn(() => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
      getAllDisplays: vi.fn(() => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((s: string) => Buffer.from(`enc:${s}`)),
      decryptString: vi.fn((b: Buffer) => b.toString().replace(/^enc:/, '')),
    },
  };
  return { electron, appEvents, order, resolveReady: () => (order.push('ready'), resolveReady()) };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
