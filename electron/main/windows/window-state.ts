import { z } from 'zod';

/** Remembered geometry of the main window (its normal, un-maximised bounds). */
export const windowStateSchema = z
  .object({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().min(200).max(20_000),
    height: z.number().int().min(150).max(20_000),
    isMaximized: z.boolean(),
  })
  .strict();

export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;

/** Part of the window that must be on a screen for the saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

/** Parses a saved state; anything malformed (hand-edited, truncated, old format) gives `null`. */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window, given the saved state and the displays' work areas now (a monitor may have
 * been unplugged or the resolution lowered since). The saved bounds are kept if enough of the window is
 * on some display; they are then shrunk to fit that display and pushed inside it. Otherwise the window
 * opens centred on the primary display. `workAreas[0]` is the primary display.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): Rect & { isMaximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  if (!state) return { ...centred(DEFAULT_SIZE, primary), isMaximized: false };

  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersection(state, area);
    if (overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height) {
      if (overlap.width * overlap.height > bestArea) {
        best = area;
        bestArea = overlap.width * overlap.height;
      }
    }
  }
  if (!best) return { ...centred(state, primary), isMaximized: state.isMaximized };

  const width = Math.min(state.width, best.width);
  const height = Math.min(state.height, best.height);
  const x = Math.min(Math.max(state.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(state.y, best.y), best.y + best.height - height);
  return { x, y, width, height, isMaximized: state.isMaximized };
}

/** File access for the store; `writeFileAtomic` must be tmp+rename so a crash never leaves half a file. */
export interface WindowStateFs {
  readFile(path: string): Promise<string>;
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
}

export interface WindowStateStore {
  /** The saved state, or null when there is none or it is unusable. Never throws. */
  load(): Promise<WindowState | null>;
  /** Remembers `state` and writes it after `debounceMs` of quiet (moves and resizes come in bursts). */
  schedule(state: WindowState): void;
  /** Writes a pending state now (on window close). Never throws. */
  flush(): Promise<void>;
}

export function createWindowStateStore(options: {
  readonly filePath: string;
  readonly fs: WindowStateFs;
  readonly debounceMs?: number;
  readonly onError?: (error: unknown) => void;
}): WindowStateStore {
  const { filePath, fs } = options;
  const debounceMs = options.debounceMs ?? 500;
  const onError = options.onError ?? (() => undefined);
  let pending: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = pending;
    pending = null;
    if (!state) return;
    // Writes are chained so an older state can never land after a newer one.
    writing = writing.then(() =>
      fs.writeFileAtomic(filePath, new TextEncoder().encode(JSON.stringify(state))).catch(onError),
    );
    await writing;
  }

  return {
    async load() {
      try {
        return parseWindowState(JSON.parse(await fs.readFile(filePath)));
      } catch {
        return null;
      }
    },
    schedule(state) {
      const valid = parseWindowState(state);
      if (!valid) return;
      pending = valid;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void write(), debounceMs);
    },
    flush: write,
  };
}
