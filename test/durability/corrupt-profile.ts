/**
 * Corrupted-profile suite (RELIABILITY-SECURITY.md DUR-6, §2.3; issue 10): the real web build (a `vite build` of the
 * renderer, served from a fixed origin) runs in Debian Chromium on a persistent profile
 * (`chromium.launchPersistentContext`). A known dataset is written through the UI (first start + 载入演示数据, then
 * a second start so the app's outside-IndexedDB markers are current), the browser is closed, and a copy of that
 * profile is damaged in each of these ways:
 *
 *   control         no damage (what an undamaged profile does on open, for comparison)
 *   truncate-log    the newest LevelDB .log file cut to half its length
 *   delete-manifest every MANIFEST-* file deleted
 *   zero-current    the CURRENT file overwritten with zero bytes (same length)
 *   read-only       the IndexedDB directory and its files made read-only (chmod; as root also `chattr +i`,
 *                   since root ignores permission bits)
 *   flip-ldb        bytes flipped through the largest .ldb file
 *
 * Then the app is started on the damaged copy and the suite records what the user sees: the data intact, the
 * recovery screen (数据库暂时无法打开 / 数据库中的数据少于上次…), or the data gone without a word (the first-start
 * screen on an emptied database, or fewer records than written) — and whether the damaged files are
 * byte-identical after the app ran (SHA-256 of every file of the IndexedDB directory, before and after).
 *
 * Passes when no case shows a blank page or starts empty/short without saying so, and every case that showed
 * the recovery screen left the files as they were. What Chromium itself repairs or drops is reported per case.
 *
 * Alone: `node --import tsx test/durability/corrupt-profile.ts [--dist dist-web] [--port 5443] [--case a,b]`
 * (without --dist it uses dist-web, and builds it with `npm run build:web` when it is missing).
 * KEEP_CORRUPT_PROFILES=1 keeps the damaged profiles and a screenshot of each start.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, sleep } from './browser';
import { setPiiPassphrase } from './pii-passphrase';

export const CASES = ['control', 'truncate-log', 'delete-manifest', 'zero-current', 'read-only', 'flip-ldb'] as const;
export type CorruptionCase = (typeof CASES)[number];

/** What the app showed after the restart on the damaged profile. */
export type Outcome =
  /** The app's shell with every record written. */
  | 'opened-intact'
  /** The recovery screen (the database did not open, or it opened empty although the app had data). */
  | 'recovery-ui'
  /** The app, with a warning over it that records are missing (fewer audit entries than the app saw). */
  | 'warned'
  /** The app's shell or first-start screen with records missing and nothing said: a failure. */
  | 'silently-lost'
  /** Nothing recognisable (blank page, error screen): a failure. */
  | 'blank';

export interface StartReport {
  outcome: Outcome;
  /** The heading and cause the screen showed (recovery), or the first-start / shell text. */
  screenText: string;
  /** Rows in all tables while the app ran (raw IndexedDB), or why they could not be read. */
  records: number | string;
  pageErrors: string[];
}

export interface CaseReport {
  case: CorruptionCase;
  damage: string;
  /** The first start on the damaged profile, and a second one (what the user sees after 重试 / a restart). */
  first: StartReport;
  second: StartReport;
  recordsBefore: number;
  /**
   * Files of the IndexedDB directory after the first start: unchanged, changed, removed, added. LevelDB's own
   * text log (LOG, LOG.old) and LOCK are listed apart: LevelDB writes them on every open attempt.
   */
  files: { unchanged: number; changed: string[]; removed: string[]; added: string[]; infoLog: string[] };
  /** The data files (CURRENT, MANIFEST-*, *.log, *.ldb) byte-identical after the first start. */
  filesIdentical: boolean;
  /** Data files gone after the first start: Chromium deleted the database it found damaged. */
  chromiumDeleted: boolean;
  ok: boolean;
  problems: string[];
}

export interface CorruptProfileReport {
  dist: string;
  recordsWritten: number;
  auditEntries: number;
  cases: CaseReport[];
  seconds: number;
  ok: boolean;
}

