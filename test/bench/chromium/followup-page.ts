/**
 * The page of the follow-up read bench (bundled by test/bench/chromium/followup.ts with esbuild, served
 * on its own; never part of the app's build). It loads the ten-year district demo profile at several
 * scales into databases of its own through the data layer, then times, one run per call, each follow-up
 * read beside a raw IndexedDB read of the same rows through the same index:
 *   list-all      followup.list({ limit: 50 })
 *   list-overdue  followup.list({ warning: ['overdue'], limit: 20 })
 *   list-unit     followup.list({ leadUnitId, states: open, limit: 20 })   (the unit leading most tasks)
 *   attention     followup.attention()
 *   report        the 落实情况通报 selection of the latest meeting (readPreviousHeldMeeting + readReportSelection)
 *   report-events its task events alone, as readReportSelection reads them (eventsOfEach: one native getAll
 *                 per task on resolutionId in Dexie's transaction; Dexie's `anyOf` took 30× the raw read)
 * Each run returns its time and the longest main-thread block (PerformanceObserver 'longtask', > 50 ms)
 * that overlapped it. The API is `window.__followupBench`.
 */
import { loadDistrict, request, timedRun } from './bench-page-shared';
import {
  OPEN_RESOLUTION_STATES,
  RESOLUTION_STATES,
  WARNED_STATES,
  warningBounds,
  type Meeting,
  type ResolutionState,
} from '../../../shared/domain';
import { type JointDeskDB } from '../../../renderer/src/db/database';
import { readPreviousHeldMeeting, readReportSelection } from '../../../renderer/src/db/repositories/agenda-standing';
import { readCalendar } from '../../../renderer/src/db/repositories/calendar';
import { eventsOfEach } from '../../../renderer/src/db/repositories/native-reads';
import { readActive } from '../../../renderer/src/db/repositories/rules';
import type { DataLayer } from '../../../renderer/src/db/types';

export type BenchCase = 'list-all' | 'list-overdue' | 'list-unit' | 'attention' | 'report' | 'report-events';
export type BenchSide = 'data-layer' | 'raw';

export interface LoadedScale {
  scale: number;
  dbName: string;
  resolutions: number;
  taskEvents: number;
  /** All records of the dataset. */
  records: number;
  loadMs: number;
  /** The unit of list-unit (the one leading most open tasks) and how many open tasks it leads. */
  leadUnitId: string;
  leadUnitTasks: number;
  /** The meeting of the report case, its previous held meeting. */
  meeting: string;
  previous?: string;
}

export interface RunResult {
  ms: number;
  /** Longest 'longtask' overlapping the run, ms (0 when none over 50 ms). */
  longest: number;
  /** Rows (or the count total) the read returned: a check that both sides read alike. */
  rows: number;
  total: number;
}

export interface FollowupBenchApi {
  load(scale: number, today: string, seed: number): Promise<LoadedScale>;
  run(kase: BenchCase, scale: number, side: BenchSide): Promise<RunResult>;
}

interface Loaded {
  info: LoadedScale;
  dl: DataLayer;
  db: JointDeskDB;
  raw: IDBDatabase;
  bounds: { overdueBefore: string; dueSoonBefore: string };
  meeting: Meeting;
  previous: Meeting | undefined;
  /** The resolutions the report reads the events of. */
  reportIds: string[];
}

const MIN_DATE = '0000-00-00';
const MAX_DATE = '9999-99-99';
const ISSUED_STATES = RESOLUTION_STATES.filter((s) => s !== 'draft');
const loaded = new Map<number, Loaded>();

async function load(scale: number, today: string, seed: number): Promise<LoadedScale> {
  const dbName = `jointdesk-bench-s${String(scale).replace('.', '')}`;
  const { db, dl, ds, raw, records, loadMs } = await loadDistrict(dbName, scale, today, seed);

  const [rules, calendar] = await db.transaction('r', [db.settings, db.ruleProfiles], () =>
    Promise.all([readActive(db), readCalendar(db)]),
  );
  const bounds = warningBounds(today, { dueSoonWorkingDays: rules.values.warningWorkingDays, calendar });
  const byLead = new Map<string, number>();
  for (const r of ds.resolutions)
    if (OPEN_RESOLUTION_STATES.includes(r.state)) byLead.set(r.leadUnitId, (byLead.get(r.leadUnitId) ?? 0) + 1);
  const [leadUnitId, leadUnitTasks] = [...byLead].sort((a, b) => b[1] - a[1])[0]!;
  const meeting = (await db.meetings.orderBy('startsAt').last())!;
  const previous = await readPreviousHeldMeeting(db, meeting);
  const info: LoadedScale = {
    scale,
    dbName,
    resolutions: ds.resolutions.length,
    taskEvents: ds.taskEvents.length,
    records,
    loadMs,
    leadUnitId,
    leadUnitTasks,
    meeting: `${meeting.year}-${meeting.sequence} ${meeting.kind} ${meeting.startsAt.slice(0, 10)} ${meeting.state}`,
    ...(previous ? { previous: `${previous.year}-${previous.sequence} ${previous.startsAt.slice(0, 10)}` } : {}),
  };
  const l: Loaded = { info, dl, db, raw, bounds, meeting, previous, reportIds: [] };
  l.reportIds = (await reportCandidates(l)).map((r) => r.id);
  loaded.set(scale, l);
  return info;
}

