import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type { TaskListFilter } from '../../../renderer/src/db/repositories/followup';
import {
  OPEN_RESOLUTION_STATES,
  RESOLUTION_STATES,
  addDays,
  type Resolution,
  type ResolutionState,
  type TaskEvent,
  type WarningLevel,
} from '../../../shared/domain';
import { freshDatabase } from './helpers';

const T = '2026-01-01T00:00:00.000Z';
const TODAY = '2026-03-02';

/**
 * 260 issued tasks over 3 units: every state, deadlines on both sides of today's 逾期/临期 bounds (many on the
 * same day, so ties are ordered by id), one in seven without a deadline, ids not in deadline order.
 */
async function seed(db: JointDeskDB): Promise<Resolution[]> {
  const issued = RESOLUTION_STATES.filter((s) => s !== 'draft');
  const resolutions: Resolution[] = [];
  const events: TaskEvent[] = [];
  for (let i = 0; i < 260; i++) {
    const id = `r${String((i * 37) % 260).padStart(3, '0')}`;
    const r: Resolution = {
      id,
      createdAt: T,
      updatedAt: T,
      meetingId: `m${i % 3}`,
      content: `议定事项第${i}项`,
      leadUnitId: `u${i % 3}`,
      coUnitIds: [],
      state: issued[(i * 7) % 4]!,
      ...(i % 7 === 3 ? {} : { deadline: addDays('2026-02-20', Math.floor(i / 3) % 40) }),
      issuedOn: '2025-12-10',
    };
    resolutions.push(r);
    for (let k = 0; k < (i % 3) + 1; k++)
      events.push({
        id: `e${id}-${k}`,
        resolutionId: id,
        kind: 'progress',
        on: addDays('2025-12-20', 10 * Math.floor(k / 2)),
        text: `进展${k}`,
        createdAt: `2026-01-0${1 + k}T00:00:00.000Z`,
      });
  }
  await db.transaction('rw', [db.meetings, db.resolutions, db.taskEvents, db.profiles, db.settings], async () => {
    for (let i = 0; i < 3; i++)
      await db.meetings.add({
        id: `m${i}`,
        createdAt: T,
        updatedAt: T,
        kind: 'regular',
        startsAt: `2025-12-0${1 + i}T09:00`,
        place: '会议室',
        year: 2025,
        sequence: 1 + i,
        state: 'issued',
      });
    await db.resolutions.bulkAdd(resolutions);
    await db.taskEvents.bulkAdd(events);
    await db.profiles.add({ id: 'p1', name: '王小明', unitName: '办公室', role: 'office_staff', createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
  return resolutions;
}

const STATES: (ResolutionState[] | undefined)[] = [
  undefined,
  [...OPEN_RESOLUTION_STATES],
  ['verified'],
  ['not_started', 'verified'],
  ['done_pending_verification', 'in_progress'],
];
const WARNINGS: (WarningLevel[] | undefined)[] = [
  undefined,
  ['overdue'],
  ['due_soon', 'none'],
  ['none'],
  ['closed'],
  ['overdue', 'closed'],
];
const WINDOWS: Pick<TaskListFilter, 'dueFrom' | 'dueTo'>[] = [{}, { dueFrom: '2026-02-25', dueTo: '2026-03-10' }];
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 7, limit: 5 },
  { offset: 30, limit: 200 },
  { offset: 3, limit: 0 },
];

describe('followup.list pages from counts and short key reads', () => {
  it('returns exactly the page and total of the whole ordered list (the every-key path), for every filter', async () => {
    const db = freshDatabase();
    const all = await seed(db);
    const dl = createDataLayer(db, { now: () => new Date(`${TODAY}T01:00:00.000Z`) });
    let compared = 0;
    let nonEmpty = 0;
    for (const states of STATES)
      for (const leadUnitId of [undefined, 'u1'])
        for (const warning of WARNINGS)
          for (const window of WINDOWS) {
            const f: TaskListFilter = withDefined({ states, leadUnitId, warning, ...window });
            // No limit: every key of the matching ranges, in list order (the read the paged one replaces).
            const whole = await dl.followup.list(f);
            expect(whole.total).toBe(whole.rows.length);
            for (const { offset, limit } of PAGES) {
              const page = await dl.followup.list({ ...f, offset, limit });
              expect(page.total, JSON.stringify({ f, offset, limit })).toBe(whole.total);
              expect(page.rows, JSON.stringify({ f, offset, limit })).toEqual(whole.rows.slice(offset, offset + limit));
              compared++;
              if (page.rows.length > 0) nonEmpty++;
            }
          }
    expect(compared).toBe(STATES.length * 2 * WARNINGS.length * WINDOWS.length * PAGES.length);
    expect(nonEmpty).toBeGreaterThan(compared / 3);

    // And the whole list is the order the repository documents (checked from the table itself).
    const every = await dl.followup.list({ limit: 300 });
    expect(every.total).toBe(all.length);
    const rank = { overdue: 0, due_soon: 1, none: 2, closed: 3 } as const;
    const key = (r: (typeof every.rows)[number]) =>
      [rank[r.warning.level], r.resolution.deadline, r.resolution.id] as const;
    for (let i = 1; i < every.rows.length; i++) {
      const [l0, d0, id0] = key(every.rows[i - 1]!);
      const [l1, d1, id1] = key(every.rows[i]!);
      expect(l0).toBeLessThanOrEqual(l1);
      if (l0 !== l1) continue;
      if (d0 === undefined) expect(d1 === undefined && id0 < id1).toBe(true);
      else if (d1 !== undefined) {
        const closed = every.rows[i]!.warning.level === 'closed';
        expect(closed ? d0 > d1 || (d0 === d1 && id0 > id1) : d0 < d1 || (d0 === d1 && id0 < id1)).toBe(true);
      }
    }
    const levels = new Set(every.rows.map((r) => r.warning.level));
    expect([...levels].sort()).toEqual(['closed', 'due_soon', 'none', 'overdue']);
    expect(every.rows.some((r) => r.resolution.deadline === undefined)).toBe(true);
  }, 120_000);
});

function withDefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
