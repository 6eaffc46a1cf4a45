/**
 * The page of the statistics bench (bundled by test/bench/chromium/statistics.ts with esbuild, served on its own;
 * never part of the app's build). It loads the ten-year district demo profile at several scales into databases of
 * its own through the data layer, then times, one run per call, the statistics repository
 * (renderer/src/db/repositories/statistics.ts) for three filters:
 *   all    the whole range (statistics.extent(), the 全部 preset)
 *   year   the current calendar year (the page's default range)
 *   unit   the whole range for the unit leading most tasks (the unit filter)
 * each on four sides:
 *   data-layer  statistics.read(filter)            — what the 统计 page awaits
 *   reads       readStatisticsInput in the same read transaction, without statisticsOf (its reads alone)
 *   compute     statisticsOf on that input, read once beforehand (its pure series alone)
 *   raw         the same rows through the same indexes with plain IndexedDB: units, the active rule profile,
 *               meetings by startsAt (one day of margin), topics by submittedOn, disputes by registeredOn, tasks by
 *               deadline, one [resolutionId+on] getAll per task reported done; the unit filter in script, as the
 *               repository does
 * Each run returns its time, the longest main-thread block ('longtask', > 50 ms) that overlapped it, and the
 * tasks due and topics + disputes counted (all sides alike). The API is `window.__statisticsBench`.
 */
import { loadDistrict, request, timedRun } from './bench-page-shared';
import {
  addDays,
  defaultStatisticsRange,
  statisticsOf,
  type StatisticsFilter,
  type StatisticsInput,
} from '../../../shared/domain';
import { type JointDeskDB } from '../../../renderer/src/db/database';
import { readStatisticsInput } from '../../../renderer/src/db/repositories/statistics';
import type { DataLayer } from '../../../renderer/src/db/types';

export type StatisticsCase = 'all' | 'year' | 'unit';
export type BenchSide = 'data-layer' | 'reads' | 'compute' | 'raw';

export interface LoadedScale {
  scale: number;
  resolutions: number;
  taskEvents: number;
  topics: number;
  disputes: number;
  meetings: number;
  records: number;
  loadMs: number;
  /** The filter of each case. */
  filters: Record<StatisticsCase, StatisticsFilter>;
  /** The unit of the `unit` case and its name. */
  unitName: string;
}

export interface RunResult {
  ms: number;
  longest: number;
  /** Issued tasks due in the range (of the unit). */
  tasks: number;
  /** Topics + disputes counted in the range (of the unit). */
  items: number;
  /** Task events read (raw and reads sides; 0 elsewhere). */
  events: number;
}

export interface StatisticsBenchApi {
  load(scale: number, today: string, seed: number): Promise<LoadedScale>;
  run(kase: StatisticsCase, scale: number, side: BenchSide): Promise<RunResult>;
}

interface Loaded {
  info: LoadedScale;
  db: JointDeskDB;
  dl: DataLayer;
  raw: IDBDatabase;
  today: string;
  /** The input of each case, read once (the compute side). */
  inputs: Map<StatisticsCase, StatisticsInput>;
}

const loaded = new Map<number, Loaded>();

/** The tables statistics.read opens its transaction on. */
const readTables = (db: JointDeskDB) => [
  db.units,
  db.settings,
  db.ruleProfiles,
  db.meetings,
  db.topics,
  db.disputes,
  db.resolutions,
  db.taskEvents,
];

async function load(scale: number, today: string, seed: number): Promise<LoadedScale> {
  const dbName = `jointdesk-statistics-bench-s${String(scale).replace('.', '')}`;
  const { db, dl, ds, raw, records, loadMs } = await loadDistrict(dbName, scale, today, seed, {
    name: '王丽',
    unitName: '联席会议办公室',
  });
  const extent = await dl.statistics.extent();
  if (!extent.from || !extent.to) throw new Error(`scale ${scale}: no statistics extent`);
  // The unit leading most issued tasks.
  const leads = new Map<string, number>();
  for (const r of ds.resolutions)
    if (r.state !== 'draft' && r.deadline) leads.set(r.leadUnitId, (leads.get(r.leadUnitId) ?? 0) + 1);
  const [unitId] = [...leads].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  const filters: Record<StatisticsCase, StatisticsFilter> = {
    all: { from: extent.from, to: extent.to },
    year: defaultStatisticsRange(today),
    unit: { from: extent.from, to: extent.to, unitId },
  };
  const info: LoadedScale = {
    scale,
    resolutions: ds.resolutions.length,
    taskEvents: ds.taskEvents.length,
    topics: ds.topics.length,
    disputes: ds.disputes.length,
    meetings: ds.meetings.length,
    records,
    loadMs,
    filters,
    unitName: ds.units.find((u) => u.id === unitId)?.name ?? unitId,
  };
  const l: Loaded = { info, db, dl, raw, today, inputs: new Map() };
  for (const kase of Object.keys(filters) as StatisticsCase[])
    l.inputs.set(kase, await db.transaction('r', readTables(db), () => readStatisticsInput(db, filters[kase])));
  loaded.set(scale, l);
  return info;
}

