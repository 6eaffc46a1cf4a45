import { DomainError } from './errors';
import { formatChineseDate } from './format';
import type { Resolution, ResolutionState, TaskEvent } from './minutes';
import { RESOLUTION_STATE_LABELS } from './minutes-rules';
import type { Action } from './permissions';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingDayCalendar } from './working-days';

/**
 * The follow-up (督办) rules, once. Main states 未启动 → 办理中 → 已办结待核验 → 已核验办结; the side
 * records (延期申请, 不能办结) never overwrite the main state; 逾期 is derived ({@link taskWarning}),
 * never stored. Each action names the permission it needs (shared/domain/permissions.ts).
 */
export const TASK_ACTIONS = [
  'progress',
  'remind',
  'comment',
  'request_extension',
  'decide_extension',
  'cannot_complete',
  'escalate',
  'claim_done',
  'verify',
] as const;
export type TaskActionName = (typeof TASK_ACTIONS)[number];

/** An action with what the user entered. Texts are trimmed and required where the action needs one. */
export type TaskAction =
  | { type: 'progress'; text: string; on?: string; unitId?: string; percent?: number }
  | { type: 'remind'; text: string }
  | { type: 'comment'; text: string }
  | { type: 'request_extension'; proposedDeadline: string; reason: string }
  | { type: 'decide_extension'; approved: boolean; note?: string }
  | { type: 'cannot_complete'; reason: string }
  | { type: 'escalate'; note?: string }
  | { type: 'claim_done'; text: string }
  | { type: 'verify'; passed: boolean; finding: string };

export const TASK_ACTION_LABELS: Record<TaskActionName, string> = {
  progress: '报送进展',
  remind: '催办',
  comment: '发表意见',
  request_extension: '申请延期',
  decide_extension: '审批延期申请',
  cannot_complete: '报告不能办结',
  escalate: '提交党政联席会议',
  claim_done: '报告办结',
  verify: '核验',
};

export const TASK_ACTION_PERMISSION: Record<TaskActionName, Action> = {
  progress: 'task.progress',
  remind: 'task.remind',
  comment: 'task.comment',
  request_extension: 'task.request_extension',
  decide_extension: 'task.decide_extension',
  cannot_complete: 'task.cannot_complete',
  escalate: 'task.escalate',
  claim_done: 'task.claim_done',
  verify: 'task.verify',
};

/** Main states in which each action is possible (side-record conditions are checked on top). */
const ALLOWED_IN: Record<TaskActionName, readonly ResolutionState[]> = {
  progress: ['not_started', 'in_progress'],
  remind: ['not_started', 'in_progress'],
  comment: ['not_started', 'in_progress', 'done_pending_verification'],
  request_extension: ['not_started', 'in_progress'],
  decide_extension: ['not_started', 'in_progress', 'done_pending_verification'],
  cannot_complete: ['not_started', 'in_progress'],
  escalate: ['not_started', 'in_progress'],
  claim_done: ['not_started', 'in_progress'],
  verify: ['done_pending_verification'],
};

export interface TaskActionContext {
  /** Business date (YYYY-MM-DD, Asia/Shanghai). */
  on: string;
  /** ISO date-time of the write (updatedAt). */
  at: string;
  actorName: string;
  calendar: WorkingDayCalendar;
}

