import type { IsoDate } from './common';

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`日期格式不正确：${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whole calendar days from `from` to `to` (negative if `to` is earlier). Time of day is ignored. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** `YYYY-MM-DD` of a Date in the given offset (default China Standard Time, UTC+8 — the app's locale). */
export function isoDateOf(d: Date, offsetMinutes = 8 * 60): IsoDate {
  return new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Add calendar days to a `YYYY-MM-DD` date. */
export function addDays(iso: string, n: number): IsoDate {
  return new Date(utcDay(iso) + n * DAY_MS).toISOString().slice(0, 10);
}