interface RawRange {
  index: string;
  range: IDBKeyRange;
}

/** Up to `limit` rows from the ranges in order, and each range's count (the total), in one read transaction. */
async function rawPage(raw: IDBDatabase, ranges: RawRange[], limit: number): Promise<{ rows: number; total: number }> {
  const store = raw.transaction('resolutions', 'readonly').objectStore('resolutions');
  const counts = Promise.all(ranges.map((r) => request(store.index(r.index).count(r.range))));
  let rows = 0;
  for (const r of ranges) {
    if (rows >= limit) break;
    rows += (await request(store.index(r.index).getAll(r.range, limit - rows))).length;
  }
  return { rows, total: (await counts).reduce((a, b) => a + b, 0) };
}

/** The [state(+deadline)] ranges of the list order: 逾期, 临期, the rest, 已核验办结 (one lead unit, or all). */
function listRanges(
  l: Loaded,
  states: readonly ResolutionState[],
  levels: readonly ('overdue' | 'due_soon' | 'none' | 'closed')[],
  lead?: string,
): RawRange[] {
  const { overdueBefore, dueSoonBefore } = l.bounds;
  const index = lead ? '[leadUnitId+state+deadline]' : '[state+deadline]';
  const key = (s: ResolutionState, d: string) => (lead ? [lead, s, d] : [s, d]);
  const span = (s: ResolutionState, from: string, to: string) => ({
    index,
    range: IDBKeyRange.bound(key(s, from), key(s, to), false, true),
  });
  const out: RawRange[] = [];
  for (const level of levels) {
    for (const s of states) {
      const warned = WARNED_STATES.includes(s);
      if (level === 'overdue' && warned) out.push(span(s, MIN_DATE, overdueBefore));
      if (level === 'due_soon' && warned) out.push(span(s, overdueBefore, dueSoonBefore));
      if (level === 'none' && warned) out.push(span(s, dueSoonBefore, MAX_DATE));
      if (level === 'none' && !warned && s !== 'verified') out.push(span(s, MIN_DATE, MAX_DATE));
      if (level === 'closed' && s === 'verified') out.push(span(s, MIN_DATE, MAX_DATE));
    }
  }
  return out;
}

const ALL_LEVELS = ['overdue', 'due_soon', 'none', 'closed'] as const;

async function rawAttention(l: Loaded): Promise<{ rows: number; total: number }> {
  const { overdueBefore, dueSoonBefore } = l.bounds;
  const tx = l.raw.transaction(['resolutions', 'minutes'], 'readonly');
  const res = tx.objectStore('resolutions');
  const count = (index: string, range: IDBKeyRange, store = res) => request(store.index(index).count(range));
  const counts = await Promise.all([
    ...WARNED_STATES.flatMap((s) => [
      count('[state+deadline]', IDBKeyRange.bound([s, MIN_DATE], [s, overdueBefore], false, true)),
      count('[state+deadline]', IDBKeyRange.bound([s, overdueBefore], [s, dueSoonBefore], false, true)),
    ]),
    count('state', IDBKeyRange.only('done_pending_verification')),
    count('extension.state', IDBKeyRange.only('pending')),
    count('state', IDBKeyRange.only('review'), tx.objectStore('minutes')),
  ]);
  return { rows: counts.length, total: counts.reduce((a, b) => a + b, 0) };
}

type ReportRow = { id: string; state: string; meetingId: string; minutesId?: string; issuedOn?: string };

