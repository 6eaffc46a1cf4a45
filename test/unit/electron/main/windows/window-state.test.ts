import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import {
  createWindowStateStore,
  DEFAULT_SIZE,
  fitToDisplays,
  parseWindowState,
  type Rect,
  type WindowState,
  type WindowStateFs,
} from '../../../../../electron/main/windows/window-state';

const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_4K: Rect = { x: 1920, y: 0, width: 3840, height: 2120 };
const state = (s: Partial<WindowState> = {}): WindowState => ({
  x: 100,
  y: 80,
  width: 1200,
  height: 800,
  isMaximized: false,
  ...s,
});

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    expect(parseWindowState(state())).toEqual(state());
  });

  it.each([
    ['null', null],
    ['a string', '{"x":1}'],
    ['missing field', { x: 1, y: 1, width: 800 }],
    ['fractional', { ...state(), width: 800.5 }],
    ['negative size', { ...state(), width: -5 }],
    ['absurd size', { ...state(), height: 1e9 }],
    ['NaN', { ...state(), x: Number.NaN }],
    ['extra key', { ...state(), display: 2 }],
    ['wrong type', { ...state(), isMaximized: 'yes' }],
  ])('rejects %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('fitToDisplays', () => {
  it('centres the default size on the primary display when nothing is saved', () => {
    expect(fitToDisplays(null, [FULL_HD])).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
      isMaximized: false,
    });
  });

  it('keeps bounds that are on screen', () => {
    expect(fitToDisplays(state(), [FULL_HD])).toEqual(state());
  });

  it('keeps bounds on a secondary display', () => {
    const s = state({ x: 2500, y: 300 });
    expect(fitToDisplays(s, [FULL_HD, RIGHT_4K])).toEqual(s);
  });

  it('brings back a window from an unplugged monitor, centred on the primary', () => {
    const placed = fitToDisplays(state({ x: 2500, y: 300, isMaximized: true }), [FULL_HD]);
    expect(placed).toEqual({ x: 360, y: 120, width: 1200, height: 800, isMaximized: true });
  });

  it('shrinks a window larger than the display and pushes it inside', () => {
    const placed = fitToDisplays(state({ x: 1500, y: 900, width: 2500, height: 1500 }), [FULL_HD]);
    expect(placed).toEqual({ x: 0, y: 0, width: 1920, height: 1040, isMaximized: false });
  });

  it('pushes a window hanging off the edge back on screen', () => {
    const placed = fitToDisplays(state({ x: 1700, y: -50 }), [FULL_HD]);
    expect(placed.x + placed.width).toBeLessThanOrEqual(1920);
    expect(placed.y).toBe(0);
  });

  it('treats a sliver of visible window as off screen', () => {
    const placed = fitToDisplays(state({ x: 1900, y: 100 }), [FULL_HD]);
    expect(placed.x).toBe(360);
  });

  it('falls back to a default area when no display is reported', () => {
    expect(fitToDisplays(null, [])).toMatchObject({ x: 0, y: 0, ...DEFAULT_SIZE });
  });
});

describe('createWindowStateStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jd-winstate-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  const realFs: WindowStateFs = {
    readFile: (p) => readFile(p, 'utf8'),
    writeFileAtomic: (p, b) => writeFileAtomic(p, b),
  };

  it('loads null when no file exists, or when it is corrupt', async () => {
    const store = createWindowStateStore({ filePath: join(dir, 'w.json'), fs: realFs });
    expect(await store.load()).toBeNull();
    await writeFile(join(dir, 'w.json'), '{"x":1,');
    expect(await store.load()).toBeNull();
    await writeFile(join(dir, 'w.json'), JSON.stringify({ ...state(), width: 'big' }));
    expect(await store.load()).toBeNull();
  });

  it('round-trips through the file', async () => {
    const store = createWindowStateStore({ filePath: join(dir, 'w.json'), fs: realFs });
    store.schedule(state({ x: 5 }));
    await store.flush();
    expect(await store.load()).toEqual(state({ x: 5 }));
    expect(await readdir(dir)).toEqual(['w.json']);
  });

  it('debounces a burst of moves into one write of the last state', async () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const store = createWindowStateStore({
      filePath: join(dir, 'w.json'),
      debounceMs: 500,
      fs: {
        readFile: realFs.readFile,
        writeFileAtomic: async (_p, b) => void writes.push(new TextDecoder().decode(b)),
      },
    });
    for (let x = 0; x < 20; x++) {
      store.schedule(state({ x }));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0] ?? '')).toEqual(state({ x: 19 }));
  });

  it('flush writes the pending state at once, and only once', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => undefined);
    const store = createWindowStateStore({
      filePath: 'w.json',
      fs: { readFile: realFs.readFile, writeFileAtomic: write },
    });
    store.schedule(state());
    await store.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(write).toHaveBeenCalledTimes(1);
    await store.flush();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('ignores invalid states and reports write errors instead of throwing', async () => {
    const onError = vi.fn();
    const write = vi.fn(async () => Promise.reject(new Error('EACCES')));
    const store = createWindowStateStore({
      filePath: 'w.json',
      fs: { readFile: realFs.readFile, writeFileAtomic: write },
      onError,
    });
    store.schedule({ ...state(), width: Number.NaN });
    await store.flush();
    expect(write).not.toHaveBeenCalled();
    store.schedule(state());
    await expect(store.flush()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
