import Dexie from 'dexie';
import {
  HELD_OR_LATER_MEETING_STATES,
  OPEN_RESOLUTION_STATES,
  WARNED_STATES,
  businessDate,
  isPreparing,
  quarterOf,
  readinessChecklist,
  taskFacts,
  totalFigures,
  unitQuarterFigures,
  type Meeting,
  type Minutes,
  type MinutesState,
  type Quarter,
  type QuarterFigure,
  type Rating,
  type Readiness,
  type Resolution,
  type TaskFacts,
  type Topic,
  type UnitQuarterFigures,
} from '../../../../shared/domain';
import type { DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { compareUnits } from './units';

export interface UnitQuarterTable {
  quarter: Quarter;
  /** The business date the figures were taken on (逾期 counts up to it). */
  today: string;
  /** One row per lead unit with a task due in the quarter, in the units' order (kind, then name). */
  rows: UnitQuarterFigures[];
  total: { counts: Record<QuarterFigure, number>; onTimeRate?: number; rating: Rating };
}

export interface HomeReadiness extends Readiness {
  next?: Meeting;
  last?: Meeting;
}

/** 送审 minutes, without their content. */
export type MinutesForSignOff = Omit<Minutes, 'content'> & { meeting?: Meeting };

export interface Escalations {
  /** Tasks reported 不能办结 (still open), the escalated ones first, then by the report's date. */
  tasks: Resolution[];
  /** Topics the joint meeting referred to the party-government joint meeting (提交党政联席会议), newest first. */
  topics: Topic[];
}

export interface HomeRepository {
  /**
   * The supervisor's table: per lead unit, the quarter's figures (unit-quarter-figures.ts) on today's business
   * date. Reads only the tasks whose deadline falls in the quarter (`deadline` index) and their timelines
   * ([resolutionId+on], one range each) — never the whole tables.
   */
  unitQuarters(quarter: Pick<Quarter, 'year' | 'quarter'>): Promise<UnitQuarterTable>;
  /** The office's 会前准备清单 for the next meeting being prepared (readiness.ts), from index reads. */
  readiness(): Promise<HomeReadiness>;
  /** Minutes awaiting the chair's sign-off (送审), oldest meeting first. */
  minutesForSignOff(): Promise<MinutesForSignOff[]>;
  /** Matters for the party-government joint meeting: open tasks reported 不能办结, escalated topics (state indexes). */
  escalations(): Promise<Escalations>;
}

/** The facts of every issued task due in `quarter`, from the `deadline` index and each task's timeline. */
export async function readQuarterFacts(db: JointDeskDB, quarter: Pick<Quarter, 'start' | 'end'>): Promise<TaskFacts[]> {
  const tasks = (
    await db.resolutions.where('deadline').between(quarter.start, quarter.end, true, true).toArray()
  ).filter((r) => r.state !== 'draft');
  const timelines = await Promise.all(
    tasks.map((r) =>
      db.taskEvents.where('[resolutionId+on]').between([r.id, Dexie.minKey], [r.id, Dexie.maxKey]).toArray(),
    ),
  );
  return tasks.map((r, i) => taskFacts(r, timelines[i]!));
}

/**
 * The ids behind one cell of the supervisor's table (a unit, a quarter, a figure), as the table counts them:
 * the 督办 list's drill-down filter. Call inside a read transaction over resolutions and taskEvents.
 */
export async function readQuarterCellIds(
  db: JointDeskDB,
  cell: { unitId: string; quarter: Pick<Quarter, 'start' | 'end'>; figure: QuarterFigure },
  today: string,
): Promise<string[]> {
  const facts = (await readQuarterFacts(db, cell.quarter)).filter((f) => f.leadUnitId === cell.unitId);
  return unitQuarterFigures(facts, cell.quarter, today)[0]?.ids[cell.figure] ?? [];
}

export function createHomeRepository(ctx: DataLayerContext): HomeRepository {
  const { db } = ctx;
  const today = () => businessDate(ctx.now());

  return {
    unitQuarters: (q) =>
      db.transaction('r', [db.resolutions, db.taskEvents, db.units], async () => {
        const quarter = quarterOf(`${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`);
        const on = today();
        const [facts, units] = await Promise.all([readQuarterFacts(db, quarter), db.units.toArray()]);
        const order = units.sort(compareUnits).map((u) => u.id);
        const rows = unitQuarterFigures(facts, quarter, on, order);
        return { quarter, today: on, rows, total: totalFigures(rows) };
      }),

    readiness: () =>
      db.transaction(
        'r',
        [db.meetings, db.agendaItems, db.attendance, db.topics, db.minutes, db.resolutions],
        async (): Promise<HomeReadiness> => {
          const on = today();
          // Meetings from today on (few): the earliest still being prepared.
          const next = await db.meetings
            .where('startsAt')
            .aboveOrEqual(on)
            .filter((m) => isPreparing(m))
            .first();
          // The latest meeting held before it (or before now), walking back from there.
          const before = next?.startsAt ?? `${on}\uffff`;
          const last = await db.meetings
            .where('startsAt')
            .below(before)
            .reverse()
            .filter((m) => HELD_OR_LATER_MEETING_STATES.includes(m.state))
            .first();
          const [agenda, invited, topicsAwaitingTriage, minutes, openTasks] = await Promise.all([
            next ? db.agendaItems.where('meetingId').equals(next.id).toArray() : [],
            next ? db.attendance.where('meetingId').equals(next.id).count() : 0,
            db.topics.where('state').equals('submitted').count(),
            last ? db.minutes.where('meetingId').equals(last.id).first() : undefined,
            db.resolutions
              .where('state')
              .anyOf([...OPEN_RESOLUTION_STATES])
              .count(),
          ]);
          const minutesState: MinutesState | undefined = minutes?.state;
          const checklist = readinessChecklist({
            ...(next ? { next } : {}),
            agenda,
            reportRequired: openTasks > 0,
            invited,
            topicsAwaitingTriage,
            ...(last ? { last: { meeting: last, ...(minutesState ? { minutesState } : {}) } } : {}),
          });
          return { ...checklist, ...(next ? { next } : {}), ...(last ? { last } : {}) };
        },
      ),

    minutesForSignOff: () =>
      db.transaction('r', [db.minutes, db.meetings], async () => {
        const review = await db.minutes.where('state').equals('review').toArray();
        const meetings = await db.meetings.bulkGet(review.map((m) => m.meetingId));
        return review
          .map(({ content: _content, ...m }, i) => ({ ...m, ...(meetings[i] ? { meeting: meetings[i] } : {}) }))
          .sort((a, b) => (a.meeting?.startsAt ?? '').localeCompare(b.meeting?.startsAt ?? ''));
      }),

    escalations: () =>
      db.transaction('r', [db.resolutions, db.topics], async () => {
        // 不能办结 is a side record of a task still being worked on: among the open tasks (state index).
        const tasks = (
          await db.resolutions
            .where('state')
            .anyOf([...WARNED_STATES])
            .filter((r) => r.cannotComplete !== undefined)
            .toArray()
        ).sort(
          (a, b) =>
            Number(b.cannotComplete!.escalated) - Number(a.cannotComplete!.escalated) ||
            a.cannotComplete!.on.localeCompare(b.cannotComplete!.on) ||
            a.id.localeCompare(b.id),
        );
        const topics = (await db.topics.where('state').equals('escalated').toArray()).sort((a, b) =>
          b.submittedOn.localeCompare(a.submittedOn),
        );
        return { tasks, topics };
      }),
  };
}
