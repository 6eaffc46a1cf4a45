import { daysBetween, isoDateOf } from './dates';
import type { Meeting } from './meeting';
import {
  isOpenResolution,
  type CannotComplete,
  type ExtensionRequest,
  type Minutes,
  type Resolution,
  type ResolutionState,
  type TaskEvent,
} from './minutes';
import { RESOLUTION_STATE_LABELS } from './minutes-rules';
import { BUNDLED_CALENDAR, resolveDeadline, type WorkingDayCalendar } from './working-days';

/**
 * 落实情况通报 (DOMAIN.md "Implementation report", DOCX-FORMAT §2.5): which resolutions the report of
 * meeting N covers, grouped by state, with the figures its lead paragraph states. Pure; the agenda's
 * standing item, the minutes template's table and the .docx all read this one selection.
 *
 * The rule, with N-1 = `previousMeeting` and its day = the calendar date of its `startsAt`:
 * - only tasks: the resolution is past 'draft' and its minutes were issued (`issuedOn` set: minutes under
 *   correction were issued and their tasks stay binding); minutes never issued → excluded;
 * - only earlier decisions: not meeting N's own, and issued on or before meeting N's day;
 * - included when open now (isOpenResolution: the one definition of open), or when it changed on or after
 *   N-1's day (issued then or later, or any task event dated then or later);
 * - excluded when verified (已核验办结) before N-1's day, whatever was recorded on it later (a comment on a
 *   closed task is no news for the report).
 * - **closed exactly on N-1's day → included**: N-1's report was prepared before that day's verification
 *   and could not show it, so it is news at meeting N ("on or after", like every other change).
 * - no N-1 (the first meeting, or no meeting held before N): every issued resolution before N.
 *
 * The states are the records' current ones (the selection is read while meeting N is prepared and frozen
 * into the agenda item's snapshot at 已召开); 逾期 is derived on meeting N's day (`on`, default that day).
 */

/** The report's groups, in the order the report lists them (main states after issuance). */
export const REPORT_GROUPS = ['not_started', 'in_progress', 'done_pending_verification', 'verified'] as const;
export type ReportGroupState = (typeof REPORT_GROUPS)[number];

export interface ReportInput {
  meeting: Pick<Meeting, 'id' | 'startsAt'>;
  /** Meeting N-1 (the meeting held last before N); absent for the first meeting. */
  previousMeeting?: Pick<Meeting, 'id' | 'startsAt'>;
  resolutions: readonly Resolution[];
  /** Task events of (at least) these resolutions; others are ignored. */
  events: readonly TaskEvent[];
  /**
   * The minutes of the resolutions' meetings (a resolution is reported only if its minutes were issued): only
   * their header is used (the agenda builder reads it from an index, never the documents; `state` is not used).
   */
  minutes: readonly (Pick<Minutes, 'id' | 'issuedOn' | 'issueNumber' | 'issueYear' | 'meetingId'> &
    Partial<Pick<Minutes, 'state'>>)[];
  /** Day 逾期 is judged on (YYYY-MM-DD); default meeting N's day. */
  on?: string;
  /** For the 原定时限 of an extended working-day deadline; default the bundled calendar. */
  calendar?: WorkingDayCalendar;
}

export interface ReportProgress {
  on: string;
  text: string;
  unitId?: string;
  percent?: number;
  /** 'completion' = the lead unit's 办结报告. */
  kind: 'progress' | 'completion';
}

export interface ReportVerification {
  on: string;
  text: string;
  /** false: 核验未通过 (退回重办). */
  passed: boolean;
  personName?: string;
}

