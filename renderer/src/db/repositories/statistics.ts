import Dexie from 'dexie';
import {
  addDays,
  businessDate,
  meetingDay,
  statisticsOf,
  taskFacts,
  type DisputeFacts,
  type Meeting,
  type Statistics,
  type StatisticsFilter,
  type StatisticsInput,
  type TaskFacts,
  type TopicFacts,
} from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { readActive } from './rules';
import { compareUnits } from './units';

/** Audit entity id of statistics workbook exports. */
export const STATISTICS_EXPORT_ID = 'statistics';

/** Task timelines read at once (readTaskFacts). */
const TIMELINE_BATCH = 250;

export interface StatisticsRepository {
  /**
   * Every series of the statistics page for one filter, on today's business date (statistics.ts). Reads, in
   * one transaction and through indexes only, the rows the range needs: meetings by `startsAt`, topics by
   * `submittedOn`, disputes by `registeredOn`, tasks by `deadline` and — for the tasks reported done — their
   * timelines ([resolutionId+on], one range each). Rows are cut to the fields the series use as they are read.
   */
  read(filter: StatisticsFilter): Promise<Statistics>;
  /** The earliest and latest dates any series can count (first/last index keys), for the 全部 range. */
  extent(): Promise<{ from?: string; to?: string }>;
  /** Records a saved statistics workbook in the audit trail (entity 'system', action 'export'). */
  recordExport(fileName: string, detail: { from: string; to: string; unitId?: string; sheets: number }): Promise<void>;
}

/** The input of {@link statisticsOf} for a filter, read through the indexes (call inside a read transaction). */
export async function readStatisticsInput(db: JointDeskDB, f: StatisticsFilter): Promise<StatisticsInput> {
  if (f.from > f.to) {
    return { meetings: [], topics: [], disputes: [], tasks: [], unitOrder: [], meetingsPerQuarter: 1 };
  }
  const [units, rules, meetings, topics, disputes, tasks] = await Promise.all([
    db.units.toArray(),
    readActive(db),
    // A stored time with an offset (…Z) may fall on the day before in UTC: one day of margin, then the
    // Shanghai day decides (statistics.ts meetingDay).
    db.meetings
      .where('startsAt')
      .between(addDays(f.from, -1), `${f.to}T\uffff`, true, true)
      .toArray((rows) =>
        rows.map((m): Pick<Meeting, 'kind' | 'state' | 'startsAt'> => ({
          kind: m.kind,
          state: m.state,
          startsAt: m.startsAt,
        })),
      ),
    db.topics
      .where('submittedOn')
      .between(f.from, f.to, true, true)
      .toArray((rows) =>
        rows.flatMap((t): TopicFacts[] =>
          f.unitId && t.submittingUnitId !== f.unitId
            ? []
            : [
                {
                  category: t.category,
                  state: t.state,
                  submittingUnitId: t.submittingUnitId,
                  submittedOn: t.submittedOn,
                },
              ],
        ),
      ),
    db.disputes
      .where('registeredOn')
      .between(f.from, f.to, true, true)
      .toArray((rows) =>
        rows.flatMap((d): DisputeFacts[] =>
          f.unitId && !d.partyUnitIds.includes(f.unitId)
            ? []
            : [
                {
                  type: d.type,
                  state: d.state,
                  registeredOn: d.registeredOn,
                  partyUnitIds: d.partyUnitIds,
                  stateSince: d.stateSince,
                  ...(d.closedOn ? { closedOn: d.closedOn } : {}),
                },
              ],
        ),
      ),
    readTaskFacts(db, f),
  ]);
  return {
    meetings,
    topics,
    disputes,
    tasks,
    unitOrder: units.sort(compareUnits).map((u) => u.id),
    meetingsPerQuarter: rules.values.meetingsPerQuarter,
  };
}

/**
 * The facts (unit-quarter-figures.ts) of the issued tasks due in the range (of the unit): the `deadline` index,
 * then one [resolutionId+on] range per task reported done — the page needs only the completion date, so open
 * tasks' timelines are not read (their extension and return counts, not shown here, stay 0).
 */
async function readTaskFacts(db: JointDeskDB, f: StatisticsFilter): Promise<TaskFacts[]> {
  const tasks = await db.resolutions
    .where('deadline')
    .between(f.from, f.to, true, true)
    .toArray((rows) =>
      rows.flatMap((r) =>
        r.state === 'draft' || (f.unitId && r.leadUnitId !== f.unitId)
          ? []
          : [{ id: r.id, leadUnitId: r.leadUnitId, state: r.state, deadline: r.deadline }],
      ),
    );
  const done = (s: string) => s === 'done_pending_verification' || s === 'verified';
  const timeline = (r: (typeof tasks)[number]) =>
    done(r.state)
      ? db.taskEvents
          .where('[resolutionId+on]')
          .between([r.id, Dexie.minKey], [r.id, Dexie.maxKey])
          .toArray((events) =>
            events.map((e) => ({
              kind: e.kind,
              on: e.on,
              createdAt: e.createdAt,
              ...(e.approved !== undefined ? { approved: e.approved } : {}),
            })),
          )
      : [];
  // In batches: ten years hold ~7,000 tasks reported done, and as many requests issued at once come back as
  // one main-thread block of several hundred ms (test/bench/chromium/statistics.ts); batches of 250 keep each
  // block short at about the same total time.
  const timelines: Awaited<ReturnType<typeof timeline>>[] = [];
  for (let i = 0; i < tasks.length; i += TIMELINE_BATCH)
    timelines.push(...(await Promise.all(tasks.slice(i, i + TIMELINE_BATCH).map(timeline))));
  return tasks.map((r, i) => taskFacts(r, timelines[i]!));
}

/** The first and last key of an index (two key reads, no rows). */
async function firstAndLast(table: Dexie.Table, index: string): Promise<[string | undefined, string | undefined]> {
  const [a, b] = await Promise.all([
    table.orderBy(index).limit(1).keys(),
    table.orderBy(index).reverse().limit(1).keys(),
  ]);
  return [a[0] as string | undefined, b[0] as string | undefined];
}

export function createStatisticsRepository(ctx: DataLayerContext): StatisticsRepository {
  const { db } = ctx;
  return {
    read: (filter) =>
      db.transaction(
        'r',
        [db.units, db.settings, db.ruleProfiles, db.meetings, db.topics, db.disputes, db.resolutions, db.taskEvents],
        async () => {
          const today = businessDate(ctx.now());
          return statisticsOf(await readStatisticsInput(db, filter), filter, today);
        },
      ),

    extent: () =>
      db.transaction('r', [db.meetings, db.topics, db.disputes, db.resolutions], async () => {
        const [meetings, ...others] = await Promise.all([
          firstAndLast(db.meetings, 'startsAt'),
          firstAndLast(db.topics, 'submittedOn'),
          firstAndLast(db.disputes, 'registeredOn'),
          firstAndLast(db.resolutions, 'deadline'),
        ]);
        const ends = [meetings.map((m) => (m ? meetingDay(m) : undefined)), ...others];
        const days = (i: 0 | 1) => ends.map((e) => e[i]).filter((d): d is string => !!d);
        const from = days(0).sort()[0];
        const to = days(1).sort().at(-1);
        return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      }),

    recordExport: (fileName, detail) =>
      auditedWrite(ctx, [], async (audit) => {
        audit.record({
          entity: 'system',
          entityId: STATISTICS_EXPORT_ID,
          action: 'export',
          before: null,
          after: { document: '统计报表', fileName, ...detail },
        });
      }),
  };
}
