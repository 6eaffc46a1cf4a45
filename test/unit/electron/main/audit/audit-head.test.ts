import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AUDIT_HEAD_FILE_NAME,
  createAuditHeadStore,
  HEAD_ALTERED,
  HEAD_DAMAGED,
  HEAD_MISSING,
  HEAD_UNSEALED,
  nodeAuditHeadFs,
  type AuditHeadFs,
} from '../../../../../electron/main/audit/audit-head';
import { writeBackupDurably, type DurableWriteFs } from '../../../../../electron/main/backup/durable-write';

const h = (c: string) => c.repeat(64);
const KEY = new Uint8Array(32).fill(9);
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jd-audit-head-'));
  dirs.push(dir);
  return dir;
}

function store(
  dir: string,
  o: { key?: Uint8Array | null; created?: boolean; fs?: AuditHeadFs; now?: () => Date } = {},
) {
  return createAuditHeadStore({
    filePath: join(dir, AUDIT_HEAD_FILE_NAME),
    fs: o.fs ?? nodeAuditHeadFs,
    key: async () => (o.key === undefined ? KEY : o.key),
    keyCreatedThisSession: () => o.created ?? false,
    now: o.now ?? (() => new Date('2026-12-04T01:00:00.000Z')),
  });
}

describe('audit head file kept by main', () => {
  it('is created sealed by the session that made the key, advances, and reads back the same head', async () => {
    const dir = await tempDir();
    const first = store(dir, { created: true });
    expect((await first.read()).head).toMatchObject({ seq: 0, keyedFrom: null });
    await first.advance({ seq: 3, hash: h('a'), keyedFrom: 2 });
    await first.advance({ seq: 7, hash: h('b'), keyedFrom: 5 });
    const file = JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE_NAME), 'utf8')) as Record<string, unknown>;
    // keyedFrom stays where the first keyed write put it; the file carries main's mac.
    expect(file).toMatchObject({ version: 1, seq: 7, hash: h('b'), keyedFrom: 2 });
    expect(file.mac).toMatch(/^[0-9a-f]{64}$/);
    // The next session (key loaded from its file) trusts it.
    expect(await store(dir).read()).toEqual({
      head: { seq: 7, hash: h('b'), keyedFrom: 2, updatedAt: '2026-12-04T01:00:00.000Z' },
    });
  });

  it('refuses to move the head backwards, or to another hash at the same seq; the file is unchanged', async () => {
    const dir = await tempDir();
    const s = store(dir, { created: true });
    await s.advance({ seq: 10, hash: h('a'), keyedFrom: 1 });
    const before = await readFile(join(dir, AUDIT_HEAD_FILE_NAME));
    await expect(s.advance({ seq: 9, hash: h('c'), keyedFrom: 1 })).rejects.toThrow(/审计链头不能后退/);
    await expect(s.advance({ seq: 10, hash: h('c'), keyedFrom: 1 })).rejects.toThrow(/链头与主程序已记录的不同/);
    // keyedFrom cannot lie beyond the head.
    await expect(s.advance({ seq: 11, hash: h('c'), keyedFrom: 12 })).rejects.toThrow(/不能大于链头序号/);
    expect((await readFile(join(dir, AUDIT_HEAD_FILE_NAME))).equals(before)).toBe(true);
    // The same head again is accepted without a write.
    expect(await s.advance({ seq: 10, hash: h('a'), keyedFrom: 1 })).toMatchObject({ seq: 10 });
  });

  it('serialises concurrent writes: the later seq wins, the stale one is refused', async () => {
    const dir = await tempDir();
    const s = store(dir, { created: true });
    const results = await Promise.allSettled([
      s.advance({ seq: 5, hash: h('5'), keyedFrom: null }),
      s.advance({ seq: 6, hash: h('6'), keyedFrom: null }),
      s.advance({ seq: 4, hash: h('4'), keyedFrom: null }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((await s.read()).head?.seq).toBe(6);
  });

  it('only the reset path moves it back, and it notes the head it replaced', async () => {
    const dir = await tempDir();
    const s = store(dir, { created: true });
    await s.advance({ seq: 10, hash: h('a'), keyedFrom: 1 });
    const reset = await s.reset({ seq: 4, hash: h('d'), reason: 'restore' });
    expect(reset).toMatchObject({ seq: 4, hash: h('d'), keyedFrom: null, restoredAt: '2026-12-04T01:00:00.000Z' });
    const file = JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ previous: { seq: 10, hash: h('a') }, resetReason: 'restore' });
    expect((await store(dir).read()).problem).toBeUndefined();
  });

  it('survives a torn write: a crash after a partial temp file leaves the old head intact and readable', async () => {
    const dir = await tempDir();
    await store(dir, { created: true }).advance({ seq: 3, hash: h('a'), keyedFrom: null });
    // The write dies after half the bytes reached the temporary file (power cut before rename).
    const torn: DurableWriteFs = {
      writeAndSync: async (path, bytes) => {
        await writeFile(path, bytes.subarray(0, bytes.length >> 1));
        throw Object.assign(new Error('EIO: power lost'), { code: 'EIO' });
      },
      rename: async () => undefined,
      syncDir: async () => undefined,
      remove: async () => undefined, // the crash also keeps the cleanup from running
    };
    const failing: AuditHeadFs = {
      readFile: nodeAuditHeadFs.readFile,
      writeFileAtomic: async (path, bytes) =>
        void (await writeBackupDurably(dir, path.slice(dir.length + 1), bytes, torn)),
    };
    await expect(store(dir, { fs: failing }).advance({ seq: 4, hash: h('b'), keyedFrom: null })).rejects.toThrow(/EIO/);
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('tmp-'))).toBe(true);
    // The next start reads the old head, and the leftover temp file does not get in the way of the next write.
    const next = store(dir);
    expect((await next.read()).head).toMatchObject({ seq: 3, hash: h('a') });
    await next.advance({ seq: 4, hash: h('b'), keyedFrom: null });
    expect((await next.read()).head).toMatchObject({ seq: 4 });
  });

  it('reports a file edited outside the app (mac), damaged, missing or unsealed, and refuses to advance over it', async () => {
    const dir = await tempDir();
    const path = join(dir, AUDIT_HEAD_FILE_NAME);
    await store(dir, { created: true }).advance({ seq: 9, hash: h('a'), keyedFrom: 2 });
    const good = await readFile(path, 'utf8');

    // Moved back to fit a truncated chain, mac kept: the mac no longer fits.
    await writeFile(path, good.replace('"seq": 9', '"seq": 5'));
    expect((await store(dir).read()).problem).toBe(HEAD_ALTERED);
    await expect(store(dir).advance({ seq: 10, hash: h('b'), keyedFrom: 2 })).rejects.toThrow(HEAD_ALTERED);

    // The mac dropped as well.
    const unsealed = JSON.parse(good) as Record<string, unknown>;
    delete unsealed.mac;
    await writeFile(path, JSON.stringify(unsealed));
    expect((await store(dir).read()).problem).toBe(HEAD_UNSEALED);

    await writeFile(path, '{"version":1,"seq":');
    expect((await store(dir).read()).problem).toBe(HEAD_DAMAGED);

    await rm(path);
    expect((await store(dir).read()).problem).toBe(HEAD_MISSING);

    // A reset (after a restore) replaces an untrusted file.
    await store(dir).reset({ seq: 2, hash: h('c'), reason: 'accept-data' });
    expect((await store(dir).read()).problem).toBeUndefined();
  });

  it('without a key (no OS encryption) the file is kept without a mac and still never moves back', async () => {
    const dir = await tempDir();
    const s = store(dir, { key: null });
    expect(await s.read()).toEqual({ head: null });
    await s.advance({ seq: 2, hash: h('a'), keyedFrom: null });
    await expect(s.advance({ seq: 1, hash: h('b'), keyedFrom: null })).rejects.toThrow(/不能后退/);
    const file = JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(file.mac).toBeUndefined();
    expect((await s.read()).problem).toBeUndefined();
  });

  it('a head written before the key existed is sealed by the session that makes the key', async () => {
    const dir = await tempDir();
    await store(dir, { key: null }).advance({ seq: 4, hash: h('a'), keyedFrom: null });
    expect((await store(dir, { created: true }).read()).head).toMatchObject({ seq: 4 });
    const file = JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(file.mac).toMatch(/^[0-9a-f]{64}$/);
    expect((await store(dir).read()).problem).toBeUndefined();
  });
});
