import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The file operations a durable backup write needs; injected so a test can make any step fail. */
export interface DurableWriteFs {
  /** Creates `path` (never an existing file), writes `bytes`, fsyncs and closes it. */
  writeAndSync(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** fsync of the directory, so the rename itself survives a power cut (a no-op where unsupported). */
  syncDir(dir: string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** fsync of a directory so a rename in it survives a power cut; a no-op where the OS cannot (Windows). */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

export const nodeDurableWriteFs: DurableWriteFs = {
  async writeAndSync(path, bytes) {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  syncDir: (dir) => syncDirectory(dir),
  remove: (path) => rm(path, { force: true }),
};

/** Temporary files of unfinished writes: `tmp-<random>-<name>` (never listed as backups, removed on failure). */
export const TEMP_PREFIX = 'tmp-';

/**
 * Writes `<dir>/<name>` so that the folder holds either no such file or the complete one (DUR-8):
 * `<dir>/tmp-…` → write → fsync → rename → fsync the directory. On any failure the temporary file is
 * removed and nothing else in the folder has changed.
 */
export async function writeBackupDurably(
  dir: string,
  name: string,
  bytes: Uint8Array,
  fs: DurableWriteFs = nodeDurableWriteFs,
): Promise<string> {
  const target = join(dir, name);
  const tmp = join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${name}`);
  try {
    await fs.writeAndSync(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.remove(tmp).catch(() => undefined);
    throw error;
  }
  await fs.syncDir(dir);
  return target;
}
