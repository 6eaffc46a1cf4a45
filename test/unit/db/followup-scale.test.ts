import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { RESOLUTION_STATES, addDays, type Resolution, type TaskEvent } from '../../../shared/domain';
import { freshDatabase } from './helpers';

const T = '2026-01-01T00:00:00.000Z';
const SIZE = Number(process.env.FOLLOWUP_SCALE ?? 2000);

/** `SIZE` issued tasks over 10 units and 40 meetings, 5 events each, deadlines over two years. */
async function seed(db: JointDeskDB) {
  const units = Array.from({ length: 10 }, (_, i) => `u${i}`);
  const meetings = Array.from({ length: 40 }, (_, i) => ({
    id: `m${i}`,
    createdAt: T,
    updatedAt: T,
    kind: 'regular' as const,
    startsAt: `${2025 + Math.floor(i / 20)}-0${1 + (i % 9)}-10T09:00`,
    place: '会议室',
    year: 2025 + Math.floor(i / 20),
    sequence: 1 + (i % 20),
    state: 'issued' as const,
  }));
  const issued = RESOLUTION_STATES.filter((s) => s !== 'draft');
  const resolutions: Resolution[] = [];
  const events: TaskEvent[] = [];
  for (let i = 0; i < SIZE; i++) {
    const r: Resolution = {
      id: `r${String(i).padStart(5, '0')}`,
      createdAt: T,
      updatedAt: T,
      meetingId: `m${i % 40}`,
      content: `议定事项第${i}项`,
      leadUnitId: units[i % 10]!,
      coUnitIds: [units[(i + 3) % 10]!],
      state: issued[i % 4]!,
      deadline: addDays('2025-06-01', (i * 7) % 730),
      issuedOn: '2025-01-10',
      ...(i % 50 === 0
        ? {
            extension: {
              state: 'pending' as const,
              requestedOn: '2026-01-01',
              proposedDeadline: '2027-06-01',
              reason: '协调',
            },
          }
        : {}),
    };
    resolutions.push(r);
    for (let k = 0; k < 5; k++)
      events.push({
        id: `e${i}-${k}`,
        resolutionId: r.id,
        kind: 'progress',
        on: addDays('2025-01-10', k * 10),
        text: `进展${k}`,
        createdAt: T,
      });
  }
  await db.transaction('rw', [db.meetings, db.resolutions, db.taskEvents, db.profiles, db.settings], async () => {
    await db.meetings.bulkAdd(meetings);
    await db.resolutions.bulkAdd(resolutions);
    await db.taskEvents.bulkAdd(events);
    await db.profiles.add({ id: 'p1', name: '王小明', unitName: '办公室', role: 'office_staff', createdAt: T });
    await db.profiles.add({ id: 'p2', name: '联络员', unitName: '单位', role: 'liaison', unitId: 'u3', createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
  return resolutions;
}

/** Records Dexie reads per table (key-only cursors and counts read no record). */
function countReads(db: JointDeskDB) {
  const reads: Record<string, number> = {};
  for (const t of db.tables)
    t.hook('reading', (obj) => {
      reads[t.name] = (reads[t.name] ?? 0) + 1;
      return obj;
    });
  return reads;
}

describe(`follow-up reads at scale (${SIZE} tasks, ${SIZE * 5} events)`, () => {
  it('pages, filters and counts without reading the whole table', async () => {
    const db = freshDatabase();
    const all = await seed(db);
    const dl = createDataLayer(db, { now: () => new Date('2026-03-02T01:00:00.000Z') });
    const reads = countReads(db);
    const time = async <T>(label: string, fn: () => Promise<T>) => {
      for (const k of Object.keys(reads)) delete reads[k];
      const t0 = performance.now();
      const out = await fn();
      const ms = performance.now() - t0;
      console.log(`${label}: ${ms.toFixed(1)} ms, reads ${JSON.stringify(reads)}`);
      return out;
    };

    await time('list page 50 (first call)', () => dl.followup.list({ limit: 50 }));
    const page = await time('list page 50', () => dl.followup.list({ limit: 50 }));
    expect(page.total).toBe(SIZE);
    expect(page.rows).toHaveLength(50);
    expect(reads.resolutions).toBe(50);
    expect(page.rows[0]!.warning.level).toBe('overdue');

    const lead = await time('list lead unit + warning', () =>
      dl.followup.list({ leadUnitId: 'u2', warning: ['overdue', 'due_soon'], limit: 20 }),
    );
    expect(reads.resolutions).toBeLessThanOrEqual(20);
    const expected = all.filter(
      (r) => r.leadUnitId === 'u2' && ['not_started', 'in_progress'].includes(r.state) && r.deadline! < '2026-03-06',
    ).length;
    expect(lead.total).toBe(expected);

    await time('list due window', () =>
      dl.followup.list({ dueFrom: '2026-03-01', dueTo: '2026-03-31', states: ['in_progress'], limit: 20 }),
    );
    expect(reads.resolutions ?? 0).toBeLessThanOrEqual(20);

    const a = await time('attention (office)', () => dl.followup.attention());
    expect(reads.resolutions ?? 0).toBeLessThanOrEqual(SIZE / 50);
    expect(a.pendingVerification).toBe(all.filter((r) => r.state === 'done_pending_verification').length);

    await db.settings.put({ key: 'profile.current', value: 'p2' });
    await time('attention (liaison)', () => dl.followup.attention());
    // the co-handled tasks of one unit (a tenth) and the pending extensions
    expect(reads.resolutions ?? 0).toBeLessThanOrEqual(SIZE / 10 + SIZE / 50);

    const d = await time('get', () => dl.followup.get('r00007'));
    expect(d?.events).toHaveLength(5);
    expect(reads.taskEvents).toBeLessThanOrEqual(6 + 5);
  }, 120_000);
});
