import type { MeetingKind, MeetingState, Person, Topic } from '../domain';
import { CONSULTATION_PLACES, MEETING_PLACES, type TopicSeed } from './catalog-matters';
import { type GenContext, scaled } from './context';
import { type DayNumber, firstOfMonth, monthOf, onOrAfterWorkDay, onOrBeforeWorkDay, yearOf } from './dates';

/** A topic placed on a meeting's agenda, with the catalog entry it was made from. */
export interface PlannedTopic {
  record: Topic;
  seed: TopicSeed;
  place: string;
}

/** A meeting before its records are written: timeline, state and the topics it takes up. */
export interface PlannedMeeting {
  id: string;
  kind: MeetingKind;
  day: DayNumber;
  hour: number;
  minute: number;
  state: MeetingState;
  year: number;
  sequence: number;
  place: string;
  chair: Person;
  /** Day the meeting record was created (planning started). */
  createdDay: DayNumber;
  /** Day the meeting reached its current state. */
  stateDay: DayNumber;
  topics: PlannedTopic[];
  /** Minutes: issue day (issued) or sign-off day (signed); a working day. */
  issuedOn?: DayNumber;
  cancelReasonIndex?: number;
}

/** Quarter start (1 Jan, 1 Apr, 1 Jul, 1 Oct) `back` quarters before the one containing `day`. */
export function quarterStart(day: DayNumber, back: number): DayNumber {
  const y = yearOf(day);
  const firstMonth = Math.floor((monthOf(day) - 1) / 3) * 3 + 1;
  return firstOfMonth(y, firstMonth - 3 * back);
}

/** Quarters of the meeting window before today's: 8 for the township, 4 a year for the district profile. */
export function windowQuarters(ctx: Pick<GenContext, 'district'>): number {
  return ctx.district ? 4 * ctx.district.years : 8;
}

/**
 * How many meetings of each kind: the township's grow with `scale`; the district holds one regular
 * meeting a quarter, two special and one consultation meeting a year (about 80 in ten years), and only
 * the newest few are still under way.
 */
function meetingCounts(ctx: GenContext) {
  const d = ctx.district;
  if (d) {
    return {
      quarters: windowQuarters(ctx),
      regularPerQuarter: 1,
      special: 2 * d.years,
      consultation: d.years,
      recent: 1,
      cancelled: Math.ceil(d.years / 2),
      future: 1,
      held: 1,
      drafting: 2,
      signed: 1,
    };
  }
  return {
    quarters: 8,
    regularPerQuarter: scaled(ctx, 1),
    special: scaled(ctx, 3),
    consultation: scaled(ctx, 2),
    recent: scaled(ctx, 1),
    cancelled: scaled(ctx, 1),
    future: scaled(ctx, 1),
    held: scaled(ctx, 1),
    drafting: scaled(ctx, 2),
    signed: scaled(ctx, 1),
  };
}

/**
 * Lays out two years of meetings before `today`: at least one regular meeting in each of the eight
 * previous quarters, special and consultation meetings in between (one of them a few days ago), one
 * cancelled meeting and the next meetings ahead. States follow the calendar: old meetings are issued,
 * the latest ones held or with minutes in progress, future ones notified or in planning.
 */
