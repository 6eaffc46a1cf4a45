/**
 * The follow-up repository's public types (督办: task list filter, rows, detail, attention counts, the repository
 * itself); re-exported by followup.ts, whose module name the rest of the app imports them by.
 */
import {
  type AgendaItem,
  type Meeting,
  type Resolution,
  type QuarterFigure,
  type ResolutionState,
  type TaskAction,
  type TaskActionName,
  type TaskEvent,
  type TaskWarning,
  type WarningLevel,
} from '../../../../shared/domain';
import { type AuditWriter } from '../audited-write';
import type { AttachmentMeta, NewAttachment } from '../types';
import { type PreparedAttachment } from './attachments';
import { type FeedbackFormOps } from './feedback-form';

export interface TaskListFilter {
  /** Any of these states (all issued states when absent or empty; 'draft' is never listed). */
  states?: ResolutionState[];
  leadUnitId?: string;
  /** Tasks this unit works on as 配合单位. */
  coUnitId?: string;
  /** Source meeting. */
  meetingId?: string;
  /** Any of these warning levels on today's business date (all when absent or empty). */
  warning?: WarningLevel[];
  /** Due window, inclusive (YYYY-MM-DD); tasks without a deadline are then left out. */
  dueFrom?: string;
  dueTo?: string;
  /** Case-insensitive substring of the content or the feedback requirement. */
  search?: string;
  /** Only tasks with a 延期申请 waiting for the chair (optional extra). */
  pendingExtension?: boolean;
  /** Exactly the tasks behind one cell of the supervisor's table (home.unitQuarters): unit, `2026Q1`, figure. */
  quarterCell?: { unitId: string; quarter: string; figure: QuarterFigure };
  offset?: number;
  /** Page size; all matching rows when absent. */
  limit?: number;
}

export interface TaskRow {
  resolution: Resolution;
  warning: TaskWarning;
  meeting: Pick<Meeting, 'id' | 'year' | 'sequence' | 'kind' | 'startsAt'>;
  /** 第×期 of the minutes the task comes from. */
  issueNumber?: number;
  issueYear?: number;
  /** The most recent event (by date, then by time of entry). */
  latestEvent?: TaskEvent;
}

export interface TaskDetail extends TaskRow {
  /** Oldest first (by date, then by time of entry). */
  events: TaskEvent[];
  minutesId?: string;
  agendaItem?: AgendaItem;
}

export interface AttentionCounts {
  dueSoon: number;
  overdue: number;
  pendingVerification: number;
  pendingExtensions: number;
  minutesAwaitingSignOff: number;
}

export interface FollowupRepository {
  /**
   * Issued tasks only (never 'draft'). Order: 逾期, 临期, then the others by deadline ascending (tasks
   * without a deadline last), 已核验办结 last (latest deadline first). Filters use the indexes
   * ([state+deadline], [leadUnitId+state+deadline], [meetingId+state], coUnitIds, extension.state);
   * `total` counts every match, `rows` is the page.
   */
  list(filter?: TaskListFilter): Promise<{ rows: TaskRow[]; total: number }>;
  /** An issued task with its timeline; undefined for unknown ids and for drafts. */
  get(id: string): Promise<TaskDetail | undefined>;
  /**
   * 报送进展 (date, text, reporting unit — a liaison's own unit —, optional percentage). 未启动 → 办理中.
   * `attachments` are checked like a topic's (types, 20 MB, 10 at most) before anything is written and
   * stored with the new event as owner ('progress') in the same transaction.
   */
  progress(
    id: string,
    input: { on: string; text: string; unitId?: string; percent?: number; attachments?: readonly NewAttachment[] },
  ): Promise<Resolution>;
  /** 催办, with the next 督办通知单 number of the year (settings 'followup.noticeNumbers'). */
  remind(
    id: string,
    input: { text: string },
  ): Promise<{ resolution: Resolution; event: TaskEvent; noticeNumber: { year: number; number: number } }>;
  comment(id: string, text: string): Promise<TaskEvent>;
  /** 申请延期: before the deadline, a working day after it, one pending at a time. */
  requestExtension(id: string, input: { proposedDeadline: string; reason: string }): Promise<Resolution>;
  /** The chair decides; approved moves the deadline (event deadline_change), refused keeps it. */
  decideExtension(id: string, input: { approved: boolean; note?: string }): Promise<Resolution>;
  cannotComplete(id: string, input: { reason: string }): Promise<Resolution>;
  /** 提交党政联席会议, after 不能办结. */
  escalate(id: string, input: { note?: string }): Promise<Resolution>;
  /** 报告办结 (办结报告) → 已办结待核验; `attachments` as for {@link FollowupRepository.progress}. */
  claimDone(id: string, input: { text: string; attachments?: readonly NewAttachment[] }): Promise<Resolution>;
  /** 核验 by the supervisor: passed → 已核验办结; failed → 办理中 (退回重办) with the finding. */
  verify(id: string, input: { passed: boolean; finding: string }): Promise<Resolution>;
  /**
   * For the current profile's role, from index counts: 临期/逾期/待核验/pending extensions of every task
   * (a liaison: of the tasks its unit leads or co-handles); 送审 minutes awaiting sign-off for the office
   * and the chair (0 for supervisors and liaisons, who do not act on them). All 0 without a profile.
   */
  attention(): Promise<AttentionCounts>;
  /**
   * The events of these tasks (e.g. a ledger page), each task's oldest first, through `resolutionId`: one
   * getAll per task in one read transaction (eventsOfEach), never a scan of the events table. Unknown ids give [].
   */
  events(resolutionIds: readonly string[]): Promise<Map<string, TaskEvent[]>>;
  /** Records the export of the 督办事项台账 (.xlsx) in the audit trail (what, file name, rows). */
  recordLedgerExport(fileName: string, counts: { tasks: number; events: number }): Promise<void>;
  /**
   * The files of a task's events (报送进展, 办结报告), by event id, each event's oldest first, without
   * content; events without files are left out. Unknown tasks give an empty map.
   */
  eventAttachments(resolutionId: string): Promise<Map<string, AttachmentMeta[]>>;
  /**
   * Records a saved 督办通知单 (.docx) of one 催办 in the audit trail (entity 'resolution', action 'export':
   * the notice number, the event and the file name). The reminder must belong to the task and carry a number.
   */
  recordNoticeExport(resolutionId: string, eventId: string, fileName: string): Promise<void>;
  /**
   * A unit's tasks it can still report on (未启动/办理中), led (`role: 'lead'`) or co-handled ('co'), by
   * deadline (none last): what its 任务通知 and 反馈表 list. Through [leadUnitId+state+deadline] and coUnitIds.
   */
  unitOpenTasks(unitId: string): Promise<(TaskRow & { role: 'lead' | 'co' })[]>;
  /** Member units without the app: preview and import of a filled 反馈表, exports audited (feedback-form.ts). */
  feedbackForms: FeedbackFormOps;
}

/** One follow-up action inside an audited transaction the caller opened (over resolutions, taskEvents, attachments). */
export type ApplyTaskActionInTransaction = (
  audit: AuditWriter,
  id: string,
  name: TaskActionName,
  build: (actor: { unitId?: string | undefined; role: string }, before: Resolution) => TaskAction,
  prepare?: (audit: AuditWriter, event: Omit<TaskEvent, 'id' | 'createdAt'>) => Promise<Partial<TaskEvent>>,
  files?: readonly PreparedAttachment[],
) => Promise<{ resolution: Resolution; event: TaskEvent }>;