/** The same rows as readStatisticsInput, through the same indexes, with plain IndexedDB in one transaction. */
async function rawRead(l: Loaded, f: StatisticsFilter): Promise<Omit<RunResult, 'ms' | 'longest'>> {
  const tx = l.raw.transaction(
    ['units', 'settings', 'ruleProfiles', 'meetings', 'topics', 'disputes', 'resolutions', 'taskEvents'],
    'readonly',
  );
  const store = (name: string) => tx.objectStore(name);
  const activeRules = async () => {
    const s = (await request(store('settings').get('rules.active'))) as { value?: unknown } | undefined;
    return typeof s?.value === 'string' ? request(store('ruleProfiles').get(s.value)) : undefined;
  };
  const tasksAndEvents = async () => {
    const rows = (await request(store('resolutions').index('deadline').getAll(IDBKeyRange.bound(f.from, f.to)))) as {
      id: string;
      state: string;
      leadUnitId: string;
    }[];
    const tasks = rows.filter((r) => r.state !== 'draft' && (!f.unitId || r.leadUnitId === f.unitId));
    const events = store('taskEvents').index('[resolutionId+on]');
    const done = tasks.filter((r) => r.state === 'done_pending_verification' || r.state === 'verified');
    const lists = await Promise.all(done.map((r) => request(events.getAll(IDBKeyRange.bound([r.id], [r.id, []])))));
    return { tasks: tasks.length, events: lists.reduce((n, e) => n + e.length, 0) };
  };
  const [, , , topics, disputes, t] = await Promise.all([
    request(store('units').getAll()),
    activeRules(),
    request(
      store('meetings')
        .index('startsAt')
        .getAll(IDBKeyRange.bound(addDays(f.from, -1), `${f.to}T\uffff`)),
    ),
    request(store('topics').index('submittedOn').getAll(IDBKeyRange.bound(f.from, f.to))) as Promise<
      { submittingUnitId: string }[]
    >,
    request(store('disputes').index('registeredOn').getAll(IDBKeyRange.bound(f.from, f.to))) as Promise<
      { partyUnitIds: string[] }[]
    >,
    tasksAndEvents(),
  ]);
  const items =
    topics.filter((x) => !f.unitId || x.submittingUnitId === f.unitId).length +
    disputes.filter((d) => !f.unitId || d.partyUnitIds.includes(f.unitId)).length;
  return { tasks: t.tasks, items, events: t.events };
}

async function once(kase: StatisticsCase, l: Loaded, side: BenchSide): Promise<Omit<RunResult, 'ms' | 'longest'>> {
  const f = l.info.filters[kase];
  if (side === 'raw') return rawRead(l, f);
  if (side === 'reads') {
    const input = await l.db.transaction('r', readTables(l.db), () => readStatisticsInput(l.db, f));
    return { tasks: input.tasks.length, items: input.topics.length + input.disputes.length, events: 0 };
  }
  const s = side === 'compute' ? statisticsOf(l.inputs.get(kase)!, f, l.today) : await l.dl.statistics.read(f);
  return { tasks: s.onTime.total.due, items: s.topics.total + s.disputes.total, events: 0 };
}

async function run(kase: StatisticsCase, scale: number, side: BenchSide): Promise<RunResult> {
  const l = loaded.get(scale);
  if (!l) throw new Error(`scale ${scale} is not loaded`);
  const { ms, longest, out } = await timedRun(() => once(kase, l, side));
  return { ms, longest, ...out };
}

(window as unknown as { __statisticsBench: StatisticsBenchApi }).__statisticsBench = { load, run };
