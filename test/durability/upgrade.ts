/**
 * Upgrade kill (RELIABILITY DUR-5 (b); issue 10): a database as an older release left it, with a large table,
 * is opened by the current schema in Debian Chromium, and the browser's whole process group is SIGKILLed at a
 * seeded random moment while the upgrade runs. On restart the database must be entirely old (version unchanged,
 * new indexes absent, 0 rows migrated) or entirely new (all rows migrated) — never in between — and opening it
 * again must complete the upgrade with every row kept and migrated.
 *
 * Two scenarios (upgrade-page.ts): the latest upgrade (v4 → current: v5's audit indexes over the audit table)
 * and the data upgrade (v1 → current: v2 rewrites every resolution row). Each is seeded once; every run starts
 * from a copy of that profile.
 *
 * Alone: `node --import tsx test/durability/upgrade.ts [--runs N] [--rows N] [--seed N]`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchOnProfile, seededRandom, servePage, sleep } from './browser';
import type { OnDisk, Scenario, UpgradeApi } from './upgrade-page';

const ENTRY = fileURLToPath(new URL('./upgrade-page.ts', import.meta.url));

export interface UpgradeOptions {
  seed?: number;
  /** Kills per scenario. */
  runs?: number;
  rows?: Partial<Record<Scenario, number>>;
  port?: number;
  cdpPort?: number;
  log?: (line: string) => void;
}

export interface UpgradeRun {
  scenario: Scenario;
  killAfterMs: number;
  /** The upgrade committed before the kill landed (then the database must be entirely new). */
  completedBeforeKill: boolean;
  afterKill: OnDisk;
  state: 'old' | 'new' | 'mixed';
  afterReopen: OnDisk;
  reopenMs: number;
  ok: boolean;
}

export interface UpgradeScenarioReport {
  scenario: Scenario;
  rows: number;
  seeded: OnDisk;
  /** An uninterrupted upgrade of the same profile. */
  fullUpgradeMs: number;
  runs: UpgradeRun[];
}

export interface UpgradeReport {
  seed: number;
  scenarios: UpgradeScenarioReport[];
  ok: boolean;
}

type Api = { __upgrade: UpgradeApi };

