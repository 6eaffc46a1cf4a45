import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, buildBackupArchive, type BackupKind } from '../../../../../shared/backup/format';
import { createBackupSettingsStore } from '../../../../../electron/main/backup/backup-settings';
import { createBackupStore, createdAtFromName } from '../../../../../electron/main/backup/backup-store';
import { nodeBackupFolderFs } from '../../../../../electron/main/backup/node-backup-fs';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'jd-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function store() {
  const settings = createBackupSettingsStore({
    filePath: join(root, 'backup-settings.json'),
    defaultDir: join(root, '备份'),
    fs: { readFile: (p) => readFile(p, 'utf8'), writeFileAtomic: (p, b) => writeFileAtomic(p, b) },
  });
  return createBackupStore({ fs: nodeBackupFolderFs, settings });
}

async function backup(createdAt: Date, kind: BackupKind = 'daily') {
  const { bytes } = await buildBackupArchive({
    tables: { units: [{ id: 'u1', name: '城管局' }], audit: [] },
    appVersion: '0.1.0',
    schemaVersion: 4,
    createdAt,
    kind,
    auditHead: null,
  });
  return { name: backupFileName(createdAt, kind), bytes };
}

describe('backup folder (main)', () => {
  it('writes into the default folder the user can see, lists it as verified with counts', async () => {
    const s = store();
    const b = await backup(new Date('2026-12-02T02:00:00Z'), 'manual');
    const { path } = await s.write(b.name, b.bytes);
    expect(path).toBe(join(root, '备份', b.name));
    const folder = await s.list();
    expect(folder.dir).toBe(join(root, '备份'));
    expect(folder.retention).toEqual({ daily: 7, weekly: 4, monthly: 12 });
    expect(folder.entries).toHaveLength(1);
    expect(folder.entries[0]).toMatchObject({
      name: b.name,
      status: 'verified',
      kind: 'manual',
      tables: { units: 1, audit: 0 },
      createdAt: '2026-12-02T02:00:00.000Z',
    });
    expect(folder.lastBackupAt).toBe('2026-12-02T02:00:00.000Z');
  });

  it('refuses to write a damaged backup; a damaged file already there is listed as such and never pruned', async () => {
    const s = store();
    const b = await backup(new Date('2026-12-02T02:00:00Z'));
    const flipped = b.bytes.slice();
    flipped[100]! ^= 0x10;
    await expect(s.write(b.name, flipped)).rejects.toThrow(/备份未写入/);
    await nodeBackupFolderFs.mkdir(join(root, '备份'));
    const damagedName = 'jointdesk-backup-20200101-100000-daily.zip';
    await writeFile(join(root, '备份', damagedName), flipped);
    const entries = (await s.list()).entries;
    expect(entries.find((e) => e.name === damagedName)).toMatchObject({
      status: 'damaged',
      problem: expect.stringMatching(/损坏/),
    });
    // 40 days of daily backups: the damaged old one is not in retention's hands.
    for (let i = 0; i < 40; i++) {
      const d = await backup(new Date(Date.UTC(2026, 10, 1 + i, 2)));
      await s.write(d.name, d.bytes);
    }
    expect(await readdir(join(root, '备份'))).toContain(damagedName);
  });

  it('applies retention after each write: 400 days of daily backups → 7 daily + 4 weekly + 12 monthly at most', async () => {
    const s = store();
    const start = Date.UTC(2025, 10, 1, 2);
    for (let i = 0; i < 400; i++) {
      const d = await backup(new Date(start + i * 86_400_000));
      await s.write(d.name, d.bytes);
    }
    const names = (await readdir(join(root, '备份'))).sort();
    expect(names.length).toBeLessThanOrEqual(23);
    expect(names.length).toBeGreaterThanOrEqual(19);
    expect(names.filter((n) => n.startsWith('tmp-'))).toEqual([]);
    // The 7 newest days are all there.
    const newest = names.slice(-7).map((n) => createdAtFromName(n)!.createdAt.slice(0, 10));
    expect(new Set(newest).size).toBe(7);
  }, 120_000);

  it('retention is configurable, never under 7 days, and persisted', async () => {
    const s = store();
    await expect(s.setRetention({ daily: 10, weekly: 0, monthly: 0 })).resolves.toMatchObject({
      retention: { daily: 10, weekly: 0, monthly: 0 },
    });
    const again = store();
    expect((await again.list()).retention).toEqual({ daily: 10, weekly: 0, monthly: 0 });
    await writeFile(
      join(root, 'backup-settings.json'),
      JSON.stringify({ retention: { daily: 1, weekly: 2, monthly: 3 } }),
    );
    expect((await store().list()).retention).toEqual({ daily: 7, weekly: 2, monthly: 3 });
  });

  it('two backups in the same second get distinct names; the folder can be changed', async () => {
    const s = store();
    const b = await backup(new Date('2026-12-02T02:00:00Z'), 'manual');
    await s.write(b.name, b.bytes);
    const second = await s.write(b.name, b.bytes);
    expect(second.path).toMatch(/-1-manual\.zip$/);
    await s.setDir(join(root, '另一个文件夹'));
    await s.write(b.name, b.bytes);
    expect(await readdir(join(root, '另一个文件夹'))).toEqual([b.name]);
    expect((await s.list()).dir).toBe(join(root, '另一个文件夹'));
  });

  it('reads only backup names inside the folder', async () => {
    const s = store();
    const b = await backup(new Date('2026-12-02T02:00:00Z'));
    await s.write(b.name, b.bytes);
    expect(await s.read(b.name)).toEqual(Buffer.from(b.bytes));
    await expect(s.read('../etc/passwd')).rejects.toThrow(/文件名不正确/);
    await expect(s.read('jointdesk-backup-20261202-020000-daily.zip')).rejects.toThrow(/没有这个备份/);
  });

  it('names carry Shanghai local time', () => {
    expect(createdAtFromName('jointdesk-backup-20261203-003005-quit.zip')).toEqual({
      createdAt: '2026-12-02T16:30:05.000Z',
      kind: 'quit',
    });
    expect(createdAtFromName('tmp-abc-jointdesk-backup-20261203-003005-quit.zip')).toBeNull();
  });
});
