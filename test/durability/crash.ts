/**
 * Crash durability (RELIABILITY DUR-1, DUR-2; issue 10): the app's data layer writes into real IndexedDB in a
 * persistent Debian Chromium profile (crash-page.ts) while this process SIGKILLs the browser's whole process group
 * at seeded random moments. After each kill Chromium restarts on the same profile and the page checks every write
 * it had confirmed (its transaction promise resolved, then reported): present, complete (a converted topic with
 * its dispute, issued minutes with all their tasks and the meeting 已印发), every record equal to its latest
 * audited state, and the audit chain verifies. Then it writes on.
 *
 * With `--renderer` only the renderer processes are killed (the page crashes, the browser and its IndexedDB
 * backend live on: Electron's render-process-gone); the page is opened again in the same browser and checked.
 *
 * Alone: `node --import tsx test/durability/crash.ts [--writes N] [--kills N] [--seed N] [--renderer]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchOnProfile, seededRandom, servePage, sleep, type RunningBrowser } from './browser';
import type { CheckResult, Confirmed, DurabilityApi, SelfTest } from './crash-page';

const ENTRY = fileURLToPath(new URL('./crash-page.ts', import.meta.url));

export interface CrashOptions {
  seed?: number;
  /** Go on until at least this many writes are confirmed … */
  minWrites?: number;
  /** … and at least this many kills were made. */
  minKills?: number;
  port?: number;
  cdpPort?: number;
  /** 'relaxed' (Chromium's default) only to compare; the app opens its database 'strict'. */
  durability?: 'strict' | 'relaxed';
  /**
   * What is killed: 'browser' (default) the whole process group; 'renderer' only the renderer processes
   * (`--type=renderer`), so the browser process and its IndexedDB backend survive — Electron's
   * render-process-gone (RELIABILITY-SECURITY.md §2.3) — and the page is opened again in the same browser.
   */
  mode?: 'browser' | 'renderer';
  log?: (line: string) => void;
}

export interface RestartCheck {
  restart: number;
  confirmedBefore: number;
  result: CheckResult;
}

export interface CrashReport {
  seed: number;
  mode: 'browser' | 'renderer';
  /** IDBTransaction.durability of the data layer's read-write transactions, as Chromium reported it. */
  durability: string;
  kills: number;
  confirmed: number;
  /** Confirmed writes by kind. */
  byKind: Record<string, number>;
  /** Median time of one write (with the reads that choose it) by kind, in the page, ms. */
  medianMsByKind: Record<string, number>;
  checks: RestartCheck[];
  lost: string[];
  halfApplied: string[];
  verifyFailures: string[];
  pageErrors: string[];
  /** Committed audit entries not yet acknowledged when the browser was killed, summed over the restarts. */
  unacknowledged: number;
  finalAuditEntries: number;
  finalRecords: Record<string, number>;
  killDelaysMs: number[];
  writesPerSecond: number;
  seconds: number;
  /** The checks' own test at the end (a forged confirmed write, two damaged multi-record writes): all true. */
  selfTest?: SelfTest;
  ok: boolean;
}

type Api = { __durability: DurabilityApi };

