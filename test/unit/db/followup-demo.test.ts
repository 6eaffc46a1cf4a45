import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { readCalendar } from '../../../renderer/src/db/repositories/calendar';
import { RULE_PRESETS, taskWarning, type Resolution, type WarningLevel } from '../../../shared/domain';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { freshDatabase } from './helpers';

const TODAY = '2026-03-09';

/** The index-backed list and counts agree with a plain scan judged by the domain rule, on the demo data. */
describe('follow-up reads on the demo data', () => {
  it('every filter total and the order match a full scan with taskWarning', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, { now: () => new Date(`${TODAY}T02:00:00.000Z`) });
    await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    await dl.demo.load(generateDemoDataset({ seed: 7, scale: 1, today: TODAY }));

    const calendar = await readCalendar(db);
    const o = { dueSoonWorkingDays: RULE_PRESETS[0]!.values.warningWorkingDays, calendar };
    const tasks = (await db.resolutions.toArray()).filter((r) => r.state !== 'draft');
    expect(tasks.length).toBeGreaterThan(10);
    const level = (r: Resolution) => taskWarning(r, TODAY, o).level;
    const naive = (pred: (r: Resolution) => boolean) => tasks.filter(pred).length;
    const total = async (f: object) => (await dl.followup.list(f)).total;

    const levels: WarningLevel[] = ['none', 'due_soon', 'overdue', 'closed'];
    for (const l of levels) expect(await total({ warning: [l] }), l).toBe(naive((r) => level(r) === l));
    expect(await total({})).toBe(tasks.length);
    const units = [...new Set(tasks.map((r) => r.leadUnitId))].slice(0, 5);
    for (const u of units) {
      expect(await total({ leadUnitId: u })).toBe(naive((r) => r.leadUnitId === u));
      expect(await total({ coUnitId: u })).toBe(naive((r) => r.coUnitIds.includes(u)));
      expect(await total({ leadUnitId: u, warning: ['overdue', 'due_soon'] })).toBe(
        naive((r) => r.leadUnitId === u && ['overdue', 'due_soon'].includes(level(r))),
      );
    }
    expect(await total({ dueFrom: '2026-01-01', dueTo: '2026-06-30' })).toBe(
      naive((r) => !!r.deadline && r.deadline >= '2026-01-01' && r.deadline <= '2026-06-30'),
    );
    expect(await total({ pendingExtension: true })).toBe(naive((r) => r.extension?.state === 'pending'));

    // the order: 逾期, 临期, others by deadline, closed last (latest deadline first)
    const rank = { overdue: 0, due_soon: 1, none: 2, closed: 3 };
    const { rows } = await dl.followup.list();
    const keys = rows.map((r) => [rank[r.warning.level], r.resolution.deadline ?? '~'] as const);
    for (let i = 1; i < keys.length; i++) {
      const [ra, da] = keys[i - 1]!;
      const [rb, db_] = keys[i]!;
      expect(ra <= rb, `row ${i}`).toBe(true);
      if (ra === rb) expect(ra === 3 ? da >= db_ : da <= db_, `row ${i}`).toBe(true);
    }

    const a = await dl.followup.attention();
    expect(a.overdue && a.dueSoon && a.pendingVerification, 'the demo data exercises every level').toBeGreaterThan(0);
    expect(a).toMatchObject({
      overdue: naive((r) => level(r) === 'overdue'),
      dueSoon: naive((r) => level(r) === 'due_soon'),
      pendingVerification: naive((r) => r.state === 'done_pending_verification'),
      pendingExtensions: naive((r) => r.extension?.state === 'pending'),
    });
  }, 60_000);
});
