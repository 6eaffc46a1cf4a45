import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; injected so tests can make any step fail. */
export interface AtomicWriteFs {
  writeAndSync(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const nodeAtomicWriteFs: AtomicWriteFs = {
  async writeAndSync(path, bytes) {
    // 'wx': never follow or clobber something already at the temporary name.
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
};

/**
 * Writes `bytes` to `target` so that a reader sees either the old file or the complete new one, never
 * half of it: write a temporary file in the same directory (same file system, so rename is atomic),
 * fsync it, then rename it over the target. On failure the temporary file is removed and the target is
 * untouched.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeAndSync(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.remove(tmp).catch(() => undefined);
    throw error;
  }
}