export async function runUpgradeTest(o: UpgradeOptions = {}): Promise<UpgradeReport> {
  const seed = o.seed ?? 20261204;
  const runs = o.runs ?? 5;
  const log = o.log ?? ((l: string) => console.log(l));
  const rows: Record<Scenario, number> = {
    'audit-indexes': o.rows?.['audit-indexes'] ?? 20_000,
    'resolution-rows': o.rows?.['resolution-rows'] ?? 3_000,
  };
  const rnd = seededRandom(seed);
  const root = mkdtempSync(join(tmpdir(), 'jointdesk-upgrade-'));
  const server = await servePage(ENTRY, o.port ?? 5441, 'upgrade kill');
  let opened: boolean;
  const errors: string[] = [];
  const launch = (profileDir: string) =>
    launchOnProfile({
      profileDir,
      cdpPort: o.cdpPort ?? 5442,
      url: server.url,
      globalName: '__upgrade',
      onConsole: (t) => {
        if (t.startsWith('__OPENED')) opened = true;
        else if (t.startsWith('__ERR')) errors.push(t.slice(5));
      },
    });
  const scenarios: UpgradeScenarioReport[] = [];
  try {
    for (const scenario of ['audit-indexes', 'resolution-rows'] as const) {
      const golden = join(root, `${scenario}-golden`);
      let b = await launch(golden);
      const seeded = await b.page.evaluate(([s, n]) => (window as unknown as Api).__upgrade.seed(s, n), [
        scenario,
        rows[scenario],
      ] as const);
      const current = await b.page.evaluate(() => (window as unknown as Api).__upgrade.currentVersion());
      await b.close();
      log(`${scenario}: seeded ${seeded.rows} rows at IDB version ${seeded.version}; current schema v${current}`);

      // An uninterrupted upgrade of a copy: how long the kill window is.
      const full = join(root, `${scenario}-full`);
      copyProfile(golden, full);
      b = await launch(full);
      const fullUpgradeMs = await b.page.evaluate(() => (window as unknown as Api).__upgrade.openAndWait());
      const done = await b.page.evaluate((s) => (window as unknown as Api).__upgrade.inspect(s), scenario);
      await b.close();
      rmSync(full, { recursive: true, force: true });
      log(
        `  uninterrupted upgrade: ${fullUpgradeMs.toFixed(0)} ms → version ${done.version}, ${done.migrated} migrated`,
      );

      const list: UpgradeRun[] = [];
      for (let i = 0; i < runs; i++) {
        const dir = join(root, `${scenario}-${i}`);
        copyProfile(golden, dir);
        b = await launch(dir);
        opened = false;
        // Kill between 5 % and 95 % of the uninterrupted upgrade's time after the open started.
        const killAfterMs = Math.round((0.05 + 0.9 * rnd()) * fullUpgradeMs);
        await b.page.evaluate(() => (window as unknown as Api).__upgrade.open());
        await sleep(killAfterMs);
        const completedBeforeKill = opened;
        await b.kill();
        b = await launch(dir);
        const afterKill = await b.page.evaluate((s) => (window as unknown as Api).__upgrade.inspect(s), scenario);
        const isOld =
          afterKill.version === seeded.version &&
          afterKill.migrated === 0 &&
          afterKill.indexes.length === seeded.indexes.length;
        const isNew =
          afterKill.version === current * 10 &&
          afterKill.migrated === seeded.rows &&
          afterKill.indexes.length === done.indexes.length;
        const state = isOld ? 'old' : isNew ? 'new' : 'mixed';
        const reopenMs = await b.page.evaluate(() => (window as unknown as Api).__upgrade.openAndWait());
        const afterReopen = await b.page.evaluate((s) => (window as unknown as Api).__upgrade.inspect(s), scenario);
        await b.close();
        rmSync(dir, { recursive: true, force: true });
        const ok =
          state !== 'mixed' &&
          (!completedBeforeKill || state === 'new') &&
          afterKill.rows === seeded.rows &&
          afterReopen.version === current * 10 &&
          afterReopen.rows === seeded.rows &&
          afterReopen.migrated === seeded.rows &&
          afterReopen.indexes.length === done.indexes.length;
        list.push({ scenario, killAfterMs, completedBeforeKill, afterKill, state, afterReopen, reopenMs, ok });
        log(
          `  kill ${i + 1} at ${killAfterMs} ms${completedBeforeKill ? ' (upgrade had committed)' : ''}: on disk ` +
            `${state} (version ${afterKill.version}, ${afterKill.migrated}/${afterKill.rows} migrated, indexes ` +
            `${afterKill.indexes.length}/${done.indexes.length}); reopened in ${reopenMs.toFixed(0)} ms → version ` +
            `${afterReopen.version}, ${afterReopen.migrated}/${afterReopen.rows} migrated${ok ? '' : '  FAIL'}`,
        );
      }
      scenarios.push({ scenario, rows: seeded.rows, seeded, fullUpgradeMs, runs: list });
      rmSync(golden, { recursive: true, force: true });
    }
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
  for (const e of errors) log(`  page error: ${e}`);
  const all = scenarios.flatMap((s) => s.runs);
  return {
    seed,
    scenarios,
    ok: errors.length === 0 && all.length === 2 * runs && all.every((r) => r.ok) && all.some((r) => r.state === 'old'),
  };
}

export function printUpgradeReport(r: UpgradeReport, log: (l: string) => void = console.log): void {
  log(`Upgrade kill (seed ${r.seed}): ${r.ok ? 'PASS' : 'FAIL'}`);
  for (const s of r.scenarios) {
    const count = (st: UpgradeRun['state']) => s.runs.filter((x) => x.state === st).length;
    log(
      `  ${s.scenario}: ${s.rows} rows, uninterrupted upgrade ${s.fullUpgradeMs.toFixed(0)} ms; ${s.runs.length} kills → ` +
        `${count('old')} rolled back (old), ${count('new')} committed (new), ${count('mixed')} mixed; ` +
        `re-run on restart completed ${s.runs.filter((x) => x.afterReopen.migrated === s.rows).length}/${s.runs.length}`,
    );
  }
}

/** A copy of a closed profile, without Chromium's singleton lock, socket and cookie (they name the old process). */
function copyProfile(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => !basename(src).startsWith('Singleton') });
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = arg('rows');
  const r = await runUpgradeTest({
    runs: arg('runs'),
    seed: arg('seed'),
    rows: n ? { 'audit-indexes': n, 'resolution-rows': n } : undefined,
  });
  printUpgradeReport(r);
  process.exit(r.ok ? 0 : 1);
}
