import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV4 = SCHEMA_VERSIONS.filter((v) => v.version <= 4);
const row = (seq: number, entity: string, actorId: string, action: string) => ({
  seq,
  ts: `2026-06-0${seq}T08:00:00.000Z`,
  actorId,
  actorName: actorId,
  actorRole: 'office_staff',
  entity,
  entityId: `e${seq}`,
  action,
  before: null,
  after: { n: seq },
  prevHash: String(seq - 1),
  hash: String(seq),
});

const rows = {
  audit: [
    row(1, 'profile', 'p1', 'create'),
    row(2, 'dispute', 'p1', 'create'),
    row(3, 'unit', 'p2', 'update'),
    row(4, 'dispute', 'p2', 'transition'),
    row(5, 'dispute', 'p1', 'update'),
  ],
};

describe('Dexie v5: audit trail indexes', () => {
  it('keeps every entry as it was and answers the object, person and action ranges by seq', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v5up', upToV4, rows);
    const db = await h.openCurrent('v5up');
    expect(await h.storedVersion('v5up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect((await dumpTables(db)).audit).toEqual(rows.audit);

    const seqs = (index: string, value: string, lo: number, hi: number) =>
      db.table('audit').where(index).between([value, lo], [value, hi], true, true).reverse().primaryKeys();
    expect(await seqs('[entity+seq]', 'dispute', 1, 4)).toEqual([4, 2]);
    expect(await seqs('[actorId+seq]', 'p1', 2, Dexie.maxKey as unknown as number)).toEqual([5, 2]);
    expect(await seqs('[action+seq]', 'update', 1, 5)).toEqual([5, 3]);
    expect(
      await db.table('audit').where('[entity+seq]').between(['dispute', 3], ['dispute', 5], true, true).count(),
    ).toBe(2);
    db.close();
  });

  it('opens an empty v4 database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v5empty', upToV4, { audit: [] });
    const db = await h.openCurrent('v5empty');
    expect(await db.table('audit').count()).toBe(0);
    db.close();
  });
});
