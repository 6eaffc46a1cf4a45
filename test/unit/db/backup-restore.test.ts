import { describe, expect, it } from 'vitest';
import { BackupRejected, buildBackupArchive, openBackupArchive, tablesDigest } from '../../../shared/backup/format';
import { STATE_CHECKED, type AuditEntry } from '../../../shared/domain';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import {
  createBackup,
  CURRENT_SCHEMA_VERSION,
  databaseDigest,
  exportTables,
} from '../../../renderer/src/db/backup/backup';
import { restoreBackup, STAGING_DB_NAME, verifyBackupFile } from '../../../renderer/src/db/backup/restore';
import type { DatabaseDependencies } from '../../../renderer/src/db/database';
import { freshDependencies, InjectedFault } from './helpers';

const TODAY = '2026-03-09';
const NOW = () => new Date(`${TODAY}T02:00:00.000Z`);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A database with a profile, the demo township and one attachment (a Blob), on its own fake IndexedDB. */
async function demoDatabase(deps: DatabaseDependencies = freshDependencies()) {
  const db = new JointDeskDB('jointdesk', deps);
  const dl = createDataLayer(db, { now: NOW });
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  await dl.demo.load(generateDemoDataset({ seed: 7, scale: 1, today: TODAY }));
  const closed = ['merged', 'converted', 'resolved', 'escalated'];
  const topic = (await db.topics.filter((t) => !closed.includes(t.state)).first())!;
  // Through the app: a row added behind its back is named by verify() as not in the audit trail.
  const att = await dl.attachments.add(
    { type: 'topic', id: topic.id },
    { fileName: '现场照片.png', mimeType: 'image/png', data: new Blob([new Uint8Array(PNG)], { type: 'image/png' }) },
  );
  return { db, dl, deps, attachmentId: att.id };
}

const noKeep = async () => undefined;

async function stagingExists(deps: DatabaseDependencies): Promise<boolean> {
  const list = await (deps.indexedDB as IDBFactory).databases();
  return list.some((d) => d.name === STAGING_DB_NAME);
}

