import Dexie from 'dexie';
import {
  DomainError,
  OPEN_RESOLUTION_STATES,
  RESOLUTION_STATES,
  TASK_ACTION_LABELS,
  TASK_ACTION_PERMISSION,
  WARNED_STATES,
  applyTaskAction,
  businessDate,
  isQuarterFigure,
  parseQuarterKey,
  resolutionSchema,
  taskEventSchema,
  taskWarning,
  warningBounds,
  warningLevelOf,
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
  type WarningOptions,
} from '../../../../shared/domain';
import { auditedWrite, readCurrentProfile, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import { parseOrThrow } from '../validation';
import type { AttachmentMeta, NewAttachment } from '../types';
import { prepareAttachments, storeAttachment, type PreparedAttachment } from './attachments';
import { readCalendar } from './calendar';
import { readQuarterCellIds } from './home';
import { matchesSearch, withoutUndefined } from './list-helpers';
import { readActive } from './rules';
import { createFeedbackFormOps, type FeedbackFormOps } from './feedback-form';
import { eventsOfEach, issueNumbersOf } from './native-reads';

export type { WarningLevel } from '../../../../shared/domain';

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

/** Audit entity id of 督办事项台账 exports. */
export const FOLLOWUP_LEDGER_EXPORT_ID = 'followup-ledger';

/** Settings key of the 督办通知单 numbers: `{ [year]: last number issued }`. */
export const NOTICE_NUMBERS_KEY = 'followup.noticeNumbers';

const ISSUED_STATES = RESOLUTION_STATES.filter((s) => s !== 'draft');
const MIN_DATE = '0000-00-00';
const MAX_DATE = '9999-99-99';
/** Pages up to this far in go through {@link pageFromIndexes}; deeper ones (and no limit) through every key. */
const PAGED_FROM_INDEXES = 500;
const LEVEL_RANK: Record<WarningLevel, number> = { overdue: 0, due_soon: 1, none: 2, closed: 3 };

/** A matching task found through an index: enough to sort and page without reading the record. */
interface Hit {
  id: string;
  deadline?: string;
  level: WarningLevel;
}

interface Range {
  from: string;
  /** Exclusive. */
  to: string;
  level: WarningLevel;
}

interface ReadContext {
  today: string;
  options: WarningOptions;
  bounds: { overdueBefore: string; dueSoonBefore: string };
}

const addOneDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function createFollowupRepository(ctx: DataLayerContext): FollowupRepository {
  const { db } = ctx;
  const today = () => businessDate(ctx.now());
  const readTables = [
    db.resolutions,
    db.taskEvents,
    db.meetings,
    db.minutes,
    db.agendaItems,
    db.settings,
    db.ruleProfiles,
    db.profiles,
  ];

  const readContext = async (): Promise<ReadContext> => {
    const [profile, calendar] = await Promise.all([readActive(db), readCalendar(db)]);
    const options = { dueSoonWorkingDays: profile.values.warningWorkingDays, calendar };
    const on = today();
    return { today: on, options, bounds: warningBounds(on, options) };
  };

  /** The deadline ranges (per level) a state contributes under the filter; `noDeadline`: tasks without one. */
  const rangesFor = (
    state: ResolutionState,
    f: TaskListFilter,
    rc: ReadContext,
  ): { ranges: Range[]; noDeadline: WarningLevel | undefined } => {
    const wanted = (l: WarningLevel) => !f.warning?.length || f.warning.includes(l);
    let ranges: Range[];
    let plain: WarningLevel;
    if (state === 'verified') {
      plain = 'closed';
      ranges = [{ from: MIN_DATE, to: MAX_DATE, level: 'closed' }];
    } else if (WARNED_STATES.includes(state)) {
      plain = 'none';
      ranges = [
        { from: MIN_DATE, to: rc.bounds.overdueBefore, level: 'overdue' },
        { from: rc.bounds.overdueBefore, to: rc.bounds.dueSoonBefore, level: 'due_soon' },
        { from: rc.bounds.dueSoonBefore, to: MAX_DATE, level: 'none' },
      ];
    } else {
      plain = 'none';
      ranges = [{ from: MIN_DATE, to: MAX_DATE, level: 'none' }];
    }
    const lo = f.dueFrom ?? MIN_DATE;
    const hi = f.dueTo ? addOneDay(f.dueTo) : MAX_DATE;
    ranges = ranges
      .filter((r) => wanted(r.level))
      .map((r) => ({ ...r, from: r.from > lo ? r.from : lo, to: r.to < hi ? r.to : hi }))
      .filter((r) => r.from < r.to);
    const windowed = f.dueFrom !== undefined || f.dueTo !== undefined;
    return { ranges, noDeadline: !windowed && wanted(plain) ? plain : undefined };
  };

  /**
   * Hits from the indexes only (states, lead unit, warning, due window), already in list order; no record
   * is read and no cursor is walked: each range is one getAllKeys. Within a level several states are
   * merged in the order of the `deadline` index (ties by id, as in the compound indexes).
   */
  const hitsFromKeys = async (f: TaskListFilter, states: ResolutionState[], rc: ReadContext): Promise<Hit[]> => {
    const lead = f.leadUnitId;
    const compound = (state: ResolutionState, from: unknown, to: unknown) =>
      lead
        ? db.resolutions
            .where('[leadUnitId+state+deadline]')
            .between([lead, state, from], [lead, state, to], true, false)
        : db.resolutions.where('[state+deadline]').between([state, from], [state, to], true, false);
    const levels = new Map<WarningLevel, { parts: { ids: string[]; from: string; to: string }[]; undated: string[] }>();
    const at = (l: WarningLevel) => {
      let e = levels.get(l);
      if (!e) levels.set(l, (e = { parts: [], undated: [] }));
      return e;
    };
    for (const state of states) {
      const { ranges, noDeadline } = rangesFor(state, f, rc);
      for (const range of ranges) {
        const ids = await compound(state, range.from, range.to).primaryKeys();
        if (ids.length > 0) at(range.level).parts.push({ ids, from: range.from, to: range.to });
      }
      if (noDeadline) {
        // Rows without a deadline are absent from the compound indexes: found by comparing counts first.
        const all = lead
          ? db.resolutions.where('[leadUnitId+state]').equals([lead, state])
          : db.resolutions.where('state').equals(state);
        const dated = compound(state, Dexie.minKey, Dexie.maxKey);
        if ((await all.count()) !== (await dated.count())) {
          const withDeadline = new Set(await dated.primaryKeys());
          for (const id of await all.primaryKeys()) if (!withDeadline.has(id)) at(noDeadline).undated.push(id);
        }
      }
    }
    const hits: Hit[] = [];
    for (const level of ['overdue', 'due_soon', 'none', 'closed'] as const) {
      const e = levels.get(level);
      if (!e) continue;
      let ordered: string[];
      if (e.parts.length <= 1) ordered = e.parts[0]?.ids ?? [];
      else {
        const members = new Set(e.parts.flatMap((p) => p.ids));
        const from = e.parts.reduce((m, p) => (p.from < m ? p.from : m), MAX_DATE);
        const to = e.parts.reduce((m, p) => (p.to > m ? p.to : m), MIN_DATE);
        const byDeadline = await db.resolutions.where('deadline').between(from, to, true, false).primaryKeys();
        ordered = byDeadline.filter((id) => members.has(id));
      }
      if (level === 'closed') ordered = [...ordered].reverse();
      for (const id of ordered) hits.push({ id, level });
      for (const id of e.undated.sort()) hits.push({ id, level });
    }
    return hits;
  };

  /**
   * One page of the index-only path (no search) and the total, from counts and short key reads: each state's
   * 逾期 and 临期 ranges are counted; its last level (the rest, with the tasks without a deadline) is the state's
   * count minus those and the two edges outside the date ranges, so the big ranges are counted once (as
   * `state`), not twice. A level's page merges the first `b` keys of each of its ranges by (deadline, id);
   * tasks without a deadline (after the dated ones, by id) are looked up only when the page reaches them.
   * Returns the page's ids in list order — the same as `hitsFromKeys(...).slice(offset, offset + limit)`.
   */
  const pageFromIndexes = async (
    f: TaskListFilter,
    states: ResolutionState[],
    rc: ReadContext,
    offset: number,
    limit: number,
  ): Promise<{ ids: string[]; total: number }> => {
    const lead = f.leadUnitId;
    const compound = (state: ResolutionState, from: unknown, to: unknown) =>
      lead
        ? db.resolutions
            .where('[leadUnitId+state+deadline]')
            .between([lead, state, from], [lead, state, to], true, false)
        : db.resolutions.where('[state+deadline]').between([state, from], [state, to], true, false);
    const inState = (state: ResolutionState) =>
      lead
        ? db.resolutions.where('[leadUnitId+state]').equals([lead, state])
        : db.resolutions.where('state').equals(state);
    interface Part {
      state: ResolutionState;
      from: string;
      to: string;
      /** Undefined: the state's last range, whose count is known only together with its undated tasks. */
      count?: number;
    }
    interface Plan {
      parts: Part[];
      total: number;
      /** States that may have tasks without a deadline at this level. */
      undated: ResolutionState[];
    }
    const plans = new Map<WarningLevel, Plan>();
    const plan = (l: WarningLevel) => {
      let p = plans.get(l);
      if (!p) plans.set(l, (p = { parts: [], total: 0, undated: [] }));
      return p;
    };
    const perState = await Promise.all(
      states.map(async (state) => {
        const { ranges, noDeadline } = rangesFor(state, f, rc);
        const sorted = [...ranges].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
        const last = sorted.at(-1);
        const covers =
          noDeadline !== undefined &&
          last !== undefined &&
          last.level === noDeadline &&
          sorted[0]!.from === MIN_DATE &&
          last.to === MAX_DATE &&
          sorted.every((r, i) => i === 0 || sorted[i - 1]!.to === r.from);
        if (covers) {
          const head = sorted.slice(0, -1);
          const [all, below, above, ...counts] = await Promise.all([
            inState(state).count(),
            compound(state, Dexie.minKey, MIN_DATE).count(),
            compound(state, MAX_DATE, Dexie.maxKey).count(),
            ...head.map((r) => compound(state, r.from, r.to).count()),
          ]);
          const rest = all - below - above - counts.reduce((n, c) => n + c, 0);
          return { state, covers, sorted, counts, rest, undated: 0 };
        }
        const counts = await Promise.all(sorted.map((r) => compound(state, r.from, r.to).count()));
        let undated = 0;
        if (noDeadline) {
          const [all, dated] = await Promise.all([
            inState(state).count(),
            compound(state, Dexie.minKey, Dexie.maxKey).count(),
          ]);
          undated = all - dated;
        }
        return { state, covers, sorted, counts, rest: 0, undated, noDeadline };
      }),
    );
    for (const s of perState) {
      s.sorted.forEach((r, i) => {
        const p = plan(r.level);
        if (s.covers && i === s.sorted.length - 1) {
          p.parts.push({ state: s.state, from: r.from, to: r.to });
          p.total += s.rest;
          p.undated.push(s.state);
        } else {
          p.parts.push({ state: s.state, from: r.from, to: r.to, count: s.counts[i]! });
          p.total += s.counts[i]!;
        }
      });
      if (!s.covers && s.noDeadline && s.undated > 0) {
        const p = plan(s.noDeadline);
        p.total += s.undated;
        p.undated.push(s.state);
      }
    }

    /** Positions [a, b) of one level, in list order. */
    const levelSlice = async (level: WarningLevel, p: Plan, a: number, b: number): Promise<string[]> => {
      const reverse = level === 'closed';
      const live = p.parts.filter((part) => part.count !== 0);
      const lists = await Promise.all(
        live.map(async (part) => {
          const n = part.count === undefined ? b : Math.min(b, part.count);
          const range = reverse
            ? compound(part.state, part.from, part.to).reverse()
            : compound(part.state, part.from, part.to);
          if (live.length === 1) return { ids: (await range.limit(n).primaryKeys()) as string[], deadlines: undefined };
          const ids: string[] = [];
          const deadlines: string[] = [];
          await range.limit(n).eachKey((key, cursor) => {
            ids.push(cursor.primaryKey as string);
            deadlines.push((key as unknown[]).at(-1) as string);
          });
          return { ids, deadlines };
        }),
      );
      let merged: string[];
      if (lists.length === 1) merged = lists[0]!.ids;
      else {
        const entries = lists.flatMap((l) => l.ids.map((id, i) => ({ id, d: l.deadlines![i]! })));
        const sign = reverse ? -1 : 1;
        entries.sort((x, y) =>
          x.d !== y.d ? (x.d < y.d ? -sign : sign) : x.id === y.id ? 0 : x.id < y.id ? -sign : sign,
        );
        merged = entries.map((e) => e.id);
      }
      if (merged.length >= b) return merged.slice(a, b);
      // Every range was read to its end: the dated tasks are `merged`; the rest of the page is undated.
      const dated = merged.length;
      const out = merged.slice(a);
      const undated: string[] = [];
      for (const state of p.undated) {
        const withDeadline = new Set((await compound(state, Dexie.minKey, Dexie.maxKey).primaryKeys()) as string[]);
        for (const id of (await inState(state).primaryKeys()) as string[]) if (!withDeadline.has(id)) undated.push(id);
      }
      undated.sort();
      return [...out, ...undated.slice(Math.max(0, a - dated), b - dated)];
    };

    const ids: string[] = [];
    let start = 0;
    let total = 0;
    for (const level of ['overdue', 'due_soon', 'none', 'closed'] as const) {
      const p = plans.get(level);
      if (!p || p.total === 0) continue;
      const a = Math.max(0, offset - start);
      const b = Math.min(p.total, offset + limit - start);
      start += p.total;
      total += p.total;
      if (b > a) ids.push(...(await levelSlice(level, p, a, b)));
    }
    return { ids, total };
  };

  /** Whether a record passes every filter (for candidates found through a narrower index). */
  const matches = (
    r: Resolution,
    f: TaskListFilter,
    states: ResolutionState[],
    rc: ReadContext,
  ): WarningLevel | null => {
    if (!states.includes(r.state)) return null;
    if (f.leadUnitId && r.leadUnitId !== f.leadUnitId) return null;
    if (f.coUnitId && !r.coUnitIds.includes(f.coUnitId)) return null;
    if (f.meetingId && r.meetingId !== f.meetingId) return null;
    if (f.pendingExtension && r.extension?.state !== 'pending') return null;
    if ((f.dueFrom || f.dueTo) && !r.deadline) return null;
    if (f.dueFrom && r.deadline! < f.dueFrom) return null;
    if (f.dueTo && r.deadline! > f.dueTo) return null;
    const level = warningLevelOf(r, rc.bounds);
    if (f.warning?.length && !f.warning.includes(level)) return null;
    if (!matchesSearch(f.search, [r.content, r.feedback])) return null;
    return level;
  };

  const compareHits = (a: Hit, b: Hit): number => {
    const rank = LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
    if (rank !== 0) return rank;
    if (a.deadline !== b.deadline) {
      if (a.deadline === undefined) return 1;
      if (b.deadline === undefined) return -1;
      const c = a.deadline < b.deadline ? -1 : 1;
      return a.level === 'closed' ? -c : c;
    }
    const c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return a.level === 'closed' && a.deadline !== undefined ? -c : c;
  };

  /** The latest event of each task (by date, then time of entry): one getAll per task on `resolutionId`. */
  const latestEvents = async (ids: string[]): Promise<Map<string, TaskEvent>> => {
    const lists = await eventsOfEach(db, ids);
    const out = new Map<string, TaskEvent>();
    lists.forEach((events, i) => {
      const latest = events.sort(eventOrder).at(-1);
      if (latest) out.set(ids[i]!, latest);
    });
    return out;
  };

  const toRows = async (records: Resolution[], rc: ReadContext): Promise<TaskRow[]> => {
    const meetingIds = [...new Set(records.map((r) => r.meetingId))];
    const minutesIds = [...new Set(records.flatMap((r) => (r.minutesId ? [r.minutesId] : [])))];
    const [meetings, minutesById, latest] = await Promise.all([
      db.meetings.bulkGet(meetingIds),
      issueNumbersOf(db, minutesIds),
      latestEvents(records.map((r) => r.id)),
    ]);
    const meetingById = new Map(meetings.flatMap((m) => (m ? [[m.id, m] as const] : [])));
    return records.map((r) => {
      const m = meetingById.get(r.meetingId);
      const mn = r.minutesId ? minutesById.get(r.minutesId) : undefined;
      return withoutUndefined<TaskRow>({
        resolution: r,
        warning: taskWarning(r, rc.today, rc.options),
        meeting: m
          ? { id: m.id, year: m.year, sequence: m.sequence, kind: m.kind, startsAt: m.startsAt }
          : {
              id: r.meetingId,
              year: Number((r.issuedOn ?? '0').slice(0, 4)),
              sequence: 0,
              kind: 'regular',
              startsAt: '',
            },
        issueNumber: mn?.issueNumber,
        issueYear: mn?.issueYear,
        latestEvent: latest.get(r.id),
      });
    });
  };

  const list = async (f: TaskListFilter = {}) =>
    db.transaction('r', readTables, async () => {
      for (const [d, label] of [
        [f.dueFrom, '到期日期起'],
        [f.dueTo, '到期日期止'],
      ] as const)
        if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
          throw new DomainError('validation', `${label}格式不正确，应为年-月-日`);
      const rc = await readContext();
      const states = (f.states?.length ? f.states : ISSUED_STATES).filter((s) => s !== 'draft');
      const offset = Math.max(0, Math.floor(f.offset ?? 0));
      const limit = f.limit === undefined ? Infinity : Math.max(0, Math.floor(f.limit));
      let hits: Hit[];
      let loaded: Map<string, Resolution> | undefined;
      // Narrow, value-reading candidates when a filter picks few rows; otherwise index keys only.
      let candidates: Resolution[] | undefined;
      if (f.quarterCell) {
        const quarter = parseQuarterKey(f.quarterCell.quarter);
        if (!quarter || !isQuarterFigure(f.quarterCell.figure))
          throw new DomainError('validation', '季度或统计项不正确');
        const ids = await readQuarterCellIds(db, { ...f.quarterCell, quarter }, rc.today);
        candidates = (await db.resolutions.bulkGet(ids)).filter((r): r is Resolution => r !== undefined);
      } else if (f.meetingId) {
        candidates = (
          await Promise.all(
            states.map((s) => db.resolutions.where('[meetingId+state]').equals([f.meetingId!, s]).toArray()),
          )
        ).flat();
      } else if (f.pendingExtension) {
        candidates = await db.resolutions.where('extension.state').equals('pending').toArray();
      } else if (f.coUnitId) {
        candidates = await db.resolutions.where('coUnitIds').equals(f.coUnitId).toArray();
      }
      if (candidates) {
        hits = [];
        loaded = new Map();
        for (const r of candidates) {
          const level = matches(r, f, states, rc);
          if (level === null) continue;
          hits.push({ id: r.id, ...(r.deadline ? { deadline: r.deadline } : {}), level });
          loaded.set(r.id, r);
        }
        hits.sort(compareHits);
      } else if (!f.search?.trim() && offset + limit <= PAGED_FROM_INDEXES) {
        const page = await pageFromIndexes(f, states, rc, offset, limit);
        const records = (await db.resolutions.bulkGet(page.ids)).filter((r): r is Resolution => r !== undefined);
        return { rows: await toRows(records, rc), total: page.total };
      } else {
        hits = await hitsFromKeys(f, states, rc);
        if (f.search?.trim()) {
          const records = await db.resolutions.bulkGet(hits.map((h) => h.id));
          loaded = new Map();
          const kept: Hit[] = [];
          records.forEach((r, i) => {
            if (r && matchesSearch(f.search, [r.content, r.feedback])) {
              kept.push(hits[i]!);
              loaded!.set(r.id, r);
            }
          });
          hits = kept;
        }
      }
      const page = hits.slice(offset, offset + limit);
      const records = loaded
        ? page.map((h) => loaded!.get(h.id)!)
        : (await db.resolutions.bulkGet(page.map((h) => h.id))).filter((r): r is Resolution => r !== undefined);
      return { rows: await toRows(records, rc), total: hits.length };
    });

  const get = async (id: string) =>
    db.transaction('r', readTables, async (): Promise<TaskDetail | undefined> => {
      const r = await db.resolutions.get(id);
      if (!r || r.state === 'draft') return undefined;
      const rc = await readContext();
      const [row] = await toRows([r], rc);
      const events = (
        await db.taskEvents.where('[resolutionId+on]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()
      ).sort(eventOrder);
      const agendaItem = r.agendaItemId ? await db.agendaItems.get(r.agendaItemId) : undefined;
      return withoutUndefined<TaskDetail>({ ...row!, events, minutesId: r.minutesId, agendaItem });
    });

  /**
   * One action inside an open audited transaction: permission (a liaison: the task's lead or co-unit), the
   * rule, the task, its event and the audit entries. `prepare` adds fields to the event (e.g. the notice
   * number, a feedback form's idempotency key). Used by {@link act} and by the feedback-form import, which
   * records many actions in one transaction.
   */
  const applyInTransaction: ApplyTaskActionInTransaction = async (audit, id, name, build, prepare, files = []) => {
    const before = await db.resolutions.get(id);
    if (!before) throw new DomainError('not-found', '找不到该督办任务，可能已被删除');
    guard(audit, TASK_ACTION_PERMISSION[name], { targetUnitIds: [before.leadUnitId, ...before.coUnitIds] });
    if (files.length > 0) guard(audit, 'attachment.add');
    const actor = audit.currentActor;
    const action = build(actor, before);
    const calendar = await readCalendar(db);
    const at = ctx.now().toISOString();
    const out = applyTaskAction(before, action, { on: today(), at, actorName: actor.name, calendar });
    let resolution = before;
    if (out.resolution !== before) {
      resolution = toResolution(out.resolution);
      await db.resolutions.put(resolution);
      audit.record({
        entity: 'resolution',
        entityId: id,
        action: resolution.state !== before.state ? 'transition' : 'update',
        before,
        after: resolution,
        reason: TASK_ACTION_LABELS[action.type],
      });
    }
    // A liaison reports for its own unit (when it is one of the task's units).
    const ownUnit =
      actor.role === 'liaison' &&
      actor.unitId &&
      (before.leadUnitId === actor.unitId || before.coUnitIds.includes(actor.unitId))
        ? actor.unitId
        : undefined;
    const extra = prepare ? await prepare(audit, out.event) : {};
    const event = toEvent({
      ...(ownUnit ? { unitId: ownUnit } : {}),
      ...out.event,
      ...extra,
      id: ctx.newId(),
      createdAt: at,
    });
    await db.taskEvents.add(event);
    audit.record({ entity: 'taskEvent', entityId: event.id, action: 'create', before: null, after: event });
    // The event's files (报送进展, 办结报告): owner = the new event.
    for (const file of files) await storeAttachment(ctx, audit, { type: 'progress', id: event.id }, file);
    return { resolution, event };
  };

  /** One action in ONE audited transaction (see {@link applyInTransaction}). */
  const act = <T>(
    id: string,
    name: TaskActionName,
    build: (actor: { unitId?: string | undefined; role: string }, before: Resolution) => TaskAction,
    finish: (out: { resolution: Resolution; event: TaskEvent }, audit: AuditWriter) => Promise<T> | T,
    prepare?: (audit: AuditWriter, event: Omit<TaskEvent, 'id' | 'createdAt'>) => Promise<Partial<TaskEvent>>,
    files: readonly PreparedAttachment[] = [],
  ): Promise<T> =>
    auditedWrite(ctx, [db.resolutions, db.taskEvents, db.attachments], async (audit) =>
      finish(await applyInTransaction(audit, id, name, build, prepare, files), audit),
    );

  const resolutionOf = ({ resolution }: { resolution: Resolution }) => resolution;

  const unitOpenTasks: FollowupRepository['unitOpenTasks'] = async (unitId) => {
    const states = [...WARNED_STATES];
    const [led, co] = await Promise.all([list({ leadUnitId: unitId, states }), list({ coUnitId: unitId, states })]);
    const rows = [
      ...led.rows.map((r) => ({ ...r, role: 'lead' as const })),
      ...co.rows.filter((r) => r.resolution.leadUnitId !== unitId).map((r) => ({ ...r, role: 'co' as const })),
    ];
    const key = (r: TaskRow) => r.resolution.deadline ?? MAX_DATE;
    return rows.sort((a, b) => key(a).localeCompare(key(b)) || a.resolution.id.localeCompare(b.resolution.id));
  };

  return {
    list,
    get,
    unitOpenTasks,
    feedbackForms: createFeedbackFormOps(ctx, applyInTransaction),

    progress: async (id, input) => {
      // Files are read and checked before the transaction opens (it would commit while a Blob is read).
      const files = await prepareAttachments(input.attachments);
      return act(
        id,
        'progress',
        (actor) => {
          if (actor.role === 'liaison' && input.unitId !== undefined && input.unitId !== actor.unitId)
            throw new DomainError('forbidden', '联络员只能以本单位名义报送进展');
          return {
            type: 'progress',
            text: input.text,
            on: input.on,
            ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
            ...(input.percent !== undefined ? { percent: input.percent } : {}),
          };
        },
        resolutionOf,
        undefined,
        files,
      );
    },

    remind: (id, input) => {
      let notice: { year: number; number: number } | undefined;
      return act(
        id,
        'remind',
        () => ({ type: 'remind', text: input.text }),
        (out) => ({ ...out, noticeNumber: notice! }),
        async (audit, event) => {
          const year = Number(event.on.slice(0, 4));
          const row = await db.settings.get(NOTICE_NUMBERS_KEY);
          const before = isNumberMap(row?.value) ? row.value : {};
          const number = (before[String(year)] ?? 0) + 1;
          const after = { ...before, [String(year)]: number };
          await db.settings.put({ key: NOTICE_NUMBERS_KEY, value: after });
          audit.record({ entity: 'settings', entityId: NOTICE_NUMBERS_KEY, action: 'update', before, after });
          notice = { year, number };
          return { notice };
        },
      );
    },

    comment: (id, text) =>
      act(
        id,
        'comment',
        () => ({ type: 'comment', text }),
        ({ event }) => event,
      ),

    requestExtension: (id, input) =>
      act(
        id,
        'request_extension',
        () => ({ type: 'request_extension', proposedDeadline: input.proposedDeadline, reason: input.reason }),
        resolutionOf,
      ),

    decideExtension: (id, input) =>
      act(
        id,
        'decide_extension',
        () => ({
          type: 'decide_extension',
          approved: input.approved,
          ...(input.note !== undefined ? { note: input.note } : {}),
        }),
        resolutionOf,
      ),

    cannotComplete: (id, input) =>
      act(id, 'cannot_complete', () => ({ type: 'cannot_complete', reason: input.reason }), resolutionOf),

    escalate: (id, input) =>
      act(
        id,
        'escalate',
        () => ({ type: 'escalate', ...(input.note !== undefined ? { note: input.note } : {}) }),
        resolutionOf,
      ),

    claimDone: async (id, input) => {
      const files = await prepareAttachments(input.attachments);
      return act(id, 'claim_done', () => ({ type: 'claim_done', text: input.text }), resolutionOf, undefined, files);
    },

    verify: (id, input) =>
      act(id, 'verify', () => ({ type: 'verify', passed: input.passed, finding: input.finding }), resolutionOf),

    attention: () =>
      db.transaction('r', readTables, async (): Promise<AttentionCounts> => {
        const zero = {
          dueSoon: 0,
          overdue: 0,
          pendingVerification: 0,
          pendingExtensions: 0,
          minutesAwaitingSignOff: 0,
        };
        const [profile, rc] = await Promise.all([readCurrentProfile(db), readContext()]);
        if (!profile) return zero;
        const { overdueBefore, dueSoonBefore } = rc.bounds;
        const open = (r: Resolution) => OPEN_RESOLUTION_STATES.includes(r.state);
        // Counts run side by side in the one transaction; the few pending extensions are read in one getAll
        // and filtered here (a filtered count would step a cursor through them one request at a time).
        const pending = () => db.resolutions.where('extension.state').equals('pending').toArray();
        const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
        if (profile.role === 'liaison') {
          const unit = profile.unitId;
          if (!unit) return zero;
          const range = (s: ResolutionState, from: unknown, to: unknown) =>
            db.resolutions
              .where('[leadUnitId+state+deadline]')
              .between([unit, s, from], [unit, s, to], true, false)
              .count();
          const [overdue, dueSoon, pendingVerification, coHandled, extensions] = await Promise.all([
            Promise.all(WARNED_STATES.map((s) => range(s, Dexie.minKey, overdueBefore))).then(sum),
            Promise.all(WARNED_STATES.map((s) => range(s, overdueBefore, dueSoonBefore))).then(sum),
            db.resolutions.where('[leadUnitId+state]').equals([unit, 'done_pending_verification']).count(),
            // Co-handled tasks (multi-entry index: a unit co-handles far fewer tasks than exist).
            db.resolutions.where('coUnitIds').equals(unit).toArray(),
            pending(),
          ]);
          const counts = { ...zero, overdue, dueSoon, pendingVerification };
          for (const r of coHandled) {
            if (r.leadUnitId === unit) continue;
            const level = warningLevelOf(r, rc.bounds);
            if (level === 'overdue') counts.overdue++;
            if (level === 'due_soon') counts.dueSoon++;
            if (r.state === 'done_pending_verification') counts.pendingVerification++;
          }
          counts.pendingExtensions = extensions.filter(
            (r) => open(r) && (r.leadUnitId === unit || r.coUnitIds.includes(unit)),
          ).length;
          return counts;
        }
        const range = (s: ResolutionState, from: unknown, to: unknown) =>
          db.resolutions.where('[state+deadline]').between([s, from], [s, to], true, false).count();
        const signOff = profile.role === 'office_staff' || profile.role === 'convener';
        const [overdue, dueSoon, pendingVerification, extensions, minutesAwaitingSignOff] = await Promise.all([
          Promise.all(WARNED_STATES.map((s) => range(s, Dexie.minKey, overdueBefore))).then(sum),
          Promise.all(WARNED_STATES.map((s) => range(s, overdueBefore, dueSoonBefore))).then(sum),
          db.resolutions.where('state').equals('done_pending_verification').count(),
          pending(),
          signOff ? db.minutes.where('state').equals('review').count() : 0,
        ]);
        return {
          overdue,
          dueSoon,
          pendingVerification,
          pendingExtensions: extensions.filter(open).length,
          minutesAwaitingSignOff,
        };
      }),

    events: (resolutionIds) =>
      db.transaction('r', [db.taskEvents], async () => {
        const ids = [...new Set(resolutionIds)];
        const lists = await eventsOfEach(db, ids);
        return new Map(ids.map((id, i) => [id, lists[i]!.sort(eventOrder)]));
      }),

    recordLedgerExport: (fileName, counts) =>
      auditedWrite(ctx, [db.resolutions], async (audit) => {
        audit.record({
          entity: 'system',
          entityId: FOLLOWUP_LEDGER_EXPORT_ID,
          action: 'export',
          before: null,
          after: { document: '督办事项台账', fileName, rows: counts.tasks, events: counts.events },
        });
      }),

    eventAttachments: (resolutionId) =>
      db.transaction('r', [db.taskEvents, db.attachments], async () => {
        const events = await db.taskEvents
          .where('[resolutionId+on]')
          .between([resolutionId, Dexie.minKey], [resolutionId, Dexie.maxKey])
          .toArray();
        // Only these kinds carry files; one index range per event, never a scan.
        const owners = events.filter((e) => e.kind === 'progress' || e.kind === 'completion').sort(eventOrder);
        const lists = await Promise.all(
          owners.map((e) => db.attachments.where('[ownerType+ownerId]').equals(['progress', e.id]).toArray()),
        );
        const out = new Map<string, AttachmentMeta[]>();
        owners.forEach((e, i) => {
          const files = lists[i]!.map(({ data: _content, ...meta }) => meta as AttachmentMeta).sort(
            (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
          );
          if (files.length > 0) out.set(e.id, files);
        });
        return out;
      }),

    recordNoticeExport: (resolutionId, eventId, fileName) =>
      auditedWrite(ctx, [db.resolutions, db.taskEvents], async (audit) => {
        const r = await db.resolutions.get(resolutionId);
        if (!r) throw new DomainError('not-found', '找不到该督办任务，可能已被删除');
        const e = await db.taskEvents.get(eventId);
        if (!e || e.resolutionId !== resolutionId || e.kind !== 'reminder')
          throw new DomainError('not-found', '找不到这次催办记录');
        if (!e.notice) throw new DomainError('validation', '这次催办没有督办通知单编号');
        audit.record({
          entity: 'resolution',
          entityId: resolutionId,
          action: 'export',
          before: null,
          after: {
            document: '督办通知单',
            fileName: fileName.trim(),
            eventId,
            notice: { year: e.notice.year, number: e.notice.number },
            on: e.on,
          },
        });
      }),
  };
}

/** Timeline order: by date, then by time of entry, then id. */
function eventOrder(a: TaskEvent, b: TaskEvent): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isNumberMap(v: unknown): v is Record<string, number> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}

function toResolution(candidate: Resolution): Resolution {
  return withoutUndefined(
    parseOrThrow(resolutionSchema, candidate, {
      content: '议定事项内容',
      leadUnitId: '牵头单位',
      deadline: '完成时限',
    }),
  );
}

function toEvent(candidate: TaskEvent): TaskEvent {
  return withoutUndefined(parseOrThrow(taskEventSchema, candidate, { text: '内容', on: '日期', percent: '完成比例' }));
}
