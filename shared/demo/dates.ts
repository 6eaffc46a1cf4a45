/**
 * Calendar arithmetic for the demo generator on whole days ("day numbers": days since 1970-01-01).
 * Only explicit-argument Date.UTC is used, so results never depend on the clock or the machine's zone.
 */
import { addWorkingDays, isWorkingDay } from '../domain/working-days';

const MS_PER_DAY = 86_400_000;
/** The demo locality keeps China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_HOURS = 8;

export type DayNumber = number;

/** `YYYY-MM-DD` → day number; throws on a malformed or impossible date. */
export function parseDay(iso: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    throw new Error(`no such date: ${iso}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: DayNumber): string {
  const dt = new Date(day * MS_PER_DAY);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Month 1–12. */
export function monthOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dayOfMonth(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

/** First day of the given month (month 1–12; overflow rolls into the next year). */
export function firstOfMonth(year: number, month: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
}

export function isWeekend(day: DayNumber): boolean {
  const wd = new Date(day * MS_PER_DAY).getUTCDay();
  return wd === 0 || wd === 6;
}

/** The day itself when it is Monday–Friday, else the following Monday. */
export function onOrAfterWeekday(day: DayNumber): DayNumber {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
}

/** The day itself when it is Monday–Friday, else the preceding Friday. */
export function onOrBeforeWeekday(day: DayNumber): DayNumber {
  let d = day;
  while (isWeekend(d)) d--;
  return d;
}

/** Local (CST) wall-clock time as `YYYY-MM-DDTHH:mm`, the form a meeting's start time is entered in. */
export function localDateTime(day: DayNumber, hour: number, minute: number): string {
  return `${formatDay(day)}T${pad(hour)}:${pad(minute)}`;
}

/** Local (CST) wall-clock time as a UTC ISO timestamp, as `new Date().toISOString()` would record it. */
export function timestamp(day: DayNumber, hour: number, minute: number): string {
  return new Date(day * MS_PER_DAY + ((hour - CST_OFFSET_HOURS) * 60 + minute) * 60_000).toISOString();
}

/** `2025年3月12日` */
export function chineseDate(day: DayNumber): string {
  return `${yearOf(day)}年${monthOf(day)}月${dayOfMonth(day)}日`;
}

/** Whether `day` is a working day in the bundled calendar (调休 make-up days count, holidays do not). */
export function isWorkDay(day: DayNumber): boolean {
  return isWorkingDay(formatDay(day));
}

/** The day itself when it is a working day (bundled calendar), else the next one. */
export function onOrAfterWorkDay(day: DayNumber): DayNumber {
  let d = day;
  while (!isWorkDay(d)) d++;
  return d;
}

/** The day itself when it is a working day (bundled calendar), else the previous one. */
export function onOrBeforeWorkDay(day: DayNumber): DayNumber {
  let d = day;
  while (!isWorkDay(d)) d--;
  return d;
}

/** `n` working days after `day` (the day itself not counted), by the bundled calendar. */
export function addWorkDays(day: DayNumber, n: number): DayNumber {
  return parseDay(addWorkingDays(formatDay(day), n).date);
}
