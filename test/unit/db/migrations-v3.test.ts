import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { resolutionSchema, taskEventSchema } from '../../../shared/domain';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV2 = SCHEMA_VERSIONS.filter((v) => v.version <= 2);
const T = '2026-06-01T08:00:00.000Z';
const base = { createdAt: T, updatedAt: T, meetingId: 'm1', minutesId: 'n1', coUnitIds: [], issuedOn: '2026-06-05' };

const rows = {
  resolutions: [
    { ...base, id: 'r1', state: 'not_started', content: '甲', leadUnitId: 'u1', deadline: '2026-07-01' },
    {
      ...base,
      id: 'r2',
      state: 'in_progress',
      content: '乙',
      leadUnitId: 'u1',
      deadline: '2026-06-20',
      coUnitIds: ['u2'],
    },
    {
      ...base,
      id: 'r3',
      state: 'in_progress',
      content: '丙',
      leadUnitId: 'u2',
      deadline: '2026-08-01',
      extension: { state: 'pending', requestedOn: '2026-07-01', proposedDeadline: '2026-09-01', reason: '协调' },
    },
    { ...base, id: 'r4', state: 'verified', content: '丁', leadUnitId: 'u2', deadline: '2026-06-10' },
    { ...base, id: 'r5', state: 'draft', content: '', leadUnitId: '', meetingId: 'm2' },
  ],
  taskEvents: [
    { id: 'e1', resolutionId: 'r2', kind: 'progress', on: '2026-06-12', text: '进展一', createdAt: T },
    { id: 'e2', resolutionId: 'r2', kind: 'reminder', on: '2026-06-10', text: '催办', createdAt: T },
    { id: 'e3', resolutionId: 'r1', kind: 'comment', on: '2026-06-11', text: '意见', createdAt: T },
  ],
};

describe('Dexie v3: follow-up indexes', () => {
  it('keeps every row as it was and answers the new index queries', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v3up', upToV2, rows);
    const db = await h.openCurrent('v3up');
    expect(await h.storedVersion('v3up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const dump = await dumpTables(db);
    expect(dump.resolutions).toEqual(rows.resolutions);
    expect(dump.taskEvents).toEqual(rows.taskEvents);
    for (const r of dump.resolutions!) expect(() => resolutionSchema.parse(r)).not.toThrow();
    for (const e of dump.taskEvents!) expect(() => taskEventSchema.parse(e)).not.toThrow();

    const ids = (c: Dexie.Collection) => c.primaryKeys().then((k) => (k as string[]).sort());
    expect(
      await ids(
        db.resolutions.where('[state+deadline]').between(['in_progress', Dexie.minKey], ['in_progress', '2026-07-01']),
      ),
    ).toEqual(['r2']);
    expect(await ids(db.resolutions.where('[leadUnitId+state]').equals(['u1', 'not_started']))).toEqual(['r1']);
    expect(
      await ids(
        db.resolutions
          .where('[leadUnitId+state+deadline]')
          .between(['u2', 'in_progress', '2026-07-01'], ['u2', 'in_progress', '2026-12-31'], true, true),
      ),
    ).toEqual(['r3']);
    expect(await ids(db.resolutions.where('[meetingId+state]').equals(['m1', 'verified']))).toEqual(['r4']);
    expect(await ids(db.resolutions.where('extension.state').equals('pending'))).toEqual(['r3']);
    expect(await db.resolutions.where('updatedAt').aboveOrEqual('2026-01-01').count()).toBe(5);
    const timeline = await db.taskEvents
      .where('[resolutionId+on]')
      .between(['r2', Dexie.minKey], ['r2', Dexie.maxKey])
      .toArray();
    expect(timeline.map((e) => e.id)).toEqual(['e2', 'e1']);
    db.close();
  });

  it('opens an empty v2 database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v3empty', upToV2, { units: [] });
    const db = await h.openCurrent('v3empty');
    expect(await db.resolutions.count()).toBe(0);
    db.close();
  });
});