/** The resolutions readReportSelection covers, raw: the open ones and the verified ones changed since N-1's eve. */
async function reportCandidates(l: Loaded, tx = l.raw.transaction(['resolutions'], 'readonly')): Promise<ReportRow[]> {
  const res = tx.objectStore('resolutions');
  const since = l.previous?.startsAt.slice(0, 10);
  type Row = ReportRow;
  const [open, verified] = await Promise.all([
    Promise.all(
      OPEN_RESOLUTION_STATES.map((s) => request(res.index('state').getAll(IDBKeyRange.only(s)) as IDBRequest<Row[]>)),
    ),
    since
      ? request(res.index('updatedAt').getAll(IDBKeyRange.lowerBound(addDays(since, -1))) as IDBRequest<Row[]>).then(
          (rows) => rows.filter((r) => r.state === 'verified'),
        )
      : (request(res.index('state').getAll(IDBKeyRange.only('verified'))) as Promise<Row[]>),
  ]);
  const day = l.meeting.startsAt.slice(0, 10);
  return [...open.flat(), ...verified].filter(
    (r) => r.meetingId !== l.meeting.id && (r.issuedOn === undefined || r.issuedOn <= day),
  );
}

/** What readReportSelection reads, raw: the candidates, their events (one getAll each) and their minutes. */
async function rawReport(l: Loaded): Promise<{ rows: number; total: number }> {
  const tx = l.raw.transaction(['resolutions', 'taskEvents', 'minutes'], 'readonly');
  const candidates = await reportCandidates(l, tx);
  const events = tx.objectStore('taskEvents').index('resolutionId');
  const minutes = tx.objectStore('minutes');
  const minutesIds = [...new Set(candidates.flatMap((r) => (r.minutesId ? [r.minutesId] : [])))];
  const [lists] = await Promise.all([
    Promise.all(candidates.map((r) => request(events.getAll(IDBKeyRange.only(r.id))))),
    Promise.all(minutesIds.map((id) => request(minutes.get(id)))),
  ]);
  return { rows: candidates.length, total: lists.reduce((n, e) => n + e.length, 0) };
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function once(kase: BenchCase, l: Loaded, side: BenchSide): Promise<{ rows: number; total: number }> {
  const open = OPEN_RESOLUTION_STATES;
  const lead = l.info.leadUnitId;
  if (side === 'data-layer') {
    const page = (p: { rows: unknown[]; total: number }) => ({ rows: p.rows.length, total: p.total });
    switch (kase) {
      case 'list-all':
        return page(await l.dl.followup.list({ limit: 50 }));
      case 'list-overdue':
        return page(await l.dl.followup.list({ warning: ['overdue'], limit: 20 }));
      case 'list-unit':
        return page(await l.dl.followup.list({ leadUnitId: lead, states: [...open], limit: 20 }));
      case 'attention': {
        const a = await l.dl.followup.attention();
        const values = Object.values(a);
        return { rows: values.length, total: values.reduce((x, y) => x + y, 0) };
      }
      case 'report': {
        const { db } = l;
        const read = await db.transaction(
          'r',
          [db.meetings, db.resolutions, db.taskEvents, db.minutes, db.units],
          async () => readReportSelection(db, l.meeting, await readPreviousHeldMeeting(db, l.meeting)),
        );
        return { rows: read.selection.items.length, total: read.selection.items.length };
      }
      case 'report-events': {
        const { db } = l;
        const events = await db.transaction('r', [db.taskEvents], () =>
          eventsOfEach(db, l.reportIds).then((lists) => lists.flat()),
        );
        return { rows: l.reportIds.length, total: events.length };
      }
    }
  }
  switch (kase) {
    case 'list-all':
      return rawPage(l.raw, listRanges(l, ISSUED_STATES, ALL_LEVELS), 50);
    case 'list-overdue':
      return rawPage(l.raw, listRanges(l, ISSUED_STATES, ['overdue']), 20);
    case 'list-unit':
      return rawPage(l.raw, listRanges(l, open, ALL_LEVELS, lead), 20);
    case 'attention':
      return rawAttention(l);
    case 'report':
      return rawReport(l);
    case 'report-events': {
      const events = l.raw.transaction('taskEvents', 'readonly').objectStore('taskEvents').index('resolutionId');
      const lists = await Promise.all(l.reportIds.map((id) => request(events.getAll(IDBKeyRange.only(id)))));
      return { rows: l.reportIds.length, total: lists.reduce((n, e) => n + e.length, 0) };
    }
  }
}

async function run(kase: BenchCase, scale: number, side: BenchSide): Promise<RunResult> {
  const l = loaded.get(scale);
  if (!l) throw new Error(`scale ${scale} is not loaded`);
  const { ms, longest, out } = await timedRun(() => once(kase, l, side));
  return { ms, longest, ...out };
}

(window as unknown as { __followupBench: FollowupBenchApi }).__followupBench = { load, run };
