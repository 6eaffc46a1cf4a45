import { z } from 'zod';
import type { DeadlineRule } from '../editor/document';
import { addDays } from './dates';
import { DomainError } from './errors';
import { BUNDLED_YEARS } from './working-days-data';

/**
 * The working-day calendar (DOMAIN.md "Working-day calendar", DOCX-FORMAT.md §4).
 * A date is a working day if it is a 调休 make-up day, or a Mon–Fri that is not a statutory holiday.
 * Years outside `coveredYears` are counted Mon–Fri and every result reaching them is `provisional` (暂定).
 */
export interface WorkingDayCalendar {
  /** Statutory holidays (放假), `YYYY-MM-DD`, incl. weekdays taken off in exchange. */
  holidays: ReadonlySet<string>;
  /** 调休上班: make-up working Saturdays/Sundays, `YYYY-MM-DD`. */
  workdays: ReadonlySet<string>;
  /** Smallest / largest covered year (for display, e.g. "2004–2026年"). */
  firstYear: number;
  lastYear: number;
  /** Years whose schedule is known (bundled or imported). */
  coveredYears: ReadonlySet<number>;
}

/** A deadline with whether it reached a year the calendar does not cover (then shown 暂定). */
export interface DeadlineResult {
  date: string;
  provisional: boolean;
}

/** One year's 放假调休 schedule as imported by the office (the State Council notice). */
export interface YearSchedule {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name?: string }[];
}

function buildCalendar(years: ReadonlyMap<number, { holidays: string[]; workdays: string[] }>): WorkingDayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const y of years.values()) {
    y.holidays.forEach((d) => holidays.add(d));
    y.workdays.forEach((d) => workdays.add(d));
  }
  const covered = [...years.keys()].sort((a, b) => a - b);
  return {
    holidays,
    workdays,
    firstYear: covered[0] ?? 0,
    lastYear: covered[covered.length - 1] ?? 0,
    coveredYears: new Set(covered),
  };
}

function parseTokens(year: number, s: string): { date: string; name: string }[] {
  if (!s) return [];
  return s.split(' ').map((t) => ({ date: `${year}-${t.slice(0, 2)}-${t.slice(2, 4)}`, name: t.slice(5) }));
}

/** Bundled schedules per year (2004–2026 from `chinese-days`, see working-days-data.ts). */
export function bundledYearSchedules(): YearSchedule[] {
  return Object.entries(BUNDLED_YEARS).map(([y, v]) => ({
    year: Number(y),
    holidays: parseTokens(Number(y), v.h),
    workdays: parseTokens(Number(y), v.w),
  }));
}

function yearMap(schedules: readonly YearSchedule[]): Map<number, { holidays: string[]; workdays: string[] }> {
  const m = new Map<number, { holidays: string[]; workdays: string[] }>();
  for (const s of schedules)
    m.set(s.year, { holidays: s.holidays.map((h) => h.date), workdays: s.workdays.map((w) => w.date) });
  return m;
}

/** The calendar shipped with the app: statutory holidays and 调休 make-up days 2004–2026. */
export const BUNDLED_CALENDAR: WorkingDayCalendar = buildCalendar(yearMap(bundledYearSchedules()));

