import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyPendingRestore,
  listPreOpenCopies,
  makePreOpenCopy,
  ORIGIN_IDB_DIRS,
  PRE_OPEN_DIR_NAME,
  requestPreOpenRestore,
} from '../../../../../electron/main/backup/pre-open-copy';

/** path → sha256 of every file under `dir`. */
function digestTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A userData folder with the app origin's IndexedDB folders shaped like Chromium's, and another origin's. */
function userData() {
  const root = mkdtempSync(join(tmpdir(), 'jd-preopen-'));
  roots.push(root);
  const idb = join(root, 'IndexedDB');
  const ldb = join(idb, ORIGIN_IDB_DIRS[0]);
  mkdirSync(ldb, { recursive: true });
  writeFileSync(join(ldb, 'CURRENT'), 'MANIFEST-000001\n');
  writeFileSync(join(ldb, 'MANIFEST-000001'), Buffer.alloc(4096, 7));
  writeFileSync(join(ldb, '000003.log'), Buffer.alloc(100_000, 3));
  writeFileSync(join(ldb, 'LOCK'), '');
  writeFileSync(join(ldb, 'LOG'), 'opened\n');
  mkdirSync(join(idb, ORIGIN_IDB_DIRS[1], '1'), { recursive: true });
  writeFileSync(join(idb, ORIGIN_IDB_DIRS[1], '1', '0a'), 'attachment blob');
  mkdirSync(join(idb, 'https_example.org_0.indexeddb.leveldb'), { recursive: true });
  writeFileSync(join(idb, 'https_example.org_0.indexeddb.leveldb', 'CURRENT'), 'other origin');
  const origin = () => {
    const all = digestTree(idb);
    return Object.fromEntries(Object.entries(all).filter(([p]) => p.startsWith('app_jointdesk_0')));
  };
  return { root, idb, ldb, origin, preOpen: join(root, PRE_OPEN_DIR_NAME) };
}

let clock = new Date(2026, 11, 4, 9, 0, 0).getTime();
const tick = () => new Date((clock += 60_000));
const opts = (root: string, extra: object = {}) => ({ userDataPath: root, now: tick, log: () => undefined, ...extra });
const copyIds = (preOpen: string) =>
  readdirSync(preOpen)
    .filter((n) => /^\d{8}-\d{6}/.test(n))
    .sort();