export async function runCrashTest(o: CrashOptions = {}): Promise<CrashReport> {
  const seed = o.seed ?? 20261203;
  const minWrites = o.minWrites ?? 10_000;
  const minKills = o.minKills ?? 20;
  const log = o.log ?? ((l: string) => console.log(l));
  const rnd = seededRandom(seed);
  const profileDir = mkdtempSync(join(tmpdir(), 'jointdesk-crash-'));
  const server = await servePage(ENTRY, o.port ?? 5441, 'crash durability');
  const confirmed: Confirmed[] = [];
  const pageErrors: string[] = [];
  const checks: RestartCheck[] = [];
  const killDelaysMs: number[] = [];
  let writingMs = 0;
  const segments: { writes: number; ms: number }[] = [];
  const t0 = Date.now();
  const onConsole = (text: string) => {
    if (text.startsWith('__ACK')) {
      const { ack, head, ms } = JSON.parse(text.slice(5)) as Omit<Confirmed, 'n'>;
      confirmed.push({ n: confirmed.length + 1, ack, head, ms });
    } else if (text.startsWith('__ERR')) pageErrors.push(text.slice(5));
  };
  const launch = () =>
    launchOnProfile({
      profileDir,
      cdpPort: o.cdpPort ?? 5442,
      url: o.durability === 'relaxed' ? `${server.url}?durability=relaxed` : server.url,
      globalName: '__durability',
      onConsole,
    });
  const check = async (page: Page, restart: number) => {
    const list = confirmed.slice();
    const result = await page.evaluate((c) => (window as unknown as Api).__durability.check(c), list);
    checks.push({ restart, confirmedBefore: list.length, result });
    log(
      `  restart ${restart}: ${list.length} confirmed checked, lost ${result.lost.length}, half-applied ` +
        `${result.halfApplied.length}, verify ${result.verify.ok ? 'ok' : 'FAILED'} (${result.verify.count} entries), ` +
        `${result.unacknowledged} committed but unacknowledged`,
    );
    for (const l of [...result.lost, ...result.halfApplied].slice(0, 10)) log(`    ${l}`);
    if (!result.verify.ok) log(`    verify: ${result.verify.message}`);
    return result;
  };

  let kills = 0;
  let selfTest: SelfTest | undefined;
  const rendererOnly = o.mode === 'renderer';
  let b: RunningBrowser | undefined;
  try {
    for (let segment = 0; ; segment++) {
      // The whole browser was killed: start it again. Only the renderer: the browser lives on, a new page.
      let page: Page;
      if (!b || !rendererOnly) {
        b = await launch();
        page = b.page;
      } else page = await b.newPage();
      if (segment > 0) await check(page, segment);
      if (pageErrors.length > 0 || (kills >= minKills && confirmed.length >= minWrites)) {
        selfTest = await page.evaluate((c) => (window as unknown as Api).__durability.selfTest(c), confirmed);
        log(`  self-test of the checks: ${JSON.stringify(selfTest)}`);
        await b.close();
        break;
      }
      const before = confirmed.length;
      const started = Date.now();
      await page.evaluate((s) => (window as unknown as Api).__durability.start(s), seed * 100 + segment);
      // A kill point: seeded factor × the time a segment needs to reach minWrites in the kills still to make.
      // Writes get slower as the database grows: the rate of the last three segments, not the whole run's.
      const recent = segments.slice(-3);
      const recentMs = recent.reduce((t, x) => t + x.ms, 0);
      const rate = recentMs > 0 ? recent.reduce((t, x) => t + x.writes, 0) / recentMs : 0.03;
      const killsLeft = Math.max(1, minKills - kills);
      const cap = kills < minKills ? 15_000 : 60_000;
      const floor = rendererOnly ? 300 : 1500;
      const base = Math.max(floor, Math.min(cap, Math.max(0, minWrites - confirmed.length) / rate / killsLeft));
      const delay = Math.round((0.15 + 1.7 * rnd()) * base);
      killDelaysMs.push(delay);
      await sleep(delay);
      if (rendererOnly) {
        const killed = await b.killRenderers();
        if (killed === 0) throw new Error('no renderer process to kill');
        await page.close().catch(() => undefined);
      } else await b.kill();
      kills++;
      writingMs += Date.now() - started;
      segments.push({ writes: confirmed.length - before, ms: Date.now() - started });
      log(`kill ${kills} after ${delay} ms: +${confirmed.length - before} confirmed (total ${confirmed.length})`);
    }
  } finally {
    if (rendererOnly) await b?.kill();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }

  const lost = checks.flatMap((c) => c.result.lost.map((l) => `restart ${c.restart}: ${l}`));
  const halfApplied = checks.flatMap((c) => c.result.halfApplied.map((l) => `restart ${c.restart}: ${l}`));
  const verifyFailures = checks
    .filter((c) => !c.result.verify.ok)
    .map((c) => `restart ${c.restart}: ${c.result.verify.message}`);
  const byKind: Record<string, number> = {};
  const msByKind: Record<string, number[]> = {};
  for (const c of confirmed) {
    byKind[c.ack.k] = (byKind[c.ack.k] ?? 0) + 1;
    (msByKind[c.ack.k] ??= []).push(c.ms);
  }
  const medianMsByKind = Object.fromEntries(
    Object.entries(msByKind).map(([k, l]) => [k, l.sort((a, b) => a - b)[Math.floor(l.length / 2)]!]),
  );
  const last = checks.at(-1)?.result;
  return {
    seed,
    mode: o.mode ?? 'browser',
    durability: [...new Set(checks.map((c) => c.result.durability))].join(', '),
    kills,
    confirmed: confirmed.length,
    byKind,
    medianMsByKind,
    checks,
    lost,
    halfApplied,
    verifyFailures,
    pageErrors,
    unacknowledged: checks.reduce((s, c) => s + c.result.unacknowledged, 0),
    finalAuditEntries: last?.auditEntries ?? 0,
    finalRecords: last?.records ?? {},
    killDelaysMs,
    writesPerSecond: writingMs > 0 ? (confirmed.length / writingMs) * 1000 : 0,
    seconds: (Date.now() - t0) / 1000,
    selfTest,
    ok:
      // DUR-1: the app's database asks for strict commits (a regression to Chromium's default fails here).
      checks.every((c) => c.result.durability === (o.durability ?? 'strict')) &&
      !!selfTest &&
      Object.values(selfTest).every(Boolean) &&
      lost.length === 0 &&
      halfApplied.length === 0 &&
      verifyFailures.length === 0 &&
      pageErrors.length === 0 &&
      kills >= minKills &&
      confirmed.length >= minWrites &&
      checks.length === kills,
  };
}

