import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import { createMigrationHarness } from './migration-harness';

/**
 * The checked-in record of every released schema version (CONVENTIONS habit 7, RELIABILITY DUR-3/5).
 * A released version is frozen: users have databases created by it, and Dexie only runs upgrades for
 * versions above the one on disk. To change the schema, add a new version file instead.
 * A new version is written to the snapshot with:  UPDATE_DB_SCHEMA_SNAPSHOT=1 npx vitest run test/unit/db/schema-snapshot.test.ts
 */
const SNAPSHOT = fileURLToPath(new URL('../../fixtures/db/schema-snapshot.json', import.meta.url));

interface Snapshot {
  dbName: string;
  versions: { version: number; stores: Record<string, string | null> }[];
}

const current: Snapshot = {
  dbName: DB_NAME,
  versions: SCHEMA_VERSIONS.map((v) => ({ version: v.version, stores: { ...v.stores } })),
};

function readSnapshot(): Snapshot {
  return existsSync(SNAPSHOT)
    ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot)
    : { dbName: DB_NAME, versions: [] };
}

describe('database schema snapshot', () => {
  it('keeps the database name (part of the storage identity)', () => {
    expect(readSnapshot().dbName, 'Renaming the database orphans every user’s data').toBe(DB_NAME);
  });

  it('never edits or removes a released version', () => {
    const snap = readSnapshot();
    for (const old of snap.versions) {
      const now = current.versions.find((v) => v.version === old.version);
      expect(
        now,
        `Schema version ${old.version} was removed. Keep every released version's declaration.`,
      ).toBeDefined();
      expect(
        now!.stores,
        `Schema version ${old.version} was edited. Released versions are frozen: restore it and declare ` +
          `version ${Math.max(...current.versions.map((v) => v.version)) + 1} in renderer/src/db/migrations/ instead.`,
      ).toEqual(old.stores);
    }
  });

  it('has every declared version in the snapshot, in increasing order', () => {
    const numbers = current.versions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    const snap = readSnapshot();
    const added = current.versions.filter((v) => !snap.versions.some((o) => o.version === v.version));
    if (added.length > 0 && process.env.UPDATE_DB_SCHEMA_SNAPSHOT === '1') {
      writeFileSync(
        SNAPSHOT,
        `${JSON.stringify({ dbName: DB_NAME, versions: [...snap.versions, ...added] }, null, 2)}\n`,
      );
      return;
    }
    expect(
      added.map((v) => v.version),
      'New schema version(s) not in test/fixtures/db/schema-snapshot.json. Review them, then run ' +
        'UPDATE_DB_SCHEMA_SNAPSHOT=1 npx vitest run test/unit/db/schema-snapshot.test.ts and commit the file.',
    ).toEqual([]);
  });

  it('opens with exactly the tables the versions declare', async () => {
    const tables = new Set<string>();
    for (const v of current.versions) {
      for (const [name, schema] of Object.entries(v.stores)) {
        if (schema === null) tables.delete(name);
        else tables.add(name);
      }
    }
    const db = await createMigrationHarness().openCurrent('schema-check');
    expect(db.tables.map((t) => t.name).sort()).toEqual([...tables].sort());
    db.close();
  });
});
