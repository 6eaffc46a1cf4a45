/**
 * Start to a usable workbench with the ten-year district dataset vs a blank page from the same server, and the
 * renderer heap with that dataset vs an empty database on the heaviest screens — the real production web build in
 * Debian Chromium.
 *
 * Builds the web app (`vite build --config vite.web.config.ts`) into a temporary folder and serves it from a tiny
 * static server on 127.0.0.1:5432 (BENCH_STARTUP_PORT), every response `Cache-Control: no-store` (each start fetches
 * every byte, as the desktop app reads its files), with `/blank.html` (an empty page) and `/bench-loader.html` (the
 * esbuild bundle of startup-page.ts) beside it. One persistent Chromium profile (launchPersistentContext on a
 * temporary user-data-dir) holds two origins of that server: http://127.0.0.1:port, into which the loader page
 * wrote the first user and the district dataset once, and http://localhost:port, which holds the first user alone
 * (the empty database).
 *
 * Start: a new tab navigates to the app; an init script steps a requestAnimationFrame loop from the document's start
 * and notes the first frame in which the workbench's readiness card (`[data-testid="readiness"]`, the office
 * home's first data-driven card) is in the page — "usable" — and the first frame in which, besides, no skeleton,
 * loading card or spinner is left — "settled". The blank page's time is its first frame after the load event (the
 * same loop). Times are from the navigation start (performance.now()), each the median of `runs` starts after one
 * warm-up, app and blank interleaved; the longest main-thread block ('longtask', buffered) up to "usable" is beside.
 *
 * Heap: each screen (工作台, 争议 → 召集人审阅, 议题 list, 统计) in a new tab until it settled and 1 s more, then
 * CDP HeapProfiler.collectGarbage and Runtime.getHeapUsage (usedSize) — with the dataset vs the empty database.
 *
 * `startupRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts; BENCH_STARTUP=0 skips it); alone:
 * `node --import tsx test/bench/chromium/startup.ts [scale]` (default 1, the full ten years). BENCH_STARTUP_DIST=<folder>
 * uses a web build already there instead of building one; BENCH_STARTUP_PROFILE=1 adds one start under the CPU profiler
 * and prints where its main-thread time went (by file and by function; not a BENCHMARKS.md row).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { median, ms, ratio, row, type BenchRow } from '../lib';
import type { LoaderResult, StartupLoaderApi } from './startup-page';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = fileURLToPath(new URL('./startup-page.ts', import.meta.url));
const SECTION = 'Chromium: start and renderer heap, web build, district demo profile';
const USABLE = '[data-testid="readiness"]';
const LOADING = '.ant-skeleton, .ant-card-loading, .ant-spin-spinning';
/** renderer/src/db/audit-checkpoint.ts: where the head of the last audit check that passed is kept. */
const CHECKPOINT_KEY = 'jointdesk.audit.checkpoint.jointdesk';

export const HEAP_SCREENS = [
  { key: 'workbench', name: '工作台 (workbench)', hash: '#/' },
  { key: 'review', name: "争议 → 召集人审阅 (chair's review)", hash: '#/disputes/review' },
  { key: 'topics', name: '议题 list', hash: '#/topics' },
  { key: 'stats', name: '统计', hash: '#/stats' },
] as const;
type HeapKey = (typeof HEAP_SCREENS)[number]['key'];

export interface StartupOptions {
  scale?: number;
  runs?: number;
  heapRuns?: number;
  port?: number;
  seed?: number;
  executablePath?: string;
  /** A web build to serve instead of building one. */
  dist?: string;
  /** Also one start under the CPU profiler (BENCH_STARTUP_PROFILE=1): where the start's main-thread time goes. */
  profile?: boolean;
}

export interface StartProfile {
  /** ms of self time, the largest first: by function (name file:line) and by file. */
  byFunction: [string, number][];
  byFile: [string, number][];
}

export interface StartRun {
  /** ms from the navigation start: readiness card in a frame (app) / first frame after load (blank). */
  usable: number;
  /** ms from the navigation start: nothing loading any more (app; = usable for blank). */
  settled: number;
  /** Longest 'longtask' that started before `usable` (0: none over 50 ms). */
  longest: number;
  /** Longest 'longtask' that started before `settled`. */
  longestSettled: number;
  /** Scripts fetched before `usable`: how many, and their bytes (decoded). */
  scripts: number;
  scriptBytes: number;
}

