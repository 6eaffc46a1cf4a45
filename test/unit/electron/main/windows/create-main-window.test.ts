import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../../../electron/main/windows/create-main-window';
import type { WindowStateStore } from '../../../../../electron/main/windows/window-state';
import { FakeBrowserWindow } from '../fake-electron';
import { REQUIRED_WEB_PREFERENCES } from './required-web-preferences';

function store(saved: Awaited<ReturnType<WindowStateStore['load']>> = null) {
  return { load: vi.fn(async () => saved), schedule: vi.fn(), flush: vi.fn(async () => undefined) };
}

async function create(stateStore = store()) {
  const win = (await createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1040 }],
    preloadPath: '/p/index.cjs',
    isDev: false,
    stateStore,
    url: 'app://jointdesk/index.html',
  })) as unknown as FakeBrowserWindow;
  return { win, stateStore };
}

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances = [];
  });

  it('builds the window from the hardened options and loads the URL', async () => {
    const { win } = await create();
    expect(win.options.webPreferences).toMatchObject({ ...REQUIRED_WEB_PREFERENCES, devTools: false });
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://jointdesk/index.html');
  });

  it('clamps remembered bounds to the display', async () => {
    const { win } = await create(store({ x: 5000, y: 5000, width: 3000, height: 2000, isMaximized: false }));
    expect(win.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('remembers moves and resizes, and flushes on close', async () => {
    const { win, stateStore } = await create();
    win.events.emit('resize');
    win.events.emit('move');
    expect(stateStore.schedule).toHaveBeenLastCalledWith({
      x: 10,
      y: 20,
      width: 1100,
      height: 700,
      isMaximized: false,
    });
    win.isMaximized.mockReturnValue(true);
    win.events.emit('maximize');
    expect(stateStore.schedule).toHaveBeenLastCalledWith(expect.objectContaining({ isMaximized: true }));
    win.events.emit('close');
    expect(stateStore.flush).toHaveBeenCalledTimes(1);
  });

  it('does not remember the bounds of a minimised window', async () => {
    const { win, stateStore } = await create();
    win.isMinimized.mockReturnValue(true);
    win.events.emit('move');
    expect(stateStore.schedule).not.toHaveBeenCalled();
  });
});
