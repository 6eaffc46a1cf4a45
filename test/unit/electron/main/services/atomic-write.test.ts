import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicWriteFs, writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import { describeError, UserFacingError } from '../../../../../electron/main/services/user-facing-error';
import { DomainError } from '../../../../../shared/domain/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jd-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    expect([...(await readFile(join(dir, 'a.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('writes a temporary file in the same directory, then renames it over the target', async () => {
    const calls: string[] = [];
    await writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1]), {
      writeAndSync: async (p, b) => {
        calls.push(`write ${p}`);
        await nodeAtomicWriteFs.writeAndSync(p, b);
      },
      rename: async (from, to) => {
        calls.push(`rename ${from} -> ${to}`);
        await nodeAtomicWriteFs.rename(from, to);
      },
      remove: nodeAtomicWriteFs.remove,
    });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(new RegExp(`^write ${dir}/\\.a\\.bin\\.[0-9a-f]{12}\\.tmp$`));
    expect(calls[1]).toMatch(/ -> .*\/a\.bin$/);
  });

  it('keeps the old file intact and removes the temporary file when rename fails', async () => {
    await writeFile(join(dir, 'a.bin'), 'OLD');
    const failingRename = vi.fn(async () => Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })));
    await expect(
      writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([9]), { ...nodeAtomicWriteFs, rename: failingRename }),
    ).rejects.toThrow('EXDEV');
    expect(await readFile(join(dir, 'a.bin'), 'utf8')).toBe('OLD');
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('keeps the old file intact when the write fails half-way', async () => {
    await writeFile(join(dir, 'a.bin'), 'OLD');
    const failingWrite = async (p: string) => {
      await writeFile(p, 'HALF');
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    await expect(
      writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([9]), { ...nodeAtomicWriteFs, writeAndSync: failingWrite }),
    ).rejects.toThrow('ENOSPC');
    expect(await readFile(join(dir, 'a.bin'), 'utf8')).toBe('OLD');
    expect(await readdir(dir)).toEqual(['a.bin']);
  });
});

describe('describeError', () => {
  it('keeps messages written for the user', () => {
    expect(describeError(new UserFacingError('请选择文件。'))).toBe('请选择文件。');
    expect(describeError(new DomainError('validation', '名称不能为空'))).toBe('名称不能为空');
  });

  it.each(['EACCES', 'EPERM', 'EBUSY', 'ENOSPC', 'EROFS', 'ENOENT', 'EISDIR', 'ENAMETOOLONG'])(
    'explains %s in Chinese without the raw error',
    (code) => {
      const text = describeError(Object.assign(new Error(`${code}: open '/secret/path'`), { code }));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toContain('/secret/path');
    },
  );

  it('hides unexpected errors behind a generic message', () => {
    expect(describeError(new Error('Cannot read properties of undefined'))).toMatch(/^操作失败/);
    expect(describeError(null)).toMatch(/^操作失败/);
  });
});