export interface ReportItem {
  resolutionId: string;
  state: ReportGroupState;
  stateLabel: string;
  content: string;
  leadUnitId: string;
  coUnitIds: string[];
  /** The deadline in force (moved by an approved extension). */
  deadline?: string;
  deadlineProvisional: boolean;
  /** 原定时限: set only when an approved extension moved the deadline. */
  originalDeadline?: string;
  extension?: Pick<ExtensionRequest, 'state' | 'requestedOn' | 'proposedDeadline' | 'decidedOn'>;
  cannotComplete?: CannotComplete;
  /** Not started or in progress past its deadline on the report day (derived, never stored). */
  overdue: boolean;
  /** Calendar days past the deadline on the report day (0 when not overdue). */
  overdueDays: number;
  latestProgress?: ReportProgress;
  /** The latest 核验 (a failed one stays visible while the task is back in 办理中). */
  verification?: ReportVerification;
  /** Day of the passing 核验 (verified items). */
  closedOn?: string;
  issuedOn: string;
  source: { meetingId: string; minutesId?: string; issueYear?: number; issueNumber?: number };
  /** Issued before N-1's day and still open then (carried over from the last report). */
  carriedOver: boolean;
  /** Issued, or with an event, on or after N-1's day. */
  changedSince: boolean;
}

export interface ReportGroup {
  state: ReportGroupState;
  label: string;
  items: ReportItem[];
}

export interface ReportTotals {
  total: number;
  byState: Record<ReportGroupState, number>;
  /** Not yet verified (isOpenResolution). */
  open: number;
  overdue: number;
  /** Extension approved (已延期). */
  extended: number;
  extensionPending: number;
  cannotComplete: number;
  escalated: number;
  /** 已核验办结 / total, in % with one decimal (0 when there are no items). */
  verifiedPercent: number;
}

export interface ReportSelection {
  meetingId: string;
  previousMeetingId?: string;
  /** Day 逾期 was judged on. */
  on: string;
  /** N-1's day; absent for the first meeting. */
  since?: string;
  /** Every reported item, in report order (group by group, then issue date). */
  items: ReportItem[];
  /** The four groups in REPORT_GROUPS order, empty ones included. */
  groups: ReportGroup[];
  totals: ReportTotals;
}

/** States in which a passed deadline means 逾期 (a claimed completion awaits 核验, it is not late work). */
const OVERDUE_STATES: readonly ResolutionState[] = ['not_started', 'in_progress'];

/** 逾期 on `day`: not started or in progress, and the deadline is before `day` (due through its own day). */
export function isOverdueOn(r: Pick<Resolution, 'state' | 'deadline'>, day: string): boolean {
  return OVERDUE_STATES.includes(r.state) && !!r.deadline && r.deadline < day;
}

/** Calendar date (Asia/Shanghai) of a stored timestamp; a local `YYYY-MM-DDTHH:mm` keeps its date. */
function dayOfTimestamp(ts: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(ts)) {
    const d = new Date(ts);
    if (!Number.isNaN(d.getTime())) return isoDateOf(d);
  }
  return ts.slice(0, 10);
}

const byTime = (a: TaskEvent, b: TaskEvent) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt);

function latest<T extends TaskEvent>(events: readonly TaskEvent[], pick: (e: TaskEvent) => e is T): T | undefined;
function latest(events: readonly TaskEvent[], pick: (e: TaskEvent) => boolean): TaskEvent | undefined;
function latest(events: readonly TaskEvent[], pick: (e: TaskEvent) => boolean): TaskEvent | undefined {
  let best: TaskEvent | undefined;
  for (const e of events) if (pick(e) && (!best || byTime(e, best) > 0)) best = e;
  return best;
}

/**
 * 原定时限 of a task whose extension was approved: the deadline the minutes set (the latest 纪要更正
 * deadline change before the first approved extension, else the rule resolved from the issue date).
 */
function originalDeadlineOf(r: Resolution, events: readonly TaskEvent[], calendar: WorkingDayCalendar) {
  if (r.extension?.state !== 'approved') return undefined;
  const firstExtension = events.filter((e) => e.kind === 'extension' && e.approved === true).sort(byTime)[0];
  const correction = latest(
    events,
    (e) => e.kind === 'deadline_change' && !!e.newDeadline && (!firstExtension || byTime(e, firstExtension) < 0),
  );
  let original = correction?.newDeadline;
  if (!original && r.deadlineRule && r.issuedOn) original = resolveDeadline(r.deadlineRule, r.issuedOn, calendar).date;
  return original && original !== r.deadline ? original : undefined;
}

