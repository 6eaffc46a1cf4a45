import { addDays, daysBetween } from './dates';
import { DISPUTE_STATES, DISPUTE_TYPES, type Dispute, type DisputeState, type DisputeType } from './dispute';
import type { Meeting, MeetingKind } from './meeting';
import { quarterOf, type Quarter } from './meeting-rules';
import { shanghaiDateAndHalf } from './minutes-template';
import { isHeldOrLater } from './state-sets';
import { TOPIC_CATEGORIES, type Topic, type TopicCategory, type TopicState } from './topic';
import { DISPUTE_AGE_BUCKETS, type DisputeAgeBucket } from './home-figures';
import { quarterKey, rateFigures, taskOutcome, type TaskFacts } from './unit-quarter-figures';

/**
 * The series of the statistics page (统计), as pure functions over the rows a date range needs. Every figure
 * on the page, in its tables and in the exported workbook comes from here; components only show them.
 *
 * Dates are calendar dates in Asia/Shanghai: a meeting's day is the date of its `startsAt` there
 * ({@link meetingDay}); topics count by 提交日期, disputes by 登记日期, tasks by their CURRENT 完成时限
 * (an approved extension moves a task). The on-time rule is the supervisor's (unit-quarter-figures.ts:
 * {@link taskOutcome}, {@link rateFigures}): 按时办结 ÷ (按时办结 + 逾期办结 + 逾期未办结), never a second definition.
 *
 * The unit filter means: topics submitted by the unit (提交单位), disputes the unit is a party to (争议各方),
 * tasks it leads (牵头单位). Meetings are the whole joint meeting's and are not filtered by unit.
 */

/** A closed date range, both ends included (YYYY-MM-DD), and an optional member unit. */
export interface StatisticsFilter {
  from: string;
  to: string;
  unitId?: string;
}

/** The calendar day of a meeting in Asia/Shanghai (a time without offset is already local). */
export function meetingDay(startsAt: string): string {
  return shanghaiDateAndHalf(startsAt).date;
}

/** Whether `day` (YYYY-MM-DD) lies in the filter's range. */
export function inRange(day: string | undefined, f: Pick<StatisticsFilter, 'from' | 'to'>): boolean {
  return day !== undefined && day >= f.from && day <= f.to;
}

/** The calendar quarters the range touches, oldest first (none when `from` is after `to`). */
export function quartersInRange(f: Pick<StatisticsFilter, 'from' | 'to'>): Quarter[] {
  const out: Quarter[] = [];
  if (f.from > f.to) return out;
  for (let q = quarterOf(f.from); q.start <= f.to; q = quarterOf(addDays(q.end, 1))) out.push(q);
  return out;
}

// ---------------------------------------------------------------- meetings

/**
 * A quarter against the at-least-N-regular-meetings rule (rule profile 每季度定期会议次数): `met` once enough
 * 定期联席会议 were held; `missed` when the quarter ended short; `open` for the current quarter still short;
 * `future` for a quarter not begun. `partial`: the range covers only part of the quarter (counts are of that
 * part, and the verdict then only says what the part shows).
 */
export type QuarterRuleStatus = 'met' | 'missed' | 'open' | 'future';

export interface MeetingQuarterRow {
  key: string;
  quarter: Quarter;
  /** Meetings held (已召开 and later; never cancelled ones) by kind. */
  held: Record<MeetingKind, number>;
  required: number;
  status: QuarterRuleStatus;
  partial: boolean;
}

