import { quarterOf, type Quarter } from './meeting-rules';
import type { Resolution, ResolutionState, TaskEvent } from './minutes';

/**
 * 督查 figures per member unit and quarter (纪工委/司法所): how the tasks a unit leads were carried out.
 *
 * A task belongs to the quarter of its CURRENT deadline (an approved extension moves it, possibly into the
 * next quarter) and to its lead unit (牵头单位). Of those tasks, on `today`:
 * - 按时办结 onTime: completion reported (已办结待核验 or 已核验办结) on or before the deadline day;
 * - 逾期办结 late: completion reported after the deadline day (the next working day is already late);
 * - 逾期未办结 overdue: still being worked on (未启动/办理中) and the deadline day has passed;
 * - 未到期 pending: still being worked on, deadline today or later;
 * - 延期 extended: at least one approved extension (deadline_change event);
 * - 核验退回 returned: at least one failed verification (退回重办).
 * The completion date is the latest 办结报告 (a returned report no longer counts; the next one does).
 * onTime + late + overdue + pending = due; extended and returned are counted among those.
 */

export const QUARTER_FIGURES = ['due', 'onTime', 'late', 'overdue', 'pending', 'extended', 'returned'] as const;
export type QuarterFigure = (typeof QUARTER_FIGURES)[number];

/** 红/黄/绿 of a unit's quarter; 'none' while nothing is due yet to judge. */
export type Rating = 'green' | 'amber' | 'red' | 'none';

/**
 * The colour thresholds, defined once. The on-time rate is 按时办结 ÷ (按时办结 + 逾期办结 + 逾期未办结):
 * green from `greenFrom` with nothing overdue and nothing returned; red below `amberFrom`; amber between,
 * or whenever a task is still overdue or a completion report was returned.
 */
export const RATING_THRESHOLDS = Object.freeze({ greenFrom: 0.9, amberFrom: 0.7 });

/** What the figures need of one task: its record fields and three facts from its timeline. */
export interface TaskFacts {
  id: string;
  leadUnitId: string;
  state: ResolutionState;
  deadline?: string;
  /** Date of the latest 办结报告 (completion event), when the task is reported done. */
  completedOn?: string;
  /** Approved extensions (deadline_change events). */
  extensions: number;
  /** Failed verifications (退回重办). */
  returns: number;
}

const DONE: readonly ResolutionState[] = ['done_pending_verification', 'verified'];

/**
 * The facts of a task from its record and its events (any order). An approved extension is a deadline_change
 * event (older and imported records: an extension event marked approved). A task reported done without any
 * 办结报告 (records kept before the report existed) takes its latest progress report as the completion date.
 */
export function taskFacts(
  r: Pick<Resolution, 'id' | 'leadUnitId' | 'state' | 'deadline'>,
  events: readonly Pick<TaskEvent, 'kind' | 'on' | 'approved' | 'createdAt'>[],
): TaskFacts {
  const later = (a: { on: string; createdAt: string } | undefined, e: { on: string; createdAt: string }) =>
    !a || e.on > a.on || (e.on === a.on && e.createdAt > a.createdAt);
  let completion: { on: string; createdAt: string } | undefined;
  let progress: { on: string; createdAt: string } | undefined;
  let extensions = 0;
  let returns = 0;
  for (const e of events) {
    if (e.kind === 'completion') {
      if (later(completion, e)) completion = e;
    } else if (e.kind === 'progress') {
      if (later(progress, e)) progress = e;
    } else if (
      (e.kind === 'deadline_change' && e.approved !== false) ||
      (e.kind === 'extension' && e.approved === true)
    )
      extensions++;
    else if (e.kind === 'verification' && e.approved === false) returns++;
  }
  const completedOn = (completion ?? progress)?.on;
  return {
    id: r.id,
    leadUnitId: r.leadUnitId,
    state: r.state,
    ...(r.deadline ? { deadline: r.deadline } : {}),
    ...(DONE.includes(r.state) && completedOn ? { completedOn } : {}),
    extensions,
    returns,
  };
}

