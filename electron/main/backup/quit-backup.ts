import { BACKUP_QUIT_REQUEST, QUIT_BACKUP_TIMEOUT_MS } from '../../../shared/ipc/messages';

/** The parts of Electron the quit coordinator touches. */
export interface QuitBackupDeps {
  /** The main window's web contents, or null when there is no window (then there is nothing to back up). */
  getContents: () => { send(channel: string): void } | null;
  quit: () => void;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  log?: (message: string) => void;
}

/**
 * Backup on quit (DUR-8): the data lives in the renderer's IndexedDB, so on the first `before-quit` main
 * holds the quit, asks the renderer for its quit backup, and quits when the renderer answers
 * `backup:quit-done` — or after {@link QUIT_BACKUP_TIMEOUT_MS}, so a hung page can never keep the app open.
 * The second `before-quit` (our own quit) passes.
 */
export function createQuitBackup(deps: QuitBackupDeps, timeoutMs = QUIT_BACKUP_TIMEOUT_MS) {
  let state: 'idle' | 'waiting' | 'done' = 'idle';
  let timer: unknown;
  const finish = (why: string) => {
    if (state !== 'waiting') return false;
    state = 'done';
    deps.clearTimer(timer);
    deps.log?.(`[backup] quit: ${why}`);
    deps.quit();
    return true;
  };
  return {
    /** Call from `app.on('before-quit', e => …)`; returns true when it held the quit (`preventDefault`). */
    onBeforeQuit(event: { preventDefault(): void }): boolean {
      if (state === 'done') return false;
      if (state === 'waiting') {
        event.preventDefault();
        return true;
      }
      const contents = deps.getContents();
      if (!contents) {
        state = 'done';
        return false;
      }
      event.preventDefault();
      state = 'waiting';
      timer = deps.setTimer(() => finish('timed out, quitting without the quit backup'), timeoutMs);
      try {
        contents.send(BACKUP_QUIT_REQUEST);
      } catch {
        finish('renderer unreachable');
      }
      return true;
    },
    /** The renderer's answer; returns whether the app is now quitting. */
    done(ok: boolean): boolean {
      return finish(ok ? 'backup written' : 'renderer reported a failed backup');
    },
    get state() {
      return state;
    },
  };
}
