import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { DEMO_LOAD_BATCH } from '../../../renderer/src/db/repositories/demo';
import { generateDemoDataset } from '../../../shared/demo/generate';
import type { Dataset } from '../../../shared/demo/types';
import { InjectedFault, auditRows, failAtMutation, freshDatabase } from './helpers';

const TODAY = '2026-11-20';
/** A tenth (one year) by default; DEMO_DISTRICT_SCALE=1 loads the full ten years (~57,000 records). */
const SCALE = Number(process.env.DEMO_DISTRICT_SCALE ?? '0.1');
const records = (ds: Dataset) => Object.values(ds).reduce((n, rows: unknown[]) => n + rows.length, 0);

async function setup() {
  const db = freshDatabase();
  const dl = createDataLayer(db, { now: () => new Date(`${TODAY}T02:00:00.000Z`) });
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  return { db, dl };
}

describe(`loading the district profile (scale ${SCALE})`, () => {
  const ds = generateDemoDataset({ seed: 20260309, scale: SCALE, today: TODAY, profile: 'district-10y' });

  it('writes every record in batches with one audit entry each, and the chain verifies', async () => {
    const { db, dl } = await setup();
    const before = (await auditRows(db)).length;
    const n = records(ds);
    expect(n).toBeGreaterThan(DEMO_LOAD_BATCH); // several batches
    const out = await dl.demo.load(ds);
    expect(out.records).toBe(n);
    expect(await db.audit.count()).toBe(before + n);
    expect(await db.resolutions.count()).toBe(ds.resolutions.length);
    expect(await db.taskEvents.count()).toBe(ds.taskEvents.length);
    expect(await db.minutesVersions.count()).toBe(ds.minutes.length);
    const audit = await auditRows(db);
    expect(audit.filter((e) => e.action === 'demo-load' && e.entity === 'taskEvent').length).toBe(ds.taskEvents.length);
    expect(audit.map((e) => e.seq)).toEqual(audit.map((_, i) => i + 1));
    // the batches' entries are chained in load order (dependency order, then the dataset's), each batch whole
    const order = ['units', 'people', 'meetings', 'attendance', 'agendaItems', 'topics', 'disputes', 'minutes'];
    const ids = [...order, 'resolutions', 'taskEvents'].flatMap((k) => ds[k as keyof Dataset].map((r) => r.id));
    expect(audit.filter((e) => e.action === 'demo-load').map((e) => e.entityId)).toEqual(ids);
    const verified = await dl.audit.verify();
    expect(verified).toMatchObject({ ok: true, count: before + n });
    // the follow-up reads work on it
    const page = await dl.followup.list({ limit: 50 });
    expect(page.rows).toHaveLength(50);
    expect(page.total).toBe(ds.resolutions.filter((r) => r.state !== 'draft').length);
  }, 120_000);

  it('is all or nothing: a fault after several batches leaves no record and no audit entry', async () => {
    const { db, dl } = await setup();
    const before = await auditRows(db);
    const undo = failAtMutation(db, 3 * DEMO_LOAD_BATCH + 17);
    await expect(dl.demo.load(ds)).rejects.toBeInstanceOf(InjectedFault);
    undo();
    expect(await db.units.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);
    expect(await auditRows(db)).toEqual(before);
    expect((await dl.audit.verify()).ok).toBe(true);
  }, 120_000);
});
