/**
 * Keystroke-to-paint in the minutes editor, 1-page vs 50-page 纪要 (Debian Chromium, web build).
 *
 * Builds the web app into renderer/dist-web-bench, serves it with `vite preview`, first-starts as 办公室工作人员,
 * loads the demo data, then writes a fixture document (test/bench/minutes-fixture.ts) straight into a
 * draft demo minutes with raw IndexedDB — bypassing the data layer and its audit on purpose: this is a
 * bench on a throwaway profile. Each keystroke's time runs from a capturing keydown listener
 * (performance.now()) to the next paint (requestAnimationFrame → setTimeout); keys are typed one at a
 * time, each after the previous one painted. Long tasks (PerformanceObserver 'longtask', > 50 ms) are
 * collected during the measured typing.
 *
 * Called by test/bench/run.ts; alone: `node --import tsx test/bench/chromium/keystroke.ts`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildMinutesFixture, type FixtureUnit } from '../minutes-fixture';
import type { MinutesDoc } from '../../../shared/editor/document';
import { median, percentile } from '../lib';
import { setPiiPassphrase } from '../../durability/pii-passphrase';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT_DIR = 'dist-web-bench'; // relative to vite's root (renderer/)

export interface KeystrokeOptions {
  pages?: readonly number[];
  /** Measured keystrokes per size (after WARMUP_KEYS unmeasured ones). */
  keys?: number;
  /** Pause between keystrokes, ms. */
  pauseMs?: number;
  port?: number;
  executablePath?: string;
  /** Rounds per size, the sizes interleaved (default 3); p50/p95 are the medians of the rounds'. */
  rounds?: number;
  /** Reuse an existing renderer/dist-web-bench instead of building (and leave it in place). */
  reuseBuild?: boolean;
}

export interface KeystrokeResult {
  pages: number;
  /** Estimated body lines / characters of the document typed into. */
  lines: number;
  chars: number;
  rounds: number;
  /** Keystroke-to-paint, ms, in the order typed (all rounds). */
  deltas: number[];
  /** Medians over the rounds of each round's p50 / p95. */
  p50: number;
  p95: number;
  max: number;
  /** Long tasks (> 50 ms) while typing, all rounds: their count and the longest, ms (0 when none). */
  longTasks: number;
  longestTask: number;
  /** The same in the 2.5 s pause after the last key (the autosave runs then). */
  pauseLongTasks: number;
  pauseLongestTask: number;
}

export interface KeystrokeReport {
  chromium: string;
  results: KeystrokeResult[];
}

const WARMUP_KEYS = 5;
const AUTOSAVE_WAIT_MS = 2500;
const KEYS = 'abcdefghijklmnopqrstuvwxyz';

export async function runKeystrokeBench(o: KeystrokeOptions = {}): Promise<KeystrokeReport> {
  const sizes = o.pages ?? [1, 50];
  const keys = o.keys ?? 60;
  const port = o.port ?? 5461;
  const base = `http://localhost:${port}`;
  if (!o.reuseBuild) build();
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: o.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    server = await startServer(port, base);
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await firstStartWithDemo(page, base);
    const target = await draftMinutes(page);
    const rounds = Math.max(1, o.rounds ?? 3);
    const fixtures = sizes.map((pages) =>
      buildMinutesFixture({ pages, units: target.units, idPrefix: `bench-${pages}p` }),
    );
    const typedBySize = sizes.map((): Typed[] => []);
    // Sizes interleaved, round after round: a burst of load from elsewhere hits both sizes alike.
    for (let round = 0; round < rounds; round++) {
      for (const [i, fixture] of fixtures.entries()) {
        typedBySize[i]!.push(await typeIntoDocument(page, base, target, fixture.doc, keys, o.pauseMs ?? 40));
        if (process.env.BENCH_SHOT) await page.screenshot({ path: `${process.env.BENCH_SHOT}-${sizes[i]}p.png` });
      }
    }
    const results: KeystrokeResult[] = sizes.map((pages, i) => {
      const typed = typedBySize[i]!;
      const fixture = fixtures[i]!;
      const longTasks = typed.flatMap((t) => t.longTasks);
      const pauseLongTasks = typed.flatMap((t) => t.pauseLongTasks ?? []);
      const deltas = typed.flatMap((t) => t.deltas);
      return {
        pages,
        lines: fixture.lines,
        chars: fixture.chars,
        rounds,
        deltas,
        p50: median(typed.map((t) => percentile(t.deltas, 50))),
        p95: median(typed.map((t) => percentile(t.deltas, 95))),
        max: Math.max(...deltas),
        longTasks: longTasks.length,
        longestTask: longTasks.length ? Math.max(...longTasks) : 0,
        pauseLongTasks: pauseLongTasks.length,
        pauseLongestTask: pauseLongTasks.length ? Math.max(...pauseLongTasks) : 0,
      };
    });
    return { chromium: `Chromium ${browser.version()}`, results };
  } finally {
    await browser.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
    if (!o.reuseBuild) rmSync(`${ROOT}renderer/${OUT_DIR}`, { recursive: true, force: true });
  }
}

