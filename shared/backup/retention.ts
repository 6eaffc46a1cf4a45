import { z } from 'zod';
import { isoDateOf } from '../domain/dates';

/**
 * Which automatic backups to keep (RELIABILITY-SECURITY.md DUR-8): the newest backup of each of the last
 * `daily` days that have backups, of each of the last `weekly` ISO weeks and of each of the last `monthly`
 * months (calendar of Asia/Shanghai). Days are never fewer than {@link MIN_DAILY}. The newest backup
 * overall and the newest one taken before a restore and before a migration are always kept.
 *
 * A manual backup (备份 pressed by the user) is never removed by retention and takes no slot: the user
 * made it on purpose, often before something risky, and only the user deletes it (in the backup folder).
 */

export const MIN_DAILY = 7;
export const DEFAULT_RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const;

export const retentionPolicySchema = z
  .object({
    daily: z.number().int().min(MIN_DAILY, `每日备份至少保留 ${MIN_DAILY} 份`).max(366),
    weekly: z.number().int().min(0).max(520),
    monthly: z.number().int().min(0).max(240),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export interface RetainedBackup {
  name: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: string;
}

/** Clamps a policy from a settings file: whole numbers, days never under the minimum. */
export function normalizePolicy(p: Partial<RetentionPolicy> | undefined): RetentionPolicy {
  const int = (v: unknown, fallback: number, min: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.floor(v)) : fallback;
  return {
    daily: int(p?.daily, DEFAULT_RETENTION.daily, MIN_DAILY),
    weekly: int(p?.weekly, DEFAULT_RETENTION.weekly, 0),
    monthly: int(p?.monthly, DEFAULT_RETENTION.monthly, 0),
  };
}

const SHANGHAI = 8 * 60;

/** ISO week key `2026-W49` of a date `YYYY-MM-DD`. */
export function isoWeekKey(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day); // the week's Thursday decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Splits backups into those to keep and those to delete; pure, order of the input does not matter. */
export function planRetention(
  backups: readonly RetainedBackup[],
  policy: RetentionPolicy,
): { keep: RetainedBackup[]; remove: RetainedBackup[] } {
  const p = normalizePolicy(policy);
  const manual = backups.filter((b) => b.kind === 'manual');
  const newestFirst = [...backups.filter((b) => b.kind !== 'manual')].sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
  );
  const keep = new Set<string>();
  const bucket = (keyOf: (day: string) => string, slots: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= slots) break;
      const key = keyOf(isoDateOf(new Date(b.createdAt), SHANGHAI));
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(b.name);
    }
  };
  bucket((day) => day, p.daily);
  bucket(isoWeekKey, p.weekly);
  bucket((day) => day.slice(0, 7), p.monthly);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  for (const kind of ['pre-restore', 'pre-migration']) {
    const newest = newestFirst.find((b) => b.kind === kind);
    if (newest) keep.add(newest.name);
  }
  const byNewest = (a: RetainedBackup, b: RetainedBackup) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt);
  return {
    keep: [...newestFirst.filter((b) => keep.has(b.name)), ...manual].sort(byNewest),
    remove: newestFirst.filter((b) => !keep.has(b.name)),
  };
}