describe('DUR-6: main copies the IndexedDB folder before the renderer opens it', () => {
  it('copies the app origin folders byte for byte with a copy.json; the originals are unchanged', async () => {
    const { root, idb, origin, preOpen } = userData();
    const before = digestTree(idb);
    const r = await makePreOpenCopy(opts(root));
    expect(r).toMatchObject({ made: true, files: 6 });
    expect(digestTree(idb)).toEqual(before);
    const [id] = copyIds(preOpen);
    const copied = digestTree(join(preOpen, id!));
    expect(Object.keys(copied)).toContain('copy.json');
    for (const [p, h] of Object.entries(origin())) expect(copied[p]).toBe(h);
    // Only our origin is copied.
    expect(Object.keys(copied).some((p) => p.includes('example.org'))).toBe(false);
    const listed = await listPreOpenCopies(opts(root));
    expect(listed).toEqual({
      copies: [{ id, createdAt: expect.any(String), files: 6, bytes: expect.any(Number) }],
      pending: null,
    });
  });

  it('skips an unchanged database (LevelDB LOG/LOCK rewritten on every open do not count)', async () => {
    const { root, ldb, preOpen } = userData();
    expect((await makePreOpenCopy(opts(root))).made).toBe(true);
    writeFileSync(join(ldb, 'LOG'), 'opened again\n');
    utimesSync(join(ldb, 'LOCK'), new Date(), new Date(Date.now() + 5_000));
    expect(await makePreOpenCopy(opts(root))).toMatchObject({ made: false, reason: 'unchanged' });
    expect(copyIds(preOpen)).toHaveLength(1);
    // A real change (a new .log size) is copied.
    writeFileSync(join(ldb, '000003.log'), Buffer.alloc(100_500, 3));
    expect((await makePreOpenCopy(opts(root))).made).toBe(true);
    expect(copyIds(preOpen)).toHaveLength(2);
  });

  it('keeps the last 2 copies, but never one the recovery screen has shown', async () => {
    const { root, ldb, preOpen } = userData();
    const change = (n: number) => writeFileSync(join(ldb, '000003.log'), Buffer.alloc(1_000 + n, 3));
    for (let i = 0; i < 4; i++) {
      change(i);
      await makePreOpenCopy(opts(root));
    }
    const kept = copyIds(preOpen);
    expect(kept).toHaveLength(2);
    // Shown on the recovery screen: held.
    await listPreOpenCopies(opts(root));
    for (let i = 10; i < 13; i++) {
      change(i);
      await makePreOpenCopy(opts(root));
    }
    const after = copyIds(preOpen);
    expect(after).toEqual(expect.arrayContaining(kept));
    expect(after).toHaveLength(4);
  });

  it('a failure mid-copy never fails the start, leaves no copy behind, and the next start cleans up', async () => {
    const { root, idb, preOpen } = userData();
    const before = digestTree(idb);
    let n = 0;
    const r = await makePreOpenCopy(
      opts(root, {
        afterFileCopied: () => {
          if (++n === 3) throw new Error('ENOSPC: no space left on device');
        },
      }),
    );
    expect(r).toMatchObject({ made: false, reason: 'failed' });
    expect(readdirSync(preOpen)).toEqual([]);
    expect(digestTree(idb)).toEqual(before);
    expect((await listPreOpenCopies(opts(root))).copies).toEqual([]);
    // A torn folder left by a crash (tmp-…) is never listed and is removed by the next copy.
    mkdirSync(join(preOpen, 'tmp-20261204-090000', ORIGIN_IDB_DIRS[0]), { recursive: true });
    expect((await listPreOpenCopies(opts(root))).copies).toEqual([]);
    expect((await makePreOpenCopy(opts(root))).made).toBe(true);
    expect(readdirSync(preOpen).filter((f) => f.startsWith('tmp-'))).toEqual([]);
  });

  it('no database yet: nothing copied, nothing fails', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jd-preopen-'));
    roots.push(root);
    expect(await makePreOpenCopy(opts(root))).toMatchObject({ made: false, reason: 'no-database' });
    expect(await applyPendingRestore(opts(root))).toEqual({ restored: false, reason: 'none' });
  });
});

