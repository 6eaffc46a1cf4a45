import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION } from './schema-version';
import type { JointDeskDB } from './database';

/** Why the database did not open, for the recovery screen (RELIABILITY-SECURITY.md DUR-6). */
export type OpenFailureKind = 'newer-version' | 'storage-full' | 'blocked' | 'upgrade-failed' | 'unknown';

export type OpenResult = { ok: true } | { ok: false; kind: OpenFailureKind; name: string; message: string };

/** Dexie wraps the IndexedDB error; the inner one names the cause. */
function names(e: unknown): string[] {
  const out: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const n = (cur as { name?: unknown }).name;
    if (typeof n === 'string') out.push(n);
    cur = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

export function classifyOpenError(e: unknown): OpenFailureKind {
  const n = names(e);
  if (n.includes('VersionError')) return 'newer-version';
  if (n.includes('QuotaExceededError')) return 'storage-full';
  if (n.includes('BlockedError')) return 'blocked';
  if (n.includes('UpgradeError')) return 'upgrade-failed';
  return 'unknown';
}

/**
 * Opens the app's database, and on failure says why — and nothing else: the database is never deleted,
 * recreated or cleared here (Dexie itself does not delete on a failed open either), so whatever is on
 * disk stays for a later retry, a newer app version, or a specialist.
 *
 * A database of a newer schema is refused BEFORE Dexie sees it: Dexie 4 does not fail with VersionError
 * there, it reopens the database at its own (higher) version and, when the newer schema lacks a table or
 * index this build declares, adds it and bumps the version ("SchemaDiff" patch mode) — an older build would
 * then read and write a newer app's data with its old rules.
 */
export async function openDatabaseChecked(
  db: JointDeskDB,
  maxSchemaVersion: number = CURRENT_SCHEMA_VERSION,
): Promise<OpenResult> {
  try {
    const onDisk = await onDiskSchemaVersion(
      db.name,
      (db._options.indexedDB as IDBFactory | undefined) ?? globalThis.indexedDB,
    );
    if (onDisk !== null && onDisk > maxSchemaVersion) {
      return {
        ok: false,
        kind: 'newer-version',
        name: 'VersionError',
        message: `数据库为第 ${onDisk} 版数据结构，本程序只能打开第 ${maxSchemaVersion} 版及以前的数据库`,
      };
    }
    await db.open();
    return { ok: true };
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return {
      ok: false,
      kind: classifyOpenError(e),
      name: typeof err.name === 'string' ? err.name : 'Error',
      message: typeof err.message === 'string' ? err.message : String(e),
    };
  }
}

/**
 * The Dexie schema version of an existing database, read without opening it through the app's schema
 * (so no upgrade runs), or null when there is no such database. Used to back up before a migration.
 */
export async function onDiskSchemaVersion(
  name: string,
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<number | null> {
  const list = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : null;
  const found = list?.find((d) => d.name === name);
  if (!found || found.version === undefined) return null;
  // Dexie stores version × 10 in IndexedDB.
  return Math.floor(found.version / 10);
}

/** Opens an existing database with whatever schema it has (Dexie's dynamic mode): no upgrade. */
export async function openAsItIs(
  name: string,
  deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): Promise<Dexie> {
  const db = new Dexie(name, deps);
  await db.open();
  return db;
}
