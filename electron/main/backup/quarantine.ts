import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from '../services/user-facing-error';

/**
 * DUR-6: when the database cannot be opened, main copies Chromium's IndexedDB folder (the LevelDB files of
 * every origin, ours among them) to `<userData>/quarantine/<timestamp>` before anyone retries, restores or
 * gives up. The originals are only read, never moved, changed or deleted; the copy is what technical
 * support works from if the database cannot be repaired. Once per app session (a renderer that retries
 * does not fill the disk); later calls return the first copy.
 */

export interface QuarantineFs {
  cp(from: string, to: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  /** Every file under `dir` (recursively) with its size, to report what was copied. */
  files(dir: string): Promise<{ count: number; bytes: number }>;
  exists(path: string): Promise<boolean>;
}

export interface QuarantineResult {
  dir: string;
  files: number;
  bytes: number;
}

export interface Quarantine {
  (): Promise<QuarantineResult>;
}

/** `20261203-142530` in local time of the machine (the folder name the user sees). */
export function quarantineStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function createQuarantine(o: {
  /** `<userData>/IndexedDB`. */
  sourceDir: string;
  /** `<userData>/quarantine`. */
  targetRoot: string;
  now: () => Date;
  fs: QuarantineFs;
}): Quarantine {
  let done: Promise<QuarantineResult> | null = null;
  const run = async (): Promise<QuarantineResult> => {
    if (!(await o.fs.exists(o.sourceDir))) {
      throw new UserFacingError('未找到数据库文件夹，无法另存副本；原有文件未被改动。');
    }
    await o.fs.mkdir(o.targetRoot);
    const stamp = quarantineStamp(o.now());
    let dir = join(o.targetRoot, stamp);
    for (let i = 2; await o.fs.exists(dir); i++) dir = join(o.targetRoot, `${stamp}-${i}`);
    try {
      await o.fs.cp(o.sourceDir, dir);
    } catch {
      throw new UserFacingError('数据库文件另存副本失败（可能是磁盘空间不足或没有写入权限）；原有文件未被改动。');
    }
    const { count, bytes } = await o.fs.files(dir);
    return { dir, files: count, bytes };
  };
  return () => {
    done ??= run().catch((e: unknown) => {
      done = null; // a failed copy may be tried again (e.g. after freeing disk space)
      throw e;
    });
    return done;
  };
}

async function walk(dir: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await walk(path);
      count += sub.count;
      bytes += sub.bytes;
    } else if (entry.isFile()) {
      count += 1;
      bytes += (await stat(path)).size;
    }
  }
  return { count, bytes };
}

/** The real file system: a recursive copy that keeps timestamps and refuses to overwrite. */
export const nodeQuarantineFs: QuarantineFs = {
  cp: (from, to) => cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true }),
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  files: walk,
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
};
