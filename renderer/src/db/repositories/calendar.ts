import type { z } from 'zod';
import {
  BUNDLED_CALENDAR,
  DomainError,
  mergeCalendar,
  parseYearSchedule,
  yearScheduleSchema,
  type WorkingDayCalendar,
  type YearSchedule,
} from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { guard } from '../permission-guard';
import { safeParseZh } from '../validation';

/** Setting key of the years the office imported: `YearSchedule[]`, one per year, by year. */
export const CALENDAR_IMPORTED_KEY = 'calendar.imported';

/** The working-day calendar the deadlines are computed with (bundled 2004–2026 + imported years). */
export type Calendar = WorkingDayCalendar;

export interface CalendarRepository {
  /** The years the office imported, by year (each replaces the bundled data of its year). */
  imported(): Promise<YearSchedule[]>;
  /** {@link BUNDLED_CALENDAR} merged with the imported years; an imported year wins. */
  calendar(): Promise<Calendar>;
  /**
   * One year's 放假调休 schedule: an object or its JSON text, in the app's format
   * `{ year, holidays: [{ date, name }], workdays: [{ date, name? }] }` or a `chinese-days` per-year JSON.
   * Refused with DomainError('import-invalid') naming each wrong entry; nothing is written then.
   * Replaces an earlier import of the same year. Audited as entity 'settings', id 'calendar.imported'.
   */
  importYear(json: unknown): Promise<YearSchedule>;
  /** Removes an imported year (the bundled data, if any, applies again). Audited. */
  removeYear(year: number): Promise<void>;
}

export function createCalendarRepository(ctx: DataLayerContext): CalendarRepository {
  const { db } = ctx;
  return {
    imported: () => db.transaction('r', [db.settings], () => readImported(db)),

    calendar: () => db.transaction('r', [db.settings], () => readCalendar(db)),

    async importYear(json) {
      const schedule = parseImport(json);
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.calendar');
        const list = await readImported(db);
        const before = list.find((s) => s.year === schedule.year);
        const next = [...list.filter((s) => s.year !== schedule.year), schedule].sort((a, b) => a.year - b.year);
        await db.settings.put({ key: CALENDAR_IMPORTED_KEY, value: next });
        audit.record({
          entity: 'settings',
          entityId: CALENDAR_IMPORTED_KEY,
          action: 'import',
          before: before ? auditSnapshot(before) : null,
          after: auditSnapshot(schedule),
        });
        return schedule;
      });
    },

    async removeYear(year) {
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.calendar');
        const list = await readImported(db);
        const before = list.find((s) => s.year === year);
        if (!before) throw new DomainError('not-found', `未导入${year}年的放假调休安排`);
        await db.settings.put({ key: CALENDAR_IMPORTED_KEY, value: list.filter((s) => s.year !== year) });
        audit.record({
          entity: 'settings',
          entityId: CALENDAR_IMPORTED_KEY,
          action: 'delete',
          before: auditSnapshot(before),
          after: null,
        });
      });
    },
  };
}

/**
 * The calendar as stored, for use INSIDE another repository's transaction (e.g. issuing minutes):
 * it only reads `db.settings`, which every `auditedWrite` transaction includes. Outside a transaction
 * it reads on its own. A stored entry that no longer validates is skipped (its year counts as not
 * imported, so a deadline reaching it is provisional rather than wrong).
 */
export async function readCalendar(db: JointDeskDB): Promise<Calendar> {
  return mergeCalendar(BUNDLED_CALENDAR, await readImported(db));
}

async function readImported(db: JointDeskDB): Promise<YearSchedule[]> {
  const value = (await db.settings.get(CALENDAR_IMPORTED_KEY))?.value;
  if (!Array.isArray(value)) return [];
  const byYear = new Map<number, YearSchedule>();
  for (const item of value) {
    const parsed = yearScheduleSchema.safeParse(item);
    if (parsed.success) byYear.set(parsed.data.year, parsed.data);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The audit trail names the change ("设置“2027年放假调休安排”") and keeps the whole schedule. */
function auditSnapshot(s: YearSchedule) {
  return { name: `${s.year}年放假调休安排`, ...s };
}

/** The shape of a `chinese-days` per-year file: no `year`, `holidays` is an object keyed by date. */
function isChineseDaysShape(json: object): boolean {
  const { year, holidays } = json as { year?: unknown; holidays?: unknown };
  return year === undefined && typeof holidays === 'object' && holidays !== null && !Array.isArray(holidays);
}

const invalid = (details: string[]) =>
  new DomainError(
    'import-invalid',
    `年度安排有误：${details[0]}${details.length > 1 ? ` 等${details.length}处` : ''}`,
    details,
  );

/** Parses pasted JSON text or an object into a checked schedule; every problem named in Chinese. */
export function parseImport(json: unknown): YearSchedule {
  let input = json;
  if (typeof input === 'string') {
    if (input.trim() === '') throw invalid(['内容为空，请粘贴或选择年度安排 JSON']);
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      throw invalid(['不是有效的 JSON：请检查括号、引号和逗号（须使用英文半角符号）']);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid(['年度安排应为一个 JSON 对象，包含 year、holidays、workdays 三项']);
  }
  if (isChineseDaysShape(input)) return parseYearSchedule(input);
  const result = safeParseZh(yearScheduleSchema, input);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((issue) => importIssueMessage(issue, input)));
}

const LIST_NAMES: Record<string, string> = { holidays: '放假', workdays: '调休上班' };
const HAS_FIELD = /年份|放假|调休/;

/** Which entry a path points at: 年份, 放假第2项日期, 调休上班日期列表 … */
function fieldName(path: readonly PropertyKey[]): string {
  const [key, index, sub] = path;
  if (key === 'year') return '年份';
  const list = typeof key === 'string' ? LIST_NAMES[key] : undefined;
  if (!list) return path.map(String).join('.');
  if (typeof index !== 'number') return `${list}日期列表（${String(key)}）`;
  const part = sub === 'date' ? '的日期（date）' : sub === 'name' ? '的名称（name）' : '';
  return `${list}第${index + 1}项${part}`;
}

function importIssueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code !== 'invalid_type' && HAS_FIELD.test(issue.message)) return issue.message;
  const field = fieldName(issue.path);
  if (issue.code === 'invalid_type') {
    const value = valueAt(input, issue.path);
    if (value === undefined || value === null) return `缺少${field}`;
    return HAS_FIELD.test(issue.message) ? issue.message : `${field}格式不正确`;
  }
  return `${field}：${issue.message}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
