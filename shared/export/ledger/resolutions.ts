import type { Meeting } from '../../domain/meeting';
import { meetingOfficialName } from '../../domain/meeting-names';
import type { Resolution, TaskEvent } from '../../domain/minutes';
import { RESOLUTION_STATE_LABELS } from '../../domain/minutes-rules';
import { isEscalationEvent, type TaskWarning } from '../../domain/task-rules';
import { resolveDeadline, type WorkingDayCalendar } from '../../domain/working-days';
import { dateCell, type LedgerCell, type LedgerSheet, safeCell } from './cells';

/** One task as the ledger needs it (the follow-up list row plus its events). */
export interface LedgerTask {
  resolution: Resolution;
  /** taskWarning(resolution, today, options) of the day of export (shared/domain/task-rules.ts). */
  warning: TaskWarning;
  meeting: Pick<Meeting, 'year' | 'sequence' | 'kind'> & { startsAt?: string };
  /** 第×期 of the minutes the task comes from. */
  issueNumber?: number;
  issueYear?: number;
  /** Its events, in any order (sorted here: by date, then time of entry). */
  events: readonly TaskEvent[];
}

export interface ResolutionLedgerOptions {
  unitNames: ReadonlyMap<string, string>;
  /** The calendar used at 印发, to state the original 完成时限 of an extended task. */
  calendar?: WorkingDayCalendar;
}

/** 办理记录 类型 of each event kind. */
export const TASK_EVENT_KIND_LABELS: Record<TaskEvent['kind'], string> = {
  progress: '进展',
  reminder: '催办',
  comment: '意见',
  extension: '延期',
  verification: '核验',
  deadline_change: '时限变更',
  completion: '办结',
  cannot_complete: '不能办结',
};

export const RESOLUTION_LEDGER_SHEET = '督办事项台账';
export const TASK_EVENT_LEDGER_SHEET = '办理记录';

const WARNING_LABELS: Partial<Record<TaskWarning['level'], string>> = { due_soon: '临期', overdue: '逾期' };