export interface StartupReport {
  chromium: string;
  scale: number;
  loaded: LoaderResult;
  runs: number;
  heapRuns: number;
  app: StartRun[];
  blank: StartRun[];
  /** usedSize (bytes) per screen, median over the heap runs, with the dataset and empty. */
  heap: Record<HeapKey, { full: number; empty: number }>;
  /** Bytes of the JS index.html names (entry + modulepreload). */
  indexJs: number;
  profile?: StartProfile;
  /** The first start after the load: navigation start → the audit start check's checkpoint saved (full check). */
  firstCheck: number;
}

/** Notes, in every document of the context, the frames at which the page was usable and settled. */
const INIT_SCRIPT = `globalThis.__name ??= (f) => f; // tsx (esbuild keepNames) wraps evaluated functions in __name()
(() => {
  const out = { usable: 0, settled: 0, loaded: 0, tasks: [] };
  globalThis.__startTiming = out;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) out.tasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const frame = (t) => {
    const now = performance.now();
    if (!out.loaded && document.readyState === 'complete') out.loaded = now;
    if (!out.usable && document.querySelector(${JSON.stringify(USABLE)})) out.usable = now;
    if (out.usable && !out.settled && !document.querySelector(${JSON.stringify(LOADING)})) out.settled = now;
    if (!out.settled || !out.loaded) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

export async function runStartupBench(o: StartupOptions = {}): Promise<StartupReport> {
  const scale = o.scale ?? 1;
  const runs = Math.max(5, o.runs ?? 7);
  const heapRuns = Math.max(1, o.heapRuns ?? 3);
  const port = o.port ?? (Number(process.env.BENCH_STARTUP_PORT) || 5432);
  const seed = o.seed ?? 20260309;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const temp = mkdtempSync(join(tmpdir(), 'jointdesk-startup-'));
  const dist = o.dist ?? process.env.BENCH_STARTUP_DIST ?? buildWeb(join(temp, 'web'));
  const server = await serve(dist, port);
  const context = await chromium.launchPersistentContext(join(temp, 'profile'), {
    executablePath: o.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  try {
    context.setDefaultTimeout(600_000);
    const full = `http://127.0.0.1:${port}`;
    const empty = `http://localhost:${port}`;
    const loaded = await loadOrigin(context, full, scale, today, seed);
    await loadOrigin(context, empty, 0, today, seed);
    await context.addInitScript({ content: INIT_SCRIPT });
    // The first start checks the whole audit trail (AuditStartCheck, 1.5 s in) and keeps its head as a checkpoint;
    // every later start hashes only what came since. Timed starts close the tab early, so without this one a full
    // check would begin in every tab and never save its checkpoint: the starts below are the usual ones.
    const firstCheck = await firstStart(context, full);
    await firstStart(context, empty);

    const start = async (url: string, app: boolean): Promise<StartRun> => {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForFunction(
          (isApp) => {
            const s = (globalThis as unknown as { __startTiming?: { loaded: number; settled: number } }).__startTiming;
            return s !== undefined && s.loaded > 0 && (!isApp || s.settled > 0);
          },
          app,
          { polling: 100 },
        );
        return await page.evaluate((isApp) => {
          const s = (
            globalThis as unknown as {
              __startTiming: { usable: number; settled: number; loaded: number; tasks: [number, number][] };
            }
          ).__startTiming;
          const usable = isApp ? s.usable : s.loaded;
          const settled = isApp ? s.settled : s.loaded;
          const longestBefore = (t: number) => Math.max(0, ...s.tasks.filter(([at]) => at < t).map(([, d]) => d));
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (e) => new URL(e.name).pathname.endsWith('.js') && e.responseEnd <= usable,
          );
          return {
            usable,
            settled,
            longest: longestBefore(usable),
            longestSettled: longestBefore(settled),
            scripts: scripts.length,
            scriptBytes: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
          };
        }, app);
      } finally {
        await page.close();
      }
    };

    const app: StartRun[] = [];
    const blank: StartRun[] = [];
    await start(`${full}/`, true); // warm-up (the OS file cache, Chromium's own start-up)
    await start(`${full}/blank.html`, false);
    for (let i = 0; i < runs; i++) {
      app.push(await start(`${full}/`, true));
      blank.push(await start(`${full}/blank.html`, false));
    }

    const profile =
      (o.profile ?? process.env.BENCH_STARTUP_PROFILE === '1') ? await profileStart(context, full) : undefined;

    const heapOf = async (base: string, hash: string): Promise<number> => {
      const page = await context.newPage();
      try {
        await page.goto(`${base}/${hash}`, { waitUntil: 'commit' });
        await settle(page);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        await cdp.detach();
        return usedSize;
      } finally {
        await page.close();
      }
    };
    const heap = {} as StartupReport['heap'];
    for (const s of HEAP_SCREENS) {
      const f: number[] = [];
      const e: number[] = [];
      for (let i = 0; i < heapRuns; i++) {
        f.push(await heapOf(full, s.hash));
        e.push(await heapOf(empty, s.hash));
      }
      heap[s.key] = { full: median(f), empty: median(e) };
    }
    return {
      chromium: `Chromium ${context.browser()?.version() ?? ''}`.trim(),
      scale,
      loaded,
      runs,
      heapRuns,
      app,
      blank,
      heap,
      indexJs: indexJs(dist),
      firstCheck,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Opens the app once and waits until the audit start check has passed and saved its checkpoint; ms from navigation. */
async function firstStart(context: BrowserContext, origin: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, CHECKPOINT_KEY, { polling: 250 });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * One start of the app under the CDP sampling profiler (from a blank page of the same origin, so the navigation
 * stays in one renderer), until the workbench settled; self time summed per function and per file.
 */
async function profileStart(context: BrowserContext, origin: string): Promise<StartProfile> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/blank.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => ((globalThis as unknown as { __startTiming?: { settled: number } }).__startTiming?.settled ?? 0) > 0,
      undefined,
      { polling: 100 },
    );
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const byFunction = new Map<string, number>();
    const byFile = new Map<string, number>();
    const samples = profile.samples ?? [];
    samples.forEach((id, i) => {
      const f = frame.get(id);
      const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
      if (!f || dt <= 0) return;
      const file = f.url ? (f.url.split('/').pop() ?? f.url) : `(${f.functionName || 'native'})`;
      const name = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
    });
    const top = (m: Map<string, number>, n: number) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, n) as [string, number][];
    return { byFunction: top(byFunction, 25), byFile: top(byFile, 15) };
  } finally {
    await page.close();
  }
}

