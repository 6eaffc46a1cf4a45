import { isoDateOf } from './dates';

/**
 * The one business clock: dates are the calendar date in Asia/Shanghai (UTC+8, no daylight saving),
 * whatever zone the machine is set to. Repositories pass their injected `now()`; the renderer's
 * `today()` (renderer/src/ui/format.ts) passes the real time, which the e2e clock fixture drives.
 */
export function businessDate(now: Date = new Date()): string {
  return isoDateOf(now, 8 * 60);
}
