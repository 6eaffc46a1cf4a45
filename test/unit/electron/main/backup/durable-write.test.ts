import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  nodeDurableWriteFs,
  writeBackupDurably,
  type DurableWriteFs,
} from '../../../../../electron/main/backup/durable-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jd-backup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NAME = 'jointdesk-backup-20261202-103000-manual.zip';

describe('durable backup write (temp file → fsync → rename → fsync dir)', () => {
  it('writes the complete file and leaves no temporary file', async () => {
    const steps: string[] = [];
    const fs: DurableWriteFs = {
      writeAndSync: async (p, b) => {
        steps.push(`write ${p.slice(dir.length + 1, dir.length + 5)}`);
        await nodeDurableWriteFs.writeAndSync(p, b);
      },
      rename: async (a, b) => {
        steps.push('rename');
        await nodeDurableWriteFs.rename(a, b);
      },
      syncDir: async (d) => {
        steps.push(`syncDir ${d === dir}`);
        await nodeDurableWriteFs.syncDir(d);
      },
      remove: nodeDurableWriteFs.remove,
    };
    const path = await writeBackupDurably(dir, NAME, new Uint8Array([1, 2, 3]), fs);
    expect(path).toBe(join(dir, NAME));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual([NAME]);
    expect(steps).toEqual(['write tmp-', 'rename', 'syncDir true']);
  });

  it('a failure at rename leaves the folder as it was: old file intact, temp file removed', async () => {
    await writeFile(join(dir, NAME), 'old');
    const fs: DurableWriteFs = { ...nodeDurableWriteFs, rename: async () => Promise.reject(new Error('EIO')) };
    await expect(writeBackupDurably(dir, NAME, new Uint8Array([9, 9]), fs)).rejects.toThrow('EIO');
    expect(await readdir(dir)).toEqual([NAME]);
    expect(await readFile(join(dir, NAME), 'utf8')).toBe('old');
  });

  it('a failure while writing (disk full) leaves nothing behind', async () => {
    const fs: DurableWriteFs = {
      ...nodeDurableWriteFs,
      writeAndSync: async (p, b) => {
        await nodeDurableWriteFs.writeAndSync(p, b.subarray(0, 1)); // half written, then the disk is full
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    await expect(writeBackupDurably(dir, NAME, new Uint8Array([1, 2, 3]), fs)).rejects.toThrow('ENOSPC');
    expect(await readdir(dir)).toEqual([]);
  });

  it('never follows or clobbers something at the temporary name (open with wx)', async () => {
    await writeFile(join(dir, 'x'), 'keep');
    await expect(nodeDurableWriteFs.writeAndSync(join(dir, 'x'), new Uint8Array([1]))).rejects.toThrow(/EEXIST/);
    expect(await readFile(join(dir, 'x'), 'utf8')).toBe('keep');
  });
});
