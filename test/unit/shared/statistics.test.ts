import { describe, expect, it } from 'vitest';
import {
  defaultStatisticsRange,
  disputeStatistics,
  meetingDay,
  meetingsPerQuarter,
  onTimeStatistics,
  quartersInRange,
  statisticsOf,
  topicOutcome,
  topicStatistics,
  type DisputeFacts,
  type MeetingKind,
  type MeetingState,
  type TaskFacts,
  type TopicFacts,
} from '../../../shared/domain';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('quartersInRange', () => {
  it('lists the quarters a range touches, boundaries included', () => {
    expect(quartersInRange(YEAR).map((q) => `${q.start}..${q.end}`)).toEqual([
      '2026-01-01..2026-03-31',
      '2026-04-01..2026-06-30',
      '2026-07-01..2026-09-30',
      '2026-10-01..2026-12-31',
    ]);
    expect(quartersInRange({ from: '2026-03-31', to: '2026-04-01' }).map((q) => q.quarter)).toEqual([1, 2]);
    expect(quartersInRange({ from: '2025-12-31', to: '2026-01-01' }).map((q) => `${q.year}Q${q.quarter}`)).toEqual([
      '2025Q4',
      '2026Q1',
    ]);
    expect(quartersInRange({ from: '2026-05-01', to: '2026-04-01' })).toEqual([]);
  });
});

describe('meetingDay (Asia/Shanghai)', () => {
  it('takes the Shanghai calendar date of offset timestamps, local times as they are', () => {
    expect(meetingDay('2026-03-31T15:30')).toBe('2026-03-31');
    // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai: the next quarter.
    expect(meetingDay('2026-03-31T17:00:00.000Z')).toBe('2026-04-01');
    expect(meetingDay('2026-04-01T07:00:00+08:00')).toBe('2026-04-01');
  });
});

describe('meetingsPerQuarter', () => {
  const today = '2026-08-15';
  const m = (startsAt: string, kind: MeetingKind = 'regular', state: MeetingState = 'issued') => ({
    startsAt,
    kind,
    state,
  });

  it('counts held meetings by kind in their Shanghai quarter and judges the at-least-once rule', () => {
    const rows = meetingsPerQuarter(
      [
        m('2026-03-31T09:00'), // Q1 on the last day
        m('2026-03-31T17:00:00.000Z'), // Q2 in Shanghai (01:00 on 1 April)
        m('2026-05-10T09:00', 'special'),
        m('2026-05-20T09:00', 'regular', 'cancelled'), // never counts
        m('2026-08-01T09:00', 'consultation', 'held'),
        m('2026-10-10T09:00', 'regular', 'planning'), // not held
      ],
      YEAR,
      today,
      1,
    );
    expect(rows.map((r) => [r.key, r.held.regular, r.held.special, r.held.consultation, r.status])).toEqual([
      ['2026Q1', 1, 0, 0, 'met'],
      ['2026Q2', 1, 1, 0, 'met'],
      ['2026Q3', 0, 0, 1, 'open'],
      ['2026Q4', 0, 0, 0, 'future'],
    ]);
    expect(rows.every((r) => !r.partial && r.required === 1)).toBe(true);
  });

  it('a past quarter short of the required number is missed; the rule profile sets the number', () => {
    const rows = meetingsPerQuarter([m('2026-02-01T09:00')], { from: '2026-01-01', to: '2026-06-30' }, today, 2);
    expect(rows.map((r) => [r.key, r.held.regular, r.status])).toEqual([
      ['2026Q1', 1, 'missed'],
      ['2026Q2', 0, 'missed'],
    ]);
  });

  it('a range that cuts a quarter counts only its part and marks it partial', () => {
    const rows = meetingsPerQuarter(
      [m('2026-02-01T09:00'), m('2026-03-20T09:00')],
      { from: '2026-03-01', to: '2026-04-15' },
      today,
    );
    expect(rows.map((r) => [r.key, r.held.regular, r.partial])).toEqual([
      ['2026Q1', 1, true],
      ['2026Q2', 0, true],
    ]);
  });

  it('gives empty quarters for no meetings', () => {
    expect(meetingsPerQuarter([], YEAR, today).map((r) => r.held.regular)).toEqual([0, 0, 0, 0]);
  });
});

