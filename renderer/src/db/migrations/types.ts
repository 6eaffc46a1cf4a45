import type { Transaction } from 'dexie';

/**
 * One Dexie schema version. Versions are append-only: a released version's `stores` is never
 * edited (the schema snapshot test enforces it); a change is a new file with the next number.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie schema strings by table name; `null` deletes a table. Unchanged tables may be omitted. */
  stores: Readonly<Record<string, string | null>>;
  /**
   * Data migration run inside the version-change transaction. Must be idempotent, return its promise,
   * and touch nothing but `tx` (no other database, no non-IndexedDB async API — RELIABILITY DUR-5).
   */
  upgrade?: (tx: Transaction) => Promise<void>;
}