export interface TaskActionResult {
  /** The task after the action; the SAME object when the action changes nothing on it (催办, 意见). */
  resolution: Resolution;
  event: Omit<TaskEvent, 'id' | 'createdAt'>;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function realDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function text(value: string | undefined, label: string, max: number): string {
  const t = (value ?? '').trim();
  if (!t) throw new DomainError('validation', `请填写${label}`);
  if (t.length > max) throw new DomainError('validation', `${label}不能超过 ${max} 个字`);
  return t;
}

function optional(value: string | undefined, label: string, max: number): string | undefined {
  const t = (value ?? '').trim();
  if (t.length > max) throw new DomainError('validation', `${label}不能超过 ${max} 个字`);
  return t || undefined;
}

const zhDate = (d: string) => formatChineseDate(d);

/**
 * Why `action` is not possible for `r` on `on` (a Chinese sentence), or undefined when it is. Checks the
 * main state and the side records; not the role (permissions.ts) and not the input.
 */
export function taskActionRefusal(r: Resolution, action: TaskActionName, on: string): string | undefined {
  const label = TASK_ACTION_LABELS[action];
  if (r.state === 'draft') return `会议纪要尚未印发，该议定事项还不是督办任务，不能${label}`;
  if (r.state === 'verified') return `该任务已核验办结，不能再${label}`;
  if (!ALLOWED_IN[action].includes(r.state)) {
    if (action === 'verify') return `该任务处于“${RESOLUTION_STATE_LABELS[r.state]}”状态，牵头单位报告办结后才能核验`;
    return `该任务已报告办结、等待核验，不能${label}`;
  }
  switch (action) {
    case 'request_extension':
      if (r.extension?.state === 'pending') return '已有一份延期申请等待审批，审批后才能再次申请';
      if (r.deadline && on > r.deadline)
        return `已超过完成时限（${zhDate(r.deadline)}），不能再申请延期；如确实无法完成，请报告不能办结`;
      return undefined;
    case 'decide_extension':
      return r.extension?.state === 'pending' ? undefined : '没有待审批的延期申请';
    case 'cannot_complete':
      return r.cannotComplete ? '已报告不能办结' : undefined;
    case 'escalate':
      if (!r.cannotComplete) return '牵头单位报告不能办结后，才能提交党政联席会议';
      return r.cannotComplete.escalated ? '已提交党政联席会议' : undefined;
    case 'claim_done':
      return r.extension?.state === 'pending' ? '延期申请尚待审批，审批后才能报告办结' : undefined;
    default:
      return undefined;
  }
}

/** Actions possible for `r` on `on` (the UI intersects them with the role's permissions). */
export function allowedTaskActions(r: Resolution, on: string): TaskActionName[] {
  return TASK_ACTIONS.filter((a) => taskActionRefusal(r, a, on) === undefined);
}

/**
 * Pure: the task after `action` and the event that records it, or DomainError ('invalid-transition' when
 * the state or a side record does not allow it, 'validation' for the input) with a Chinese message.
 */
export function applyTaskAction(r: Resolution, action: TaskAction, ctx: TaskActionContext): TaskActionResult {
  const refusal = taskActionRefusal(r, action.type, ctx.on);
  if (refusal) throw new DomainError('invalid-transition', refusal);
  const base = { resolutionId: r.id, on: ctx.on, personName: ctx.actorName.slice(0, 20) };
  const next = (patch: Partial<Resolution>): Resolution => ({ ...r, ...patch, updatedAt: ctx.at });

  switch (action.type) {
    case 'progress': {
      const body = text(action.text, '进展情况', 5000);
      const on = action.on ?? ctx.on;
      if (!realDate(on)) throw new DomainError('validation', '请填写有效的进展日期');
      if (on > ctx.on) throw new DomainError('validation', '进展日期不能晚于今天');
      if (r.issuedOn && on < r.issuedOn)
        throw new DomainError('validation', `进展日期不能早于会议纪要印发日期（${zhDate(r.issuedOn)}）`);
      if (action.unitId !== undefined && action.unitId !== r.leadUnitId && !r.coUnitIds.includes(action.unitId))
        throw new DomainError('validation', '报送单位应为该任务的牵头单位或配合单位');
      if (
        action.percent !== undefined &&
        (!Number.isInteger(action.percent) || action.percent < 0 || action.percent > 100)
      )
        throw new DomainError('validation', '完成比例应为 0 到 100 之间的整数');
      return {
        resolution: r.state === 'not_started' ? next({ state: 'in_progress' }) : next({}),
        event: {
          ...base,
          kind: 'progress',
          on,
          text: body,
          ...(action.unitId !== undefined ? { unitId: action.unitId } : {}),
          ...(action.percent !== undefined ? { percent: action.percent } : {}),
        },
      };
    }
    case 'remind':
      return { resolution: r, event: { ...base, kind: 'reminder', text: text(action.text, '催办内容', 5000) } };
    case 'comment':
      return { resolution: r, event: { ...base, kind: 'comment', text: text(action.text, '意见', 5000) } };
    case 'request_extension': {
      const reason = text(action.reason, '延期原因', 1000);
      const proposed = action.proposedDeadline;
      if (!realDate(proposed)) throw new DomainError('validation', '请填写有效的拟延期日期');
      if (r.deadline && proposed <= r.deadline)
        throw new DomainError('validation', `拟延期日期应晚于现完成时限（${zhDate(r.deadline)}）`);
      if (proposed <= ctx.on) throw new DomainError('validation', '拟延期日期应晚于今天');
      if (!isWorkingDay(proposed, ctx.calendar)) {
        const after = addWorkingDays(proposed, 0, ctx.calendar).date;
        throw new DomainError(
          'validation',
          `拟延期日期（${zhDate(proposed)}）不是工作日，请选择工作日，如${zhDate(after)}`,
        );
      }
      return {
        resolution: next({ extension: { state: 'pending', requestedOn: ctx.on, proposedDeadline: proposed, reason } }),
        event: { ...base, kind: 'extension', text: reason, newDeadline: proposed },
      };
    }
    case 'decide_extension': {
      const ext = r.extension!;
      const note = optional(action.note, '审批意见', 1000);
      const decided = {
        ...ext,
        state: action.approved ? ('approved' as const) : ('refused' as const),
        decidedOn: ctx.on,
        decidedByName: ctx.actorName,
        ...(note ? { decisionNote: note } : {}),
      };
      if (!action.approved) {
        return {
          resolution: next({ extension: decided }),
          event: {
            ...base,
            kind: 'extension',
            approved: false,
            newDeadline: ext.proposedDeadline,
            text: `不同意延期，完成时限仍为${r.deadline ? zhDate(r.deadline) : '原定时限'}。${note ?? ''}`.trim(),
          },
        };
      }
      const { deadlineProvisional: _p, ...rest } = r;
      return {
        // A date set by decision is stated as is (never 暂定), like a fixed date in the minutes.
        resolution: { ...rest, extension: decided, deadline: ext.proposedDeadline, updatedAt: ctx.at },
        event: {
          ...base,
          kind: 'deadline_change',
          approved: true,
          newDeadline: ext.proposedDeadline,
          text: `同意延期，完成时限由${r.deadline ? zhDate(r.deadline) : '（未定）'}改为${zhDate(ext.proposedDeadline)}。${note ?? ''}`.trim(),
        },
      };
    }
    case 'cannot_complete': {
      const reason = text(action.reason, '不能办结原因', 1000);
      return {
        resolution: next({ cannotComplete: { reason, on: ctx.on, escalated: false } }),
        event: { ...base, kind: 'cannot_complete', text: reason },
      };
    }
    case 'escalate': {
      const note = optional(action.note, '说明', 1000);
      return {
        resolution: next({ cannotComplete: { ...r.cannotComplete!, escalated: true, escalatedOn: ctx.on } }),
        event: { ...base, kind: 'cannot_complete', text: `提交党政联席会议研究。${note ?? ''}`.trim() },
      };
    }
    case 'claim_done':
      return {
        resolution: next({ state: 'done_pending_verification' }),
        event: { ...base, kind: 'completion', text: text(action.text, '办结报告', 5000) },
      };
    case 'verify': {
      const finding = text(action.finding, '核验意见', 5000);
      return {
        resolution: next({ state: action.passed ? 'verified' : 'in_progress' }),
        event: { ...base, kind: 'verification', approved: action.passed, text: finding },
      };
    }
  }
}

/** An event recording 提交党政联席会议 (stored with kind 'cannot_complete', recognised by its text). */
export function isEscalationEvent(e: Pick<TaskEvent, 'kind' | 'text'>): boolean {
  return e.kind === 'cannot_complete' && e.text.startsWith('提交党政联席会议');
}

export type WarningLevel = 'none' | 'due_soon' | 'overdue' | 'closed';

export interface TaskWarning {
  level: WarningLevel;
  /**
   * Working days after `today` up to and including the deadline (0 = due today). Negative when overdue:
   * minus the working days since the deadline (may be 0 when only rest days passed). Absent without a
   * deadline and for closed tasks.
   */
  workingDaysLeft?: number;
  /** Overdue only: calendar days past the deadline (≥ 1). */
  overdueDays?: number;
  /** The deadline was computed beyond the known holiday calendar (暂定). */
  provisional: boolean;
}

export interface WarningOptions {
  /** The rule profile's 临期提醒窗口 (RuleValues.warningWorkingDays). */
  dueSoonWorkingDays: number;
  calendar: WorkingDayCalendar;
}

/** Tasks whose deadline the lead unit is still working against (warned 临期 / 逾期). */
export const WARNED_STATES: readonly ResolutionState[] = ['not_started', 'in_progress'];

/**
 * The deadline ranges of the warning levels on `today`, for index queries: a task in a warned state is
 * 逾期 when `deadline < overdueBefore`, 临期 when `overdueBefore ≤ deadline < dueSoonBefore`, else none.
 * (`dueSoonBefore` is the (N+1)-th working day after today.)
 */
export function warningBounds(today: string, o: WarningOptions): { overdueBefore: string; dueSoonBefore: string } {
  return { overdueBefore: today, dueSoonBefore: addWorkingDays(today, o.dueSoonWorkingDays + 1, o.calendar).date };
}

/** The level from state and deadline with precomputed {@link warningBounds} (no per-row counting). */
export function warningLevelOf(
  r: Pick<Resolution, 'state' | 'deadline'>,
  bounds: { overdueBefore: string; dueSoonBefore: string },
): WarningLevel {
  if (r.state === 'verified') return 'closed';
  if (!WARNED_STATES.includes(r.state) || !r.deadline) return 'none';
  if (r.deadline < bounds.overdueBefore) return 'overdue';
  if (r.deadline < bounds.dueSoonBefore) return 'due_soon';
  return 'none';
}

const workingDaysIn = (fromExclusive: string, toInclusive: string, cal: WorkingDayCalendar): number =>
  workingDaysBetween(fromExclusive, toInclusive, cal);

/**
 * The warning of a task on `today`: 临期 when at most `dueSoonWorkingDays` working days are left (the
 * deadline day itself is 0 left), 逾期 from the day after the deadline; 已核验办结 is closed. Tasks waiting
 * for verification (已办结待核验) are not warned: the lead unit has reported; the supervisor is next.
 */
export function taskWarning(r: Resolution, today: string, o: WarningOptions): TaskWarning {
  const provisional = r.deadlineProvisional === true;
  if (r.state === 'verified') return { level: 'closed', provisional };
  if (!r.deadline) return { level: 'none', provisional };
  const level = warningLevelOf(r, warningBounds(today, o));
  if (level === 'overdue') {
    const overdueDays = Math.round((Date.parse(today) - Date.parse(r.deadline)) / 86_400_000);
    return { level, workingDaysLeft: 0 - workingDaysIn(r.deadline, today, o.calendar), overdueDays, provisional };
  }
  if (r.deadline < today) return { level, provisional };
  return { level, workingDaysLeft: workingDaysIn(today, r.deadline, o.calendar), provisional };
}

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  none: '正常',
  due_soon: '临期',
  overdue: '逾期',
  closed: '已办结',
};