describe('topicStatistics', () => {
  const t = (
    submittedOn: string,
    category: TopicFacts['category'],
    state: TopicFacts['state'],
    unit = 'u1',
  ): TopicFacts => ({
    submittedOn,
    category,
    state,
    submittingUnitId: unit,
  });
  const topics = [
    t('2025-12-31', 'other', 'resolved'), // before the range
    t('2026-01-01', 'case_transfer', 'resolved'),
    t('2026-03-31', 'case_transfer', 'scheduled', 'u2'),
    t('2026-06-01', 'law_application', 'converted', 'u2'),
    t('2026-12-31', 'other', 'submitted', 'u3'),
    t('2027-01-01', 'other', 'resolved'), // after
  ];

  it('counts by category, submitting unit (in the register order) and outcome within the range', () => {
    const s = topicStatistics(topics, YEAR, ['u3', 'u2', 'u1']);
    expect(s.total).toBe(4);
    expect(s.byCategory.find((c) => c.category === 'case_transfer')!.count).toBe(2);
    expect(s.byCategory.find((c) => c.category === 'other')!.count).toBe(1);
    expect(s.byCategory).toHaveLength(10);
    expect(s.byUnit).toEqual([
      { unitId: 'u3', count: 1 },
      { unitId: 'u2', count: 2 },
      { unitId: 'u1', count: 1 },
    ]);
    expect(Object.fromEntries(s.byOutcome.map((o) => [o.outcome, o.count]))).toMatchObject({
      resolved: 1,
      converted: 1,
      pending: 2,
      returned: 0,
    });
  });

  it('filters by submitting unit', () => {
    const s = topicStatistics(topics, { ...YEAR, unitId: 'u2' });
    expect(s.total).toBe(2);
    expect(s.byUnit).toEqual([{ unitId: 'u2', count: 2 }]);
  });

  it('outcomes: states without a result yet are pending', () => {
    expect(['submitted', 'accepted', 'scheduled', 'discussed'].map((s) => topicOutcome(s as never))).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(topicOutcome('escalated')).toBe('escalated');
  });

  it('empty data gives zeros, not missing rows', () => {
    const s = topicStatistics([], YEAR);
    expect(s.total).toBe(0);
    expect(s.byCategory.every((c) => c.count === 0)).toBe(true);
    expect(s.byUnit).toEqual([]);
  });
});

describe('disputeStatistics', () => {
  const d = (registeredOn: string, state: DisputeFacts['state'], extra: Partial<DisputeFacts> = {}): DisputeFacts => ({
    registeredOn,
    state,
    type: 'jurisdiction',
    partyUnitIds: ['u1', 'u2'],
    stateSince: registeredOn,
    ...extra,
  });
  const today = '2026-11-22';

  it('counts by type and state, open ones by age on today and closed ones by time to close', () => {
    const s = disputeStatistics(
      [
        d('2026-10-23', 'negotiating'), // 30 days: ≤ 30
        d('2026-10-22', 'registered', { type: 'transfer' }), // 31 days: ≤ 90
        d('2026-01-01', 'closed', { closedOn: '2026-01-31' }), // closed in 30 days
        d('2026-01-01', 'closed', { closedOn: '2026-12-01', partyUnitIds: ['u2', 'u3'] }), // 334 days
        d('2025-12-31', 'registered'), // outside
      ],
      YEAR,
      today,
    );
    expect(s.total).toBe(4);
    expect(Object.fromEntries(s.byType.map((x) => [x.type, x.count]))).toMatchObject({ jurisdiction: 3, transfer: 1 });
    expect(Object.fromEntries(s.byState.map((x) => [x.state, x.count]))).toMatchObject({
      negotiating: 1,
      registered: 1,
      closed: 2,
    });
    expect(s.byAge).toEqual([
      { key: 'upTo30', open: 1, closed: 1 },
      { key: 'upTo90', open: 1, closed: 0 },
      { key: 'upTo180', open: 0, closed: 0 },
      { key: 'over180', open: 0, closed: 1 },
    ]);
  });

  it('filters by party unit', () => {
    const s = disputeStatistics(
      [d('2026-02-01', 'registered'), d('2026-02-01', 'registered', { partyUnitIds: ['u2', 'u3'] })],
      { ...YEAR, unitId: 'u3' },
      today,
    );
    expect(s.total).toBe(1);
  });
});

