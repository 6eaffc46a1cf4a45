import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CALENDAR,
  RESOLUTION_STATES,
  TASK_ACTIONS,
  allowedTaskActions,
  applyTaskAction,
  isEscalationEvent,
  resolutionSchema,
  taskEventSchema,
  taskWarning,
  warningBounds,
  warningLevelOf,
  type Resolution,
  type ResolutionState,
  type TaskAction,
  type TaskActionName,
} from '../../../shared/domain';

const T = '2026-11-22T02:00:00.000Z';
const base: Resolution = {
  id: 'r1',
  createdAt: T,
  updatedAt: T,
  meetingId: 'm1',
  minutesId: 'n1',
  content: '开展农贸市场周边占道经营集中整治',
  leadUnitId: 'u-lead',
  coUnitIds: ['u-co'],
  deadlineRule: { kind: 'working_days', days: 10 },
  deadline: '2026-12-04',
  state: 'not_started',
  issuedOn: '2026-11-20',
};
const ctx = { on: '2026-11-23', at: '2026-11-23T02:00:00.000Z', actorName: '李主任', calendar: BUNDLED_CALENDAR };

/** A valid input for every action (the table tests the states; the inputs are tested below). */
const INPUT: Record<TaskActionName, TaskAction> = {
  progress: { type: 'progress', text: '已召开专题部署会' },
  remind: { type: 'remind', text: '请于本周内报送进展' },
  comment: { type: 'comment', text: '请注意证据留存' },
  request_extension: { type: 'request_extension', proposedDeadline: '2026-12-18', reason: '涉及多个部门协调' },
  decide_extension: { type: 'decide_extension', approved: true },
  cannot_complete: { type: 'cannot_complete', reason: '职责不在本单位' },
  escalate: { type: 'escalate' },
  claim_done: { type: 'claim_done', text: '已完成整治，共清理摊点32处' },
  verify: { type: 'verify', passed: true, finding: '经现场核查，已整改到位' },
};

/** Every cell of state × action for a task with no side records and its deadline ahead. */
const EXPECTED: Record<ResolutionState, Partial<Record<TaskActionName, ResolutionState>>> = {
  draft: {},
  not_started: {
    progress: 'in_progress',
    remind: 'not_started',
    comment: 'not_started',
    request_extension: 'not_started',
    cannot_complete: 'not_started',
    claim_done: 'done_pending_verification',
  },
  in_progress: {
    progress: 'in_progress',
    remind: 'in_progress',
    comment: 'in_progress',
    request_extension: 'in_progress',
    cannot_complete: 'in_progress',
    claim_done: 'done_pending_verification',
  },
  done_pending_verification: { comment: 'done_pending_verification', verify: 'verified' },
  verified: {},
};

const pending = {
  state: 'pending' as const,
  requestedOn: '2026-11-21',
  proposedDeadline: '2026-12-18',
  reason: '需要补充调查',
};

/** Cells that differ when a side record is present. */
const WITH_SIDE: {
  name: string;
  patch: Partial<Resolution>;
  states: ResolutionState[];
  allowed: TaskActionName[];
  refused: TaskActionName[];
}[] = [
  {
    name: 'pending extension',
    patch: { extension: pending },
    states: ['not_started', 'in_progress'],
    allowed: ['decide_extension', 'progress', 'cannot_complete'],
    refused: ['request_extension', 'claim_done'],
  },
  {
    name: 'pending extension while waiting for verification',
    patch: { extension: pending },
    states: ['done_pending_verification'],
    allowed: ['decide_extension', 'verify'],
    refused: ['request_extension'],
  },
  {
    name: 'refused extension',
    patch: { extension: { ...pending, state: 'refused', decidedOn: '2026-11-22' } },
    states: ['not_started', 'in_progress'],
    allowed: ['request_extension', 'claim_done'],
    refused: ['decide_extension'],
  },
  {
    name: 'cannot complete',
    patch: { cannotComplete: { reason: '职责不清', on: '2026-11-21', escalated: false } },
    states: ['not_started', 'in_progress'],
    allowed: ['escalate', 'progress', 'claim_done'],
    refused: ['cannot_complete'],
  },
  {
    name: 'escalated',
    patch: { cannotComplete: { reason: '职责不清', on: '2026-11-21', escalated: true, escalatedOn: '2026-11-22' } },
    states: ['not_started', 'in_progress'],
    allowed: ['progress'],
    refused: ['cannot_complete', 'escalate'],
  },
  {
    name: 'past the deadline (逾期)',
    patch: { deadline: '2026-11-20' },
    states: ['not_started', 'in_progress'],
    allowed: ['progress', 'remind', 'cannot_complete', 'claim_done'],
    refused: ['request_extension'],
  },
];

