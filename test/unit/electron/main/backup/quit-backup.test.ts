import { describe, expect, it, vi } from 'vitest';
import { createQuitBackup } from '../../../../../electron/main/backup/quit-backup';

function setup(withWindow = true) {
  const sent: string[] = [];
  let timer: (() => void) | null = null;
  const deps = {
    getContents: () => (withWindow ? { send: (c: string) => void sent.push(c) } : null),
    quit: vi.fn(),
    setTimer: (fn: () => void) => {
      timer = fn;
      return 1;
    },
    clearTimer: vi.fn(),
  };
  return { q: createQuitBackup(deps, 1000), deps, sent, fire: () => timer?.() };
}

const event = () => ({ preventDefault: vi.fn() });

describe('backup on quit', () => {
  it('holds the first quit, asks the renderer, quits when it answers; the second quit passes', () => {
    const { q, deps, sent } = setup();
    const e1 = event();
    expect(q.onBeforeQuit(e1)).toBe(true);
    expect(e1.preventDefault).toHaveBeenCalled();
    expect(sent).toEqual(['backup:quit-request']);
    expect(q.done(true)).toBe(true);
    expect(deps.quit).toHaveBeenCalledTimes(1);
    const e2 = event();
    expect(q.onBeforeQuit(e2)).toBe(false);
    expect(e2.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the timeout when the renderer never answers', () => {
    const { q, deps, fire } = setup();
    q.onBeforeQuit(event());
    fire();
    expect(deps.quit).toHaveBeenCalledTimes(1);
    expect(q.done(true)).toBe(false); // a late answer changes nothing
  });

  it('a repeated quit while waiting is held again without a second request', () => {
    const { q, sent } = setup();
    q.onBeforeQuit(event());
    const e = event();
    expect(q.onBeforeQuit(e)).toBe(true);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(sent).toHaveLength(1);
  });

  it('without a window there is nothing to back up: the quit passes', () => {
    const { q } = setup(false);
    const e = event();
    expect(q.onBeforeQuit(e)).toBe(false);
    expect(e.preventDefault).not.toHaveBeenCalled();
  });
});