function weekday(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new DomainError('validation', `日期格式不正确：${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Whether `date` (`YYYY-MM-DD`) is a working day; uncovered years: Mon–Fri. */
export function isWorkingDay(date: string, cal: WorkingDayCalendar = BUNDLED_CALENDAR): boolean {
  const wd = weekday(date);
  if (!cal.coveredYears.has(yearOf(date))) return wd !== 0 && wd !== 6;
  if (cal.workdays.has(date)) return true;
  return wd !== 0 && wd !== 6 && !cal.holidays.has(date);
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** Mon–Fri days in [1970-01-01, day n] (1970-01-01 was a Thursday). */
function weekdaysUpTo(n: number): number {
  const days = n + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let k = 0; k < days - weeks * 7; k++) {
    const wd = (4 + k) % 7;
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}

interface Adjustments {
  /** Sorted day numbers where the calendar departs from Mon–Fri, with the running sum of departures. */
  days: number[];
  prefix: number[];
}
const adjustmentCache = new WeakMap<WorkingDayCalendar, Adjustments>();

/** −1 for each weekday holiday, +1 for each 调休 weekend working day, in covered years (cached per calendar). */
function adjustments(cal: WorkingDayCalendar): Adjustments {
  const cached = adjustmentCache.get(cal);
  if (cached) return cached;
  const deltas: [number, number][] = [];
  for (const d of cal.holidays) {
    const wd = weekday(d);
    if (cal.coveredYears.has(yearOf(d)) && wd !== 0 && wd !== 6 && !cal.workdays.has(d))
      deltas.push([dayNumber(d), -1]);
  }
  for (const d of cal.workdays) {
    const wd = weekday(d);
    if (cal.coveredYears.has(yearOf(d)) && (wd === 0 || wd === 6)) deltas.push([dayNumber(d), 1]);
  }
  deltas.sort((a, b) => a[0] - b[0]);
  const result: Adjustments = { days: [], prefix: [] };
  let sum = 0;
  for (const [day, delta] of deltas) {
    sum += delta;
    result.days.push(day);
    result.prefix.push(sum);
  }
  adjustmentCache.set(cal, result);
  return result;
}

/** Sum of the departures on days ≤ n. */
function adjustmentUpTo(a: Adjustments, n: number): number {
  let lo = 0;
  let hi = a.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.days[mid]! <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : a.prefix[lo - 1]!;
}

/**
 * Working days after `fromExclusive` up to and including `toInclusive` (0 when `to` ≤ `from`), in constant
 * time per call: Mon–Fri counted in closed form, then the calendar's holidays and 调休 days applied by
 * binary search. Equal to counting `isWorkingDay` day by day (tested), without walking years of days for a
 * long-overdue task.
 */
export function workingDaysBetween(
  fromExclusive: string,
  toInclusive: string,
  cal: WorkingDayCalendar = BUNDLED_CALENDAR,
): number {
  const a = dayNumber(fromExclusive);
  const b = dayNumber(toInclusive);
  if (!(b > a)) return 0;
  const adj = adjustments(cal);
  return weekdaysUpTo(b) - weekdaysUpTo(a) + adjustmentUpTo(adj, b) - adjustmentUpTo(adj, a);
}

/**
 * The date `n` working days after `start`: the start day is not counted; 调休 Saturdays/Sundays count.
 * `n = 0` returns `start` itself if it is a working day, otherwise the next working day.
 * `provisional` is true if any day examined lies in a year the calendar does not cover.
 */
export function addWorkingDays(
  start: string,
  n: number,
  calendar: WorkingDayCalendar = BUNDLED_CALENDAR,
): DeadlineResult {
  if (!Number.isInteger(n) || n < 0) throw new DomainError('validation', `工作日天数应为非负整数：${n}`);
  let provisional = !calendar.coveredYears.has(yearOf(start));
  let d = start;
  if (n === 0) return nextWorkingDayFrom(start, calendar, provisional);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (!calendar.coveredYears.has(yearOf(d))) provisional = true;
    if (isWorkingDay(d, calendar)) left--;
  }
  return { date: d, provisional };
}

function nextWorkingDayFrom(date: string, cal: WorkingDayCalendar, provisional: boolean): DeadlineResult {
  let d = date;
  let p = provisional || !cal.coveredYears.has(yearOf(d));
  while (!isWorkingDay(d, cal)) {
    d = addDays(d, 1);
    if (!cal.coveredYears.has(yearOf(d))) p = true;
  }
  return { date: d, provisional: p };
}

/**
 * A calendar-day period: `start + n` days (start day not counted); if it ends on a rest day
 * (weekend or holiday, not a 调休 day) it moves to the next working day (民诉法 第八十五条).
 */
export function addCalendarDays(
  start: string,
  n: number,
  calendar: WorkingDayCalendar = BUNDLED_CALENDAR,
): DeadlineResult {
  if (!Number.isInteger(n) || n < 0) throw new DomainError('validation', `天数应为非负整数：${n}`);
  const end = addDays(start, n);
  return nextWorkingDayFrom(end, calendar, !calendar.coveredYears.has(yearOf(start)));
}

/**
 * The due date of a resolution deadline. A fixed date is stated in the minutes as is: never moved and
 * never provisional. "N working days after issuance" counts from `issuedOn`.
 */
export function resolveDeadline(
  rule: DeadlineRule,
  issuedOn: string,
  calendar: WorkingDayCalendar = BUNDLED_CALENDAR,
): DeadlineResult {
  if (rule.kind === 'date') return { date: rule.date, provisional: false };
  return addWorkingDays(issuedOn, rule.days, calendar);
}

/** `base` with each imported year REPLACING that year's data (imported takes precedence). */
export function mergeCalendar(base: WorkingDayCalendar, imported: readonly YearSchedule[]): WorkingDayCalendar {
  const m = new Map<number, { holidays: string[]; workdays: string[] }>();
  for (const y of base.coveredYears) m.set(y, { holidays: [], workdays: [] });
  for (const d of base.holidays) m.get(yearOf(d))?.holidays.push(d);
  for (const d of base.workdays) m.get(yearOf(d))?.workdays.push(d);
  for (const [y, v] of yearMap(imported)) m.set(y, v);
  return buildCalendar(m);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function realDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const entry = (label: string) =>
  z.object({
    date: z.string({ message: `${label}日期缺失` }),
    name: z.string().trim().max(40, `${label}名称过长`).optional(),
  });

/**
 * One year's schedule as imported. Checks: dates real and inside `year`, holidays not empty,
 * no date both 放假 and 调休上班, every 调休上班 is a Saturday or Sunday, no duplicates,
 * at most 40 holidays. Messages are Chinese and name the offending entry.
 */
export const yearScheduleSchema = z
  .object({
    year: z
      .number({ message: '年份应为数字' })
      .int('年份应为整数')
      .min(2000, '年份不能早于2000年')
      .max(2100, '年份不能晚于2100年'),
    holidays: z.array(entry('放假')).min(1, '放假日期不能为空'),
    workdays: z.array(entry('调休上班')).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    const check = (list: { date: string }[], key: 'holidays' | 'workdays', label: string) =>
      list.forEach((e, i) => {
        const at = `${label}第${i + 1}项（${e.date}）`;
        if (!realDate(e.date)) ctx.addIssue({ code: 'custom', path: [key, i], message: `${at}：不是有效日期` });
        else if (yearOf(e.date) !== s.year)
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${at}：不在${s.year}年内` });
        else if (key === 'workdays' && weekday(e.date) !== 0 && weekday(e.date) !== 6)
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${at}：调休上班日应为周六或周日` });
        if (seen.has(e.date))
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: key === 'workdays' ? `${at}：同一日期既是放假又是调休上班` : `${at}：日期重复`,
          });
        seen.add(e.date);
      });
    check(s.holidays, 'holidays', '放假');
    const holidaySet = new Set(s.holidays.map((h) => h.date));
    s.workdays.forEach((w, i) => {
      if (!holidaySet.has(w.date) && s.workdays.findIndex((x) => x.date === w.date) !== i)
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班第${i + 1}项（${w.date}）：日期重复` });
    });
    s.workdays.forEach((w, i) => {
      if (holidaySet.has(w.date))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班第${i + 1}项（${w.date}）：同一日期既是放假又是调休上班`,
        });
      else if (realDate(w.date) && yearOf(w.date) !== s.year)
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班第${i + 1}项（${w.date}）：不在${s.year}年内`,
        });
      else if (realDate(w.date) && weekday(w.date) !== 0 && weekday(w.date) !== 6)
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班第${i + 1}项（${w.date}）：调休上班日应为周六或周日`,
        });
      else if (!realDate(w.date))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班第${i + 1}项（${w.date}）：不是有效日期`,
        });
    });
    if (s.holidays.length > 40)
      ctx.addIssue({
        code: 'custom',
        path: ['holidays'],
        message: `放假日期共${s.holidays.length}天，超过40天，请核对`,
      });
  })
  .transform((s): YearSchedule => ({
    year: s.year,
    holidays: s.holidays.map((h) => ({ date: h.date, name: h.name ?? '' })),
    workdays: s.workdays.map((w) => (w.name ? { date: w.date, name: w.name } : { date: w.date })),
  }));