/** Loads `doc` into the minutes, opens the editor on it and types `keys` measured keys. */
async function typeIntoDocument(
  page: Page,
  base: string,
  target: { minutesId: string; meetingId: string },
  doc: MinutesDoc,
  keys: number,
  pauseMs: number,
): Promise<Typed> {
  await writeContent(page, target.minutesId, doc);
  await page.goto(`${base}/#/meetings/${target.meetingId}/minutes`);
  await page.reload();
  const blocks = doc.content.length;
  await page.waitForFunction(
    (n) => (document.querySelector('.ProseMirror')?.childElementCount ?? 0) >= n,
    Math.floor(blocks * 0.9),
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1500); // lazy chunks, live queries, the resolutions panel settle
  const typed = await typeAndMeasure(page, keys, pauseMs);
  // The keys went into the document under test (and not into some other field).
  const check = await page.evaluate(() => {
    const pm = document.querySelector('.ProseMirror');
    return { blocks: pm?.childElementCount ?? 0, first: pm?.querySelector(':scope > p')?.textContent ?? '' };
  });
  const expected = Array.from({ length: keys }, (_, i) => KEYS[i % KEYS.length]).join('');
  if (check.blocks < blocks * 0.9 || !check.first.includes(expected)) {
    if (process.env.BENCH_SHOT) await page.screenshot({ path: `${process.env.BENCH_SHOT}-failed.png` });
    throw new Error(`keystroke bench: typing did not land (${check.blocks} blocks, “…${check.first.slice(-20)}”)`);
  }
  return typed;
}

function build(): void {
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', OUT_DIR, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
}

async function startServer(port: number, base: string): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', String(port), '--strictPort', '--outDir', OUT_DIR],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (server.pid) process.kill(-server.pid);
  throw new Error(`vite preview did not answer on ${base}`);
}

async function firstStartWithDemo(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('姓名').fill('王丽');
  await page.getByLabel('所在单位').fill('城关镇综合行政执法办公室');
  await page.getByRole('radio', { name: /办公室工作人员/ }).check();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('button', { name: '载入演示数据' }).click();
  await setPiiPassphrase(page);
  await page.getByText(/演示数据已载入/).waitFor({ timeout: 60_000 });
}

/** A demo minutes in 起草 and the database's units (for the 议定事项 of the fixture). */
async function draftMinutes(page: Page): Promise<{ minutesId: string; meetingId: string; units: FixtureUnit[] }> {
  const found = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('jointdesk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const minutes = await all<{ id: string; meetingId: string; state: string }>('minutes');
    const units = await all<{ id: string; name: string; archived?: boolean }>('units');
    db.close();
    const draft = minutes.find((m) => m.state === 'draft');
    return draft
      ? {
          minutesId: draft.id,
          meetingId: draft.meetingId,
          units: units.filter((u) => !u.archived).map((u) => ({ id: u.id, name: u.name })),
        }
      : undefined;
  });
  if (!found) throw new Error('the demo data has no minutes in 起草');
  return found;
}

/** Puts `doc` into the minutes row and drops its autosaved draft (raw IndexedDB: no audit, on purpose). */
async function writeContent(page: Page, minutesId: string, doc: unknown): Promise<void> {
  await page.evaluate(
    async ({ id, content }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('jointdesk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['minutes', 'drafts'], 'readwrite');
        const minutes = tx.objectStore('minutes');
        const get = minutes.get(id);
        get.onsuccess = () => {
          minutes.put({ ...(get.result as object), content });
          tx.objectStore('drafts').delete(id);
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { id: minutesId, content: doc },
  );
}

interface Typed {
  deltas: number[];
  longTasks: number[];
  /** Long tasks in the AUTOSAVE_WAIT_MS after the last key. */
  pauseLongTasks?: number[];
}

/** Types into the first paragraph (clicked at its middle, End: the end of that visual line); each key waits for the previous key's paint. */
async function typeAndMeasure(page: Page, keys: number, pauseMs: number): Promise<Typed> {
  await page.locator('.ProseMirror > p').first().click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { on: boolean; deltas: number[]; longTasks: number[] } };
    w.__bench = { on: true, deltas: [], longTasks: [] };
    document.addEventListener(
      'keydown',
      () => {
        if (!w.__bench.on) return;
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__bench.deltas.push(performance.now() - t0), 0));
      },
      true,
    );
    new PerformanceObserver((list) => {
      if (w.__bench.on) for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const typeOne = async (i: number) => {
    await page.keyboard.type(KEYS[i % KEYS.length]!);
    await page.waitForFunction(
      (n) => (window as unknown as { __bench: { deltas: number[] } }).__bench.deltas.length >= n,
      i + 1,
    );
    await page.waitForTimeout(pauseMs);
  };
  for (let i = 0; i < WARMUP_KEYS; i++) await typeOne(i);
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Typed }).__bench;
    b.deltas.length = 0;
    b.longTasks.length = 0;
  });
  for (let i = 0; i < keys; i++) await typeOne(i);
  const typed = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Typed }).__bench;
    const out = { deltas: [...b.deltas], longTasks: [...b.longTasks] };
    b.longTasks.length = 0;
    return out;
  });
  // The pause after typing: the autosave (700 ms debounce) serialises, cleans and stores the document.
  await page.waitForTimeout(AUTOSAVE_WAIT_MS);
  const pause = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Typed & { on: boolean } }).__bench;
    b.on = false;
    return [...b.longTasks];
  });
  return { ...typed, pauseLongTasks: pause };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runKeystrokeBench({ reuseBuild: process.env.BENCH_REUSE_BUILD === '1' });
  console.log(report.chromium);
  for (const r of report.results) {
    console.log(
      `${r.pages} page(s), ${r.lines} lines: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ` +
        `${r.longTasks} long tasks, longest ${r.longestTask.toFixed(0)} ms; ` +
        `after typing ${r.pauseLongTasks} long tasks, longest ${r.pauseLongestTask.toFixed(0)} ms`,
    );
  }
}
