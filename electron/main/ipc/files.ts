import type {
  BaseWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { basename, join, resolve } from 'node:path';
import { MAX_FILE_BYTES, type IpcContract } from '../../../shared/ipc/contract';
import { UserFacingError } from '../services/user-facing-error';
import type { HandlersFor } from './register';

/** Electron's `dialog`, narrowed to the two calls the file handlers make (both overloads). */
export interface FileDialogs {
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** The file operations the handlers perform. */
export interface FilesFs {
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface FilesContext {
  readonly dialog: FileDialogs;
  readonly shell: { showItemInFolder(fullPath: string): void };
  readonly fs: FilesFs;
  /** The window dialogs are modal to; null when it is gone (then the dialog is free-standing). */
  readonly getWindow: () => BaseWindow | null;
  /** Where the save dialog starts (the user's Documents folder). */
  readonly defaultDirectory: () => string;
  /** Paths this app saved in this session: the only ones `files:reveal` will show. */
  readonly savedPaths: Set<string>;
}

type FileChannels = Pick<IpcContract, 'files:save-as' | 'files:open' | 'files:reveal'>;

const MAX_MB = Math.round(MAX_FILE_BYTES / 1024 / 1024);

function toMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/**
 * A plain Uint8Array copy: a Node Buffer is a subclass that may view a shared pool, and only the
 * file's own bytes should cross to the renderer.
 */
function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export function createFileHandlers(ctx: FilesContext): HandlersFor<FileChannels> {
  return {
    'files:save-as': async ({ suggestedName, filters, bytes }) => {
      const options: SaveDialogOptions = {
        defaultPath: join(ctx.defaultDirectory(), suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = ctx.getWindow();
      const result = win ? await ctx.dialog.showSaveDialog(win, options) : await ctx.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false };
      const target = resolve(result.filePath);
      await ctx.fs.writeFileAtomic(target, bytes);
      ctx.savedPaths.add(target);
      return { saved: true, path: target };
    },

    'files:open': async ({ filters }) => {
      const options: OpenDialogOptions = { filters, properties: ['openFile'] };
      const win = ctx.getWindow();
      const result = win ? await ctx.dialog.showOpenDialog(win, options) : await ctx.dialog.showOpenDialog(options);
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return { canceled: true };
      const info = await ctx.fs.stat(chosen);
      if (!info.isFile()) throw new UserFacingError('所选路径不是文件，请选择一个文件。');
      if (info.size > MAX_FILE_BYTES) {
        throw new UserFacingError(`文件过大（${toMegabytes(info.size)} MB），上限为 ${MAX_MB} MB。请选择较小的文件。`);
      }
      const bytes = await ctx.fs.readFile(chosen);
      // The file may have grown between stat and read.
      if (bytes.byteLength > MAX_FILE_BYTES) {
        throw new UserFacingError(
          `文件过大（${toMegabytes(bytes.byteLength)} MB），上限为 ${MAX_MB} MB。请选择较小的文件。`,
        );
      }
      return { canceled: false, name: basename(chosen), bytes: plainBytes(bytes) };
    },

    'files:reveal': async ({ path }) => {
      const target = resolve(path);
      if (!ctx.savedPaths.has(target)) {
        throw new UserFacingError('只能在文件夹中显示本次由本程序保存的文件。');
      }
      ctx.shell.showItemInFolder(target);
      return { shown: true };
    },
  };
}
