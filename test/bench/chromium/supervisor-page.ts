/**
 * The page of the supervisor table bench (bundled by test/bench/chromium/supervisor.ts with esbuild, served on
 * its own; never part of the app's build). It loads the ten-year district demo profile at several scales into
 * databases of its own through the data layer, then times, one run per call, beside a raw IndexedDB read of the
 * same rows through the same indexes:
 *   table  home.unitQuarters(the busiest quarter)        — raw: deadline-index getAll of the quarter's tasks,
 *                                                          one [resolutionId+on] getAll each for their events
 *   cell   followup.list({ quarterCell, limit: 50 })     — the drill-down of that quarter's largest cell; raw:
 *                                                          the same reads, then the listed tasks' rows again
 * Each run returns its time and the longest main-thread block ('longtask', > 50 ms) that overlapped it. The
 * API is `window.__supervisorBench`.
 */
import { loadDistrict, request, timedRun } from './bench-page-shared';
import { QUARTER_FIGURES, quarterKey, quarterOf, type Quarter, type QuarterFigure } from '../../../shared/domain';
import type { DataLayer } from '../../../renderer/src/db/types';

export type SupervisorCase = 'table' | 'cell';
export type BenchSide = 'data-layer' | 'raw';

export interface LoadedScale {
  scale: number;
  resolutions: number;
  taskEvents: number;
  records: number;
  loadMs: number;
  /** The busiest quarter (most tasks due) and how many are due in it. */
  quarter: string;
  quarterTasks: number;
  /** The drill-down cell: its unit, figure and size. */
  cell: { unitId: string; figure: QuarterFigure; tasks: number };
}

export interface RunResult {
  ms: number;
  longest: number;
  /** Rows (table rows / listed tasks) and the total (tasks counted / cell size): both sides alike. */
  rows: number;
  total: number;
}

export interface SupervisorBenchApi {
  load(scale: number, today: string, seed: number): Promise<LoadedScale>;
  run(kase: SupervisorCase, scale: number, side: BenchSide): Promise<RunResult>;
}

interface Loaded {
  info: LoadedScale;
  dl: DataLayer;
  raw: IDBDatabase;
  quarter: Quarter;
}

const loaded = new Map<number, Loaded>();

async function load(scale: number, today: string, seed: number): Promise<LoadedScale> {
  const dbName = `jointdesk-supervisor-bench-s${String(scale).replace('.', '')}`;
  // The office loads the demo; the supervisor reads.
  const { dl, ds, raw, records, loadMs } = await loadDistrict(dbName, scale, today, seed, {
    name: '王丽',
    unitName: '联席会议办公室',
  });
  await dl.profiles.create({ name: '赵明', unitName: '纪工委', role: 'supervisor' });
  // The busiest quarter of the dataset (issued tasks by deadline), not the thin current one.
  const byQuarter = new Map<string, number>();
  for (const r of ds.resolutions)
    if (r.state !== 'draft' && r.deadline) {
      const k = quarterKey(quarterOf(r.deadline));
      byQuarter.set(k, (byQuarter.get(k) ?? 0) + 1);
    }
  const [key, quarterTasks] = [...byQuarter].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]!;
  const quarter = quarterOf(`${key.slice(0, 4)}-${String((Number(key[5]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  const table = await dl.home.unitQuarters(quarter);
  let cell = { unitId: '', figure: 'due' as QuarterFigure, tasks: 0 };
  for (const row of table.rows)
    for (const figure of QUARTER_FIGURES)
      if (figure !== 'due' && row.ids[figure].length > cell.tasks)
        cell = { unitId: row.unitId, figure, tasks: row.ids[figure].length };
  const info: LoadedScale = {
    scale,
    resolutions: ds.resolutions.length,
    taskEvents: ds.taskEvents.length,
    records,
    loadMs,
    quarter: key,
    quarterTasks,
    cell,
  };
  loaded.set(scale, { info, dl, raw, quarter });
  return info;
}

/** What home.unitQuarters reads, raw: the quarter's tasks (deadline index) and each one's events. */
async function rawQuarter(l: Loaded, tx: IDBTransaction) {
  const tasks = (await request(
    tx.objectStore('resolutions').index('deadline').getAll(IDBKeyRange.bound(l.quarter.start, l.quarter.end)),
  )) as { id: string; state: string; leadUnitId: string }[];
  const issued = tasks.filter((r) => r.state !== 'draft');
  const events = tx.objectStore('taskEvents').index('[resolutionId+on]');
  const lists = await Promise.all(
    issued.map((r) => request(events.getAll(IDBKeyRange.bound([r.id, ''], [r.id, '\uffff'])))),
  );
  return { issued, events: lists.reduce((n, e) => n + e.length, 0) };
}

async function once(kase: SupervisorCase, l: Loaded, side: BenchSide): Promise<{ rows: number; total: number }> {
  const { cell } = l.info;
  if (side === 'data-layer') {
    if (kase === 'table') {
      const t = await l.dl.home.unitQuarters(l.quarter);
      return { rows: t.rows.length, total: t.total.counts.due };
    }
    const page = await l.dl.followup.list({
      quarterCell: { unitId: cell.unitId, quarter: l.info.quarter, figure: cell.figure },
      limit: 50,
    });
    return { rows: page.rows.length, total: page.total };
  }
  const tx = l.raw.transaction(['resolutions', 'taskEvents', 'units'], 'readonly');
  const [q, units] = await Promise.all([rawQuarter(l, tx), request(tx.objectStore('units').getAll())]);
  if (kase === 'table') {
    const leads = new Set(q.issued.map((r) => r.leadUnitId));
    return { rows: Math.min(leads.size, units.length), total: q.issued.length };
  }
  // The cell's tasks are among the quarter's; the list then reads the page's rows again (as bulkGet does).
  const mine = q.issued.filter((r) => r.leadUnitId === cell.unitId).slice(0, 50);
  const store = tx.objectStore('resolutions');
  const again = await Promise.all(mine.map((r) => request(store.get(r.id))));
  return { rows: Math.min(again.length, cell.tasks), total: cell.tasks };
}

async function run(kase: SupervisorCase, scale: number, side: BenchSide): Promise<RunResult> {
  const l = loaded.get(scale);
  if (!l) throw new Error(`scale ${scale} is not loaded`);
  const { ms, longest, out } = await timedRun(() => once(kase, l, side));
  return { ms, longest, ...out };
}

(window as unknown as { __supervisorBench: SupervisorBenchApi }).__supervisorBench = { load, run };
