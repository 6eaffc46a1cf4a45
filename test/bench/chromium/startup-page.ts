/**
 * The loader page of the start-up bench (bundled by test/bench/chromium/startup.ts with esbuild and served by the
 * same server as the production web build, so it writes the app's own `jointdesk` database of that origin; never
 * part of the app's build). `load(scale, today, seed)` creates the first user (办公室工作人员, the current profile,
 * as the first-start page does) and, for a scale above 0, loads the ten-year district demo profile through the
 * data layer (dl.demo.load, one audited transaction) — what the workbench's 载入演示数据 does with the township
 * profile. Scale 0: the user alone (the empty database). The API is `window.__startupLoader`.
 */
import { generateDemoDataset } from '../../../shared/demo/generate';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { openDatabase } from '../../../renderer/src/db/database';

export interface LoaderResult {
  records: number;
  loadMs: number;
  meetings: number;
  topics: number;
  disputes: number;
  resolutions: number;
  taskEvents: number;
  auditEntries: number;
}

export interface StartupLoaderApi {
  load(scale: number, today: string, seed: number): Promise<LoaderResult>;
}

async function load(scale: number, today: string, seed: number): Promise<LoaderResult> {
  const db = openDatabase();
  const dl = createDataLayer(db);
  await dl.profiles.create({ name: '王丽', unitName: '城关镇综合行政执法办公室', role: 'office_staff' });
  let out: LoaderResult = {
    records: 0,
    loadMs: 0,
    meetings: 0,
    topics: 0,
    disputes: 0,
    resolutions: 0,
    taskEvents: 0,
    auditEntries: 0,
  };
  if (scale > 0) {
    const ds = generateDemoDataset({ seed, scale, today, profile: 'district-10y' });
    const t0 = performance.now();
    const { records } = await dl.demo.load(ds);
    out = {
      records,
      loadMs: performance.now() - t0,
      meetings: ds.meetings.length,
      topics: ds.topics.length,
      disputes: ds.disputes.length,
      resolutions: ds.resolutions.length,
      taskEvents: ds.taskEvents.length,
      auditEntries: 0,
    };
  }
  out.auditEntries = await db.audit.count();
  db.close();
  return out;
}

(window as unknown as { __startupLoader: StartupLoaderApi }).__startupLoader = { load };
