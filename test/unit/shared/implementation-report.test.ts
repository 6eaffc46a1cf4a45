import { describe, expect, it } from 'vitest';
import {
  isOverdueOn,
  percentText,
  reportTotalsText,
  selectReportItems,
  type ReportInput,
} from '../../../shared/domain/implementation-report';
import type { Minutes, Resolution, TaskEvent } from '../../../shared/domain';

/** Meeting N-1 on 2026-03-06, meeting N on 2026-06-10; the N-1 minutes (第3期) issued 2026-03-09. */
const prev = { id: 'm-prev', startsAt: '2026-03-06T09:00' };
const meeting = { id: 'm-now', startsAt: '2026-06-10T09:00' };
const older = { id: 'm-old', startsAt: '2025-12-05T09:00' };

type MinutesRow = ReportInput['minutes'][number];
const minutes: MinutesRow[] = [
  { id: 'n-old', meetingId: older.id, state: 'issued', issuedOn: '2025-12-10', issueYear: 2025, issueNumber: 4 },
  { id: 'n-prev', meetingId: prev.id, state: 'issued', issuedOn: '2026-03-09', issueYear: 2026, issueNumber: 1 },
  { id: 'n-now', meetingId: meeting.id, state: 'issued', issuedOn: '2026-06-12', issueYear: 2026, issueNumber: 2 },
];

function res(id: string, o: Partial<Resolution> = {}): Resolution {
  return {
    id,
    createdAt: '2026-03-06T02:00:00.000Z',
    updatedAt: '2026-03-09T02:00:00.000Z',
    meetingId: prev.id,
    minutesId: 'n-prev',
    content: `议定事项${id}`,
    leadUnitId: 'zf',
    coUnitIds: ['sj'],
    deadline: '2026-04-30',
    state: 'not_started',
    issuedOn: '2026-03-09',
    ...o,
  };
}

let seq = 0;
function ev(resolutionId: string, kind: TaskEvent['kind'], on: string, o: Partial<TaskEvent> = {}): TaskEvent {
  seq++;
  return {
    id: `e${seq}`,
    resolutionId,
    kind,
    on,
    text: `${kind} ${on}`,
    createdAt: `${on}T0${seq % 10}:00:00.000Z`,
    ...o,
  };
}

function select(o: Partial<ReportInput>) {
  return selectReportItems({ meeting, previousMeeting: prev, resolutions: [], events: [], minutes, ...o });
}
const ids = (s: ReturnType<typeof select>) => s.items.map((i) => i.resolutionId).sort();

