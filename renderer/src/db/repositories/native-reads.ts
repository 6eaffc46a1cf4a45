import Dexie from 'dexie';
import type { TaskEvent } from '../../../../shared/domain';
import type { JointDeskDB } from '../database';
import { withoutUndefined } from './list-helpers';

/**
 * Small reads done with native requests on the transaction Dexie opened (inside the caller's `db.transaction`),
 * each resolved through Dexie's promise, which keeps the transaction and its zone. For a page of rows Dexie's
 * own per-query work was most of the time in Chromium (BENCHMARKS.md); outside a transaction they fall back
 * to ordinary Dexie queries with the same results.
 */

/** The native transaction Dexie opened for the current scope, when it covers `table`. */
function nativeTransaction(table: string): IDBTransaction | undefined {
  const idb = (Dexie.currentTransaction as { idbtrans?: IDBTransaction } | null)?.idbtrans;
  return idb && idb.objectStoreNames.contains(table) ? idb : undefined;
}

/**
 * 第×期 of these minutes without reading them (a 纪要 record holds its whole document): the keys of the
 * [issueYear+issueNumber] index, walked by a native key cursor in the caller's transaction until every id is
 * found; ids not in that index (minutes without both numbers) are read as records, as before.
 */
export async function issueNumbersOf(
  db: JointDeskDB,
  minutesIds: readonly string[],
): Promise<Map<string, { issueYear?: number; issueNumber?: number }>> {
  const out = new Map<string, { issueYear?: number; issueNumber?: number }>();
  const wanted = new Set(minutesIds);
  const idb = nativeTransaction(db.minutes.name);
  if (idb && wanted.size > 0) {
    await new Dexie.Promise<void>((resolve, reject) => {
      const req = idb.objectStore(db.minutes.name).index('[issueYear+issueNumber]').openKeyCursor();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve();
        const id = cursor.primaryKey as string;
        if (wanted.has(id)) {
          const [issueYear, issueNumber] = cursor.key as [number, number];
          out.set(id, { issueYear, issueNumber });
          wanted.delete(id);
          if (wanted.size === 0) return resolve();
        }
        cursor.continue();
      };
    });
  }
  for (const m of await db.minutes.bulkGet([...wanted]))
    if (m) out.set(m.id, withoutUndefined({ issueYear: m.issueYear, issueNumber: m.issueNumber }));
  return out;
}

/**
 * The task events of each of these tasks (in index order; callers sort), inside the caller's read transaction
 * over taskEvents: one native `getAll` per task on the `resolutionId` index of the transaction Dexie opened,
 * resolved through Dexie's promise (which keeps the transaction and its zone). For a page of tasks Dexie's
 * own per-query work was most of the time (BENCHMARKS.md); Dexie's `anyOf` on many keys steps a cursor and is
 * slower still. Outside a transaction (or without the native one), one Dexie query per task.
 */
export function eventsOfEach(db: JointDeskDB, resolutionIds: readonly string[]): Promise<TaskEvent[][]> {
  const idb = nativeTransaction(db.taskEvents.name);
  if (!idb) return Promise.all(resolutionIds.map((id) => db.taskEvents.where('resolutionId').equals(id).toArray()));
  const index = idb.objectStore(db.taskEvents.name).index('resolutionId');
  return Dexie.Promise.all(
    resolutionIds.map(
      (id) =>
        new Dexie.Promise<TaskEvent[]>((resolve, reject) => {
          const req = index.getAll(id) as IDBRequest<TaskEvent[]>;
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        }),
    ),
  ) as unknown as Promise<TaskEvent[][]>;
}