const ORIGIN_DIR = 'http_127.0.0.1_PORT.indexeddb.leveldb';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Serves a built web bundle (index.html for every unknown path, as the app's router wants). */
async function serveDist(dist: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const index = readFileSync(join(dist, 'index.html'));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = resolve(dist, `.${path}`);
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } else res.writeHead(200, { 'content-type': MIME['.html']! }).end(index);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

async function launch(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Rows in every object store of the app's database, read raw (no Dexie, no upgrade); never creates it. */
async function countRecords(page: Page): Promise<{ total: number; audit: number } | string> {
  return page.evaluate(async () => {
    const list = await indexedDB.databases();
    if (!list.some((d) => d.name === 'jointdesk')) return 'no database';
    return new Promise<{ total: number; audit: number } | string>((done) => {
      const open = indexedDB.open('jointdesk');
      open.onupgradeneeded = () => {
        open.transaction?.abort();
        done('database vanished');
      };
      open.onerror = () => done(`${open.error?.name ?? 'Error'}: ${open.error?.message ?? ''}`);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        if (names.length === 0) {
          db.close();
          done({ total: 0, audit: 0 });
          return;
        }
        const tx = db.transaction(names, 'readonly');
        let total = 0;
        let audit = 0;
        for (const n of names) {
          const r = tx.objectStore(n).count();
          r.onsuccess = () => {
            total += r.result;
            if (n === 'audit') audit = r.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          done({ total, audit });
        };
        tx.onerror = () => done(`${tx.error?.name ?? 'Error'}: ${tx.error?.message ?? ''}`);
      };
    });
  });
}

/** SHA-256 of every file under `dir` (relative path → hex). */
function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, r);
      else out.set(r, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

function byMtime(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs || b.localeCompare(a));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function setImmutable(paths: string[], on: boolean): void {
  if (!isRoot() || paths.length === 0) return;
  execFileSync('chattr', [on ? '+i' : '-i', ...paths]);
}

/** Applies the damage to the profile's IndexedDB directory; returns what was done, in words. */
function damage(c: CorruptionCase, dir: string): string {
  switch (c) {
    case 'control':
      return 'none';
    case 'truncate-log': {
      const log = byMtime(dir, '.log')[0];
      if (!log) return 'n/a: no .log file';
      const size = statSync(join(dir, log)).size;
      truncateSync(join(dir, log), Math.floor(size / 2));
      return `${log} truncated ${size} → ${Math.floor(size / 2)} bytes`;
    }
    case 'delete-manifest': {
      const manifests = readdirSync(dir).filter((f) => f.startsWith('MANIFEST-'));
      for (const m of manifests) unlinkSync(join(dir, m));
      return `deleted ${manifests.join(', ') || 'nothing (no MANIFEST)'}`;
    }
    case 'zero-current': {
      const size = statSync(join(dir, 'CURRENT')).size;
      writeFileSync(join(dir, 'CURRENT'), Buffer.alloc(size));
      return `CURRENT (${size} bytes) zero-filled`;
    }
    case 'read-only': {
      const files = readdirSync(dir).map((f) => join(dir, f));
      for (const f of files) chmodSync(f, 0o444);
      chmodSync(dir, 0o555);
      setImmutable([dir, ...files], true);
      return `directory 0555, files 0444${isRoot() ? ', chattr +i (running as root)' : ''}`;
    }
    case 'flip-ldb': {
      const ldb = readdirSync(dir)
        .filter((f) => f.endsWith('.ldb'))
        .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
      if (!ldb) return 'n/a: no .ldb file';
      const bytes = readFileSync(join(dir, ldb));
      // 16 bytes every ~1/17th of the file: data blocks, index and footer regions all get some.
      const step = Math.floor(bytes.length / 17);
      for (let k = 1; k <= 16; k++) bytes[k * step] = bytes[k * step]! ^ 0xff;
      writeFileSync(join(dir, ldb), bytes);
      return `${ldb} (${bytes.length} bytes): 16 bytes inverted`;
    }
  }
}

function undoReadOnly(dir: string): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).map((f) => join(dir, f));
  setImmutable([dir, ...files], false);
  chmodSync(dir, 0o755);
  for (const f of files) chmodSync(f, 0o644);
}

const RECOVERY_TITLES = ['数据库暂时无法打开', '数据库中的数据少于上次'];

/** Waits until the page settles on a screen and names it. */
async function classifyScreen(
  page: Page,
): Promise<{ screen: 'shell' | 'warned' | 'first-start' | 'recovery' | 'other'; text: string }> {
  const shell = page.getByRole('menuitem', { name: /工作台/ });
  const short = page.getByTestId('data-short');
  const first = page.getByText('欢迎使用联席会议工作台');
  const recovery = page.getByText(new RegExp(RECOVERY_TITLES.join('|')));
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (await recovery.first().isVisible()) {
      await sleep(500); // the cause and the quarantine note render with it
      const text = (
        await page
          .locator('.ant-result')
          .first()
          .innerText()
          .catch(() => '')
      ).replace(/\s+/g, ' ');
      return { screen: 'recovery', text: text.slice(0, 400) };
    }
    if (await shell.first().isVisible()) {
      await sleep(1_000); // the warning renders with the shell
      if (await short.isVisible()) return { screen: 'warned', text: (await short.innerText()).replace(/\s+/g, ' ') };
      return { screen: 'shell', text: '工作台' };
    }
    if (await first.first().isVisible()) return { screen: 'first-start', text: '欢迎使用联席会议工作台' };
    await sleep(200);
  }
  const body = (
    await page
      .locator('body')
      .innerText()
      .catch(() => '')
  ).replace(/\s+/g, ' ');
  return { screen: 'other', text: body.slice(0, 200) };
}

