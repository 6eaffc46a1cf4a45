import Dexie from 'dexie';
import { declareVersions, JointDeskDB, type DatabaseDependencies } from '../../../renderer/src/db/database';
import type { SchemaVersion } from '../../../renderer/src/db/migrations';
import { freshDependencies } from './helpers';

export type TableRows = Record<string, unknown[]>;

/**
 * Seeds a database as an older app release left it, then opens it the way a newer release does.
 * Each harness has its own in-memory IndexedDB.
 */
export interface MigrationHarness {
  deps: DatabaseDependencies;
  /** Creates `name` with exactly `versions` (an older release's declarations) and writes `rows` raw. */
  seedAtVersion(name: string, versions: readonly SchemaVersion[], rows: TableRows): Promise<void>;
  /** Opens with the app's current schema (hooks and all), running any pending upgrades. */
  openCurrent(name: string): Promise<JointDeskDB>;
  /** Opens with the given declarations, e.g. the current ones plus a candidate next version. */
  openWith(name: string, versions: readonly SchemaVersion[]): Promise<Dexie>;
  /** The IndexedDB version on disk, in Dexie's numbering. */
  storedVersion(name: string): Promise<number>;
}

export function createMigrationHarness(): MigrationHarness {
  const deps = freshDependencies();
  return {
    deps,
    async seedAtVersion(name, versions, rows) {
      // A plain Dexie with the old declarations: no hooks, so rows go in exactly as given.
      const db = new Dexie(name, { ...deps });
      declareVersions(db, versions);
      await db.open();
      await db.transaction('rw', Object.keys(rows), async () => {
        for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
      });
      db.close();
    },
    async openCurrent(name) {
      const db = new JointDeskDB(name, deps);
      await db.open();
      return db;
    },
    async openWith(name, versions) {
      const db = new Dexie(name, { ...deps });
      declareVersions(db, versions);
      await db.open();
      return db;
    },
    async storedVersion(name) {
      const db = new Dexie(name, { ...deps });
      await db.open(); // no declarations: Dexie opens whatever is there
      const v = db.verno;
      db.close();
      return v;
    },
  };
}

/** All rows of every table of an open database, by table name. */
export async function dumpTables(db: Dexie): Promise<TableRows> {
  const out: TableRows = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/**
 * Differences between two dumps, one line per row or field, matching rows by primary key.
 * `expectedChanges[table]` lists fields an upgrade is meant to add or rewrite.
 */
export function diffTables(
  before: TableRows,
  after: TableRows,
  keyOf: (table: string, row: Record<string, unknown>) => unknown,
  expectedChanges: Record<string, readonly string[]> = {},
): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const allowed = new Set(expectedChanges[table] ?? []);
    const index = (rows: unknown[] = []) =>
      new Map(
        rows.map((r) => [JSON.stringify(keyOf(table, r as Record<string, unknown>)), r as Record<string, unknown>]),
      );
    const [b, a] = [index(before[table]), index(after[table])];
    for (const [key, row] of b) {
      const next = a.get(key);
      if (!next) {
        out.push(`${table}/${key}: row lost`);
        continue;
      }
      for (const field of new Set([...Object.keys(row), ...Object.keys(next)])) {
        if (allowed.has(field)) continue;
        if (JSON.stringify(row[field]) !== JSON.stringify(next[field])) {
          out.push(`${table}/${key}.${field}: ${JSON.stringify(row[field])} → ${JSON.stringify(next[field])}`);
        }
      }
    }
    for (const key of a.keys()) if (!b.has(key)) out.push(`${table}/${key}: row appeared`);
  }
  return out;
}