/** The `chinese-days` per-year JSON shape (`dist/years/YYYY.json`): values "English,中文,天数". */
const chineseDaysYearSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()).default({}),
  inLieuDays: z.record(z.string(), z.string()).optional(),
});

/**
 * Parses an imported year: either `{ year, holidays: [{date, name}], workdays: [{date, name?}] }` or the
 * `chinese-days` per-year JSON. Throws DomainError('import-invalid') with every problem in `details`.
 */
export function parseYearSchedule(json: unknown): YearSchedule {
  let input = json;
  const cd = chineseDaysYearSchema.safeParse(json);
  if (cd.success && !(json as { year?: unknown }).year) {
    const dates = Object.keys(cd.data.holidays);
    const years = new Set(dates.map(yearOf));
    const name = (v: string) => v.split(',')[1] ?? v;
    input = {
      year: years.size === 1 ? [...years][0] : NaN,
      holidays: Object.entries(cd.data.holidays).map(([date, v]) => ({ date, name: name(v) })),
      workdays: Object.entries(cd.data.workdays).map(([date, v]) => ({ date, name: name(v) })),
    };
  }
  const r = yearScheduleSchema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => i.message);
  throw new DomainError(
    'import-invalid',
    `年度安排有误：${details[0]}${details.length > 1 ? ` 等${details.length}处` : ''}`,
    details,
  );
}