/** Where one task stands for the figures on `today`; undefined when it has no quarter (draft, no deadline). */
export function taskOutcome(f: TaskFacts, today: string): 'onTime' | 'late' | 'overdue' | 'pending' | undefined {
  if (f.state === 'draft' || !f.deadline) return undefined;
  if (DONE.includes(f.state)) {
    // No dated report at all (nothing shows it late): on time.
    return f.completedOn === undefined || f.completedOn <= f.deadline ? 'onTime' : 'late';
  }
  return today > f.deadline ? 'overdue' : 'pending';
}

export interface UnitQuarterFigures {
  unitId: string;
  /** Task ids behind each figure (a drill-down lists exactly these). */
  ids: Record<QuarterFigure, string[]>;
  /** 按时办结率 (0–1), undefined while nothing is settled. */
  onTimeRate?: number;
  rating: Rating;
}

/** The rating of a unit's figures (see {@link RATING_THRESHOLDS}). */
export function rateFigures(counts: Pick<Record<QuarterFigure, number>, 'onTime' | 'late' | 'overdue' | 'returned'>): {
  rating: Rating;
  onTimeRate?: number;
} {
  const settled = counts.onTime + counts.late + counts.overdue;
  if (settled === 0) return { rating: counts.returned > 0 ? 'amber' : 'none' };
  const onTimeRate = counts.onTime / settled;
  const rating: Rating =
    onTimeRate < RATING_THRESHOLDS.amberFrom
      ? 'red'
      : onTimeRate < RATING_THRESHOLDS.greenFrom || counts.overdue > 0 || counts.returned > 0
        ? 'amber'
        : 'green';
  return { rating, onTimeRate };
}

const emptyIds = (): Record<QuarterFigure, string[]> => ({
  due: [],
  onTime: [],
  late: [],
  overdue: [],
  pending: [],
  extended: [],
  returned: [],
});

/**
 * The figures of every lead unit with a task due in `quarter` (tasks due elsewhere are ignored), in the
 * order of `unitOrder` (units not in it last, by id). Ids within a figure are by deadline, then id.
 */
export function unitQuarterFigures(
  facts: readonly TaskFacts[],
  quarter: Pick<Quarter, 'start' | 'end'>,
  today: string,
  unitOrder: readonly string[] = [],
): UnitQuarterFigures[] {
  const byUnit = new Map<string, Record<QuarterFigure, string[]>>();
  const sorted = facts
    .filter((f) => f.deadline !== undefined && f.deadline >= quarter.start && f.deadline <= quarter.end)
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : a.id < b.id ? -1 : 1));
  for (const f of sorted) {
    const outcome = taskOutcome(f, today);
    if (!outcome) continue;
    let ids = byUnit.get(f.leadUnitId);
    if (!ids) byUnit.set(f.leadUnitId, (ids = emptyIds()));
    ids.due.push(f.id);
    ids[outcome].push(f.id);
    if (f.extensions > 0) ids.extended.push(f.id);
    if (f.returns > 0) ids.returned.push(f.id);
  }
  const rank = new Map(unitOrder.map((id, i) => [id, i]));
  return [...byUnit]
    .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, ids]) => ({
      unitId,
      ids,
      ...rateFigures({
        onTime: ids.onTime.length,
        late: ids.late.length,
        overdue: ids.overdue.length,
        returned: ids.returned.length,
      }),
    }));
}

/** Sums of every figure over the units, with the rating of the whole. */
export function totalFigures(rows: readonly UnitQuarterFigures[]): {
  counts: Record<QuarterFigure, number>;
  onTimeRate?: number;
  rating: Rating;
} {
  const counts = Object.fromEntries(QUARTER_FIGURES.map((k) => [k, 0])) as Record<QuarterFigure, number>;
  for (const r of rows) for (const k of QUARTER_FIGURES) counts[k] += r.ids[k].length;
  return { counts, ...rateFigures(counts) };
}

/** A quarter key as the address holds it: `2026Q1`. */
export function quarterKey(q: Pick<Quarter, 'year' | 'quarter'>): string {
  return `${q.year}Q${q.quarter}`;
}

/** The quarter of a key (`2026Q1`), or undefined for anything else. */
export function parseQuarterKey(key: string | undefined | null): Quarter | undefined {
  const m = /^(\d{4})Q([1-4])$/.exec(key ?? '');
  if (!m) return undefined;
  return quarterOf(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
}

export function isQuarterFigure(v: string | undefined | null): v is QuarterFigure {
  return QUARTER_FIGURES.includes(v as QuarterFigure);
}