describe('restore of a pre-open copy at the next start', () => {
  it('puts the copy back before the window opens; the replaced folders are kept aside, not deleted', async () => {
    const { root, idb, ldb, origin, preOpen } = userData();
    const good = origin();
    await makePreOpenCopy(opts(root));
    const [id] = copyIds(preOpen);
    // Chromium "repairs" the damaged database by deleting it and starting an empty one.
    writeFileSync(join(ldb, 'CURRENT'), Buffer.alloc(16));
    rmSync(join(ldb, '000003.log'));
    rmSync(join(idb, ORIGIN_IDB_DIRS[1]), { recursive: true });
    const damaged = origin();
    await requestPreOpenRestore(opts(root), id!);
    expect((await listPreOpenCopies(opts(root))).pending).toBe(id);
    const other = readFileSync(join(idb, 'https_example.org_0.indexeddb.leveldb', 'CURRENT'), 'utf8');

    const r = await applyPendingRestore(opts(root));
    expect(r).toMatchObject({ restored: true, id });
    expect(origin()).toEqual(good);
    // The replaced (damaged) files are kept, byte for byte.
    const replaced = (r as { replacedDir: string }).replacedDir;
    const kept = digestTree(replaced);
    for (const [p, h] of Object.entries(damaged)) expect(kept[p]).toBe(h);
    expect(readFileSync(join(idb, 'https_example.org_0.indexeddb.leveldb', 'CURRENT'), 'utf8')).toBe(other);
    expect(readdirSync(idb).filter((f) => f.startsWith('tmp-'))).toEqual([]);
    // Done once: the request is gone, the next start does nothing.
    expect(await applyPendingRestore(opts(root))).toEqual({ restored: false, reason: 'none' });
    expect((await listPreOpenCopies(opts(root))).pending).toBeNull();
  });

  it('a torn or damaged copy is refused when asked and never replaces live data at start', async () => {
    const { root, idb, ldb, preOpen } = userData();
    await makePreOpenCopy(opts(root));
    const [id] = copyIds(preOpen);
    writeFileSync(join(ldb, '000005.ldb'), 'live data written after the copy');
    await requestPreOpenRestore(opts(root), id!);
    // The copy is damaged after the request (a truncated file): at start nothing is replaced.
    truncateSync(join(preOpen, id!, ORIGIN_IDB_DIRS[0], '000003.log'), 10);
    const live = digestTree(idb);
    expect(await applyPendingRestore(opts(root))).toEqual({ restored: false, reason: 'torn-copy' });
    expect(digestTree(idb)).toEqual(live);
    await expect(requestPreOpenRestore(opts(root), id!)).rejects.toThrow(/不完整或已损坏/);
    // A copy without its copy.json (a copy that never finished) is neither listed nor restorable.
    writeFileSync(join(ldb, '000006.ldb'), 'more');
    await makePreOpenCopy(opts(root));
    const newest = copyIds(preOpen).at(-1)!;
    rmSync(join(preOpen, newest, 'copy.json'));
    expect((await listPreOpenCopies(opts(root))).copies.map((c) => c.id)).not.toContain(newest);
    await expect(requestPreOpenRestore(opts(root), newest)).rejects.toThrow(/不完整或已损坏/);
    await expect(requestPreOpenRestore(opts(root), '../../etc')).rejects.toThrow(/不完整或已损坏/);
    expect(digestTree(idb)).toEqual({ ...live, [join(ORIGIN_IDB_DIRS[0], '000006.ldb')]: expect.any(String) });
  });

  it('a failure while putting the copy back leaves the live folders as they were', async () => {
    const { root, idb, ldb, preOpen } = userData();
    await makePreOpenCopy(opts(root));
    const [id] = copyIds(preOpen);
    writeFileSync(join(ldb, '000005.ldb'), 'live data written after the copy');
    await requestPreOpenRestore(opts(root), id!);
    const live = digestTree(idb);
    let n = 0;
    const r = await applyPendingRestore(
      opts(root, {
        afterFileCopied: () => {
          if (++n === 4) throw new Error('EIO');
        },
      }),
    );
    expect(r).toEqual({ restored: false, reason: 'failed' });
    expect(digestTree(idb)).toEqual(live);
  });

  it('a failure after the live folders were moved aside puts them back as they were', async () => {
    const { root, idb, ldb, preOpen } = userData();
    await makePreOpenCopy(opts(root));
    const [id] = copyIds(preOpen);
    writeFileSync(join(ldb, '000005.ldb'), 'live data written after the copy');
    await requestPreOpenRestore(opts(root), id!);
    const live = digestTree(idb);
    const r = await applyPendingRestore(
      opts(root, {
        afterMovedAside: () => {
          expect(existsSync(ldb)).toBe(false);
          throw new Error('EBUSY');
        },
      }),
    );
    expect(r).toEqual({ restored: false, reason: 'failed' });
    expect(digestTree(idb)).toEqual(live);
    // The copy is still there to try again.
    expect((await listPreOpenCopies(opts(root))).copies.map((c) => c.id)).toContain(id);
  });
});

describe('backup:pre-open-restore handler', () => {
  it('restarts only once main has checked the copy and noted the request', async () => {
    const { createBackupHandlers } = await import('../../../../../electron/main/ipc/backup');
    const { root, preOpen } = userData();
    await makePreOpenCopy(opts(root));
    const [id] = copyIds(preOpen);
    const restart = vi.fn();
    const handlers = createBackupHandlers({
      preOpen: {
        list: () => listPreOpenCopies(opts(root)),
        requestRestore: (copy: string) => requestPreOpenRestore(opts(root), copy),
      },
      restart,
    } as unknown as Parameters<typeof createBackupHandlers>[0]);
    await expect(handlers['backup:pre-open-restore']({ id: '20990101-000000' })).rejects.toThrow(/不完整或已损坏/);
    expect(restart).not.toHaveBeenCalled();
    expect(await handlers['backup:pre-open-restore']({ id: id! })).toEqual({ restarting: true });
    expect(restart).toHaveBeenCalledTimes(1);
    expect(await handlers['backup:pre-open-list'](undefined)).toMatchObject({ pending: id });
  });
});
