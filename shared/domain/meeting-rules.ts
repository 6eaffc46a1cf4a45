import { DomainError } from './errors';
import { daysBetween } from './dates';
import { formatChineseDate } from './format';
import { MINUTES_DRIVEN_MEETING_STATES, isAttendanceEditable, isHeldOrLater } from './state-sets';
import type { Meeting, MeetingKind, MeetingState } from './meeting';
import { MINUTES_STATES, type MinutesState } from './minutes';

/**
 * The transitions made by hand: 筹备 → 已通知 → 已召开, 已通知 back to 筹备, and 已取消 (with a reason) before
 * 已召开. The states after 已召开 (纪要起草 → 已签发 → 已印发) follow the meeting's minutes
 * ({@link withMinutesState}) and are never set by hand: one lifecycle, not two kept in step.
 */
const NEXT: Record<MeetingState, readonly MeetingState[]> = {
  planning: ['notified', 'cancelled'],
  notified: ['held', 'cancelled', 'planning'],
  held: [],
  drafting: [],
  signed: [],
  issued: [],
  cancelled: [],
};

/** Why 纪要起草 / 已签发 / 已印发 cannot be chosen by hand. */
export const MINUTES_DRIVEN_STATE_MESSAGE = '会议召开后的状态由会议纪要决定，请在会议纪要中送审、签发、印发';

export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  planning: '筹备',
  notified: '已通知',
  held: '已召开',
  drafting: '纪要起草',
  signed: '已签发',
  issued: '已印发',
  cancelled: '已取消',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: '定期联席会议',
  special: '专题会议',
  consultation: '联动会商会议',
};

/** States a meeting may be moved to by hand from its current one (the UI offers only these). */
export function allowedMeetingTransitions(state: MeetingState): readonly MeetingState[] {
  return NEXT[state];
}

/**
 * Move a meeting to `to` by hand, or throw DomainError('invalid-transition'). Cancelling needs a reason.
 * Moves to or from a minutes-driven state are refused with {@link MINUTES_DRIVEN_STATE_MESSAGE}.
 */
export function transitionMeeting(m: Meeting, to: MeetingState, o: { reason?: string } = {}): Meeting {
  if (MINUTES_DRIVEN_MEETING_STATES.includes(to) || MINUTES_DRIVEN_MEETING_STATES.includes(m.state)) {
    throw new DomainError('invalid-transition', MINUTES_DRIVEN_STATE_MESSAGE);
  }
  if (!NEXT[m.state].includes(to)) {
    throw new DomainError(
      'invalid-transition',
      `会议处于“${MEETING_STATE_LABELS[m.state]}”状态，不能改为“${MEETING_STATE_LABELS[to]}”`,
    );
  }
  if (to === 'cancelled') {
    const reason = o.reason?.trim();
    if (!reason) throw new DomainError('validation', '请填写取消原因');
    return { ...m, state: to, cancelReason: reason };
  }
  return { ...m, state: to };
}

const FOR_MINUTES: Record<MinutesState, MeetingState> = {
  draft: 'drafting',
  review: 'drafting',
  signed: 'signed',
  issued: 'issued',
};

/** The meeting state that follows from its minutes' state: 起草/送审 → 纪要起草, 签发 → 已签发, 印发 → 已印发. */
export function meetingStateForMinutes(minutesState: MinutesState): MeetingState {
  if (!MINUTES_STATES.includes(minutesState)) {
    throw new DomainError('validation', `未知的会议纪要状态：${String(minutesState)}`);
  }
  return FOR_MINUTES[minutesState];
}

/**
 * The meeting with the state its minutes now dictate (pure; the minutes repository writes it in the same
 * transaction as the minutes). Refused unless the meeting has been held (已召开 or later): a meeting not
 * yet held, or cancelled, has no minutes.
 */