describe('task state machine', () => {
  for (const state of RESOLUTION_STATES) {
    for (const action of TASK_ACTIONS) {
      const to = EXPECTED[state][action];
      it(`${state} × ${action} → ${to ?? 'refused'}`, () => {
        const r = { ...base, state };
        const run = () => applyTaskAction(r, INPUT[action], ctx);
        if (to) {
          const out = run();
          expect(out.resolution.state).toBe(to);
          expect(() => resolutionSchema.parse(out.resolution)).not.toThrow();
          expect(() => taskEventSchema.parse({ ...out.event, id: 'e', createdAt: T })).not.toThrow();
          expect(out.event.resolutionId).toBe('r1');
        } else {
          expect(run).toThrow(/不能|没有|报告办结后才能|才能/);
          try {
            run();
          } catch (e) {
            expect((e as { code: string }).code).toBe('invalid-transition');
          }
        }
        expect(allowedTaskActions(r, ctx.on).includes(action)).toBe(to !== undefined);
      });
    }
  }

  for (const v of WITH_SIDE) {
    for (const state of v.states) {
      it(`with ${v.name} in ${state}: allows ${v.allowed.join(', ')}; refuses ${v.refused.join(', ')}`, () => {
        const r = { ...base, state, ...v.patch };
        for (const a of v.allowed) {
          const input = a === 'request_extension' ? INPUT[a] : INPUT[a];
          expect(() => applyTaskAction(r, input, ctx), a).not.toThrow();
          expect(allowedTaskActions(r, ctx.on)).toContain(a);
        }
        for (const a of v.refused) {
          expect(() => applyTaskAction(r, INPUT[a], ctx), a).toThrow();
          expect(allowedTaskActions(r, ctx.on)).not.toContain(a);
        }
      });
    }
  }

  it('side records never change the main state', () => {
    for (const state of ['not_started', 'in_progress'] as const) {
      const r = { ...base, state };
      const asked = applyTaskAction(r, INPUT.request_extension, ctx).resolution;
      expect(asked.state).toBe(state);
      expect(applyTaskAction(asked, { type: 'decide_extension', approved: true }, ctx).resolution.state).toBe(state);
      expect(applyTaskAction(asked, { type: 'decide_extension', approved: false }, ctx).resolution.state).toBe(state);
      const cc = applyTaskAction(r, INPUT.cannot_complete, ctx).resolution;
      expect(cc.state).toBe(state);
      expect(applyTaskAction(cc, INPUT.escalate, ctx).resolution.state).toBe(state);
    }
  });

  it('an approved extension moves the deadline (deadline_change); a refused one keeps the prior deadline and state', () => {
    const r = { ...base, state: 'in_progress' as const, deadlineProvisional: true };
    const asked = applyTaskAction(r, INPUT.request_extension, ctx);
    expect(asked.resolution.extension).toEqual({
      state: 'pending',
      requestedOn: '2026-11-23',
      proposedDeadline: '2026-12-18',
      reason: '涉及多个部门协调',
    });
    expect(asked.resolution.deadline).toBe('2026-12-04');
    expect(asked.event).toMatchObject({ kind: 'extension', newDeadline: '2026-12-18', text: '涉及多个部门协调' });

    const yes = applyTaskAction(asked.resolution, { type: 'decide_extension', approved: true, note: ' 同意 ' }, ctx);
    expect(yes.resolution).toMatchObject({
      deadline: '2026-12-18',
      state: 'in_progress',
      extension: { state: 'approved', decidedOn: '2026-11-23', decidedByName: '李主任', decisionNote: '同意' },
    });
    expect(yes.resolution.deadlineProvisional).toBeUndefined();
    expect(yes.event).toMatchObject({ kind: 'deadline_change', approved: true, newDeadline: '2026-12-18' });
    expect(yes.event.text).toBe('同意延期，完成时限由2026年12月4日改为2026年12月18日。同意');

    const no = applyTaskAction(asked.resolution, { type: 'decide_extension', approved: false }, ctx);
    expect(no.resolution).toMatchObject({
      deadline: '2026-12-04',
      deadlineProvisional: true,
      state: 'in_progress',
      extension: { state: 'refused' },
    });
    expect(no.event).toMatchObject({ kind: 'extension', approved: false });
    expect(no.event.text).toContain('不同意延期，完成时限仍为2026年12月4日');
  });

  it('extension input: after the current deadline, after today, a working day, with a reason', () => {
    const r = { ...base, state: 'in_progress' as const };
    const ask = (proposedDeadline: string, reason = '原因') =>
      applyTaskAction(r, { type: 'request_extension', proposedDeadline, reason }, ctx);
    expect(() => ask('2026-12-04')).toThrow('拟延期日期应晚于现完成时限（2026年12月4日）');
    expect(() => ask('2026-12-01')).toThrow('应晚于现完成时限');
    expect(() => ask('2026-12-19')).toThrow('拟延期日期（2026年12月19日）不是工作日，请选择工作日，如2026年12月21日');
    expect(() => ask('2026-02-30')).toThrow('请填写有效的拟延期日期');
    expect(() => ask('2026-12-18', '  ')).toThrow('请填写延期原因');
    // on the deadline day itself an extension may still be asked for
    expect(() => applyTaskAction(r, INPUT.request_extension, { ...ctx, on: '2026-12-04' })).not.toThrow();
    expect(() => applyTaskAction(r, INPUT.request_extension, { ...ctx, on: '2026-12-07' })).toThrow(
      '已超过完成时限（2026年12月4日），不能再申请延期',
    );
  });

  it('verification: passed closes; failed goes back to 办理中 with the finding (退回重办); verified is final', () => {
    const done = { ...base, state: 'done_pending_verification' as const };
    const ok = applyTaskAction(done, INPUT.verify, ctx);
    expect(ok.resolution.state).toBe('verified');
    expect(ok.event).toMatchObject({ kind: 'verification', approved: true, text: '经现场核查，已整改到位' });
    const back = applyTaskAction(done, { type: 'verify', passed: false, finding: '现场仍有占道摊点' }, ctx);
    expect(back.resolution.state).toBe('in_progress');
    expect(back.event).toMatchObject({ kind: 'verification', approved: false, text: '现场仍有占道摊点' });
    expect(() => applyTaskAction(done, { type: 'verify', passed: true, finding: ' ' }, ctx)).toThrow('请填写核验意见');
    for (const a of TASK_ACTIONS)
      expect(() => applyTaskAction(ok.resolution, INPUT[a], ctx)).toThrow('该任务已核验办结');
    expect(allowedTaskActions(ok.resolution, ctx.on)).toEqual([]);
  });

  it('progress input: date not after today nor before issuance, a task unit, percentage 0–100', () => {
    const r = base;
    const p = (extra: Partial<Extract<TaskAction, { type: 'progress' }>>) =>
      applyTaskAction(r, { type: 'progress', text: '进展', ...extra }, ctx);
    expect(p({ on: '2026-11-21', unitId: 'u-co', percent: 40 }).event).toMatchObject({
      kind: 'progress',
      on: '2026-11-21',
      unitId: 'u-co',
      percent: 40,
      personName: '李主任',
    });
    expect(() => p({ on: '2026-11-24' })).toThrow('进展日期不能晚于今天');
    expect(() => p({ on: '2026-11-19' })).toThrow('进展日期不能早于会议纪要印发日期（2026年11月20日）');
    expect(() => p({ unitId: 'u-other' })).toThrow('报送单位应为该任务的牵头单位或配合单位');
    expect(() => p({ percent: 101 })).toThrow('完成比例应为 0 到 100 之间的整数');
    expect(() => p({ text: '' })).toThrow('请填写进展情况');
  });

  it('reminders and comments leave the task object untouched; escalation is recorded and recognisable', () => {
    expect(applyTaskAction(base, INPUT.remind, ctx).resolution).toBe(base);
    expect(applyTaskAction(base, INPUT.comment, ctx).resolution).toBe(base);
    expect(() => applyTaskAction(base, { type: 'remind', text: '' }, ctx)).toThrow('请填写催办内容');
    const cc = applyTaskAction(base, { type: 'cannot_complete', reason: ' 职责不清 ' }, ctx);
    expect(cc.resolution.cannotComplete).toEqual({ reason: '职责不清', on: '2026-11-23', escalated: false });
    expect(isEscalationEvent(cc.event)).toBe(false);
    const up = applyTaskAction(cc.resolution, { type: 'escalate', note: '请党政联席会议明确' }, ctx);
    expect(up.resolution.cannotComplete).toEqual({
      reason: '职责不清',
      on: '2026-11-23',
      escalated: true,
      escalatedOn: '2026-11-23',
    });
    expect(isEscalationEvent(up.event)).toBe(true);
    expect(() => applyTaskAction(base, INPUT.escalate, ctx)).toThrow('牵头单位报告不能办结后，才能提交党政联席会议');
  });
});

