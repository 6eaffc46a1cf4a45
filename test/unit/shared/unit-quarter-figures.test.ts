import { describe, expect, it } from 'vitest';
import {
  RATING_THRESHOLDS,
  parseQuarterKey,
  quarterKey,
  quarterOf,
  rateFigures,
  taskFacts,
  taskOutcome,
  totalFigures,
  unitQuarterFigures,
  type ResolutionState,
  type TaskEvent,
  type TaskFacts,
} from '../../../shared/domain';

type Ev = Pick<TaskEvent, 'kind' | 'on' | 'approved' | 'createdAt'>;
const ev = (kind: TaskEvent['kind'], on: string, approved?: boolean): Ev => ({
  kind,
  on,
  createdAt: `${on}T02:00:00.000Z`,
  ...(approved !== undefined ? { approved } : {}),
});
const task = (id: string, state: ResolutionState, deadline: string | undefined, events: Ev[] = [], unit = 'u1') =>
  taskFacts({ id, leadUnitId: unit, state, ...(deadline ? { deadline } : {}) }, events);

// 2026-03-31 is a Tuesday, the last day of the first quarter; 2026-04-01 the next working day.
const Q1 = quarterOf('2026-03-31');
const Q2 = quarterOf('2026-04-01');

describe('taskFacts', () => {
  it('takes the latest 办结报告 as the completion date, counts approved extensions and failed verifications', () => {
    const f = task('a', 'verified', '2026-03-31', [
      ev('completion', '2026-03-20'),
      ev('verification', '2026-03-23', false),
      ev('extension', '2026-03-24'), // a request: not an extension yet
      ev('deadline_change', '2026-03-25', true),
      ev('extension', '2026-03-26', false), // a refusal
      ev('completion', '2026-03-30'),
      ev('verification', '2026-04-02', true),
    ]);
    expect(f).toEqual({
      id: 'a',
      leadUnitId: 'u1',
      state: 'verified',
      deadline: '2026-03-31',
      completedOn: '2026-03-30',
      extensions: 1,
      returns: 1,
    });
  });

  it('has no completion date while the task is being worked on again after a return', () => {
    const f = task('a', 'in_progress', '2026-03-31', [
      ev('completion', '2026-03-20'),
      ev('verification', '2026-03-23', false),
    ]);
    expect(f.completedOn).toBeUndefined();
    expect(f.returns).toBe(1);
  });

  it('takes the latest progress report for tasks reported done without a 办结报告 (older records)', () => {
    const f = task('a', 'verified', '2026-03-31', [ev('progress', '2026-03-01'), ev('progress', '2026-04-02')]);
    expect(f.completedOn).toBe('2026-04-02');
    expect(taskOutcome(f, '2026-05-01')).toBe('late');
  });

  it('counts an extension event marked approved (older records) like a deadline change', () => {
    expect(task('a', 'in_progress', '2026-03-31', [ev('extension', '2026-03-01', true)]).extensions).toBe(1);
  });
});

describe('taskOutcome at the deadline boundary', () => {
  it('completion on the deadline day is on time; on the next working day it is late', () => {
    expect(
      taskOutcome(task('a', 'done_pending_verification', '2026-03-31', [ev('completion', '2026-03-31')]), '2026-04-10'),
    ).toBe('onTime');
    expect(
      taskOutcome(task('a', 'done_pending_verification', '2026-03-31', [ev('completion', '2026-04-01')]), '2026-04-10'),
    ).toBe('late');
  });

  it('an open task is not yet overdue on its deadline day, overdue the day after', () => {
    expect(taskOutcome(task('a', 'in_progress', '2026-03-31'), '2026-03-31')).toBe('pending');
    expect(taskOutcome(task('a', 'not_started', '2026-03-31'), '2026-04-01')).toBe('overdue');
  });

  it('drafts and tasks without a deadline have no outcome', () => {
    expect(taskOutcome(task('a', 'draft', '2026-03-31'), '2026-04-01')).toBeUndefined();
    expect(taskOutcome(task('a', 'in_progress', undefined), '2026-04-01')).toBeUndefined();
  });
});

