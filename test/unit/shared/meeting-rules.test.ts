import { describe, expect, it } from 'vitest';
import {
  signInWindow,
  allowedMeetingTransitions,
  DomainError,
  HELD_OR_LATER_MEETING_STATES,
  type Meeting,
  type MeetingState,
  MEETING_STATES,
  meetingStateForMinutes,
  MINUTES_DRIVEN_MEETING_STATES,
  MINUTES_DRIVEN_STATE_MESSAGE,
  MINUTES_STATES,
  type MinutesState,
  withMinutesState,
  nextMeetingSequence,
  quarterCompliance,
  quarterOf,
  transitionMeeting,
} from '../../../shared/domain';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  kind: 'regular',
  startsAt: '2026-03-06T09:00',
  place: '镇政府三楼会议室',
  year: 2026,
  sequence: 1,
  state: 'planning',
  ...over,
});

describe('meeting state machine', () => {
  // The hand-made transitions: every other (from, to) pair is refused, each cell of the table checked.
  const allowed: [MeetingState, MeetingState][] = [
    ['planning', 'notified'],
    ['planning', 'cancelled'],
    ['notified', 'held'],
    ['notified', 'planning'],
    ['notified', 'cancelled'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    const m = transitionMeeting(meeting({ state: from }), to, { reason: '因故推迟' });
    expect(m.state).toBe(to);
    expect(allowedMeetingTransitions(from)).toContain(to);
  });

  it('refuses every other transition, minutes-driven ones with the minutes message', () => {
    let refused = 0;
    for (const from of MEETING_STATES) {
      for (const to of MEETING_STATES) {
        if (allowed.some(([f, t]) => f === from && t === to)) continue;
        const attempt = () => transitionMeeting(meeting({ state: from }), to, { reason: 'x' });
        expect(attempt, `${from}→${to}`).toThrow(DomainError);
        if (MINUTES_DRIVEN_MEETING_STATES.includes(from) || MINUTES_DRIVEN_MEETING_STATES.includes(to)) {
          expect(attempt, `${from}→${to}`).toThrow(MINUTES_DRIVEN_STATE_MESSAGE);
        }
        expect(allowedMeetingTransitions(from), `${from}→${to}`).not.toContain(to);
        refused++;
      }
    }
    expect(refused).toBe(MEETING_STATES.length ** 2 - allowed.length);
    expect(MINUTES_DRIVEN_STATE_MESSAGE).toBe('会议召开后的状态由会议纪要决定，请在会议纪要中送审、签发、印发');
  });

  it('needs a reason to cancel and keeps it', () => {
    expect(() => transitionMeeting(meeting(), 'cancelled', { reason: ' ' })).toThrow('请填写取消原因');
    expect(transitionMeeting(meeting(), 'cancelled', { reason: '主要领导外出' }).cancelReason).toBe('主要领导外出');
  });

  it('offers no hand transition once held, and none from issued or cancelled', () => {
    for (const s of ['held', 'drafting', 'signed', 'issued', 'cancelled'] as const) {
      expect(allowedMeetingTransitions(s)).toEqual([]);
    }
  });
});

describe('meeting state from its minutes', () => {
  const table: [MinutesState, MeetingState][] = [
    ['draft', 'drafting'],
    ['review', 'drafting'],
    ['signed', 'signed'],
    ['issued', 'issued'],
  ];

  it('maps every minutes state', () => {
    expect(table.map(([s]) => s)).toEqual([...MINUTES_STATES]);
    for (const [minutes, state] of table) expect(meetingStateForMinutes(minutes)).toBe(state);
    expect(() => meetingStateForMinutes('lost' as MinutesState)).toThrow(DomainError);
  });

  it('follows the minutes from every held-or-later state, both ways (更正 after 印发 goes back to drafting)', () => {
    for (const from of HELD_OR_LATER_MEETING_STATES) {
      for (const [minutes, state] of table) {
        const m = meeting({ state: from });
        const next = withMinutesState(m, minutes);
        expect(next.state, `${from} + ${minutes}`).toBe(state);
        expect(next).toEqual({ ...m, state });
        if (state === from) expect(next).toBe(m);
      }
    }
  });

  it('refuses a meeting not yet held, or cancelled', () => {
    for (const from of MEETING_STATES) {
      if (HELD_OR_LATER_MEETING_STATES.includes(from)) continue;
      for (const minutes of MINUTES_STATES) {
        expect(() => withMinutesState(meeting({ state: from }), minutes), `${from} + ${minutes}`).toThrow(DomainError);
      }
    }
    expect(() => withMinutesState(meeting({ state: 'notified' }), 'draft')).toThrow(/尚未召开/);
    expect(() => withMinutesState(meeting({ state: 'cancelled' }), 'draft')).toThrow('会议已取消，没有会议纪要');
  });
});