/** The screen is in the page, nothing has been loading for 500 ms, then 1 s more (live queries, charts). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    (loading) => {
      const g = globalThis as unknown as { __quietSince?: number };
      const busy = !document.querySelector('.ant-layout-content') || document.querySelector(loading) !== null;
      if (busy) g.__quietSince = undefined;
      else g.__quietSince ??= performance.now();
      return g.__quietSince !== undefined && performance.now() - g.__quietSince > 500;
    },
    LOADING,
    { polling: 100 },
  );
  await page.waitForTimeout(1000);
}

/** Writes the first user (and the dataset) into the app's database of `origin`, through the loader page. */
async function loadOrigin(
  context: BrowserContext,
  origin: string,
  scale: number,
  today: string,
  seed: number,
): Promise<LoaderResult> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`${origin}/bench-loader.html`);
    await page.waitForFunction(() => '__startupLoader' in globalThis);
    return await page.evaluate(
      ([s, t, n]) => (window as unknown as { __startupLoader: StartupLoaderApi }).__startupLoader.load(s, t, n),
      [scale, today, seed] as const,
    );
  } finally {
    await page.close();
  }
}

function buildWeb(outDir: string): string {
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The build folder, /blank.html and the loader page, every response uncached. */
async function serve(dist: string, port: number): Promise<Server> {
  const bundle = await build({
    entryPoints: [LOADER],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const loader = bundle.outputFiles[0]!.contents;
  const pages: Record<string, [string, string | Uint8Array]> = {
    '/blank.html': [TYPES['.html']!, '<!doctype html><meta charset="utf-8"><title>blank</title>'],
    '/bench-loader.html': [
      TYPES['.html']!,
      '<!doctype html><meta charset="utf-8"><title>loader</title><script type="module" src="/bench-loader.js"></script>',
    ],
    '/bench-loader.js': [TYPES['.js']!, loader],
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = (type: string) => ({ 'content-type': type, 'cache-control': 'no-store' });
    const own = pages[path];
    if (own) return void res.writeHead(200, headers(own[0])).end(own[1]);
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(dist))) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, headers(TYPES[extname(file)] ?? 'application/octet-stream')).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return server;
}

/** Bytes of the JS index.html names (its entry script and modulepreload links): what every start fetches first. */
function indexJs(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
}

const block = (v: number) => (v > 0 ? ms(v) : '< 50 ms');
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

/** The BENCHMARKS.md rows: start vs blank, then heap with the dataset vs empty per screen. */
export function startupBenchRows(r: StartupReport): BenchRow[] {
  const med = (xs: StartRun[], k: keyof StartRun) => median(xs.map((x) => x[k]));
  const app = { usable: med(r.app, 'usable'), settled: med(r.app, 'settled') };
  const blank = med(r.blank, 'usable');
  const longest = Math.max(0, ...r.app.map((x) => x.longest));
  const longestSettled = Math.max(0, ...r.app.map((x) => x.longestSettled));
  const last = r.app.at(-1)!;
  const data = `${r.loaded.records} records (${r.loaded.meetings} meetings, ${r.loaded.topics} topics, ${r.loaded.disputes} disputes, ${r.loaded.resolutions} 议定事项, ${r.loaded.taskEvents} 督办记录, ${r.loaded.auditEntries} audit entries)`;
  const rows: BenchRow[] = [
    row(
      SECTION,
      'start to a usable workbench (readiness card in a frame), full district dataset',
      ms(app.usable),
      `navigation start → first frame with ${USABLE}; ${data}; ${last.scripts} scripts, ${mb(last.scriptBytes)} of JS fetched before it (index.html's entry + modulepreload JS ${mb(r.indexJs)}); longest main-thread block before it ${block(longest)}; median of ${r.runs}, new tab each, no HTTP cache`,
    ),
    row(
      SECTION,
      'blank page from the same server',
      ms(blank),
      `navigation start → first frame after the load event; median of ${r.runs}, interleaved with the starts`,
    ),
    row(
      SECTION,
      'start to a usable workbench ÷ blank page',
      ratio(app.usable, blank),
      'with the audit checkpoint of an earlier start (the usual start: only entries since are hashed)',
    ),
    row(
      SECTION,
      'start to a settled workbench (no skeleton, loading card or spinner left) ÷ blank page',
      ratio(app.settled, blank),
      `${ms(app.settled)}; longest main-thread block before it ${block(longestSettled)}`,
    ),
  ];
  rows.push(
    row(
      SECTION,
      'first start after the load: navigation → the audit start check passed (whole trail) and its checkpoint saved',
      ms(r.firstCheck),
      `${r.loaded.auditEntries} audit entries hashed 1.5 s after the first screen (AuditStartCheck); once`,
    ),
  );
  for (const s of HEAP_SCREENS) {
    const h = r.heap[s.key];
    rows.push(
      row(
        SECTION,
        `renderer heap on ${s.name}: full district dataset ÷ empty database`,
        ratio(h.full, h.empty),
        `${mb(h.full)} / ${mb(h.empty)} (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize, after the screen settled + 1 s; new tab, ${s.hash}; median of ${r.heapRuns})`,
      ),
    );
  }
  return rows;
}

/** Runs the bench on the full district dataset and adds its rows (called by test/bench/run.ts). */
export async function startupRows(rows: BenchRow[]): Promise<void> {
  rows.push(...startupBenchRows(await runStartupBench()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.argv[2]) || 1;
  const report = await runStartupBench({ scale });
  console.log(report.chromium, JSON.stringify(report.loaded));
  console.log(JSON.stringify({ app: report.app, blank: report.blank, heap: report.heap }, null, 1));
  if (report.profile) {
    console.log('\nself time of one start (CPU profile), by file:');
    for (const [f, t] of report.profile.byFile) console.log(`  ${ms(t).padStart(10)}  ${f}`);
    console.log('by function:');
    for (const [f, t] of report.profile.byFunction) console.log(`  ${ms(t).padStart(10)}  ${f}`);
  }
  for (const r of startupBenchRows(report)) console.log(`${r.name}: ${r.value} — ${r.note ?? ''}`);
}
