import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FilesFs } from '../ipc/files';
import type { WindowStateFs } from '../windows/window-state';
import { writeFileAtomic } from './atomic-write';

/** The real file system behind the IPC file handlers. */
export const nodeFilesFs: FilesFs = {
  writeFileAtomic: (path, bytes) => writeFileAtomic(path, bytes),
  stat: (path) => stat(path),
  readFile: (path) => readFile(path),
};

/** The real file system behind the window-state store (creates userData on first write). */
export const nodeWindowStateFs: WindowStateFs = {
  readFile: (path) => readFile(path, 'utf8'),
  async writeFileAtomic(path, bytes) {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
  },
};