export function printCrashReport(r: CrashReport, log: (l: string) => void = console.log): void {
  const what = r.mode === 'renderer' ? 'renderer-only kills' : 'whole process group';
  log(`Crash durability, ${what} (seed ${r.seed}, transactions '${r.durability}'): ${r.ok ? 'PASS' : 'FAIL'}`);
  log(
    `  confirmed writes   ${r.confirmed} (${Object.entries(r.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  log(
    `  median ms per write: ${Object.entries(r.medianMsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  log(`  kills (SIGKILL, ${what})  ${r.kills}; restarts checked ${r.checks.length}`);
  log(
    `  lost ${r.lost.length}, half-applied ${r.halfApplied.length}, audit verify failures ${r.verifyFailures.length}`,
  );
  log(
    `  self-test of the checks (forged write lost, deleted dispute found, draft task found): ${JSON.stringify(r.selfTest)}`,
  );
  log(`  committed but unacknowledged at the kills: ${r.unacknowledged} audit entries`);
  log(`  final: ${r.finalAuditEntries} audit entries, ${JSON.stringify(r.finalRecords)}`);
  log(`  ${r.writesPerSecond.toFixed(0)} confirmed writes/s while writing; ${r.seconds.toFixed(0)} s in all`);
  for (const l of [...r.lost, ...r.halfApplied, ...r.verifyFailures, ...r.pageErrors].slice(0, 20)) log(`  ! ${l}`);
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runCrashTest({
    minWrites: arg('writes'),
    minKills: arg('kills'),
    seed: arg('seed'),
    durability: process.argv.includes('--relaxed') ? 'relaxed' : 'strict',
    mode: process.argv.includes('--renderer') ? 'renderer' : 'browser',
    port: arg('port'),
    cdpPort: arg('cdp-port'),
  });
  printCrashReport(r);
  process.exit(r.ok ? 0 : 1);
}
