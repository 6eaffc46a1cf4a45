import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../../shared/demo/generate';
import type { Dataset } from '../../../../shared/demo/types';
import { auditRows, snapshotTables, unitInput, withProfile } from '../helpers';
import { tinyDataset } from '../tiny-dataset';

const recordCount = (d: Dataset) => Object.values(d).reduce((n, rows: unknown[]) => n + rows.length, 0);

describe('demo data', () => {
  it('loads every record in one go with one audit entry each, and the chain verifies', async () => {
    const { db, dl } = await withProfile();
    const data = tinyDataset();
    expect(await dl.demo.isEmpty()).toBe(true);
    const count = await db.audit.count();

    expect(await dl.demo.load(data)).toEqual({ records: 12 });

    expect(await dl.demo.isEmpty()).toBe(false);
    for (const [key, rows] of Object.entries(data)) {
      expect(await db.table(key).toArray(), key).toEqual(rows);
    }
    const rows = (await auditRows(db)).slice(count);
    expect(rows).toHaveLength(recordCount(data));
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['demo-load']));
    // each minutes starts with its first version, so 历史版本 is never empty
    expect((await db.minutesVersions.toArray()).map((v) => [v.minutesId, v.version, v.cause])).toEqual(
      data.minutes.map((m) => [m.id, m.version, 'created']),
    );
    expect(rows.find((r) => r.entityId === 'd1')).toMatchObject({
      entity: 'dispute',
      after: data.disputes[0],
      before: null,
    });
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: count + 12 });
  });

  it('refuses a database that already has units', async () => {
    const { db, dl } = await withProfile();
    await dl.units.create(unitInput('甲局'));
    const before = await snapshotTables(db);
    await expect(dl.demo.load(tinyDataset())).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('refuses an invalid record, naming it, and writes nothing', async () => {
    const { db, dl } = await withProfile();
    const data = tinyDataset();
    data.topics[0] = { ...data.topics[0]!, submittedOn: '2026-02-30' };
    const before = await snapshotTables(db);
    await expect(dl.demo.load(data)).rejects.toMatchObject({
      code: 'validation',
      message: '演示数据第 1 条议题不正确（submittedOn：日期不存在）',
    });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('rolls back everything when a record collides with another inside the load', async () => {
    const { db, dl } = await withProfile();
    const data = tinyDataset();
    data.taskEvents.push({ ...data.taskEvents[0]! }); // same id twice: the last bulkAdd fails
    const before = await snapshotTables(db);
    await expect(dl.demo.load(data)).rejects.toThrow();
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('loads the generated demo dataset; its units are referenced, so they can be archived but not deleted', async () => {
    const data = generateDemoDataset({ seed: 1, scale: 1, today: '2026-11-22' });
    const { db, dl } = await withProfile();
    const count = await db.audit.count();
    expect(await dl.demo.load(data)).toEqual({ records: recordCount(data) });
    for (const [key, rows] of Object.entries(data)) expect(await db.table(key).count(), key).toBe(rows.length);
    expect(await db.audit.count()).toBe(count + recordCount(data));
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: count + recordCount(data) });

    const lead = data.resolutions[0]!.leadUnitId;
    expect(await dl.units.referenceCount(lead)).toBeGreaterThan(0);
    await expect(dl.units.remove(lead)).rejects.toMatchObject({ code: 'referenced' });
  });
});
