import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STUCK_THRESHOLDS,
  agendaGaps,
  disputeReviewSummary,
  readinessChecklist,
  weekOf,
  type Dispute,
  type ReadinessInput,
} from '../../../shared/domain';

const next = { id: 'm2', state: 'notified' as const, startsAt: '2026-11-26T09:30' };
const last = { id: 'm1', state: 'issued' as const, startsAt: '2026-09-30T09:00' };
const agenda = [
  { kind: 'last_resolutions' as const, minutes: 15, presenterUnitId: 'u1' },
  { kind: 'topic' as const, minutes: 20, presenterUnitId: 'u2' },
];
const ready: ReadinessInput = {
  next,
  agenda,
  reportRequired: true,
  invited: 20,
  topicsAwaitingTriage: 0,
  last: { meeting: last, minutesState: 'issued' },
};
const status = (input: ReadinessInput) =>
  Object.fromEntries(readinessChecklist(input).items.map((i) => [i.key, i.status]));

describe('readinessChecklist', () => {
  it('everything done', () => {
    expect(readinessChecklist(ready)).toMatchObject({ todo: 0 });
    expect(status(ready)).toEqual({
      meeting: 'done',
      triage: 'done',
      agenda: 'done',
      notice: 'done',
      signIn: 'done',
      minutes: 'done',
    });
  });

  it('each item to do on its own', () => {
    expect(status({ ...ready, topicsAwaitingTriage: 3 }).triage).toBe('todo');
    expect(readinessChecklist({ ...ready, topicsAwaitingTriage: 3 }).items[1]).toMatchObject({ count: 3 });
    expect(status({ ...ready, next: { ...next, state: 'planning' } }).notice).toBe('todo');
    expect(status({ ...ready, invited: 0 }).signIn).toBe('todo');
    expect(status({ ...ready, agenda: [] }).agenda).toBe('todo');
    const unissued = readinessChecklist({ ...ready, last: { meeting: last, minutesState: 'review' } });
    expect(unissued.items.find((i) => i.key === 'minutes')).toEqual({
      key: 'minutes',
      status: 'todo',
      minutesState: 'review',
    });
    expect(status({ ...ready, last: { meeting: { ...last, state: 'held' } } }).minutes).toBe('todo');
  });

  it('without a meeting being prepared: schedule one; agenda, notice and sign-in do not apply', () => {
    const r = readinessChecklist({ ...ready, next: undefined, agenda: [], invited: 0 });
    expect(status({ ...ready, next: undefined })).toMatchObject({
      meeting: 'todo',
      agenda: 'na',
      notice: 'na',
      signIn: 'na',
    });
    expect(r.todo).toBe(1);
  });

  it('without an earlier meeting the minutes item does not apply', () => {
    expect(status({ ...ready, last: undefined }).minutes).toBe('na');
  });
});

describe('agendaGaps', () => {
  it('names what is missing', () => {
    expect(agendaGaps({ agenda: [], reportRequired: false })).toEqual(['noItems']);
    expect(agendaGaps({ agenda: [agenda[1]!], reportRequired: true })).toEqual(['noReport']);
    expect(agendaGaps({ agenda: [agenda[1]!], reportRequired: false })).toEqual([]);
    expect(agendaGaps({ agenda: [{ kind: 'topic', presenterUnitId: 'u' }], reportRequired: false })).toEqual([
      'noDuration',
    ]);
    expect(agendaGaps({ agenda: [{ kind: 'topic', minutes: 5 }], reportRequired: false })).toEqual(['noPresenter']);
  });
});

describe('weekOf', () => {
  it('Monday to Sunday, across a month and a year', () => {
    expect(weekOf('2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' }); // a Sunday
    expect(weekOf('2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // a Monday
    expect(weekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });
});

describe('disputeReviewSummary', () => {
  const d = (id: string, state: Dispute['state'], registeredOn: string, stateSince: string): Dispute =>
    ({ id, number: id, state, registeredOn, stateSince, rounds: [] }) as unknown as Dispute;
  it('counts open disputes by age bracket and state with the stuck ones, stuck first', () => {
    const today = '2026-11-22';
    const s = disputeReviewSummary(
      [
        d('A', 'registered', '2026-11-20', '2026-11-20'), // 2 days, not stuck
        d('B', 'registered', '2026-10-23', '2026-10-23'), // 30 days: ≤ 30 bracket, stuck (> 7)
        d('C', 'escalated', '2026-05-01', '2026-06-01'), // 205 days, 174 in state: stuck (> 60)
        d('D', 'closed', '2020-01-01', '2020-02-01'),
      ],
      today,
      DEFAULT_STUCK_THRESHOLDS,
    );
    expect(s.open).toBe(3);
    expect(s.stuck).toBe(2);
    expect(s.byAge).toEqual([
      { key: 'upTo30', count: 2, stuck: 1 },
      { key: 'upTo90', count: 0, stuck: 0 },
      { key: 'upTo180', count: 0, stuck: 0 },
      { key: 'over180', count: 1, stuck: 1 },
    ]);
    expect(s.byState).toEqual([
      { state: 'registered', count: 2, stuck: 1 },
      { state: 'escalated', count: 1, stuck: 1 },
    ]);
    expect(s.rows.map((r) => r.dispute.id)).toEqual(['C', 'B', 'A']);
  });
});
