/**
 * What the in-page bench scripts (followup-page.ts, screens-page.ts, statistics-page.ts, supervisor-page.ts) share,
 * in the page: plain IndexedDB requests as promises, deleting a database, the district demo profile loaded through
 * the data layer, and a timed run with the longest main-thread block that overlapped it. Bundled into each page by
 * bench-page.ts (esbuild); never part of the app's build.
 */
import { generateDemoDataset } from '../../../shared/demo/generate';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import type { DataLayer } from '../../../renderer/src/db/types';

/** An IDBRequest as a promise. */
export const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

export const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error(`${name}: delete blocked`));
  });

export interface LoadedDistrict {
  db: JointDeskDB;
  dl: DataLayer;
  ds: ReturnType<typeof generateDemoDataset>;
  /** The same database opened with plain IndexedDB, for the raw reads. */
  raw: IDBDatabase;
  records: number;
  /** ms of dl.demo.load alone. */
  loadMs: number;
}

/**
 * A fresh database `dbName` with the first user (`profile`, 办公室 by default) and the ten-year district demo profile
 * at `scale` loaded through the data layer (one audited transaction), the data layer's clock on `today`.
 */
export async function loadDistrict(
  dbName: string,
  scale: number,
  today: string,
  seed: number,
  profile: { name: string; unitName: string } = { name: '王丽', unitName: '城关镇综合行政执法办公室' },
): Promise<LoadedDistrict> {
  await deleteDatabase(dbName);
  const db = new JointDeskDB(dbName);
  const dl = createDataLayer(db, { now: () => new Date(`${today}T02:00:00.000Z`) });
  await dl.profiles.create({ ...profile, role: 'office_staff' });
  const ds = generateDemoDataset({ seed, scale, today, profile: 'district-10y' });
  const t0 = performance.now();
  const out = await dl.demo.load(ds);
  const loadMs = performance.now() - t0;
  const raw = await request(indexedDB.open(dbName));
  return { db, dl, ds, raw, records: out.records, loadMs };
}

const longTasks: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask' });

/** Runs `body` once and times it; `longest` is the longest 'longtask' (> 50 ms) that overlapped the run (0: none). */
export async function timedRun<T>(body: () => Promise<T>): Promise<{ ms: number; longest: number; out: T }> {
  const t0 = performance.now();
  const out = await body();
  const t1 = performance.now();
  // 'longtask' entries arrive after the task ends: give them a moment, then keep those overlapping the run.
  await new Promise((r) => setTimeout(r, 80));
  const overlapping = longTasks.filter((t) => t.end > t0 && t.start < t1).map((t) => t.end - t.start);
  longTasks.length = 0;
  return { ms: t1 - t0, longest: overlapping.length ? Math.max(...overlapping) : 0, out };
}