describe('落实情况通报 selection: which resolutions', () => {
  it('includes a resolution open at N-1 (an older meeting’s task still open), carried over', () => {
    const r = res('a', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'in_progress' });
    const s = select({ resolutions: [r] });
    expect(ids(s)).toEqual(['a']);
    expect(s.items[0]).toMatchObject({ carriedOver: true, changedSince: false, state: 'in_progress' });
  });

  it('includes resolutions issued after N-1 (its own minutes), open or already verified', () => {
    const open = res('b');
    const done = res('c', { state: 'verified' });
    const s = select({ resolutions: [open, done], events: [ev('c', 'verification', '2026-05-20')] });
    expect(ids(s)).toEqual(['b', 'c']);
    expect(s.items.every((i) => i.changedSince && !i.carriedOver)).toBe(true);
    expect(s.items.find((i) => i.resolutionId === 'c')!.closedOn).toBe('2026-05-20');
  });

  it('includes an older resolution verified since N-1 (changed since)', () => {
    const r = res('d', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' });
    const s = select({ resolutions: [r], events: [ev('d', 'verification', '2026-04-02', { approved: true })] });
    expect(ids(s)).toEqual(['d']);
    expect(s.items[0]).toMatchObject({ carriedOver: true, changedSince: true, closedOn: '2026-04-02' });
  });

  it('excludes a resolution verified before N-1, even with a later comment on it', () => {
    const r = res('e', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' });
    const events = [ev('e', 'verification', '2026-03-05'), ev('e', 'comment', '2026-04-01')];
    expect(ids(select({ resolutions: [r], events }))).toEqual([]);
  });

  it('includes a resolution verified exactly on N-1’s day (N-1’s report could not show it)', () => {
    const r = res('f', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' });
    const s = select({ resolutions: [r], events: [ev('f', 'verification', '2026-03-06')] });
    expect(ids(s)).toEqual(['f']);
    expect(s.items[0]!.closedOn).toBe('2026-03-06');
    // …and the day before is excluded: the boundary is N-1's calendar day.
    expect(ids(select({ resolutions: [r], events: [ev('f', 'verification', '2026-03-05')] }))).toEqual([]);
  });

  it('judges closure by the passing 核验; a failed one before N-1 does not close it', () => {
    const r = res('g', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' });
    const events = [ev('g', 'verification', '2026-02-01', { approved: false }), ev('g', 'verification', '2026-03-20')];
    const s = select({ resolutions: [r], events });
    expect(ids(s)).toEqual(['g']);
    expect(s.items[0]!.verification).toMatchObject({ on: '2026-03-20', passed: true });
  });

  it('without a 核验 event, a verified record’s closure day is its last change (Asia/Shanghai date)', () => {
    const base = { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' as const };
    // 2026-03-05T16:30Z is 2026-03-06 00:30 in Beijing: on N-1's day → included.
    expect(ids(select({ resolutions: [res('h', { ...base, updatedAt: '2026-03-05T16:30:00.000Z' })] }))).toEqual(['h']);
    expect(ids(select({ resolutions: [res('h', { ...base, updatedAt: '2026-03-05T15:30:00.000Z' })] }))).toEqual([]);
  });

  it('excludes resolutions of minutes never issued (draft records, or minutes without 印发)', () => {
    const draft = res('i', { state: 'draft', issuedOn: undefined });
    const unissuedMinutes: MinutesRow = { id: 'n-x', meetingId: 'm-x', state: 'review' };
    const orphan = res('j', { meetingId: 'm-x', minutesId: 'n-x', issuedOn: '2026-03-09' });
    expect(ids(select({ resolutions: [draft, orphan], minutes: [...minutes, unissuedMinutes] }))).toEqual([]);
  });

  it('keeps tasks of issued minutes under correction (state back to draft, issuedOn kept)', () => {
    const correcting: MinutesRow = { ...minutes[1]!, state: 'draft' };
    const s = select({ resolutions: [res('k')], minutes: [minutes[0]!, correcting, minutes[2]!] });
    expect(ids(s)).toEqual(['k']);
  });

  it('uses only the minutes’ header: id, meeting, issue date and 第×期 give the same selection without state', () => {
    const unissued: MinutesRow = { id: 'n-x', meetingId: 'm-x', state: 'review' };
    const correcting: MinutesRow = { ...minutes[1]!, state: 'draft' };
    const rows = [minutes[0]!, correcting, minutes[2]!, unissued];
    const headers = rows.map(({ state: _state, ...header }) => header);
    const resolutions = [
      res('k'),
      res('l', { minutesId: undefined }),
      res('j', { meetingId: 'm-x', minutesId: 'n-x', issuedOn: '2026-03-09' }),
      res('o', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'in_progress' }),
    ];
    const whole = select({ resolutions, minutes: rows });
    expect(ids(whole)).toEqual(['k', 'l', 'o']);
    expect(select({ resolutions, minutes: headers })).toEqual(whole);
  });

  it('finds the minutes by meeting when the record has no minutesId; migrated tasks without minutes count', () => {
    const byMeeting = res('l', { minutesId: undefined });
    const migrated = res('m', { meetingId: 'm-legacy', minutesId: undefined, issuedOn: '2025-09-01' });
    const s = select({ resolutions: [byMeeting, migrated] });
    expect(ids(s)).toEqual(['l', 'm']);
    expect(s.items.find((i) => i.resolutionId === 'l')!.source).toMatchObject({ minutesId: 'n-prev', issueNumber: 1 });
  });

  it('leaves out meeting N’s own resolutions and anything issued after meeting N’s day', () => {
    const own = res('n', { meetingId: meeting.id, minutesId: 'n-now', issuedOn: '2026-06-12' });
    const later = res('o', { meetingId: 'm-later', minutesId: undefined, issuedOn: '2026-06-11' });
    const sameDay = res('p', { meetingId: 'm-special', minutesId: undefined, issuedOn: '2026-06-10' });
    expect(ids(select({ resolutions: [own, later, sameDay] }))).toEqual(['p']);
  });

  it('first meeting ever (no N-1): every issued resolution before N, verified ones too', () => {
    const rs = [
      res('q', { state: 'verified' }),
      res('r', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'verified' }),
      res('s', { state: 'in_progress' }),
      res('t', { state: 'draft', issuedOn: undefined }),
    ];
    const s = selectReportItems({ meeting, resolutions: rs, events: [], minutes });
    expect(s.items.map((i) => i.resolutionId).sort()).toEqual(['q', 'r', 's']);
    expect(s.since).toBeUndefined();
    expect(s.items.every((i) => !i.carriedOver && !i.changedSince)).toBe(true);
  });

  it('counts any event on or after N-1’s day as a change (progress, reminder…)', () => {
    const r = res('u', { meetingId: older.id, minutesId: 'n-old', issuedOn: '2025-12-10', state: 'in_progress' });
    const s = select({ resolutions: [r], events: [ev('u', 'reminder', '2026-03-06')] });
    expect(s.items[0]).toMatchObject({ carriedOver: true, changedSince: true });
    const before = select({ resolutions: [r], events: [ev('u', 'reminder', '2026-03-05')] });
    expect(before.items[0]!.changedSince).toBe(false);
  });
});

describe('落实情况通报 selection: what each item says', () => {
  it('derives 逾期 on the meeting day: due the day before is overdue, due that day is not', () => {
    const rs = [
      res('a', { deadline: '2026-06-09', state: 'in_progress' }),
      res('b', { deadline: '2026-06-10', state: 'not_started' }),
      res('c', { deadline: '2026-05-01', state: 'done_pending_verification' }),
      res('d', { deadline: '2026-05-01', state: 'verified' }),
    ];
    const s = select({ resolutions: rs, events: [ev('d', 'verification', '2026-05-02')] });
    const by = (id: string) => s.items.find((i) => i.resolutionId === id)!;
    expect(by('a')).toMatchObject({ overdue: true, overdueDays: 1 });
    expect(by('b')).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(by('c').overdue).toBe(false); // completion claimed: awaits 核验, not late work
    expect(by('d').overdue).toBe(false);
    expect(s.totals.overdue).toBe(1);
    // Judged on another day when asked (the freeze of a meeting marked held ahead of its day).
    expect(select({ resolutions: rs, on: '2026-06-01' }).totals.overdue).toBe(0);
    expect(isOverdueOn({ state: 'in_progress', deadline: undefined }, '2026-06-10')).toBe(false);
  });

  it('gives the latest progress (or 办结报告), the latest 核验 finding and the units', () => {
    const r = res('a', { state: 'in_progress', coUnitIds: ['sj', 'pcs'] });
    const events = [
      ev('a', 'progress', '2026-04-01', { text: '已完成摸排', unitId: 'zf', percent: 40 }),
      ev('a', 'progress', '2026-05-01', { text: '已整改12户', unitId: 'zf', percent: 80 }),
      ev('a', 'reminder', '2026-05-10'),
      ev('a', 'completion', '2026-05-15', { text: '已全部整改', unitId: 'zf' }),
      ev('a', 'verification', '2026-05-20', { approved: false, text: '尚有3户未整改', personName: '司法所 刘' }),
    ];
    const item = select({ resolutions: [r], events }).items[0]!;
    expect(item).toMatchObject({
      content: '议定事项a',
      leadUnitId: 'zf',
      coUnitIds: ['sj', 'pcs'],
      deadline: '2026-04-30',
      latestProgress: { on: '2026-05-15', text: '已全部整改', kind: 'completion', unitId: 'zf' },
      verification: { on: '2026-05-20', text: '尚有3户未整改', passed: false, personName: '司法所 刘' },
    });
    expect(item.closedOn).toBeUndefined();
  });

  it('orders same-day events by their creation time', () => {
    const r = res('a', { state: 'in_progress' });
    const events = [
      ev('a', 'progress', '2026-05-01', { text: '后', createdAt: '2026-05-01T09:00:00.000Z' }),
      ev('a', 'progress', '2026-05-01', { text: '先', createdAt: '2026-05-01T08:00:00.000Z' }),
    ];
    expect(select({ resolutions: [r], events }).items[0]!.latestProgress!.text).toBe('后');
  });

  it('shows an approved extension with its new deadline and the original one', () => {
    const fixed = res('a', {
      state: 'in_progress',
      deadlineRule: { kind: 'date', date: '2026-04-30' },
      deadline: '2026-05-29',
      extension: {
        state: 'approved',
        requestedOn: '2026-04-25',
        proposedDeadline: '2026-05-29',
        reason: '需补充调查',
        decidedOn: '2026-04-27',
      },
    });
    // A working-day rule: the original is recomputed from the issue date (10 working days after 3月9日).
    const days = res('b', {
      state: 'in_progress',
      deadlineRule: { kind: 'working_days', days: 10 },
      deadline: '2026-04-30',
      extension: { state: 'approved', requestedOn: '2026-03-20', proposedDeadline: '2026-04-30', reason: '延期' },
    });
    // A 纪要更正 moved the deadline before the extension: that corrected date is the original.
    const corrected = res('c', {
      state: 'in_progress',
      deadlineRule: { kind: 'date', date: '2026-04-15' },
      deadline: '2026-06-30',
      extension: { state: 'approved', requestedOn: '2026-05-01', proposedDeadline: '2026-06-30', reason: '延期' },
    });
    const events = [
      ev('c', 'deadline_change', '2026-03-20', { newDeadline: '2026-05-15' }),
      ev('c', 'extension', '2026-05-01', { approved: true, newDeadline: '2026-06-30' }),
      ev('c', 'deadline_change', '2026-05-02', { newDeadline: '2026-06-30' }),
    ];
    const s = select({ resolutions: [fixed, days, corrected], events });
    const by = (id: string) => s.items.find((i) => i.resolutionId === id)!;
    expect(by('a')).toMatchObject({
      deadline: '2026-05-29',
      originalDeadline: '2026-04-30',
      extension: { state: 'approved', proposedDeadline: '2026-05-29', decidedOn: '2026-04-27' },
    });
    expect(by('b').originalDeadline).toBe('2026-03-23');
    expect(by('c').originalDeadline).toBe('2026-05-15');
    expect(s.totals.extended).toBe(3);
  });

  it('marks a pending extension (no original deadline: nothing moved yet) and a refused one', () => {
    const pending = res('a', {
      state: 'in_progress',
      extension: { state: 'pending', requestedOn: '2026-04-20', proposedDeadline: '2026-05-30', reason: '延期' },
    });
    const refused = res('b', {
      state: 'in_progress',
      deadlineRule: { kind: 'date', date: '2026-03-31' },
      deadline: '2026-04-30',
      extension: { state: 'refused', requestedOn: '2026-04-20', proposedDeadline: '2026-05-30', reason: '延期' },
    });
    const s = select({ resolutions: [pending, refused] });
    expect(s.items[0]!.extension).toMatchObject({ state: 'pending', proposedDeadline: '2026-05-30' });
    expect(s.items[0]!.originalDeadline).toBeUndefined();
    expect(s.items[1]!.originalDeadline).toBeUndefined();
    expect(s.totals).toMatchObject({ extensionPending: 1, extended: 0 });
  });

  it('carries cannot-complete and escalation, and the provisional mark', () => {
    const r = res('a', {
      state: 'in_progress',
      deadlineProvisional: true,
      cannotComplete: { reason: '涉及区级权限', on: '2026-04-10', escalated: true, escalatedOn: '2026-04-15' },
    });
    const s = select({ resolutions: [r] });
    expect(s.items[0]).toMatchObject({
      deadlineProvisional: true,
      cannotComplete: { reason: '涉及区级权限', escalated: true, escalatedOn: '2026-04-15' },
    });
    expect(s.totals).toMatchObject({ cannotComplete: 1, escalated: 1 });
  });
});

describe('落实情况通报 selection: groups and totals', () => {
  const rs = [
    res('v1', { state: 'verified' }),
    res('p1', { state: 'done_pending_verification' }),
    res('i1', { state: 'in_progress', deadline: '2026-05-01' }),
    res('i2', { state: 'in_progress', issuedOn: '2025-12-10', meetingId: older.id, minutesId: 'n-old' }),
    res('n1', { state: 'not_started' }),
    res('v2', { state: 'verified' }),
  ];
  const s = select({
    resolutions: rs,
    events: [ev('v1', 'verification', '2026-04-01'), ev('v2', 'verification', '2026-04-02')],
  });

  it('groups by state in report order, with the labels of RESOLUTION_STATE_LABELS, older issues first', () => {
    expect(s.groups.map((g) => [g.label, g.items.map((i) => i.resolutionId)])).toEqual([
      ['未启动', ['n1']],
      ['办理中', ['i2', 'i1']],
      ['已办结待核验', ['p1']],
      ['已核验办结', ['v1', 'v2']],
    ]);
    expect(s.items.map((i) => i.resolutionId)).toEqual(['n1', 'i2', 'i1', 'p1', 'v1', 'v2']);
    expect(s.items[0]!.stateLabel).toBe('未启动');
  });

  it('counts per state and flag, and says it in words', () => {
    expect(s.totals).toMatchObject({
      total: 6,
      byState: { not_started: 1, in_progress: 2, done_pending_verification: 1, verified: 2 },
      open: 4,
      overdue: 3, // n1 and i2 (4月30日), i1 (5月1日)
      verifiedPercent: 33.3,
    });
    expect(reportTotalsText(s.totals)).toBe(
      '共6项，其中已核验办结2项（占33.3%），已办结待核验1项，办理中2项，未启动1项；逾期未办结3项',
    );
  });

  it('words: empty selection, zero states left out, every flag', () => {
    const empty = select({});
    expect(empty.groups.every((g) => g.items.length === 0)).toBe(true);
    expect(empty.totals.verifiedPercent).toBe(0);
    expect(reportTotalsText(empty.totals)).toBe('无需通报的议定事项');
    expect(
      reportTotalsText({
        total: 4,
        byState: { not_started: 0, in_progress: 4, done_pending_verification: 0, verified: 0 },
        open: 4,
        overdue: 0,
        extended: 1,
        extensionPending: 1,
        cannotComplete: 2,
        escalated: 1,
        verifiedPercent: 0,
      }),
    ).toBe(
      '共4项，其中已核验办结0项（占0%），办理中4项；已延期1项，申请延期待审批1项，不能办结2项（已提交党政联席会议1项）',
    );
    expect(percentText(25)).toBe('25%');
    expect(percentText(41.7)).toBe('41.7%');
  });

  // Speed at this scale is measured by npm run bench, not asserted here (no timing thresholds in tests).
  it('selects correctly at the ten-year scale (8,000 resolutions, 40,000 events)', () => {
    const many: Resolution[] = [];
    const evs: TaskEvent[] = [];
    for (let i = 0; i < 8000; i++) {
      const state = (['not_started', 'in_progress', 'done_pending_verification', 'verified'] as const)[i % 4];
      many.push(res(`r${i}`, { state, issuedOn: '2025-12-10', meetingId: older.id, minutesId: 'n-old' }));
      for (let k = 0; k < 5; k++)
        evs.push(
          ev(`r${i}`, k === 4 && state === 'verified' ? 'verification' : 'progress', `2026-0${1 + (k % 5)}-1${k}`),
        );
    }
    const big = select({ resolutions: many, events: evs });
    expect(big.totals.total).toBeGreaterThan(6000);
    const byState = Object.values(big.totals.byState).reduce((a, n) => a + n, 0);
    expect(byState).toBe(big.totals.total);
    expect(big.groups.reduce((a, g) => a + g.items.length, 0)).toBe(big.totals.total);
    expect(new Set(big.items.map((i) => i.resolutionId)).size).toBe(big.items.length);
  });
});

// Type check: the minutes rows the selection accepts are a subset of Minutes.
const _minutesRow: MinutesRow = {} as Minutes;
void _minutesRow;
