import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type { DisputeListFilter, DisputeListOrder } from '../../../renderer/src/db/types';
import { DISPUTE_STATES, addDays, type Dispute, type DisputeState } from '../../../shared/domain';
import { freshDatabase } from './helpers';

const T = '2026-01-01T00:00:00.000Z';

/**
 * 130 disputes: every state and both types, registration days with many ties (ties are ordered by number, not by
 * id or insertion), ids not in registration order, rounds 0–3, two party units.
 */
async function seed(db: JointDeskDB): Promise<Dispute[]> {
  const rows: Dispute[] = [];
  for (let i = 0; i < 130; i++) {
    const n = (i * 53) % 130;
    const registeredOn = addDays('2025-01-01', Math.floor(n / 4) * 3);
    rows.push({
      id: `d${String((i * 71) % 130).padStart(3, '0')}`,
      createdAt: T,
      updatedAt: T,
      number: `争〔2025〕${n + 1}号`,
      matter: n % 5 === 0 ? `河道采砂管辖争议${n}` : `占道经营执法争议${n}`,
      type: n % 3 === 0 ? 'jurisdiction' : 'enforcement',
      partyUnitIds: [`u${n % 2}`, 'u2'],
      positions: {},
      firstHandlingUnitId: 'u2',
      registeredOn,
      state: DISPUTE_STATES[n % DISPUTE_STATES.length]!,
      stateSince: registeredOn,
      rounds: Array.from({ length: n % 4 }, (_, k) => ({
        id: `round-${n}-${k}`,
        on: addDays(registeredOn, k + 1),
        summary: `第${k + 1}次协商`,
        attendeeUnitIds: [],
      })),
    } as unknown as Dispute);
  }
  await db.transaction('rw', [db.disputes, db.units, db.profiles, db.settings], async () => {
    await db.disputes.bulkAdd(rows);
    for (const [id, name] of [
      ['u0', '城关镇人民政府'],
      ['u1', '水利局'],
      ['u2', '综合行政执法局'],
    ] as const)
      await db.units.add({ id, name, kind: 'department', createdAt: T, updatedAt: T } as never);
    await db.profiles.add({ id: 'p1', name: '王小明', unitName: '办公室', role: 'office_staff', createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
  return rows;
}

const FILTERS: DisputeListFilter[] = [
  {},
  { states: ['negotiating'] },
  { states: DISPUTE_STATES.filter((s) => s !== 'closed') },
  { type: 'jurisdiction' },
  { search: '河道' },
  { search: '水利局', states: ['registered', 'closed'] },
];
const ORDERS: DisputeListOrder[] = ['newest', 'oldest', 'rounds-asc', 'rounds-desc'];
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 20, limit: 20 },
  { offset: 7, limit: 5 },
  { offset: 120, limit: 20 },
  { offset: 200, limit: 20 },
  { offset: 3, limit: 0 },
];

describe('disputes.page reads one page of the register', () => {
  it('equals the slice of the whole ordered list, with its length, for every filter, order and page', async () => {
    const db = freshDatabase();
    await seed(db);
    const dl = createDataLayer(db);
    let nonEmpty = 0;
    for (const filter of FILTERS) {
      const newest = await dl.disputes.list(filter);
      for (const order of ORDERS) {
        const whole =
          order === 'newest'
            ? newest
            : order === 'oldest'
              ? [...newest].reverse()
              : [...newest].sort((a, b) => (order === 'rounds-asc' ? 1 : -1) * (a.rounds.length - b.rounds.length));
        for (const p of PAGES) {
          const page = await dl.disputes.page(filter, p, order);
          const what = JSON.stringify({ filter, order, p });
          expect(page.total, what).toBe(whole.length);
          expect(
            page.rows.map((d) => d.id),
            what,
          ).toEqual(whole.slice(p.offset, p.offset + p.limit).map((d) => d.id));
          if (page.rows.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(FILTERS.length * ORDERS.length * 2);
  });

  it('orders registration-day ties by number across a page boundary, as the list does', async () => {
    const db = freshDatabase();
    await seed(db);
    const dl = createDataLayer(db);
    const whole = await dl.disputes.list();
    // A boundary inside a day: rows 19 and 20 share their registration day.
    const tie = whole.findIndex((d, i) => i > 0 && i % 4 !== 0 && whole[i - 1]!.registeredOn === d.registeredOn);
    expect(tie).toBeGreaterThan(0);
    const [before, after] = await Promise.all([
      dl.disputes.page({}, { offset: 0, limit: tie }),
      dl.disputes.page({}, { offset: tie, limit: 20 }),
    ]);
    expect(before.rows.at(-1)!.registeredOn).toBe(after.rows[0]!.registeredOn);
    expect([...before.rows, ...after.rows].map((d) => d.number)).toEqual(whole.slice(0, tie + 20).map((d) => d.number));
  });

  it('counts each state on the index, as many as the list holds in it, and follows writes', async () => {
    const db = freshDatabase();
    const rows = await seed(db);
    const dl = createDataLayer(db);
    const counts = await dl.disputes.stateCounts();
    for (const s of DISPUTE_STATES) {
      expect(counts[s], s).toBe(rows.filter((d) => d.state === s).length);
      expect(counts[s], s).toBe((await dl.disputes.list({ states: [s] })).length);
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(130);
    await db.disputes.delete(rows.find((d) => d.state === ('closed' as DisputeState))!.id);
    expect((await dl.disputes.stateCounts()).closed).toBe(counts.closed - 1);
    expect((await dl.disputes.page({}, { offset: 0, limit: 20 })).total).toBe(129);
  });
});
