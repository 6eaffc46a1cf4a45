import type { Person, Unit } from '../domain';
import type { UnitKey } from './catalog-units';
import type { DayNumber } from './dates';
import type { Random } from './random';

/** What every step of the demo generator shares. */
export interface GenContext {
  rng: Random;
  /** "Today" of the dataset; nothing is dated or stamped after it except upcoming meetings. */
  today: DayNumber;
  /** First day of the two-year window (start of the earliest quarter with a meeting). */
  start: DayNumber;
  scale: number;
  /**
   * The ten-year district profile's knobs; absent for the township (scale 1 = a township, two years),
   * whose output stays exactly as it was.
   */
  district?: DistrictProfile;
  units: Record<UnitKey, Unit>;
  people: Person[];
  peopleByUnit: Record<UnitKey, Person[]>;
  /** The person recorded as each unit's 联络人. */
  liaison: Record<UnitKey, Person>;
}

/** What the ten-year busy-district profile changes (see profiles.ts). */
export interface DistrictProfile {
  /** Years of meetings before today (10 at full size; 1 at a tenth). */
  years: number;
  /** Topics on one meeting's agenda, by kind (inclusive range). */
  topicsPerMeeting: Readonly<Record<'regular' | 'special' | 'consultation', readonly [number, number]>>;
  /** Further decisions per decided topic besides the catalog's own (inclusive range). */
  extraResolutions: readonly [number, number];
  /** Further progress reports per task that reports progress (inclusive range). */
  extraProgress: readonly [number, number];
  /** Multipliers used instead of `scale` for the disputes, the topic backlog and the recent task cycle. */
  disputeScale: number;
  backlogScale: number;
  recentScale: number;
  /** Dispute registration ages (days) are multiplied by this (the ledger spans the years). */
  ageFactor: number;
}

/** `base` items at scale 1, proportionally more at larger scales; never 0 when base > 0. */
export function scaled(ctx: Pick<GenContext, 'scale'>, base: number): number {
  if (base <= 0) return 0;
  return Math.max(1, Math.round(base * ctx.scale));
}

/** {@link scaled} with the district profile's multiplier for this part (the township's `scale` otherwise). */
export function scaledPart(
  ctx: Pick<GenContext, 'scale' | 'district'>,
  part: 'disputeScale' | 'backlogScale' | 'recentScale',
  base: number,
): number {
  return scaled({ scale: ctx.district ? ctx.district[part] : ctx.scale }, base);
}

/** Fills `{place}` (and any other `{key}`) placeholders of a catalog text. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

/** Drops keys whose value is undefined, so records carry no `key: undefined` (IndexedDB keeps those). */
export function compact<T extends object>(record: T): T {
  const out = { ...record };
  for (const key of Object.keys(out) as (keyof T)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

export function clampDay(day: DayNumber, min: DayNumber, max: DayNumber): DayNumber {
  return Math.min(Math.max(day, min), max);
}

/** Chinese numerals for section numbers (一、二、…), 1–99. */
export function chineseNumber(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (digits[tens] ?? '')}十${ones === 0 ? '' : (digits[ones] ?? '')}`;
}