describe('第N次 numbering per year and kind', () => {
  const existing = [
    { year: 2025, kind: 'regular' as const, sequence: 4 },
    { year: 2026, kind: 'regular' as const, sequence: 1 },
    { year: 2026, kind: 'regular' as const, sequence: 2 },
    { year: 2026, kind: 'special' as const, sequence: 1 },
  ];
  it('continues within the year and kind', () => {
    expect(nextMeetingSequence(existing, 2026, 'regular')).toBe(3);
    expect(nextMeetingSequence(existing, 2026, 'special')).toBe(2);
    expect(nextMeetingSequence(existing, 2026, 'consultation')).toBe(1);
  });
  it('restarts at 1 in a new year', () => {
    expect(nextMeetingSequence(existing, 2027, 'regular')).toBe(1);
  });
});

describe('quarterly compliance', () => {
  it('finds quarter bounds including leap years', () => {
    expect(quarterOf('2028-02-10')).toMatchObject({ quarter: 1, start: '2028-01-01', end: '2028-03-31' });
    expect(quarterOf('2026-12-31')).toMatchObject({ quarter: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(quarterOf('2026-07-01')).toMatchObject({ quarter: 3, start: '2026-07-01', end: '2026-09-30' });
  });

  const held = (startsAt: string, state: MeetingState = 'issued', kind: Meeting['kind'] = 'regular') => ({
    startsAt,
    state,
    kind,
  });

  it('warns at 15 days left and not at 16', () => {
    // Q4 2026 ends 2026-12-31: on 12-16 there are 16 days left (16th..31st), on 12-17 there are 15.
    expect(quarterCompliance([], '2026-12-16')[0]).toMatchObject({ daysLeft: 16, warn: false, met: false });
    expect(quarterCompliance([], '2026-12-17')[0]).toMatchObject({ daysLeft: 15, warn: true });
    expect(quarterCompliance([], '2026-12-31')[0]).toMatchObject({ daysLeft: 1, warn: true });
  });

  it('counts only held regular meetings inside the quarter', () => {
    const meetings = [
      held('2026-09-30T15:00'), // Q3, last day
      held('2026-10-01T09:00', 'planning'), // Q4 but not held
      held('2026-10-10T09:00', 'held', 'special'), // not regular
      held('2026-07-01T09:00', 'cancelled'),
    ];
    const [q4, q3, q2] = quarterCompliance(meetings, '2026-12-20');
    expect(q4).toMatchObject({ held: 0, warn: true, missed: false });
    expect(q3).toMatchObject({ held: 1, met: true, missed: false });
    expect(q2).toMatchObject({ held: 0, missed: true });
  });

  it('steps back across the year boundary', () => {
    const r = quarterCompliance([held('2025-11-05T09:00')], '2026-01-05');
    expect(r.map((c) => `${c.quarter.year}Q${c.quarter.quarter}`)).toEqual(['2026Q1', '2025Q4', '2025Q3', '2025Q2']);
    expect(r[1]).toMatchObject({ met: true });
  });
});

describe('signInWindow', () => {
  const m = { state: 'notified' as const, startsAt: '2027-01-20T09:00' };
  it('opens on the meeting day (or the configured days before), not weeks ahead', () => {
    expect(signInWindow(m, '2026-12-02')).toEqual({
      open: false,
      reason: '签到在会议当天开放（会议日期：2027年1月20日）；提前确认的出席情况请在名单中标记',
    });
    expect(signInWindow(m, '2027-01-19').open).toBe(false);
    expect(signInWindow(m, '2027-01-20').open).toBe(true);
    expect(signInWindow(m, '2027-01-22').open).toBe(true);
    expect(signInWindow(m, '2027-01-19', 1).open).toBe(true);
    expect(signInWindow({ ...m, state: 'cancelled' }, '2027-01-20')).toMatchObject({ open: false });
    expect(signInWindow({ ...m, state: 'issued' }, '2027-01-20')).toMatchObject({ open: false });
  });
});
