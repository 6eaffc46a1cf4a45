import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_DEFAULTS, generateDemoDataset } from '../../../shared/demo/generate';
import type { Dataset } from '../../../shared/demo/types';
import { taskFacts, statisticsOf, type Meeting, type StatisticsFilter } from '../../../shared/domain';
import { STATISTICS_EXPORT_ID } from '../../../renderer/src/db/repositories/statistics';
import { auditRows, withProfile, type Harness } from './helpers';

const TODAY = '2026-11-22';
const YEAR: StatisticsFilter = { from: '2026-01-01', to: '2026-12-31' };

/** The series computed straight from the whole dataset: what the indexed reads must reproduce. */
function expected(ds: Dataset, f: StatisticsFilter) {
  const events = new Map<string, Dataset['taskEvents']>();
  for (const e of ds.taskEvents) events.set(e.resolutionId, [...(events.get(e.resolutionId) ?? []), e]);
  return statisticsOf(
    {
      meetings: ds.meetings,
      topics: ds.topics,
      disputes: ds.disputes,
      tasks: ds.resolutions.map((r) => taskFacts(r, events.get(r.id) ?? [])),
      unitOrder: [],
      meetingsPerQuarter: 1,
    },
    f,
    TODAY,
  );
}

describe('statistics repository (fake-indexeddb, demo township)', () => {
  let h: Harness;
  let ds: Dataset;
  beforeAll(async () => {
    h = await withProfile();
    ds = generateDemoDataset({ ...DEMO_DEFAULTS, today: TODAY });
    await h.dl.demo.load(ds);
  });

  it('reads the same figures as the pure series over the whole dataset, through indexes only', async () => {
    const scans = (['meetings', 'topics', 'disputes', 'resolutions', 'taskEvents'] as const).map((t) =>
      vi.spyOn(h.db[t], 'toArray'),
    );
    const filters: StatisticsFilter[] = [
      YEAR,
      { from: '2025-01-01', to: '2025-12-31' },
      { from: '2024-01-01', to: '2026-12-31' },
      { from: '2025-03-12', to: '2025-05-27' },
    ];
    for (const f of filters) {
      const got = await h.dl.statistics.read(f);
      const want = expected(ds, f);
      expect(got.meetings).toEqual(want.meetings);
      expect(got.topics.byCategory).toEqual(want.topics.byCategory);
      expect(got.topics.byOutcome).toEqual(want.topics.byOutcome);
      // By unit: the same units and counts (the repository orders them as the register does).
      expect(new Map(got.topics.byUnit.map((u) => [u.unitId, u.count]))).toEqual(
        new Map(want.topics.byUnit.map((u) => [u.unitId, u.count])),
      );
      expect(got.disputes).toEqual(want.disputes);
      expect(got.onTime.total).toEqual(want.onTime.total);
      expect(got.onTime.byQuarter).toEqual(want.onTime.byQuarter);
      expect(got.today).toBe(TODAY);
    }
    // Whole-table reads of the large tables: none (each read goes through a where() range).
    for (const s of scans) expect(s).not.toHaveBeenCalled();
    for (const s of scans) s.mockRestore();
  });

  it('the deterministic demo: 2026 figures the page shows', async () => {
    const s = await h.dl.statistics.read(YEAR);
    expect(s.empty).toBe(false);
    expect(s.meetings.map((r) => [r.key, r.held.regular, r.status])).toEqual([
      ['2026Q1', 1, 'met'],
      ['2026Q2', 1, 'met'],
      ['2026Q3', 1, 'met'],
      ['2026Q4', 0, 'open'],
    ]);
    expect(s.topics.total).toBe(ds.topics.filter((t) => t.submittedOn >= '2026-01-01').length);
    expect(s.disputes.total).toBe(ds.disputes.filter((d) => d.registeredOn >= '2026-01-01').length);
  });

  it('the unit filter narrows topics (submitting unit), disputes (party) and tasks (lead unit)', async () => {
    const all = await h.dl.statistics.read(YEAR);
    const unitId = all.onTime.byUnit[0]!.unitId;
    const one = await h.dl.statistics.read({ ...YEAR, unitId });
    expect(one.onTime.byUnit.map((u) => u.unitId)).toEqual([unitId]);
    expect(one.onTime.total.due).toBe(all.onTime.byUnit[0]!.due);
    expect(one.topics.byUnit.every((u) => u.unitId === unitId)).toBe(true);
    expect(one.disputes.total).toBe(
      ds.disputes.filter((d) => d.registeredOn >= '2026-01-01' && d.partyUnitIds.includes(unitId)).length,
    );
    // Meetings belong to the whole joint meeting: the same with or without the unit.
    expect(one.meetings).toEqual(all.meetings);
  });

  it('the extent spans the earliest and latest dated rows', async () => {
    const e = await h.dl.statistics.extent();
    const days = [
      ...ds.meetings.map((m) => m.startsAt.slice(0, 10)),
      ...ds.topics.map((t) => t.submittedOn),
      ...ds.disputes.map((d) => d.registeredOn),
      ...ds.resolutions.flatMap((r) => (r.deadline ? [r.deadline] : [])),
    ].sort();
    expect(e).toEqual({ from: days[0], to: days.at(-1) });
  });

  it('records a saved workbook in the audit trail', async () => {
    await h.dl.statistics.recordExport('统计报表-20261122.xlsx', { ...YEAR, sheets: 9 });
    const last = (await auditRows(h.db)).at(-1)!;
    expect(last).toMatchObject({ entity: 'system', entityId: STATISTICS_EXPORT_ID, action: 'export' });
    expect(last.after).toMatchObject({ fileName: '统计报表-20261122.xlsx', sheets: 9 });
  });
});

describe('statistics repository: dates and empty data', () => {
  it('an empty database gives empty series', async () => {
    const h = await withProfile();
    const s = await h.dl.statistics.read(YEAR);
    expect(s.empty).toBe(true);
    expect(s.meetings.map((r) => r.held.regular)).toEqual([0, 0, 0, 0]);
    expect(await h.dl.statistics.extent()).toEqual({});
  });

  it('a meeting stored in UTC counts on its Shanghai day, across the range boundary', async () => {
    const h = await withProfile();
    const base = {
      kind: 'regular',
      state: 'issued',
      place: '会议室',
      year: 2026,
      sequence: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    // 2025-12-31T16:30Z is 00:30 on 1 January 2026 in Shanghai; 2026-12-31T16:30Z is already 2027.
    await h.db.meetings.bulkPut([
      { ...base, id: 'm1', startsAt: '2025-12-31T16:30:00.000Z' },
      { ...base, id: 'm2', startsAt: '2026-12-31T16:30:00.000Z' },
      { ...base, id: 'm3', startsAt: '2025-12-31T15:30:00.000Z' },
    ] as Meeting[]);
    const s = await h.dl.statistics.read(YEAR);
    expect(s.meetings.map((r) => r.held.regular)).toEqual([1, 0, 0, 0]);
    const next = await h.dl.statistics.read({ from: '2027-01-01', to: '2027-03-31' });
    expect(next.meetings.map((r) => r.held.regular)).toEqual([1]);
  });

  it('a reversed range reads nothing', async () => {
    const h = await withProfile();
    const s = await h.dl.statistics.read({ from: '2026-12-31', to: '2026-01-01' });
    expect(s.meetings).toEqual([]);
    expect(s.empty).toBe(true);
  });
});
