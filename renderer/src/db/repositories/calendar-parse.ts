import type { z } from 'zod';
import { DomainError, parseYearSchedule, yearScheduleSchema, type YearSchedule } from '../../../../shared/domain';
import { safeParseZh, valueAt } from '../validation';

/**
 * The checks of a 年度安排 (working-day calendar) import, with no database: the calendar repository runs them
 * before its one audited write, and the import worker (lib/xlsx/parse-import.ts, kind 'calendar') runs them
 * off the page's thread on the file's or the pasted text's bytes (size cap, UTF-8, JSON, zod), so the page
 * only receives a checked schedule.
 */

/** Largest 年度安排 accepted, as a file or as pasted text (a real one is under 10 KB). */
export const MAX_SCHEDULE_BYTES = 256 * 1024;

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
