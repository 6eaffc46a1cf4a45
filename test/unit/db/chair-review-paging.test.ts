import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { DISPUTE_THRESHOLDS_KEY } from '../../../renderer/src/db/repositories/disputes';
import { DEFAULT_STUCK_THRESHOLDS, DISPUTE_STATES, addDays, assessDispute, type Dispute } from '../../../shared/domain';
import { freshDatabase } from './helpers';

const T = '2026-01-01T00:00:00.000Z';

/**
 * 150 disputes: every state (closed ones too, which the review leaves out), registration days with ties (ordered
 * by number, 争〔2025〕9号 before 争〔2025〕10号 as the review's collation has it), ids not in that order, states
 * entered over two years (some exactly on a threshold's day), 0–3 rounds whose last one is recent or old.
 */
async function seed(db: JointDeskDB): Promise<Dispute[]> {
  const rows: Dispute[] = [];
  for (let i = 0; i < 150; i++) {
    const n = (i * 47) % 150;
    const registeredOn = addDays('2025-01-01', Math.floor(n / 3) * 5);
    const stateSince = addDays(registeredOn, (n * 13) % 90);
    rows.push({
      id: `d${String((i * 71) % 150).padStart(3, '0')}`,
      createdAt: T,
      updatedAt: T,
      number: `争〔2025〕${n + 1}号`,
      matter: `争议${n}`,
      type: 'jurisdiction',
      partyUnitIds: ['u0', 'u1'],
      positions: {},
      firstHandlingUnitId: 'u0',
      registeredOn,
      state: DISPUTE_STATES[n % DISPUTE_STATES.length]!,
      stateSince,
      rounds: Array.from({ length: n % 4 }, (_, k) => ({
        date: addDays(stateSince, k * ((n % 5) * 9 + 1)),
        participants: '各方',
        content: `第${k + 1}次协商`,
      })),
    } as unknown as Dispute);
  }
  await db.transaction('rw', [db.disputes, db.profiles, db.settings], async () => {
    await db.disputes.bulkAdd(rows);
    await db.profiles.add({ id: 'p1', name: '王小明', unitName: '办公室', role: 'office_staff', createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
  return rows;
}

const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 20, limit: 20 },
  { offset: 9, limit: 7 },
  { offset: 120, limit: 20 },
  { offset: 400, limit: 20 },
  { offset: 5, limit: 0 },
];
const TODAYS = ['2025-03-01', '2025-09-17', '2026-02-01', '2027-06-30'];
const THRESHOLDS = [
  DEFAULT_STUCK_THRESHOLDS,
  { registeredDays: 1, negotiatingDays: 200, sinceLastRoundDays: 3, escalatedDays: 5, toCloseDays: 90 },
];

describe('disputes.reviewPage reads one page of the chair review', () => {
  it('equals the slice of the whole review, with its open and stuck counts, for every day, threshold and page', async () => {
    const db = freshDatabase();
    const rows = await seed(db);
    const open = rows.filter((d) => d.state !== 'closed').length;
    let stuckSeen = 0;
    for (const thresholds of THRESHOLDS) {
      await db.settings.put({ key: DISPUTE_THRESHOLDS_KEY, value: thresholds });
      for (const today of TODAYS) {
        const dl = createDataLayer(db, { now: () => new Date(`${today}T02:00:00.000Z`) });
        const whole = await dl.disputes.review();
        expect(whole.rows.length).toBe(open);
        // The stuck count as every open dispute assessed one by one says.
        const assessed = rows.filter((d) => d.state !== 'closed' && assessDispute(d, today, thresholds).stuck).length;
        expect(whole.stuck).toBe(assessed);
        stuckSeen += assessed;
        for (const p of PAGES) {
          const page = await dl.disputes.reviewPage(p);
          const what = JSON.stringify({ thresholds, today, p });
          expect(page.total, what).toBe(open);
          expect(page.stuck, what).toBe(whole.stuck);
          expect(page.today, what).toBe(today);
          expect(page.thresholds, what).toEqual(thresholds);
          expect(page.rows, what).toEqual(whole.rows.slice(p.offset, p.offset + p.limit));
        }
      }
    }
    // Both sides of the thresholds were seen: stuck and not stuck, on some days.
    expect(stuckSeen).toBeGreaterThan(0);
    expect(stuckSeen).toBeLessThan(open * TODAYS.length * THRESHOLDS.length);
  });

  it('counts a negotiating dispute stuck only by its last round, and follows a close', async () => {
    const db = freshDatabase();
    const rows = await seed(db);
    const today = '2025-09-17';
    const dl = createDataLayer(db, { now: () => new Date(`${today}T02:00:00.000Z`) });
    const base = await dl.disputes.reviewPage({ offset: 0, limit: 0 });
    // A negotiating dispute in its state since yesterday, whose only round is 40 days old.
    const fresh = rows.find((d) => d.state === 'negotiating')!;
    await db.disputes.put({
      ...fresh,
      stateSince: addDays(today, -1),
      rounds: [{ date: addDays(today, -40), participants: '各方', content: '协商' }],
    } as Dispute);
    const wasStuck = assessDispute(fresh, today, DEFAULT_STUCK_THRESHOLDS).stuck;
    const after = await dl.disputes.reviewPage({ offset: 0, limit: 0 });
    expect(after.stuck).toBe(base.stuck + (wasStuck ? 0 : 1));
    expect(after.stuck).toBe((await dl.disputes.review()).stuck);
    // On a threshold's day exactly: not stuck (daysInState = the threshold); one day more: stuck.
    const [onDay, dayMore] = rows.filter((d) => d.state === 'registered');
    const days = DEFAULT_STUCK_THRESHOLDS.registeredDays;
    await db.disputes.bulkPut([
      { ...onDay!, stateSince: addDays(today, -days) },
      { ...dayMore!, stateSince: addDays(today, -days - 1) },
    ]);
    const edge = await dl.disputes.reviewPage({ offset: 0, limit: 0 });
    const stuckBefore = [onDay!, dayMore!].filter(
      (d) => assessDispute(d, today, DEFAULT_STUCK_THRESHOLDS).stuck,
    ).length;
    expect(edge.stuck).toBe(after.stuck - stuckBefore + 1);
    expect(edge.stuck).toBe((await dl.disputes.review()).stuck);
    // Closed: no longer in the review.
    await db.disputes.put({ ...fresh, state: 'closed', stateSince: today } as Dispute);
    const closed = await dl.disputes.reviewPage({ offset: 0, limit: 200 });
    expect(closed.total).toBe(base.total - 1);
    expect(closed.rows.some((r) => r.dispute.id === fresh.id)).toBe(false);
  });
});