function eventOrder(a: TaskEvent, b: TaskEvent): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ledger order: by issue (year, 第×期), then date of issue, source meeting, time of entry and id. */
function taskOrder(a: LedgerTask, b: LedgerTask): number {
  const key = (t: LedgerTask) =>
    [
      String(t.issueYear ?? 9999).padStart(4, '0'),
      String(t.issueNumber ?? 9999).padStart(4, '0'),
      t.resolution.issuedOn ?? '9999-99-99',
      t.meeting.startsAt ?? '',
      t.resolution.meetingId,
      t.resolution.createdAt,
      t.resolution.id,
    ].join('|');
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** 状态 with the side records an office asks about (延期申请待审批, 不能办结/已提交党政联席会议). */
function stateText(r: Resolution): string {
  const label = RESOLUTION_STATE_LABELS[r.state];
  const notes: string[] = [];
  if (r.extension?.state === 'pending') notes.push('延期申请待审批');
  if (r.cannotComplete) notes.push(r.cannotComplete.escalated ? '不能办结，已提交党政联席会议' : '报告不能办结');
  return notes.length > 0 ? `${label}（${notes.join('；')}）` : label;
}

/** The 完成时限 set at 印发 (before any approved extension), and the extended one when there is one. */
function deadlines(t: LedgerTask, events: readonly TaskEvent[], calendar?: WorkingDayCalendar) {
  const r = t.resolution;
  const changed = events.some((e) => e.kind === 'deadline_change' && e.approved === true);
  if (!changed) return { original: r.deadline, extended: undefined };
  let original: string | undefined;
  if (r.deadlineRule && r.issuedOn) {
    try {
      original = resolveDeadline(r.deadlineRule, r.issuedOn, calendar).date;
    } catch {
      original = undefined;
    }
  }
  return { original, extended: r.deadline };
}

const withDate = (e: TaskEvent, text: string) => {
  const [y, m, d] = e.on.split('-').map(Number);
  return `${y}年${m}月${d}日：${text}`;
};

/**
 * 督办事项台账 (one row per task) and 办理记录 (one row per event, keyed by the task's 序号), as the office
 * keeps them: Chinese labels, dates as real dates, every free text neutralised against formula injection.
 */
export function resolutionLedger(
  tasks: readonly LedgerTask[],
  options: ResolutionLedgerOptions,
): [LedgerSheet, LedgerSheet] {
  const name = (id: string | undefined) => (id ? (options.unitNames.get(id) ?? '（未知单位）') : '');
  const taskRows: LedgerCell[][] = [];
  const eventRows: LedgerCell[][] = [];
  [...tasks].sort(taskOrder).forEach((t, i) => {
    const n = i + 1;
    const r = t.resolution;
    const events = [...t.events].sort(eventOrder);
    const { original, extended } = deadlines(t, events, options.calendar);
    const latestProgress = events.filter((e) => e.kind === 'progress' || e.kind === 'completion').at(-1);
    const latestVerification = events.filter((e) => e.kind === 'verification').at(-1);
    const closedOn =
      r.state === 'verified'
        ? events.filter((e) => e.kind === 'verification' && e.approved !== false).at(-1)?.on
        : undefined;
    const issue = t.issueNumber !== undefined ? `${t.issueYear ?? t.meeting.year}年第${t.issueNumber}期` : '';
    taskRows.push([
      n,
      safeCell(meetingOfficialName(t.meeting)),
      issue,
      safeCell(r.content),
      safeCell(name(r.leadUnitId)),
      safeCell(r.coUnitIds.map(name).join('、')),
      dateCell(original),
      r.deadlineProvisional ? '暂定' : '',
      dateCell(extended),
      stateText(r),
      WARNING_LABELS[t.warning.level] ?? '',
      latestProgress ? safeCell(withDate(latestProgress, latestProgress.text)) : '',
      latestVerification
        ? safeCell(
            withDate(
              latestVerification,
              `${latestVerification.approved === false ? '未通过' : '通过'}。${latestVerification.text}`,
            ),
          )
        : '',
      dateCell(closedOn ?? (r.state === 'verified' ? r.updatedAt.slice(0, 10) : undefined)),
    ]);
    for (const e of events) {
      let text = e.text;
      if (e.kind === 'verification') text = `${e.approved === false ? '【未通过】' : '【通过】'}${text}`;
      else if (e.kind === 'extension' && e.approved === undefined && e.newDeadline) {
        const [y, m, d] = e.newDeadline.split('-').map(Number);
        text = `${text}（拟延期至${y}年${m}月${d}日）`;
      }
      eventRows.push([
        n,
        dateCell(e.on),
        isEscalationEvent(e) ? '不能办结' : TASK_EVENT_KIND_LABELS[e.kind],
        safeCell(name(e.unitId)),
        safeCell(text),
        e.percent ?? '',
      ]);
    }
  });
  return [
    {
      name: RESOLUTION_LEDGER_SHEET,
      columns: [
        { header: '序号', width: 7 },
        { header: '来源会议', width: 26 },
        { header: '纪要期号', width: 14 },
        { header: '议定事项', width: 48 },
        { header: '牵头单位', width: 20 },
        { header: '配合单位', width: 28 },
        { header: '完成时限', width: 16, kind: 'date' },
        { header: '暂定', width: 7 },
        { header: '延期', width: 16, kind: 'date' },
        { header: '状态', width: 18 },
        { header: '预警', width: 8 },
        { header: '最新进展', width: 44 },
        { header: '核验意见', width: 36 },
        { header: '办结日期', width: 16, kind: 'date' },
      ],
      rows: taskRows,
    },
    {
      name: TASK_EVENT_LEDGER_SHEET,
      columns: [
        { header: '序号', width: 7 },
        { header: '日期', width: 16, kind: 'date' },
        { header: '类型', width: 10 },
        { header: '单位', width: 24 },
        { header: '内容', width: 70 },
        { header: '百分比', width: 8 },
      ],
      rows: eventRows,
    },
  ];
}
