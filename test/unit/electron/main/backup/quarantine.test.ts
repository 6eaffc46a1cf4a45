import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createQuarantine,
  nodeQuarantineFs,
  quarantineStamp,
  type QuarantineFs,
} from '../../../../../electron/main/backup/quarantine';

/** path → sha256 of every file under `dir`. */
function digestTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A userData folder with an IndexedDB tree shaped like Chromium's (LevelDB files of the app origin). */
function userData(): { root: string; source: string } {
  const root = mkdtempSync(join(tmpdir(), 'jd-quarantine-'));
  const ldb = join(root, 'IndexedDB', 'app_jointdesk_0.indexeddb.leveldb');
  mkdirSync(ldb, { recursive: true });
  writeFileSync(join(ldb, 'CURRENT'), 'MANIFEST-000001\n');
  writeFileSync(join(ldb, 'MANIFEST-000001'), Buffer.alloc(4096, 7));
  writeFileSync(join(ldb, '000003.log'), Buffer.alloc(100_000, 3));
  writeFileSync(join(ldb, 'LOCK'), '');
  mkdirSync(join(root, 'IndexedDB', 'app_jointdesk_0.indexeddb.blob', '1'), { recursive: true });
  writeFileSync(join(root, 'IndexedDB', 'app_jointdesk_0.indexeddb.blob', '1', '0a'), 'blob');
  return { root, source: join(root, 'IndexedDB') };
}

const AT = new Date(2026, 11, 3, 14, 25, 30);

describe('DUR-6: the database folder is copied aside, never touched', () => {
  it('copies every file byte for byte into quarantine/<timestamp>; the originals are unchanged', async () => {
    const { root, source } = userData();
    const before = digestTree(source);
    const mtime = statSync(join(source, 'app_jointdesk_0.indexeddb.leveldb', '000003.log')).mtimeMs;
    const q = createQuarantine({
      sourceDir: source,
      targetRoot: join(root, 'quarantine'),
      now: () => AT,
      fs: nodeQuarantineFs,
    });
    const r = await q();
    expect(r.dir).toBe(join(root, 'quarantine', '20261203-142530'));
    expect(r.files).toBe(5);
    expect(r.bytes).toBe(16 + 4096 + 100_000 + 0 + 4);
    expect(digestTree(r.dir)).toEqual(before);
    expect(digestTree(source)).toEqual(before);
    expect(statSync(join(source, 'app_jointdesk_0.indexeddb.leveldb', '000003.log')).mtimeMs).toBe(mtime);
  });

  it('copies once per session: a retrying renderer gets the first copy back', async () => {
    const { root, source } = userData();
    const q = createQuarantine({
      sourceDir: source,
      targetRoot: join(root, 'quarantine'),
      now: () => AT,
      fs: nodeQuarantineFs,
    });
    const [a, b] = await Promise.all([q(), q()]);
    expect(b).toEqual(a);
    expect(await q()).toEqual(a);
    expect(readdirSync(join(root, 'quarantine'))).toEqual(['20261203-142530']);
  });

  it('a second app session in the same second gets its own folder, the first copy untouched', async () => {
    const { root, source } = userData();
    const make = () =>
      createQuarantine({
        sourceDir: source,
        targetRoot: join(root, 'quarantine'),
        now: () => AT,
        fs: nodeQuarantineFs,
      });
    const first = await make()();
    const firstDigest = digestTree(first.dir);
    const second = await make()();
    expect(second.dir).toBe(join(root, 'quarantine', '20261203-142530-2'));
    expect(digestTree(first.dir)).toEqual(firstDigest);
  });

  it('no database folder, or a failed copy: a plain Chinese message, the originals untouched, and a later try may copy', async () => {
    const { root, source } = userData();
    const missing = createQuarantine({
      sourceDir: join(root, 'nope'),
      targetRoot: join(root, 'quarantine'),
      now: () => AT,
      fs: nodeQuarantineFs,
    });
    await expect(missing()).rejects.toThrow('未找到数据库文件夹，无法另存副本；原有文件未被改动。');

    let fail = true;
    const flaky: QuarantineFs = {
      ...nodeQuarantineFs,
      cp: (from, to) =>
        fail ? Promise.reject(new Error('ENOSPC: no space left on device')) : nodeQuarantineFs.cp(from, to),
    };
    const before = digestTree(source);
    const q = createQuarantine({ sourceDir: source, targetRoot: join(root, 'quarantine'), now: () => AT, fs: flaky });
    const refused = await q().catch((e: Error) => e);
    expect(refused).toMatchObject({ name: 'UserFacingError' });
    expect((refused as Error).message).toBe(
      '数据库文件另存副本失败（可能是磁盘空间不足或没有写入权限）；原有文件未被改动。',
    );
    expect(digestTree(source)).toEqual(before);
    fail = false;
    expect(digestTree((await q()).dir)).toEqual(before);
  });

  it('names the folder by local date and time', () => {
    expect(quarantineStamp(new Date(2027, 0, 5, 9, 3, 7))).toBe('20270105-090307');
  });
});