/** The resolutions the 落实情况通报 of `input.meeting` covers, grouped, with its figures. */
export function selectReportItems(input: ReportInput): ReportSelection {
  const day = input.meeting.startsAt.slice(0, 10);
  const on = input.on ?? day;
  const since = input.previousMeeting?.startsAt.slice(0, 10);
  const calendar = input.calendar ?? BUNDLED_CALENDAR;

  const minutesById = new Map(input.minutes.map((m) => [m.id, m]));
  const minutesByMeeting = new Map<string, ReportInput['minutes'][number]>();
  for (const m of input.minutes) {
    const known = minutesByMeeting.get(m.meetingId);
    if (!known || (!known.issuedOn && m.issuedOn)) minutesByMeeting.set(m.meetingId, m);
  }
  const eventsOf = new Map<string, TaskEvent[]>();
  for (const e of input.events) {
    const list = eventsOf.get(e.resolutionId);
    if (list) list.push(e);
    else eventsOf.set(e.resolutionId, [e]);
  }

  const items: ReportItem[] = [];
  for (const r of input.resolutions) {
    if (r.state === 'draft' || r.meetingId === input.meeting.id) continue;
    const minutes = (r.minutesId ? minutesById.get(r.minutesId) : undefined) ?? minutesByMeeting.get(r.meetingId);
    // Minutes known but never issued: not a task. No minutes row at all: a migrated task, its own issue date.
    if (minutes && !minutes.issuedOn) continue;
    const issuedOn = r.issuedOn ?? minutes?.issuedOn;
    if (!issuedOn || issuedOn > day) continue;

    const events = eventsOf.get(r.id) ?? [];
    const state = r.state as ReportGroupState;
    const verification = latest(events, (e) => e.kind === 'verification');
    const passed = latest(events, (e) => e.kind === 'verification' && e.approved !== false);
    const closedOn = state === 'verified' ? (passed?.on ?? dayOfTimestamp(r.updatedAt)) : undefined;

    const changedSince =
      since === undefined ||
      issuedOn >= since ||
      events.some((e) => e.on >= since) ||
      (!!closedOn && closedOn >= since);
    if (since !== undefined && closedOn !== undefined && closedOn < since) continue;
    if (!isOpenResolution(r) && !changedSince) continue;

    const progress = latest(events, (e) => e.kind === 'progress' || e.kind === 'completion');
    const overdue = isOverdueOn(r, on);
    const originalDeadline = originalDeadlineOf(r, events, calendar);
    items.push({
      resolutionId: r.id,
      state,
      stateLabel: RESOLUTION_STATE_LABELS[state],
      content: r.content,
      leadUnitId: r.leadUnitId,
      coUnitIds: [...r.coUnitIds],
      ...(r.deadline ? { deadline: r.deadline } : {}),
      deadlineProvisional: r.deadlineProvisional === true,
      ...(originalDeadline ? { originalDeadline } : {}),
      ...(r.extension
        ? {
            extension: {
              state: r.extension.state,
              requestedOn: r.extension.requestedOn,
              proposedDeadline: r.extension.proposedDeadline,
              ...(r.extension.decidedOn ? { decidedOn: r.extension.decidedOn } : {}),
            },
          }
        : {}),
      ...(r.cannotComplete ? { cannotComplete: { ...r.cannotComplete } } : {}),
      overdue,
      overdueDays: overdue && r.deadline ? daysBetween(r.deadline, on) : 0,
      ...(progress
        ? {
            latestProgress: {
              on: progress.on,
              text: progress.text,
              kind: progress.kind as ReportProgress['kind'],
              ...(progress.unitId ? { unitId: progress.unitId } : {}),
              ...(progress.percent !== undefined ? { percent: progress.percent } : {}),
            },
          }
        : {}),
      ...(verification
        ? {
            verification: {
              on: verification.on,
              text: verification.text,
              passed: verification.approved !== false,
              ...(verification.personName ? { personName: verification.personName } : {}),
            },
          }
        : {}),
      ...(closedOn ? { closedOn } : {}),
      issuedOn,
      source: {
        meetingId: r.meetingId,
        ...(minutes ? { minutesId: minutes.id } : r.minutesId ? { minutesId: r.minutesId } : {}),
        ...(minutes?.issueYear !== undefined ? { issueYear: minutes.issueYear } : {}),
        ...(minutes?.issueNumber !== undefined ? { issueNumber: minutes.issueNumber } : {}),
      },
      carriedOver: since !== undefined && issuedOn < since,
      changedSince: since !== undefined && changedSince,
    });
  }

  const rank = new Map<ReportGroupState, number>(REPORT_GROUPS.map((s, i) => [s, i]));
  items.sort(
    (a, b) =>
      rank.get(a.state)! - rank.get(b.state)! ||
      a.issuedOn.localeCompare(b.issuedOn) ||
      (a.source.issueNumber ?? 0) - (b.source.issueNumber ?? 0) ||
      (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') ||
      a.resolutionId.localeCompare(b.resolutionId),
  );
  const groups = REPORT_GROUPS.map((state) => ({
    state,
    label: RESOLUTION_STATE_LABELS[state],
    items: items.filter((i) => i.state === state),
  }));
  return {
    meetingId: input.meeting.id,
    ...(input.previousMeeting ? { previousMeetingId: input.previousMeeting.id } : {}),
    on,
    ...(since ? { since } : {}),
    items,
    groups,
    totals: totalsOf(items),
  };
}

function totalsOf(items: readonly ReportItem[]): ReportTotals {
  const byState = Object.fromEntries(REPORT_GROUPS.map((s) => [s, 0])) as Record<ReportGroupState, number>;
  for (const i of items) byState[i.state]++;
  const count = (f: (i: ReportItem) => boolean) => items.filter(f).length;
  const total = items.length;
  return {
    total,
    byState,
    open: total - byState.verified,
    overdue: count((i) => i.overdue),
    extended: count((i) => i.extension?.state === 'approved'),
    extensionPending: count((i) => i.extension?.state === 'pending'),
    cannotComplete: count((i) => !!i.cannotComplete),
    escalated: count((i) => !!i.cannotComplete?.escalated),
    verifiedPercent: total === 0 ? 0 : Math.round((byState.verified / total) * 1000) / 10,
  };
}

/** 25 → “25%”, 41.7 → “41.7%”. */
export function percentText(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/**
 * The figures in words: “共12项，其中已核验办结3项（占25%），已办结待核验2项，办理中4项，未启动3项；
 * 逾期未办结2项，已延期1项”. States with no item are left out (已核验办结 always shows, with its share);
 * side flags only when there are some. No items: “无需通报的议定事项”.
 */
export function reportTotalsText(t: ReportTotals): string {
  if (t.total === 0) return '无需通报的议定事项';
  const states = [
    `已核验办结${t.byState.verified}项（占${percentText(t.verifiedPercent)}）`,
    ...(['done_pending_verification', 'in_progress', 'not_started'] as const)
      .filter((s) => t.byState[s] > 0)
      .map((s) => `${RESOLUTION_STATE_LABELS[s]}${t.byState[s]}项`),
  ];
  const flags = [
    t.overdue > 0 ? `逾期未办结${t.overdue}项` : '',
    t.extended > 0 ? `已延期${t.extended}项` : '',
    t.extensionPending > 0 ? `申请延期待审批${t.extensionPending}项` : '',
    t.cannotComplete > 0
      ? `不能办结${t.cannotComplete}项${t.escalated > 0 ? `（已提交党政联席会议${t.escalated}项）` : ''}`
      : '',
  ].filter(Boolean);
  return `共${t.total}项，其中${states.join('，')}${flags.length > 0 ? `；${flags.join('，')}` : ''}`;
}
