import type { BaseWindow } from 'electron';
import { basename } from 'node:path';
import { MAX_BACKUP_FILE_BYTES } from '../../../shared/backup/format';
import type { IpcContract } from '../../../shared/ipc/contract';
import type { BackupStore } from '../backup/backup-store';
import { UserFacingError } from '../services/user-facing-error';
import type { FileDialogs } from './files';
import type { HandlersFor } from './register';

type BackupChannels = Pick<
  IpcContract,
  | 'backup:list'
  | 'backup:write'
  | 'backup:read'
  | 'backup:open-file'
  | 'backup:choose-dir'
  | 'backup:set-retention'
  | 'backup:reveal-dir'
  | 'backup:quarantine-db'
  | 'backup:quit-done'
  | 'backup:pre-open-list'
  | 'backup:pre-open-restore'
>;

export interface BackupContext {
  readonly store: BackupStore;
  readonly dialog: FileDialogs;
  readonly shell: { openPath(path: string): Promise<string> };
  readonly getWindow: () => BaseWindow | null;
  readonly fs: {
    stat(path: string): Promise<{ size: number; isFile(): boolean }>;
    readFile(path: string): Promise<Uint8Array>;
  };
  /** DUR-6: copies the database folder aside (electron/main/backup/quarantine.ts). */
  readonly quarantine: () => Promise<{ dir: string; files: number; bytes: number }>;
  /** The renderer finished (or gave up on) its quit backup. */
  readonly onQuitBackupDone: (ok: boolean) => boolean;
  /** DUR-6: the copies made before the window opened (electron/main/backup/pre-open-copy.ts). */
  readonly preOpen: {
    list(): Promise<{
      copies: { id: string; createdAt: string; files: number; bytes: number }[];
      pending: string | null;
    }>;
    /** Checks the copy in full and notes it for the next start; throws (Chinese) when it is torn. */
    requestRestore(id: string): Promise<void>;
  };
  /** Restarts the app (main applies a noted restore before the window opens). */
  readonly restart: () => void;
}

const ZIP_FILTER = [{ name: '联席会议工作台备份', extensions: ['zip'] }];
const MAX_MB = MAX_BACKUP_FILE_BYTES / 1024 / 1024;

export function createBackupHandlers(ctx: BackupContext): HandlersFor<BackupChannels> {
  const withWindow = <T>(f: (win: BaseWindow | null) => Promise<T>) => f(ctx.getWindow());
  return {
    'backup:list': () => ctx.store.list(),
    'backup:write': ({ name, bytes }) => ctx.store.write(name, bytes),
    'backup:read': async ({ name }) => ({ bytes: new Uint8Array(await ctx.store.read(name)) }),
    'backup:open-file': () =>
      withWindow(async (win) => {
        const options = { filters: ZIP_FILTER, properties: ['openFile' as const], defaultPath: await ctx.store.dir() };
        const result = win ? await ctx.dialog.showOpenDialog(win, options) : await ctx.dialog.showOpenDialog(options);
        const chosen = result.filePaths[0];
        if (result.canceled || !chosen) return { canceled: true };
        const info = await ctx.fs.stat(chosen);
        if (!info.isFile()) throw new UserFacingError('所选路径不是文件，请选择一个备份文件。');
        if (info.size > MAX_BACKUP_FILE_BYTES) throw new UserFacingError(`备份文件超过 ${MAX_MB} MB 上限。`);
        const bytes = await ctx.fs.readFile(chosen);
        if (bytes.byteLength > MAX_BACKUP_FILE_BYTES) throw new UserFacingError(`备份文件超过 ${MAX_MB} MB 上限。`);
        return { canceled: false, name: basename(chosen), bytes: new Uint8Array(bytes) };
      }),
    'backup:choose-dir': () =>
      withWindow(async (win) => {
        const current = await ctx.store.dir();
        const options = {
          title: '选择备份文件夹',
          defaultPath: current,
          properties: ['openDirectory' as const, 'createDirectory' as const],
        };
        const result = win ? await ctx.dialog.showOpenDialog(win, options) : await ctx.dialog.showOpenDialog(options);
        const chosen = result.filePaths[0];
        if (result.canceled || !chosen) return { dir: current, changed: false };
        await ctx.store.setDir(chosen);
        return { dir: chosen, changed: chosen !== current };
      }),
    'backup:set-retention': (policy) => ctx.store.setRetention(policy),
    'backup:reveal-dir': async () => {
      const error = await ctx.shell.openPath(await ctx.store.dir());
      return { shown: error === '' };
    },
    'backup:quarantine-db': () => ctx.quarantine(),
    'backup:quit-done': async ({ ok }) => ({ quitting: ctx.onQuitBackupDone(ok) }),
    'backup:pre-open-list': () => ctx.preOpen.list(),
    'backup:pre-open-restore': async ({ id }) => {
      await ctx.preOpen.requestRestore(id);
      ctx.restart();
      return { restarting: true };
    },
  };
}