export function withMinutesState(m: Meeting, minutesState: MinutesState): Meeting {
  if (m.state === 'cancelled') throw new DomainError('invalid-transition', '会议已取消，没有会议纪要');
  if (!isHeldOrLater(m)) {
    throw new DomainError(
      'invalid-transition',
      `会议处于“${MEETING_STATE_LABELS[m.state]}”状态，尚未召开，请先将会议标记为已召开再起草会议纪要`,
    );
  }
  const state = meetingStateForMinutes(minutesState);
  return state === m.state ? m : { ...m, state };
}

/**
 * The next 第N次 for a new meeting: numbered per year and kind, counting every meeting of that year and
 * kind that exists (cancelled ones keep their number so printed notices stay valid).
 */
export function nextMeetingSequence(
  existing: readonly Pick<Meeting, 'year' | 'kind' | 'sequence'>[],
  year: number,
  kind: MeetingKind,
): number {
  let max = 0;
  for (const m of existing) if (m.year === year && m.kind === kind && m.sequence > max) max = m.sequence;
  return max + 1;
}

export interface Quarter {
  year: number;
  /** 1–4 */
  quarter: number;
  start: string;
  end: string;
}

/** The quarter containing `date` (YYYY-MM-DD). */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year, quarter, start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The quarter before `q`. */
export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? quarterOf(`${q.year - 1}-10-01`)
    : quarterOf(`${q.year}-${String((q.quarter - 2) * 3 + 1).padStart(2, '0')}-01`);
}

export interface QuarterCompliance {
  quarter: Quarter;
  /** Regular meetings held (state held or later) in the quarter. */
  held: number;
  required: number;
  met: boolean;
  /** Days left in the quarter counting today (0 for past quarters). */
  daysLeft: number;
  /** The current quarter with ≤ 15 days left and not met. */
  warn: boolean;
  /** A past quarter that ended without the required meetings. */
  missed: boolean;
}

/** The seeds require at least one regular meeting a quarter; warn when ≤ `warnDays` days remain with none held. */
export function quarterCompliance(
  meetings: readonly Pick<Meeting, 'kind' | 'state' | 'startsAt'>[],
  today: string,
  o: { quarters?: number; required?: number; warnDays?: number } = {},
): QuarterCompliance[] {
  const required = o.required ?? 1;
  const warnDays = o.warnDays ?? 15;
  const out: QuarterCompliance[] = [];
  let q = quarterOf(today);
  for (let i = 0; i < (o.quarters ?? 4); i++) {
    const held = meetings.filter(
      (m) =>
        m.kind === 'regular' &&
        isHeldOrLater(m) &&
        m.startsAt.slice(0, 10) >= q.start &&
        m.startsAt.slice(0, 10) <= q.end,
    ).length;
    const current = i === 0;
    const daysLeft = current ? daysBetween(today, q.end) + 1 : 0;
    const met = held >= required;
    out.push({
      quarter: q,
      held,
      required,
      met,
      daysLeft,
      warn: current && !met && daysLeft <= warnDays,
      missed: !current && !met,
    });
    q = previousQuarter(q);
  }
  return out;
}

/** Days before the meeting day on which sign-in already opens (0 = the meeting day itself). */
export const DEFAULT_SIGN_IN_DAYS_BEFORE = 0;

/**
 * Whether sign-in (签到) is open for a meeting on `today`: from the meeting day (or `daysBefore` days
 * earlier) while its attendance may still change. Weeks ahead, attendance is marked in the list, not signed in.
 */
export function signInWindow(
  m: Pick<Meeting, 'state' | 'startsAt'>,
  today: string,
  daysBefore = DEFAULT_SIGN_IN_DAYS_BEFORE,
): { open: true } | { open: false; reason: string } {
  const day = m.startsAt.slice(0, 10);
  if (!isAttendanceEditable(m)) {
    return { open: false, reason: `会议处于“${MEETING_STATE_LABELS[m.state]}”状态，不能签到` };
  }
  if (daysBetween(today, day) > daysBefore) {
    return {
      open: false,
      reason: `签到在会议当天开放（会议日期：${formatChineseDate(day)}）；提前确认的出席情况请在名单中标记`,
    };
  }
  return { open: true };
}