describe('backup and restore (DUR-8)', () => {
  it('round trip of the demo dataset: restore into an emptied database gives the identical digest', async () => {
    const { db, deps, attachmentId } = await demoDatabase();
    const before = await databaseDigest(db);
    const backup = await createBackup(db, { appVersion: '0.1.0', kind: 'manual', now: NOW });
    const counts = backup.manifest.tables;
    expect(counts['audit']).toBeGreaterThan(100);
    expect(backup.manifest.digest).toBe(before);
    expect(backup.manifest.auditHead?.seq).toBe(counts['audit']);

    // Change the live data through the data layer, then restore.
    const dl = createDataLayer(db, { now: NOW });
    const unit = (await db.units.limit(1).toArray())[0]!;
    await dl.units.update(unit.id, { name: '改过的单位名称' });
    expect(await databaseDigest(db)).not.toBe(before);

    const verified = verifyBackupFile(backup.bytes);
    const kept: string[] = [];
    const result = await restoreBackup(db, verified, {
      deps,
      appVersion: '0.1.0',
      now: NOW,
      keepPreRestoreBackup: async (b) => {
        kept.push(b.manifest.digest);
      },
    });
    expect(result.digest).toBe(before);
    // Live now holds the backup exactly, plus one audit entry recording the restore (and its anchor).
    const { tables: liveTables } = await exportTables(db);
    const restoreEntry = (liveTables['audit'] as AuditEntry[]).at(-1)!;
    expect(restoreEntry).toMatchObject({
      seq: counts['audit']! + 1,
      entity: 'system',
      entityId: 'database',
      action: 'restore',
      actorName: '王小明',
      before: { digest: kept[0] },
      after: { digest: before, backupKind: 'manual', tables: counts },
    });
    const withoutRestoreEntry = {
      ...liveTables,
      audit: liveTables['audit']!.slice(0, -1),
      settings: liveTables['settings']!.map((r) =>
        (r as { key: string }).key === 'audit.head' ? { key: 'audit.head', value: backup.manifest.auditHead } : r,
      ),
    };
    expect(tablesDigest(withoutRestoreEntry)).toBe(before);
    expect((await db.units.get(unit.id))?.name).toBe(unit.name);
    // The blob came back as a Blob with its bytes.
    const att = await db.attachments.get(attachmentId);
    expect(att?.data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (att!.data as Blob).arrayBuffer())]).toEqual(PNG);
    // The pre-restore state was kept first, and it is the changed data.
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toBe(before);
    // The chain still verifies and the staging database is gone.
    expect(await dl.audit.verify()).toMatchObject({ ok: true });
    expect(await stagingExists(deps)).toBe(false);
    console.info(
      `[backup figures] rows ${Object.values(counts).reduce((a, b) => a + b, 0)} (audit ${counts['audit']}), ` +
        `file ${backup.bytes.byteLength} B, backup ${backup.ms.toFixed(0)} ms, verify ${verified.ms.toFixed(0)} ms, ` +
        `staging ${result.ms.staging.toFixed(0)} ms, swap ${result.ms.swap.toFixed(0)} ms, restore total ${result.ms.total.toFixed(0)} ms`,
    );
  }, 120_000);

  it('100 truncated or bit-flipped backups are all refused before any write; live digest unchanged', async () => {
    const { db, deps } = await demoDatabase();
    const backup = await createBackup(db, { appVersion: '0.1.0', kind: 'manual', now: NOW });
    const liveBefore = await databaseDigest(db);
    // A seeded generator: the same 100 damaged files on every run.
    let seed = 20261202;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const bytes = backup.bytes;
    const reasons = new Map<string, number>();
    let refused = 0;
    let keptCalls = 0;
    for (let i = 0; i < 100; i++) {
      const damaged =
        i % 2 === 0
          ? bytes.slice(0, Math.floor(rand() * bytes.byteLength))
          : (() => {
              const c = bytes.slice();
              const at = Math.floor(rand() * c.byteLength);
              c[at]! ^= 1 << Math.floor(rand() * 8);
              return c;
            })();
      try {
        const verified = verifyBackupFile(damaged);
        // Not expected; if it ever passes verification the restore must still not run half-way.
        await restoreBackup(db, verified, {
          deps,
          appVersion: '0.1.0',
          keepPreRestoreBackup: async () => {
            keptCalls += 1;
          },
        });
      } catch (e) {
        expect(e).toBeInstanceOf(BackupRejected);
        expect((e as Error).message).toMatch(/未作任何改动/);
        reasons.set((e as BackupRejected).reason, (reasons.get((e as BackupRejected).reason) ?? 0) + 1);
        refused += 1;
      }
    }
    expect(refused).toBe(100);
    expect(keptCalls).toBe(0);
    expect(await databaseDigest(db)).toBe(liveBefore);
    expect(await stagingExists(deps)).toBe(false);
    console.info(`[backup figures] 100 damaged files refused: ${JSON.stringify(Object.fromEntries(reasons))}`);
  }, 120_000);

  it('a backup from a newer schema is refused with a clear Chinese message, nothing written', async () => {
    const { db } = await demoDatabase();
    const { tables, auditHead } = await exportTables(db);
    const { bytes } = await buildBackupArchive({
      tables,
      appVersion: '9.0.0',
      schemaVersion: 99,
      createdAt: NOW(),
      kind: 'manual',
      auditHead,
    });
    const before = await databaseDigest(db);
    expect(() => verifyBackupFile(bytes)).toThrow(
      `该备份由较新版本的程序创建（程序 9.0.0，数据结构第 99 版），本程序只能读取第 ${CURRENT_SCHEMA_VERSION} 版及以前的数据。请先升级本程序再恢复，未作任何改动。`,
    );
    expect(await databaseDigest(db)).toBe(before);
  });

  it('a backup whose rows break the schema or whose audit chain is broken is refused', async () => {
    const { db } = await demoDatabase();
    const { tables, auditHead } = await exportTables(db);
    const build = (t: typeof tables) =>
      buildBackupArchive({
        tables: t,
        appVersion: '0.1.0',
        schemaVersion: 3,
        createdAt: NOW(),
        kind: 'manual',
        auditHead,
      });
    const badUnit = {
      ...tables,
      units: [{ ...(tables['units']![0] as object), kind: '不存在' }, ...tables['units']!.slice(1)],
    };
    const badUnitBytes = openBackupArchiveBytes(await build(badUnit));
    expect(() => verifyBackupFile(badUnitBytes)).toThrow(/单位第 1 条数据不符合要求（kind）/);
    const audit = tables['audit'] as { seq: number; action: string }[];
    const edited = { ...tables, audit: audit.map((e) => (e.seq === 5 ? { ...e, action: 'delete' } : e)) };
    const editedBytes = openBackupArchiveBytes(await build(edited));
    expect(() => verifyBackupFile(editedBytes)).toThrow(/审计记录校验未通过：第 5 条记录内容被修改/);
    const truncated = { ...tables, audit: audit.slice(0, -3) };
    const truncatedBytes = openBackupArchiveBytes(await build(truncated));
    expect(() => verifyBackupFile(truncatedBytes)).toThrow(/审计记录校验未通过.*截断/);
  });

  it('a fault during the swap (after any table) leaves the live data unchanged: one transaction', async () => {
    const { db, deps } = await demoDatabase();
    const backup = await createBackup(db, { appVersion: '0.1.0', kind: 'manual', now: NOW });
    const dl = createDataLayer(db, { now: NOW });
    const unit = (await db.units.limit(1).toArray())[0]!;
    await dl.units.update(unit.id, { name: '恢复前的改动' });
    const changed = await databaseDigest(db);
    const verified = verifyBackupFile(backup.bytes);
    const tables = db.tables.map((t) => t.name);
    for (const failAt of [tables[0]!, 'audit', 'topics', tables.at(-1)!]) {
      await expect(
        restoreBackup(db, verified, {
          deps,
          appVersion: '0.1.0',
          keepPreRestoreBackup: noKeep,
          afterSwapTable: (name) => {
            if (name === failAt) throw new InjectedFault(`fault after ${name}`);
          },
        }),
      ).rejects.toThrow(InjectedFault);
      expect(await databaseDigest(db), `fault after ${failAt}`).toBe(changed);
    }
    // A failing pre-restore backup stops the restore before the swap.
    await expect(
      restoreBackup(db, verified, {
        deps,
        appVersion: '0.1.0',
        keepPreRestoreBackup: async () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await databaseDigest(db)).toBe(changed);
  }, 120_000);

  it('a backup of an older schema (v2) is staged at v2, migrated, then restored', async () => {
    const { db, deps } = await demoDatabase();
    const { tables, auditHead } = await exportTables(db);
    const { bytes } = await buildBackupArchive({
      tables,
      appVersion: '0.0.9',
      schemaVersion: 2,
      createdAt: NOW(),
      kind: 'daily',
      auditHead,
    });
    const digest = await databaseDigest(db);
    await db.units.clear();
    const result = await restoreBackup(db, verifyBackupFile(bytes), {
      deps,
      appVersion: '0.1.0',
      keepPreRestoreBackup: noKeep,
    });
    expect(result.counts['units']).toBe(tables['units']!.length);
    // Restored as migrated: the data rows exactly, the trail with the v6 upgrade's entry per record (its
    // state sealed), then the restore is on the trail.
    expect(result.digest).not.toBe(digest);
    const records = STATE_CHECKED.reduce((n, { table }) => n + (tables[table]?.length ?? 0), 0);
    expect(await db.audit.where('action').equals('migrate').count()).toBe(records);
    for (const name of ['units', 'topics', 'disputes', 'meetings', 'resolutions']) {
      expect(await db.table(name).toArray()).toEqual(tables[name]);
    }
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ seq: auditHead!.seq + records + 1, action: 'restore', after: { schemaVersion: 2 } });
    expect(await createDataLayer(db, { now: NOW }).audit.verify()).toMatchObject({ ok: true });
  }, 120_000);
});

/** The archive bytes of a built backup (kept as a function so the assertions read in order). */
function openBackupArchiveBytes(b: { bytes: Uint8Array }): Uint8Array {
  openBackupArchive(b.bytes); // the archive itself is sound: only the content checks may fail
  return b.bytes;
}

describe('who may restore', () => {
  it('only the office; other roles are refused before anything is staged', async () => {
    const { db, deps } = await demoDatabase();
    const backup = await createBackup(db, { appVersion: '0.1.0', kind: 'manual', now: NOW });
    const dl = createDataLayer(db, { now: NOW });
    const chair = await dl.profiles.create({ name: '李主任', unitName: '街道办', role: 'convener' });
    await dl.profiles.switchTo(chair.id);
    const before = await databaseDigest(db);
    await expect(
      restoreBackup(db, verifyBackupFile(backup.bytes), { deps, appVersion: '0.1.0', keepPreRestoreBackup: noKeep }),
    ).rejects.toThrow(/只有办公室工作人员可以从备份恢复数据/);
    expect(await databaseDigest(db)).toBe(before);
    expect(await stagingExists(deps)).toBe(false);
  });
});