export function meetingsPerQuarter(
  meetings: readonly Pick<Meeting, 'kind' | 'state' | 'startsAt'>[],
  f: Pick<StatisticsFilter, 'from' | 'to'>,
  today: string,
  required = 1,
): MeetingQuarterRow[] {
  const rows = quartersInRange(f).map((quarter): MeetingQuarterRow => ({
    key: quarterKey(quarter),
    quarter,
    held: { regular: 0, special: 0, consultation: 0 },
    required,
    status: 'future',
    partial: quarter.start < f.from || quarter.end > f.to,
  }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const m of meetings) {
    if (!isHeldOrLater(m)) continue;
    const day = meetingDay(m.startsAt);
    if (!inRange(day, f)) continue;
    const row = byKey.get(quarterKey(quarterOf(day)));
    if (row) row.held[m.kind]++;
  }
  for (const r of rows) {
    const met = r.held.regular >= required;
    r.status = met ? 'met' : today > r.quarter.end ? 'missed' : today >= r.quarter.start ? 'open' : 'future';
  }
  return rows;
}

// ---------------------------------------------------------------- topics

/**
 * What became of a topic: its outcome by state. 办理中 (pending) gathers the states without an outcome yet
 * (待审核, 已受理, 已排入议程, 已上会).
 */
export const TOPIC_OUTCOMES = [
  'resolved',
  'converted',
  'escalated',
  'deferred',
  'returned',
  'merged',
  'pending',
] as const;
export type TopicOutcome = (typeof TOPIC_OUTCOMES)[number];

export function topicOutcome(state: TopicState): TopicOutcome {
  switch (state) {
    case 'resolved':
    case 'converted':
    case 'escalated':
    case 'deferred':
    case 'returned':
    case 'merged':
      return state;
    default:
      return 'pending';
  }
}

export type TopicFacts = Pick<Topic, 'category' | 'state' | 'submittingUnitId' | 'submittedOn'>;

export interface TopicStatistics {
  total: number;
  /** Every category in the register's order (zeros included). */
  byCategory: { category: TopicCategory; count: number }[];
  /** Submitting units with at least one topic, in `unitOrder` (others last, by id). */
  byUnit: { unitId: string; count: number }[];
  /** Every outcome in {@link TOPIC_OUTCOMES} order (zeros included). */
  byOutcome: { outcome: TopicOutcome; count: number }[];
}

export function topicStatistics(
  topics: readonly TopicFacts[],
  f: StatisticsFilter,
  unitOrder: readonly string[] = [],
): TopicStatistics {
  const cat = new Map<TopicCategory, number>(TOPIC_CATEGORIES.map((c) => [c, 0]));
  const out = new Map<TopicOutcome, number>(TOPIC_OUTCOMES.map((o) => [o, 0]));
  const unit = new Map<string, number>();
  let total = 0;
  for (const t of topics) {
    if (!inRange(t.submittedOn, f)) continue;
    if (f.unitId && t.submittingUnitId !== f.unitId) continue;
    total++;
    cat.set(t.category, (cat.get(t.category) ?? 0) + 1);
    const o = topicOutcome(t.state);
    out.set(o, (out.get(o) ?? 0) + 1);
    unit.set(t.submittingUnitId, (unit.get(t.submittingUnitId) ?? 0) + 1);
  }
  return {
    total,
    byCategory: [...cat].map(([category, count]) => ({ category, count })),
    byUnit: byUnitOrder([...unit], unitOrder).map(([unitId, count]) => ({ unitId, count })),
    byOutcome: [...out].map(([outcome, count]) => ({ outcome, count })),
  };
}

// ---------------------------------------------------------------- disputes

export type DisputeFacts = Pick<
  Dispute,
  'type' | 'state' | 'registeredOn' | 'partyUnitIds' | 'closedOn' | 'stateSince'
>;

export interface DisputeStatistics {
  total: number;
  byType: { type: DisputeType; count: number }[];
  byState: { state: DisputeState; count: number }[];
  /**
   * By age bracket (the chair's brackets, home-figures.ts {@link DISPUTE_AGE_BUCKETS}): `open` — unresolved disputes by
   * their age on `today`; `closed` — closed ones by the days from registration to 结案.
   */
  byAge: { key: DisputeAgeBucket; open: number; closed: number }[];
}

export function disputeStatistics(
  disputes: readonly DisputeFacts[],
  f: StatisticsFilter,
  today: string,
): DisputeStatistics {
  const type = new Map<DisputeType, number>(DISPUTE_TYPES.map((t) => [t, 0]));
  const state = new Map<DisputeState, number>(DISPUTE_STATES.map((s) => [s, 0]));
  const byAge = DISPUTE_AGE_BUCKETS.map((b) => ({ key: b.key as DisputeAgeBucket, open: 0, closed: 0 }));
  const bucketOf = (days: number) => byAge[DISPUTE_AGE_BUCKETS.findIndex((b) => days <= b.maxDays)]!;
  let total = 0;
  for (const d of disputes) {
    if (!inRange(d.registeredOn, f)) continue;
    if (f.unitId && !d.partyUnitIds.includes(f.unitId)) continue;
    total++;
    type.set(d.type, (type.get(d.type) ?? 0) + 1);
    state.set(d.state, (state.get(d.state) ?? 0) + 1);
    if (d.state === 'closed') bucketOf(Math.max(0, daysBetween(d.registeredOn, d.closedOn ?? d.stateSince))).closed++;
    else bucketOf(Math.max(0, daysBetween(d.registeredOn, today))).open++;
  }
  return {
    total,
    byType: [...type].map(([t, count]) => ({ type: t, count })),
    byState: [...state].map(([s, count]) => ({ state: s, count })),
    byAge,
  };
}

// ---------------------------------------------------------------- resolutions (督办任务)

/**
 * One row of on-time figures: of the issued tasks due in the range, 按时办结, 逾期办结, 逾期未办结 and 未到期 on
 * `today` ({@link taskOutcome}), with the on-time rate ({@link rateFigures}; undefined while none is settled).
 */
export interface OnTimeCounts {
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  onTimeRate?: number;
}

export interface OnTimeStatistics {
  total: OnTimeCounts;
  /** Lead units with a task due in the range, in `unitOrder` (others last, by id). */
  byUnit: ({ unitId: string } & OnTimeCounts)[];
  /** Every quarter the range touches (by the tasks' deadlines), oldest first. */
  byQuarter: ({ key: string; quarter: Quarter } & OnTimeCounts)[];
}

const zero = () => ({ due: 0, onTime: 0, late: 0, overdue: 0, pending: 0 });

function withRate(c: Omit<OnTimeCounts, 'onTimeRate'>): OnTimeCounts {
  const { onTimeRate } = rateFigures({ ...c, returned: 0 });
  return onTimeRate === undefined ? { ...c } : { ...c, onTimeRate };
}

export function onTimeStatistics(
  facts: readonly TaskFacts[],
  f: StatisticsFilter,
  today: string,
  unitOrder: readonly string[] = [],
): OnTimeStatistics {
  const quarters = quartersInRange(f);
  const byQ = new Map(quarters.map((q) => [quarterKey(q), zero()]));
  const byU = new Map<string, ReturnType<typeof zero>>();
  const total = zero();
  for (const t of facts) {
    if (!inRange(t.deadline, f)) continue;
    if (f.unitId && t.leadUnitId !== f.unitId) continue;
    const outcome = taskOutcome(t, today);
    if (!outcome) continue;
    let u = byU.get(t.leadUnitId);
    if (!u) byU.set(t.leadUnitId, (u = zero()));
    const q = byQ.get(quarterKey(quarterOf(t.deadline!)))!;
    for (const c of [total, u, q]) {
      c.due++;
      c[outcome]++;
    }
  }
  return {
    total: withRate(total),
    byUnit: byUnitOrder([...byU], unitOrder).map(([unitId, c]) => ({ unitId, ...withRate(c) })),
    byQuarter: quarters.map((quarter) => ({
      key: quarterKey(quarter),
      quarter,
      ...withRate(byQ.get(quarterKey(quarter))!),
    })),
  };
}

// ---------------------------------------------------------------- the page

export interface StatisticsInput {
  meetings: readonly Pick<Meeting, 'kind' | 'state' | 'startsAt'>[];
  topics: readonly TopicFacts[];
  disputes: readonly DisputeFacts[];
  tasks: readonly TaskFacts[];
  /** Units in the register's order (kind, then name): the order of the by-unit series. */
  unitOrder: readonly string[];
  /** 每季度定期会议次数 of the active rule profile. */
  meetingsPerQuarter: number;
}

export interface Statistics {
  filter: StatisticsFilter;
  today: string;
  meetings: MeetingQuarterRow[];
  topics: TopicStatistics;
  disputes: DisputeStatistics;
  onTime: OnTimeStatistics;
  /** Nothing at all in the range (for the unit): no meeting held, no topic, dispute or task due. */
  empty: boolean;
}

/** Every series of the page for one filter. Rows outside the filter are ignored, so callers may pass more. */
export function statisticsOf(input: StatisticsInput, filter: StatisticsFilter, today: string): Statistics {
  const meetings = meetingsPerQuarter(input.meetings, filter, today, input.meetingsPerQuarter);
  const topics = topicStatistics(input.topics, filter, input.unitOrder);
  const disputes = disputeStatistics(input.disputes, filter, today);
  const onTime = onTimeStatistics(input.tasks, filter, today, input.unitOrder);
  const held = meetings.reduce((n, r) => n + r.held.regular + r.held.special + r.held.consultation, 0);
  return {
    filter,
    today,
    meetings,
    topics,
    disputes,
    onTime,
    empty: held === 0 && topics.total === 0 && disputes.total === 0 && onTime.total.due === 0,
  };
}

/** The default range of the page: the current calendar year up to its end. */
export function defaultStatisticsRange(today: string): Pick<StatisticsFilter, 'from' | 'to'> {
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

function byUnitOrder<T>(entries: [string, T][], unitOrder: readonly string[]): [string, T][] {
  const rank = new Map(unitOrder.map((id, i) => [id, i]));
  return entries.sort(
    ([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
}