describe('warning levels (临期 / 逾期) on working days', () => {
  const o = { dueSoonWorkingDays: 3, calendar: BUNDLED_CALENDAR };
  const at = (deadline: string, today: string, extra: Partial<Resolution> = {}) =>
    taskWarning({ ...base, state: 'in_progress', deadline, ...extra }, today, o);

  // Monday 2026-11-23; Tue 24, Wed 25, Thu 26, Fri 27 are working days.
  it.each([
    ['2026-11-26', 'due_soon', 3], // exactly N working days left
    ['2026-11-27', 'none', 4], // N + 1
    ['2026-11-23', 'due_soon', 0], // due today
    ['2026-11-24', 'due_soon', 1],
    ['2026-11-28', 'none', 4], // Saturday after the window
    ['2026-11-22', 'overdue', -1], // yesterday: overdue, today the first working day past it
  ] as const)('deadline %s on Monday 2026-11-23 → %s (%i working days left)', (deadline, level, left) => {
    const w = at(deadline, '2026-11-23');
    expect(w.level).toBe(level);
    expect(w.workingDaysLeft).toBe(left);
    expect(w.provisional).toBe(false);
  });

  it('overdue counts the working days and calendar days since the deadline', () => {
    expect(at('2026-11-23', '2026-11-24')).toEqual({
      level: 'overdue',
      workingDaysLeft: -1,
      overdueDays: 1,
      provisional: false,
    });
    expect(at('2026-11-20', '2026-11-23')).toMatchObject({ level: 'overdue', workingDaysLeft: -1, overdueDays: 3 });
  });

  it('across the National Day holiday week (10月1日–7日 off, 10月10日 调休上班)', () => {
    const today = '2026-09-30';
    // working days after 9月30日: 10-08 (1), 10-09 (2), 10-10 Sat make-up (3), 10-12 (4)
    expect(at('2026-10-10', today)).toMatchObject({ level: 'due_soon', workingDaysLeft: 3 });
    expect(at('2026-10-11', today)).toMatchObject({ level: 'due_soon', workingDaysLeft: 3 });
    expect(at('2026-10-12', today)).toMatchObject({ level: 'none', workingDaysLeft: 4 });
    expect(at('2026-10-05', today)).toMatchObject({ level: 'due_soon', workingDaysLeft: 0 });
    // a plain Mon–Fri count would have said 10-05 is 3 days ahead and 10-12 is 8
    expect(at('2026-09-29', today)).toMatchObject({ level: 'overdue', workingDaysLeft: -1 });
    expect(at('2026-09-30', '2026-10-07')).toMatchObject({ level: 'overdue', workingDaysLeft: 0, overdueDays: 7 });
  });

  it('marks provisional deadlines, in every level', () => {
    const p = { deadlineProvisional: true };
    expect(at('2027-02-01', '2026-11-23', p)).toMatchObject({ level: 'none', provisional: true });
    expect(at('2027-01-04', '2026-12-31', p)).toMatchObject({ level: 'due_soon', provisional: true });
    expect(at('2027-01-04', '2027-01-06', p)).toMatchObject({ level: 'overdue', provisional: true });
    expect(at('2027-01-04', '2026-11-23', { ...p, state: 'verified' })).toEqual({ level: 'closed', provisional: true });
  });

  it('only tasks the lead unit is still working on are warned; verified is closed', () => {
    const overdue = '2026-11-01';
    for (const state of RESOLUTION_STATES) {
      const w = at(overdue, '2026-11-23', { state });
      const expected = {
        draft: 'none',
        not_started: 'overdue',
        in_progress: 'overdue',
        done_pending_verification: 'none',
        verified: 'closed',
      }[state];
      expect(w.level, state).toBe(expected);
    }
    expect(taskWarning({ ...base, deadline: undefined }, '2026-11-23', o)).toEqual({
      level: 'none',
      provisional: false,
    });
  });

  it('warningBounds agree with taskWarning on every day of a year (index queries use the bounds)', () => {
    const today = '2026-09-28';
    const bounds = warningBounds(today, o);
    for (let i = -20; i < 120; i++) {
      const d = new Date(Date.UTC(2026, 8, 28 + i)).toISOString().slice(0, 10);
      const r = { ...base, state: 'in_progress' as const, deadline: d };
      expect(warningLevelOf(r, bounds), d).toBe(taskWarning(r, today, o).level);
    }
    for (const n of [1, 5, 10]) {
      const b = warningBounds('2026-11-23', { ...o, dueSoonWorkingDays: n });
      const r = { ...base, state: 'in_progress' as const };
      for (let i = 0; i < 30; i++) {
        const d = new Date(Date.UTC(2026, 10, 23 + i)).toISOString().slice(0, 10);
        expect(warningLevelOf({ ...r, deadline: d }, b)).toBe(
          taskWarning({ ...r, deadline: d }, '2026-11-23', { ...o, dueSoonWorkingDays: n }).level,
        );
      }
    }
  });
});