export function planMeetings(ctx: GenContext): PlannedMeeting[] {
  const { rng, today } = ctx;
  const lastPast = today - 1;
  const slots: { kind: MeetingKind; day: DayNumber; future?: 'notified' | 'planning'; cancelled?: boolean }[] = [];

  const n = meetingCounts(ctx);
  for (let back = n.quarters; back >= 1; back--) {
    const qs = quarterStart(today, back);
    for (let i = 0; i < n.regularPerQuarter; i++) {
      slots.push({ kind: 'regular', day: onOrBeforeWorkDay(qs + rng.int(20, 80)) });
    }
  }
  const randomPastDay = () => onOrBeforeWorkDay(rng.int(ctx.start + 10, lastPast - 10));
  for (let i = 0; i < n.special; i++) slots.push({ kind: 'special', day: randomPastDay() });
  for (let i = 0; i < n.consultation; i++) slots.push({ kind: 'consultation', day: randomPastDay() });
  // A consultation a few days ago, so the newest meeting is recent and still 'held'.
  for (let i = 0; i < n.recent; i++) {
    slots.push({ kind: 'consultation', day: onOrBeforeWorkDay(today - rng.int(3, 12)) });
  }
  for (let i = 0; i < n.cancelled; i++) slots.push({ kind: 'special', day: randomPastDay(), cancelled: true });
  for (let i = 0; i < n.future; i++) {
    slots.push({ kind: 'regular', day: onOrAfterWorkDay(today + rng.int(4, 9)), future: 'notified' });
    slots.push({ kind: 'special', day: onOrAfterWorkDay(today + rng.int(14, 28)), future: 'planning' });
  }

  const timed = slots.map((s) => ({ ...s, hour: rng.pick([9, 9, 15]), minute: rng.pick([0, 30]) }));
  timed.sort((a, b) => a.day - b.day || a.hour * 60 + a.minute - (b.hour * 60 + b.minute));

  // States of past meetings counted back from the newest: held, minutes drafting, signed, then issued.
  const past = timed.filter((s) => !s.future && !s.cancelled);
  const { held, drafting, signed } = n;
  const pastState = new Map<(typeof timed)[number], MeetingState>();
  past.forEach((s, i) => {
    const fromEnd = past.length - 1 - i;
    pastState.set(
      s,
      fromEnd < held
        ? 'held'
        : fromEnd < held + drafting
          ? 'drafting'
          : fromEnd < held + drafting + signed
            ? 'signed'
            : 'issued',
    );
  });

  const town = ctx.peopleByUnit.town;
  const chief = town.find((p) => p.role === 'chief_convener') ?? town[0];
  const conveners = town.filter((p) => p.role === 'convener');
  if (!chief || conveners.length === 0) throw new Error('demo catalog: no conveners');

  const seq = new Map<string, number>();
  let cancelled = 0;
  return timed.map((s) => {
    const year = yearOf(s.day);
    const key = `${year}:${s.kind}`;
    const sequence = (seq.get(key) ?? 0) + 1;
    seq.set(key, sequence);
    const state: MeetingState = s.cancelled ? 'cancelled' : (s.future ?? pastState.get(s) ?? 'issued');
    const createdDay = Math.min(s.day - rng.int(10, 20), lastPast - (state === 'planning' ? rng.int(0, 3) : 0));
    const planned: PlannedMeeting = {
      id: rng.uuid(),
      kind: s.kind,
      day: s.day,
      hour: s.hour,
      minute: s.minute,
      state,
      year,
      sequence,
      place: rng.pick(s.kind === 'consultation' ? CONSULTATION_PLACES : MEETING_PLACES),
      chair: s.kind === 'regular' ? chief : rng.pick(conveners),
      createdDay,
      stateDay: s.day,
      topics: [],
    };
    switch (state) {
      case 'issued': {
        // 印发 and 签发 happen on working days (the bundled holiday calendar), never before the meeting.
        const latest = Math.max(s.day, onOrBeforeWorkDay(lastPast));
        planned.issuedOn = Math.min(onOrAfterWorkDay(s.day + rng.int(5, 12)), latest);
        planned.stateDay = planned.issuedOn;
        break;
      }
      case 'signed': {
        const latest = Math.max(s.day, onOrBeforeWorkDay(lastPast));
        planned.issuedOn = Math.min(onOrAfterWorkDay(s.day + rng.int(3, 6)), latest);
        planned.stateDay = planned.issuedOn;
        break;
      }
      case 'drafting':
        planned.stateDay = Math.min(s.day + 1, lastPast);
        break;
      case 'notified':
        planned.stateDay = Math.min(createdDay + 2, lastPast);
        break;
      case 'planning':
        planned.stateDay = createdDay;
        break;
      case 'cancelled':
        planned.stateDay = Math.max(createdDay, s.day - rng.int(1, 3));
        planned.cancelReasonIndex = cancelled++;
        break;
      default:
        break;
    }
    return planned;
  });
}
