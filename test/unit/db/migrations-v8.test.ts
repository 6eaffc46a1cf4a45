import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV7 = SCHEMA_VERSIONS.filter((v) => v.version <= 7);
const T = (s: string) => `2026-06-01T08:00:${s}.000Z`;
const topic = (id: string, state: string, submittedOn: string, createdAt: string, extra: object = {}) => ({
  id,
  createdAt,
  updatedAt: createdAt,
  title: `议题${id}`,
  submittingUnitId: 'u1',
  submittedOn,
  category: id === 't4' ? 'jurisdiction' : 'other',
  description: '情况',
  urgency: 'normal',
  relatedUnitIds: [],
  state,
  ...extra,
});
const dispute = (id: string, state: string, registeredOn: string, number: string) => ({
  id,
  createdAt: T('00'),
  updatedAt: T('00'),
  number,
  matter: '占道经营查处主体',
  type: 'jurisdiction',
  partyUnitIds: ['u1', 'u2'],
  positions: {},
  firstHandlingUnitId: 'u1',
  registeredOn,
  state,
  stateSince: registeredOn,
  rounds: [],
});

const rows = {
  topics: [
    topic('t1', 'accepted', '2026-03-02', T('01')),
    topic('t2', 'accepted', '2026-03-02', T('02')),
    topic('t3', 'merged', '2026-04-02', T('00'), { mergedIntoTopicId: 't2' }),
    topic('t4', 'accepted', '2026-05-02', T('00')),
  ],
  disputes: [
    dispute('d1', 'negotiating', '2026-03-01', '争〔2026〕2号'),
    dispute('d2', 'registered', '2026-03-01', '争〔2026〕1号'),
    dispute('d3', 'closed', '2026-02-01', '争〔2026〕9号'),
  ],
};

describe('Dexie v8: indexes of the topics list and the chair review pages', () => {
  it('keeps every row as it was and answers the new index queries', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v8up', upToV7, rows);
    const db = await h.openCurrent('v8up');
    expect(await h.storedVersion('v8up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const dump = await dumpTables(db);
    expect(dump.topics).toEqual(rows.topics);
    expect(dump.disputes).toEqual(rows.disputes);

    // The list's order: submission day, then entry time, newest first.
    expect(await db.topics.orderBy('[submittedOn+createdAt]').reverse().primaryKeys()).toEqual([
      't4',
      't3',
      't2',
      't1',
    ]);
    const accepted = db.topics
      .where('[state+submittedOn+createdAt]')
      .between(['accepted', '2026-03-01', Dexie.minKey], ['accepted', '2026-04-30', Dexie.maxKey]);
    expect(await accepted.reverse().primaryKeys()).toEqual(['t2', 't1']);
    expect(
      await db.topics
        .where('[category+state+submittedOn+createdAt]')
        .between(['other', 'accepted', Dexie.minKey, Dexie.minKey], ['other', 'accepted', Dexie.maxKey, Dexie.maxKey])
        .count(),
    ).toBe(2);
    expect(
      await db.topics
        .where('[category+submittedOn+createdAt]')
        .between(['jurisdiction', Dexie.minKey, Dexie.minKey], ['jurisdiction', Dexie.maxKey, Dexie.maxKey])
        .primaryKeys(),
    ).toEqual(['t4']);
    expect(await db.topics.where('mergedIntoTopicId').equals('t2').primaryKeys()).toEqual(['t3']);

    const keys = await db.disputes
      .where('[state+registeredOn+number]')
      .between(['registered', Dexie.minKey, Dexie.minKey], ['registered', Dexie.maxKey, Dexie.maxKey])
      .keys();
    expect(keys).toEqual([['registered', '2026-03-01', '争〔2026〕1号']]);
    db.close();
  });

  it('opens an empty v7 database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v8empty', upToV7, { units: [] });
    const db = await h.openCurrent('v8empty');
    expect(await db.topics.count()).toBe(0);
    db.close();
  });
});
