/**
 * Checking a backup file of the ten-year district demo profile before a restore, in Debian Chromium: the app's
 * path (the backup check worker, renderer/src/db/backup/run-check.ts — unzip, SHA-256, digest, row schemas and
 * the audit chain off the page's thread, the checked tables cloned back) vs the same checks on the page's thread
 * (verifyBackupFile, as before), each run timed with the longest main-thread block seen meanwhile. The page
 * (backup-check-page.ts) and the worker (backup-check.worker.ts) are bundled with esbuild in memory and served on
 * port 5476 (BENCH_BACKUP_PORT).
 *
 * `backupCheckRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts); alone:
 * `node --import tsx test/bench/chromium/backup-check.ts [scale]` (default 1: ten years).
 */
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { longestBlock, median, ms, ratio, row, type BenchRow } from '../lib';
import type { BackupCheckBenchApi, BackupCheckRun } from './backup-check-page';

const PAGE = fileURLToPath(new URL('./backup-check-page.ts', import.meta.url));
const WORKER = fileURLToPath(new URL('../../../renderer/src/db/backup/backup-check.worker.ts', import.meta.url));
const SECTION = 'Chromium: checking a backup file before a restore';

async function bundle(entry: string): Promise<Uint8Array> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.contents;
}

export interface BackupCheckReport {
  scale: number;
  prepared: Awaited<ReturnType<BackupCheckBenchApi['prepare']>>;
  worker: BackupCheckRun[];
  page: BackupCheckRun[];
}

export async function runBackupCheckBench(
  scale = 1,
  runs = 3,
  port = Number(process.env.BENCH_BACKUP_PORT) || 5476,
): Promise<BackupCheckReport> {
  const [page, worker] = await Promise.all([bundle(PAGE), bundle(WORKER)]);
  const html = `<!doctype html><meta charset="utf-8"><title>backup check bench</title><script type="module" src="/page.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(page);
    else if (req.url === '/worker.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(worker);
    else if (req.url === '/' || req.url === '/index.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const tab = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    tab.setDefaultTimeout(1_800_000);
    await tab.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => '__backupCheckBench' in globalThis);
    const call = <K extends keyof BackupCheckBenchApi>(k: K, ...args: Parameters<BackupCheckBenchApi[K]>) =>
      tab.evaluate(
        ([k, args]) =>
          (
            (globalThis as unknown as { __backupCheckBench: Record<string, (...a: unknown[]) => unknown> })
              .__backupCheckBench[k as string]! as (...a: unknown[]) => Promise<unknown>
          )(...(args as unknown[])),
        [k, args] as const,
      ) as Promise<Awaited<ReturnType<BackupCheckBenchApi[K]>>>;
    const prepared = await call('prepare', scale);
    const report: BackupCheckReport = { scale, prepared, worker: [], page: [] };
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a slow moment of the machine falls on both sides.
      report.worker.push(await call('run', 'worker'));
      report.page.push(await call('run', 'page'));
    }
    return report;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

export async function backupCheckRows(rows: BenchRow[], scale?: number): Promise<void> {
  const r = await runBackupCheckBench(scale);
  const p = r.prepared;
  const longest = (runs: BackupCheckRun[]) => Math.max(...runs.map((x) => x.longest));
  const time = (runs: BackupCheckRun[]) => median(runs.map((x) => x.ms));
  const allRows = [...r.worker, ...r.page].every((x) => x.rows === p.rows);
  const what = `district demo ×${r.scale} (${p.records.toLocaleString('en')} records, ${p.rows.toLocaleString('en')} rows, ${(p.bytes / 1024 / 1024).toFixed(1)} MB zip)${allRows ? '' : ' — A RUN LOST ROWS'}`;
  rows.push(
    row(
      SECTION,
      'check a backup: longest main-thread block, in the backup check worker',
      longestBlock(longest(r.worker)),
      `${what}; ${r.worker.length} runs, the checked tables cloned back included`,
    ),
    row(
      SECTION,
      "check a backup: longest main-thread block, on the page's thread (before)",
      longestBlock(longest(r.page)),
      `the same file and checks (verifyBackupFile); ${r.page.length} runs`,
    ),
    row(
      SECTION,
      'check a backup: time in the worker ÷ on the page',
      ratio(time(r.worker), time(r.page)),
      `${ms(time(r.worker))} vs ${ms(time(r.page))}, medians`,
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows: BenchRow[] = [];
  await backupCheckRows(rows, process.argv[2] ? Number(process.argv[2]) : undefined);
  for (const r of rows) console.log(`${r.name}: ${r.value}  (${r.note ?? ''})`);
}