describe('onTimeStatistics (the on-time rule of unit-quarter-figures.ts)', () => {
  const today = '2026-07-10';
  const f = (
    id: string,
    deadline: string,
    state: TaskFacts['state'],
    completedOn?: string,
    lead = 'u1',
  ): TaskFacts => ({
    id,
    leadUnitId: lead,
    state,
    deadline,
    ...(completedOn ? { completedOn } : {}),
    extensions: 0,
    returns: 0,
  });
  const facts = [
    f('a', '2026-03-31', 'verified', '2026-03-31'), // on the deadline day: on time, Q1
    f('b', '2026-03-31', 'done_pending_verification', '2026-04-01'), // a day late, Q1
    f('c', '2026-04-01', 'in_progress'), // overdue, Q2
    f('d', '2026-07-10', 'not_started', undefined, 'u2'), // due today: pending, Q3
    f('e', '2026-07-09', 'in_progress', undefined, 'u2'), // overdue, Q3
    f('x', '2026-05-01', 'draft'), // not a task yet
    f('y', '2025-12-31', 'in_progress'), // outside
  ];

  it('per quarter of the deadline and per lead unit, with the on-time rate', () => {
    const s = onTimeStatistics(facts, YEAR, today, ['u2', 'u1']);
    expect(s.total).toMatchObject({ due: 5, onTime: 1, late: 1, overdue: 2, pending: 1 });
    expect(s.total.onTimeRate).toBeCloseTo(1 / 4);
    expect(s.byQuarter.map((q) => [q.key, q.due, q.onTime, q.late, q.overdue, q.pending, q.onTimeRate])).toEqual([
      ['2026Q1', 2, 1, 1, 0, 0, 0.5],
      ['2026Q2', 1, 0, 0, 1, 0, 0],
      ['2026Q3', 2, 0, 0, 1, 1, 0],
      ['2026Q4', 0, 0, 0, 0, 0, undefined],
    ]);
    expect(s.byUnit.map((u) => [u.unitId, u.due, u.onTimeRate])).toEqual([
      ['u2', 2, 0],
      ['u1', 3, 1 / 3],
    ]);
  });

  it('filters by lead unit and by the deadline range', () => {
    const s = onTimeStatistics(facts, { from: '2026-04-01', to: '2026-12-31', unitId: 'u1' }, today);
    expect(s.total).toMatchObject({ due: 1, overdue: 1 });
    expect(s.byUnit.map((u) => u.unitId)).toEqual(['u1']);
  });
});

describe('statisticsOf', () => {
  it('is empty when the range holds nothing', () => {
    const s = statisticsOf(
      { meetings: [], topics: [], disputes: [], tasks: [], unitOrder: [], meetingsPerQuarter: 1 },
      YEAR,
      '2026-11-22',
    );
    expect(s.empty).toBe(true);
    expect(s.meetings).toHaveLength(4);
    expect(s.onTime.total.onTimeRate).toBeUndefined();
  });

  it('is not empty with one held meeting, and the default range is the current year', () => {
    const range = defaultStatisticsRange('2026-11-22');
    expect(range).toEqual(YEAR);
    const s = statisticsOf(
      {
        meetings: [{ kind: 'special', state: 'held', startsAt: '2026-06-01T09:00' }],
        topics: [],
        disputes: [],
        tasks: [],
        unitOrder: [],
        meetingsPerQuarter: 1,
      },
      range,
      '2026-11-22',
    );
    expect(s.empty).toBe(false);
  });
});
