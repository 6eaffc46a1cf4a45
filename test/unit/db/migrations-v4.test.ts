import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV3 = SCHEMA_VERSIONS.filter((v) => v.version <= 3);
const T = '2026-06-01T08:00:00.000Z';
const dispute = (id: string, extra: Record<string, unknown>) => ({
  id,
  createdAt: T,
  updatedAt: T,
  number: `争〔2026〕${id.slice(1)}号`,
  matter: '占道经营查处主体',
  type: 'jurisdiction',
  partyUnitIds: ['u1', 'u2'],
  positions: {},
  firstHandlingUnitId: 'u1',
  registeredOn: '2026-03-01',
  rounds: [],
  ...extra,
});
const topic = (id: string, state: string, submittedOn: string) => ({
  id,
  createdAt: T,
  updatedAt: T,
  title: `议题${id}`,
  submittingUnitId: 'u1',
  submittedOn,
  category: 'other',
  description: '情况',
  urgency: 'normal',
  relatedUnitIds: [],
  state,
});

const rows = {
  disputes: [
    dispute('d1', { state: 'negotiating', stateSince: '2026-04-01', agendaMeetingId: 'm1' }),
    dispute('d2', { state: 'closed', stateSince: '2026-05-10', closedOn: '2026-05-10', agendaMeetingId: 'm1' }),
    // A closed row written without closedOn (older data): stateSince is its closing day.
    dispute('d3', { state: 'closed', stateSince: '2026-04-20' }),
    dispute('d4', { state: 'closed', stateSince: '2026-03-15', closedOn: '2026-03-15' }),
  ],
  topics: [
    topic('t1', 'accepted', '2026-03-02'),
    topic('t2', 'accepted', '2026-05-02'),
    topic('t3', 'deferred', '2026-04-02'),
    topic('t4', 'submitted', '2026-04-03'),
  ],
};

describe('Dexie v4: dispute and topic indexes for one meeting', () => {
  it('keeps every row as it was and answers the new index queries', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v4up', upToV3, rows);
    const db = await h.openCurrent('v4up');
    expect(await h.storedVersion('v4up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const dump = await dumpTables(db);
    expect(dump.disputes).toEqual(rows.disputes);
    expect(dump.topics).toEqual(rows.topics);

    const ids = (c: Dexie.Collection) => c.primaryKeys().then((k) => (k as string[]).sort());
    expect(await ids(db.disputes.where('closedOn').above('2026-04-01'))).toEqual(['d2']);
    expect(
      await ids(
        db.disputes.where('[state+stateSince]').between(['closed', '2026-04-01'], ['closed', Dexie.maxKey], false),
      ),
    ).toEqual(['d2', 'd3']);
    expect(await ids(db.disputes.where('agendaMeetingId').equals('m1'))).toEqual(['d1', 'd2']);
    expect(
      await db.topics
        .where('[state+submittedOn]')
        .between(['accepted', '2026-04-01'], ['accepted', Dexie.maxKey])
        .count(),
    ).toBe(1);
    const accepted = await db.topics
      .where('[state+submittedOn]')
      .between(['accepted', Dexie.minKey], ['accepted', Dexie.maxKey])
      .reverse()
      .primaryKeys();
    expect(accepted).toEqual(['t2', 't1']);
    db.close();
  });

  it('opens an empty v3 database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v4empty', upToV3, { units: [] });
    const db = await h.openCurrent('v4empty');
    expect(await db.disputes.count()).toBe(0);
    db.close();
  });
});