describe('unitQuarterFigures at the quarter boundary', () => {
  const today = '2026-04-10';
  const facts: TaskFacts[] = [
    // Due on the last day of Q1, done that day: Q1, on time.
    task('t1', 'verified', '2026-03-31', [ev('completion', '2026-03-31'), ev('verification', '2026-04-02', true)]),
    // Due on the last day of Q1, done the next working day: Q1, late (not Q2).
    task('t2', 'done_pending_verification', '2026-03-31', [ev('completion', '2026-04-01')]),
    // Due on the first day of Q2: not in Q1.
    task('t3', 'in_progress', '2026-04-01'),
    // Was due 2026-03-20; extended across the quarter to 2026-04-15: Q2 (pending, extended), not Q1.
    task('t4', 'in_progress', '2026-04-15', [ev('extension', '2026-03-18'), ev('deadline_change', '2026-03-19', true)]),
    // Reported done, returned, still open past its Q1 deadline: Q1 overdue and returned.
    task('t5', 'in_progress', '2026-03-16', [ev('completion', '2026-03-10'), ev('verification', '2026-03-12', false)]),
    // Another unit, first day of Q1, not started: overdue.
    task('t6', 'not_started', '2026-01-01', [], 'u2'),
    // A draft is never counted.
    task('t7', 'draft', '2026-02-01'),
  ];

  it('puts each task in the quarter of its current deadline, by lead unit, with the ids behind each figure', () => {
    const q1 = unitQuarterFigures(facts, Q1, today, ['u2', 'u1']);
    expect(q1.map((r) => r.unitId)).toEqual(['u2', 'u1']);
    const u1 = q1[1]!;
    expect(u1.ids).toEqual({
      due: ['t5', 't1', 't2'],
      onTime: ['t1'],
      late: ['t2'],
      overdue: ['t5'],
      pending: [],
      extended: [],
      returned: ['t5'],
    });
    expect(u1.onTimeRate).toBeCloseTo(1 / 3);
    expect(u1.rating).toBe('red');
    expect(q1[0]!.ids.overdue).toEqual(['t6']);
    expect(q1[0]!.rating).toBe('red');

    const q2 = unitQuarterFigures(facts, Q2, today);
    expect(q2).toHaveLength(1);
    expect(q2[0]!.ids).toMatchObject({ due: ['t3', 't4'], overdue: ['t3'], pending: ['t4'], extended: ['t4'] });
    expect(q2[0]!.rating).toBe('red');
    // Before the first day of Q2 has passed nothing is settled: no colour yet.
    expect(unitQuarterFigures(facts, Q2, '2026-04-01')[0]).toMatchObject({ rating: 'none' });
  });

  it('the total adds every unit', () => {
    const total = totalFigures(unitQuarterFigures(facts, Q1, today));
    expect(total.counts).toEqual({ due: 4, onTime: 1, late: 1, overdue: 2, pending: 0, extended: 0, returned: 1 });
    expect(total.rating).toBe('red');
  });

  it('the same task moves to the next quarter once the extension is approved', () => {
    const before = task('x', 'in_progress', '2026-03-31', [ev('extension', '2026-03-25')]);
    const after = task('x', 'in_progress', '2026-04-30', [
      ev('extension', '2026-03-25'),
      ev('deadline_change', '2026-03-27', true),
    ]);
    expect(unitQuarterFigures([before], Q1, '2026-03-28')[0]!.ids.due).toEqual(['x']);
    expect(unitQuarterFigures([after], Q1, '2026-03-28')).toEqual([]);
    expect(unitQuarterFigures([after], Q2, '2026-03-28')[0]!.ids.extended).toEqual(['x']);
  });
});

describe('rateFigures (thresholds defined once)', () => {
  const { greenFrom, amberFrom } = RATING_THRESHOLDS;
  it('green at the green threshold with nothing overdue or returned, amber just below, red below amber', () => {
    expect(greenFrom).toBe(0.9);
    expect(amberFrom).toBe(0.7);
    expect(rateFigures({ onTime: 9, late: 1, overdue: 0, returned: 0 }).rating).toBe('green');
    expect(rateFigures({ onTime: 8, late: 1, overdue: 0, returned: 0 }).rating).toBe('amber'); // 0.889
    expect(rateFigures({ onTime: 7, late: 3, overdue: 0, returned: 0 }).rating).toBe('amber'); // 0.7
    expect(rateFigures({ onTime: 6, late: 3, overdue: 0, returned: 0 }).rating).toBe('red'); // 0.667
  });
  it('any overdue task or returned report keeps a unit out of green', () => {
    expect(rateFigures({ onTime: 19, late: 0, overdue: 1, returned: 0 }).rating).toBe('amber');
    expect(rateFigures({ onTime: 10, late: 0, overdue: 0, returned: 1 }).rating).toBe('amber');
  });
  it('nothing settled: no colour, unless a report was returned', () => {
    expect(rateFigures({ onTime: 0, late: 0, overdue: 0, returned: 0 })).toEqual({ rating: 'none' });
    expect(rateFigures({ onTime: 0, late: 0, overdue: 0, returned: 1 }).rating).toBe('amber');
  });
});

describe('quarter keys', () => {
  it('round-trips and refuses anything else', () => {
    expect(quarterKey(Q1)).toBe('2026Q1');
    expect(parseQuarterKey('2026Q4')).toEqual(quarterOf('2026-12-31'));
    expect(parseQuarterKey('2026Q5')).toBeUndefined();
    expect(parseQuarterKey('x')).toBeUndefined();
    expect(parseQuarterKey(null)).toBeUndefined();
  });
});
