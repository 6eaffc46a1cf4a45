import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  isoWeekKey,
  normalizePolicy,
  planRetention,
  retentionPolicySchema,
  type RetainedBackup,
} from '../../../../shared/backup/retention';

/** One backup per day at 10:00 Shanghai time (02:00 UTC) for `days` days ending 2026-12-02. */
function dailyBackups(days: number, kind = 'daily'): RetainedBackup[] {
  const end = Date.UTC(2026, 11, 2, 2, 0, 0);
  return Array.from({ length: days }, (_, i) => {
    const t = new Date(end - i * 86_400_000);
    return { name: `b-${t.toISOString()}`, createdAt: t.toISOString(), kind };
  });
}

describe('backup retention (7 daily + 4 weekly + 12 monthly)', () => {
  it('keeps everything while there are fewer backups than slots', () => {
    const b = dailyBackups(5);
    const plan = planRetention(b, DEFAULT_RETENTION);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(5);
  });

  it('over two years of daily backups keeps 7 days, 4 weeks and 12 months (overlaps counted once)', () => {
    const b = dailyBackups(730);
    const plan = planRetention(b, DEFAULT_RETENTION);
    const keptDays = plan.keep.map((k) => k.createdAt.slice(0, 10));
    // The 7 newest days.
    expect(keptDays.slice(0, 7)).toEqual([
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
    ]);
    // Weeks: newest of the current ISO week and of the three before (some coincide with the days).
    const weeks = new Set(plan.keep.map((k) => isoWeekKey(k.createdAt.slice(0, 10))));
    expect(weeks.size).toBeGreaterThanOrEqual(4);
    // Months: 12 distinct months are represented.
    const months = new Set(plan.keep.map((k) => k.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(plan.keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(plan.keep.length + plan.remove.length).toBe(730);
    // Nothing kept is older than 12 months back.
    expect(plan.keep.at(-1)!.createdAt >= '2026-01').toBe(true);
  });

  it('keeps the newest of several backups on one day, the day counted once', () => {
    const day = ['2026-12-02T01:00:00.000Z', '2026-12-02T05:00:00.000Z', '2026-12-02T09:00:00.000Z'];
    const b = day.map((createdAt, i) => ({ name: `n${i}`, createdAt, kind: 'quit' }));
    const plan = planRetention([...b, ...dailyBackups(30).slice(1)], { daily: 7, weekly: 0, monthly: 0 });
    expect(plan.keep[0]!.name).toBe('n2');
    expect(plan.keep.filter((k) => k.createdAt.startsWith('2026-12-02')).map((k) => k.name)).toEqual(['n2']);
  });

  it('uses the Shanghai calendar: 23:30 UTC is already the next day', () => {
    const b = [
      { name: 'late', createdAt: '2026-12-01T23:30:00.000Z', kind: 'daily' }, // 12-02 07:30 in Shanghai
      { name: 'early', createdAt: '2026-12-01T17:00:00.000Z', kind: 'daily' }, // 12-02 01:00 in Shanghai
    ];
    const plan = planRetention(b, { daily: 7, weekly: 0, monthly: 0 });
    expect(plan.keep.map((k) => k.name)).toEqual(['late']);
    expect(plan.remove.map((k) => k.name)).toEqual(['early']);
  });

  it('never keeps fewer than 7 days, even when asked to', () => {
    expect(normalizePolicy({ daily: 2, weekly: 1, monthly: 1 })).toEqual({ daily: 7, weekly: 1, monthly: 1 });
    const plan = planRetention(dailyBackups(20), { daily: 1, weekly: 0, monthly: 0 });
    expect(plan.keep).toHaveLength(7);
    expect(retentionPolicySchema.safeParse({ daily: 6, weekly: 4, monthly: 12 }).success).toBe(false);
    expect(retentionPolicySchema.safeParse({ daily: 7, weekly: 4, monthly: 12 }).success).toBe(true);
    expect(normalizePolicy(undefined)).toEqual(DEFAULT_RETENTION);
  });

  it('always keeps the newest pre-restore and pre-migration backups', () => {
    const old = [
      { name: 'pre-r', createdAt: '2025-01-01T02:00:00.000Z', kind: 'pre-restore' },
      { name: 'pre-r-older', createdAt: '2024-12-01T02:00:00.000Z', kind: 'pre-restore' },
      { name: 'pre-m', createdAt: '2025-02-01T02:00:00.000Z', kind: 'pre-migration' },
    ];
    const plan = planRetention([...dailyBackups(400), ...old], DEFAULT_RETENTION);
    const kept = plan.keep.map((k) => k.name);
    expect(kept).toContain('pre-r');
    expect(kept).toContain('pre-m');
    expect(kept).not.toContain('pre-r-older');
  });

  it('is independent of input order', () => {
    const b = dailyBackups(100);
    const a = planRetention(b, DEFAULT_RETENTION).keep.map((k) => k.name);
    const r = planRetention([...b].reverse(), DEFAULT_RETENTION).keep.map((k) => k.name);
    expect(r).toEqual(a);
  });

  it('ISO weeks: 2026-12-31 (Thursday) is 2026-W53, 2027-01-04 is 2027-W01', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
  });

  it('never removes a manual backup, and manual backups take no daily, weekly or monthly slot', () => {
    const automatic = dailyBackups(400);
    // One manual backup a week over the same 400 days, at 15:00 Shanghai time.
    const manual = dailyBackups(400, 'manual')
      .filter((_, i) => i % 7 === 3)
      .map((b) => ({ ...b, name: `manual-${b.createdAt}`, createdAt: b.createdAt.replace('T02:', 'T07:') }));
    const plan = planRetention([...automatic, ...manual], DEFAULT_RETENTION);
    expect(plan.remove.filter((r) => r.kind === 'manual')).toEqual([]);
    expect(plan.keep.filter((k) => k.kind === 'manual')).toHaveLength(manual.length);
    // The automatic ones are planned exactly as without the manual ones.
    const alone = planRetention(automatic, DEFAULT_RETENTION);
    expect(plan.keep.filter((k) => k.kind !== 'manual').map((k) => k.name)).toEqual(alone.keep.map((k) => k.name));
    expect(plan.remove.map((r) => r.name)).toEqual(alone.remove.map((r) => r.name));
    // Kept newest first.
    const times = plan.keep.map((k) => k.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
