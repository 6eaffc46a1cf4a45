import { access, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import type { BackupFolderFs } from './backup-store';
import { nodeDurableWriteFs } from './durable-write';

/** The real file system behind the backup folder. */
export const nodeBackupFolderFs: BackupFolderFs = {
  ...nodeDurableWriteFs,
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  readdir: (dir) => readdir(dir),
  stat: (path) => stat(path),
  readFile: (path) => readFile(path),
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
};