async function firstStartWithDemo(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.getByText('欢迎使用联席会议工作台').waitFor();
  await page.getByLabel('姓名').fill('王丽');
  await page.getByLabel('所在单位').fill('城关镇综合行政执法办公室');
  await page.getByRole('radio', { name: /办公室工作人员/ }).check();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('button', { name: '载入演示数据' }).click();
  await setPiiPassphrase(page);
  const done = page.getByText(/演示数据已载入，共 \d+ 条记录/);
  await done.waitFor({ timeout: 120_000 });
  return Number(/共 (\d+) 条/.exec((await done.textContent()) ?? '')?.[1] ?? 0);
}

export async function runCorruptProfileTest(
  o: { dist?: string; port?: number; cases?: readonly CorruptionCase[]; log?: (l: string) => void } = {},
): Promise<CorruptProfileReport> {
  const t0 = Date.now();
  const log = o.log ?? ((l: string) => console.log(l));
  const dist = resolve(o.dist ?? 'dist-web');
  if (!existsSync(join(dist, 'index.html'))) {
    if (o.dist) throw new Error(`no web build in ${dist}`);
    log('no web build in dist-web: building it (npm run build:web)');
    execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  }
  const port = o.port ?? 5443;
  const server = await serveDist(dist, port);
  const work = mkdtempSync(join(tmpdir(), 'jointdesk-corrupt-'));
  const golden = join(work, 'golden');
  const idbDir = (profile: string) => join(profile, 'Default', 'IndexedDB', ORIGIN_DIR.replace('PORT', String(port)));
  const cases: CaseReport[] = [];
  let recordsWritten: number;
  let before = { total: 0, audit: 0 };
  try {
    // The known dataset, written through the UI; a second start lets the app keep its markers current.
    {
      const { context, page } = await launch(golden);
      recordsWritten = await firstStartWithDemo(page, server.url);
      await page.reload();
      await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
      await sleep(4_000); // the audit check at start (from 1.5 s) and the marker's debounce
      const counted = await countRecords(page);
      if (typeof counted === 'string') throw new Error(`golden profile: ${counted}`);
      before = counted;
      await context.close();
    }
    log(`golden profile: 演示数据 ${recordsWritten} records, ${before.total} rows, ${before.audit} audit entries`);

    for (const c of o.cases ?? CASES) {
      const profile = join(work, c);
      cpSync(golden, profile, { recursive: true });
      const dir = idbDir(profile);
      const what = damage(c, dir);
      const hashesBefore = hashTree(dir);
      let shots = 0;
      const start = async (): Promise<StartReport> => {
        const { context, page } = await launch(profile);
        const pageErrors: string[] = [];
        page.on('pageerror', (e) => pageErrors.push(e.message));
        try {
          await page.goto(server.url);
          const firstScreen = await classifyScreen(page);
          // Whatever the app does at start (audit check, markers) runs; Chromium may find damage meanwhile
          // and close the database under the app. What the page shows then is the outcome.
          await sleep(4_000);
          const screen = firstScreen.screen === 'recovery' ? firstScreen : await classifyScreen(page);
          if (screen.screen !== firstScreen.screen) screen.text = `${firstScreen.screen}, then: ${screen.text}`;
          await page.screenshot({ path: `${profile}-${++shots}.png` }).catch(() => undefined);
          const counted = await countRecords(page).catch((e: unknown) => `count failed: ${String(e)}`);
          const records = typeof counted === 'string' ? counted : counted.total;
          const intact = records === before.total;
          const outcome: Outcome =
            screen.screen === 'recovery'
              ? 'recovery-ui'
              : screen.screen === 'warned'
                ? 'warned'
                : screen.screen === 'shell' && intact
                  ? 'opened-intact'
                  : screen.screen === 'shell' || screen.screen === 'first-start'
                    ? 'silently-lost'
                    : 'blank';
          return { outcome, screenText: screen.text, records, pageErrors };
        } finally {
          await context.close();
        }
      };
      const first = await start();
      // Hashed after the app ran and before anything else opens the profile.
      const hashesAfter = hashTree(dir);
      if (c === 'read-only') undoReadOnly(dir);
      const second = await start();

      const INFO = /^(LOG|LOG\.old|LOCK)$/;
      const changed: string[] = [];
      const removed: string[] = [];
      const infoLog: string[] = [];
      for (const [f, h] of hashesBefore) {
        const gone = !hashesAfter.has(f);
        if (!gone && hashesAfter.get(f) === h) continue;
        if (INFO.test(f)) infoLog.push(`${f} ${gone ? 'removed' : 'changed'}`);
        else (gone ? removed : changed).push(f);
      }
      const added = [...hashesAfter.keys()].filter((f) => !hashesBefore.has(f));
      const unchanged = hashesBefore.size - changed.length - removed.length - infoLog.length;
      const filesIdentical = changed.length === 0 && removed.length === 0;
      const problems: string[] = [];
      for (const [which, s] of [
        ['first start', first],
        ['second start', second],
      ] as const) {
        if (s.outcome === 'blank') problems.push(`${which}: no recognisable screen: ${s.screenText}`);
        if (s.outcome === 'silently-lost')
          problems.push(`${which}: started with ${String(s.records)} of ${before.total} rows, nothing said`);
      }
      // Chromium's own answer to some damage is to delete the database's files (and leave corruption_info.json
      // or a new empty log): recorded, not the app's doing. Data files changed in place while the recovery
      // screen said the database did not open would be someone writing into it: a failure.
      const chromiumDeleted = removed.length > 0;
      if (first.outcome === 'recovery-ui' && changed.length > 0 && !chromiumDeleted)
        problems.push(`recovery screen, but data files changed: ${changed.join(', ')}`);
      const report: CaseReport = {
        case: c,
        damage: what,
        first,
        second,
        recordsBefore: before.total,
        files: { unchanged, changed, removed, added, infoLog },
        filesIdentical,
        chromiumDeleted,
        ok: problems.length === 0,
        problems,
      };
      cases.push(report);
      log(
        `  ${c}: ${what} → first start ${first.outcome} (${String(first.records)}/${before.total} rows), second ` +
          `${second.outcome} (${String(second.records)}); data files ${filesIdentical ? 'byte-identical' : `changed [${changed.join(', ')}], removed [${removed.join(', ')}]`}` +
          `${infoLog.length ? `; info log: ${infoLog.join(', ')}` : ''}${added.length ? `; new: ${added.join(', ')}` : ''}`,
      );
      log(`    first:  ${first.screenText.slice(0, 200)}`);
      log(`    second: ${second.screenText.slice(0, 200)}`);
      for (const e of [...first.pageErrors, ...second.pageErrors].slice(0, 3))
        log(`    page error: ${e.slice(0, 200)}`);
      for (const p of problems) log(`    ! ${p}`);
      if (!process.env.KEEP_CORRUPT_PROFILES) rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    await server.close();
    for (const c of CASES) undoReadOnly(idbDir(join(work, c)));
    if (!process.env.KEEP_CORRUPT_PROFILES) rmSync(work, { recursive: true, force: true });
    else log(`profiles and screenshots kept in ${work}`);
  }
  return {
    dist,
    recordsWritten,
    auditEntries: before.audit,
    cases,
    seconds: (Date.now() - t0) / 1000,
    ok: cases.length > 0 && cases.every((c) => c.ok),
  };
}

export function printCorruptProfileReport(r: CorruptProfileReport, log: (l: string) => void = console.log): void {
  log(`Corrupted profile (${r.dist}): ${r.ok ? 'PASS' : 'FAIL'} in ${r.seconds.toFixed(0)} s`);
  log(`  dataset: 演示数据 ${r.recordsWritten} records (${r.auditEntries} audit entries)`);
  log(`  case             first start     rows    second start    rows    data files after the first start`);
  for (const c of r.cases) {
    log(
      `  ${c.case.padEnd(16)} ${c.first.outcome.padEnd(15)} ${String(c.first.records).slice(0, 7).padEnd(7)} ` +
        `${c.second.outcome.padEnd(15)} ${String(c.second.records).slice(0, 7).padEnd(7)} ` +
        `${c.filesIdentical ? 'byte-identical' : c.chromiumDeleted ? `deleted by Chromium (${c.files.removed.length} files)` : `changed ${c.files.changed.length} (opened)`}` +
        `${c.ok ? '' : '  FAIL'}`,
    );
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = arg('case');
  const r = await runCorruptProfileTest({
    dist: arg('dist'),
    port: arg('port') ? Number(arg('port')) : undefined,
    cases: only ? (only.split(',') as CorruptionCase[]) : undefined,
  });
  printCorruptProfileReport(r);
  process.exit(r.ok ? 0 : 1);
}
