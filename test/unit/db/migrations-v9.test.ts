import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { MINUTES_HEADER_INDEX } from '../../../renderer/src/db/repositories/native-reads';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV8 = SCHEMA_VERSIONS.filter((v) => v.version <= 8);
const T = '2026-06-01T08:00:00.000Z';
const minutes = (id: string, meetingId: string, extra: object) => ({
  id,
  createdAt: T,
  updatedAt: T,
  meetingId,
  state: 'issued',
  content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '纪要正文'.repeat(50) }] }] },
  version: 1,
  ...extra,
});

const rows = {
  minutes: [
    minutes('m1', 'mt1', { issuedOn: '2026-03-05', issueYear: 2026, issueNumber: 3 }),
    minutes('m2', 'mt2', { issuedOn: '2026-04-09', issueYear: 2026, issueNumber: 4, state: 'review' }),
    minutes('m3', 'mt3', { state: 'draft', issueYear: 2026 }),
    // Issued without 第×期 (an old row): not in the header index.
    minutes('m4', 'mt4', { issuedOn: '2025-12-01' }),
  ],
};

describe('Dexie v9: the minutes header index', () => {
  it('keeps every row as it was and gives issued minutes’ headers from the index keys', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v9up', upToV8, rows);
    const db = await h.openCurrent('v9up');
    expect(await h.storedVersion('v9up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect((await dumpTables(db)).minutes).toEqual(rows.minutes);

    expect(await db.minutes.orderBy(MINUTES_HEADER_INDEX).keys()).toEqual([
      ['m1', 'mt1', '2026-03-05', 2026, 3],
      ['m2', 'mt2', '2026-04-09', 2026, 4],
    ]);
    expect(await db.minutes.where(MINUTES_HEADER_INDEX).between(['m2'], ['m2', []]).primaryKeys()).toEqual(['m2']);
    expect(await db.minutes.where(MINUTES_HEADER_INDEX).between(['m3'], ['m3', []]).count()).toBe(0);
    db.close();
  });

  it('opens an empty v8 database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v9empty', upToV8, { units: [] });
    const db = await h.openCurrent('v9empty');
    expect(await db.minutes.count()).toBe(0);
    db.close();
  });
});
