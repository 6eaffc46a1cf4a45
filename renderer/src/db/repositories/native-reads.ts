import Dexie from 'dexie';
import type { Minutes, TaskEvent } from '../../../../shared/domain';
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

/** What the 落实情况通报 needs of a 纪要 (selectReportItems): its meeting, issue date and 第×期 — not its document. */
export type MinutesHeader = Pick<Minutes, 'id' | 'meetingId' | 'issuedOn' | 'issueYear' | 'issueNumber'>;

/** The Dexie v9 index whose keys are an issued 纪要's header. */
export const MINUTES_HEADER_INDEX = '[id+meetingId+issuedOn+issueYear+issueNumber]';
type HeaderKey = [string, string, string, number, number];

const headerOfKey = ([id, meetingId, issuedOn, issueYear, issueNumber]: HeaderKey): MinutesHeader => ({
  id,
  meetingId,
  issuedOn,
  issueYear,
  issueNumber,
});

/**
 * The headers of these minutes, by id, without reading their documents: the keys of the v9 header index, whose
 * first part is the id, walked by one native key cursor in the caller's transaction that jumps from wanted id to
 * wanted id (`continue([id])`: about one request per id, not per row); Dexie key queries outside a transaction.
 * Ids not in that index (not issued, or issued without both numbers) are read as records, as before, and cut to
 * their header. Missing ids are absent from the map.
 */
export async function minutesHeadersOf(
  db: JointDeskDB,
  minutesIds: readonly string[],
): Promise<Map<string, MinutesHeader>> {
  const wanted = [...new Set(minutesIds)].sort();
  const out = new Map<string, MinutesHeader>();
  const idb = nativeTransaction(db.minutes.name);
  if (idb && wanted.length > 0) {
    await new Dexie.Promise<void>((resolve, reject) => {
      const req = idb.objectStore(db.minutes.name).index(MINUTES_HEADER_INDEX).openKeyCursor();
      let i = 0;
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve();
        const key = cursor.key as HeaderKey;
        while (i < wanted.length && wanted[i]! < key[0]) i++;
        if (wanted[i] === key[0]) {
          out.set(key[0], headerOfKey(key));
          i++;
        }
        if (i >= wanted.length) return resolve();
        cursor.continue([wanted[i]!]);
      };
    });
  } else if (wanted.length > 0) {
    const index = db.minutes.where(MINUTES_HEADER_INDEX);
    const keys = await Promise.all(wanted.map((id) => index.between([id], [id, []]).keys()));
    for (const [key] of keys as unknown as HeaderKey[][]) if (key) out.set(key[0], headerOfKey(key));
  }
  const rest = wanted.filter((id) => !out.has(id));
  for (const m of await db.minutes.bulkGet(rest))
    if (m)
      out.set(
        m.id,
        withoutUndefined({
          id: m.id,
          meetingId: m.meetingId,
          issuedOn: m.issuedOn,
          issueYear: m.issueYear,
          issueNumber: m.issueNumber,
        }),
      );
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
