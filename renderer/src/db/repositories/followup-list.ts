/**
 * The follow-up reads (督办 task list and one task): the list through the indexes that match its filter — counts
 * and short key reads for a page (pageFromIndexes), every key for deeper pages or a search (hitsFromKeys), narrow
 * value reads for the unit/meeting/extension/quarter-cell filters — and the rows built from one read of what a page
 * needs (meetings, 第×期, each task's latest event). The rule profile and calendar are read once per call
 * (readContext). Used by createFollowupRepository (followup.ts), which adds the actions.
 */
import Dexie from 'dexie';
import {
  DomainError,
  RESOLUTION_STATES,
  WARNED_STATES,
  isQuarterFigure,
  parseQuarterKey,
  taskWarning,
  warningBounds,
  warningLevelOf,
  type Resolution,
  type ResolutionState,
  type TaskEvent,
  type WarningLevel,
  type WarningOptions,
} from '../../../../shared/domain';
import { readCalendar } from './calendar';
import { readQuarterCellIds } from './home';
import { matchesSearch, withoutUndefined } from './list-helpers';
import { readActive } from './rules';
import { eventsOfEach, issueNumbersOf } from './native-reads';
import type { JointDeskDB } from '../database';
import type { TaskDetail, TaskListFilter, TaskRow } from './followup-types';

const ISSUED_STATES = RESOLUTION_STATES.filter((s) => s !== 'draft');
const MIN_DATE = '0000-00-00';
export const MAX_DATE = '9999-99-99';
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

export interface ReadContext {
  today: string;
  options: WarningOptions;
  bounds: { overdueBefore: string; dueSoonBefore: string };
}

const addOneDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The read side of the follow-up repository over `db`, with today's business date from `today`. */
export function createTaskReads(db: JointDeskDB, today: () => string) {
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

  /** Tasks of `state` (of one lead unit when given) with a deadline in [from, to): the compound deadline index. */
  const deadlineRange = (lead: string | undefined, state: ResolutionState, from: unknown, to: unknown) =>
    lead
      ? db.resolutions.where('[leadUnitId+state+deadline]').between([lead, state, from], [lead, state, to], true, false)
      : db.resolutions.where('[state+deadline]').between([state, from], [state, to], true, false);
  /** Every task of `state` (of one lead unit when given), with or without a deadline. */
  const stateOf = (lead: string | undefined, state: ResolutionState) =>
    lead
      ? db.resolutions.where('[leadUnitId+state]').equals([lead, state])
      : db.resolutions.where('state').equals(state);

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
    const compound = (state: ResolutionState, from: unknown, to: unknown) => deadlineRange(lead, state, from, to);
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
        const all = stateOf(lead, state);
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
    const compound = (state: ResolutionState, from: unknown, to: unknown) => deadlineRange(lead, state, from, to);
    const inState = (state: ResolutionState) => stateOf(lead, state);
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

  return { readTables, readContext, list, get };
}

/** Timeline order: by date, then by time of entry, then id. */
export function eventOrder(a: TaskEvent, b: TaskEvent): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
