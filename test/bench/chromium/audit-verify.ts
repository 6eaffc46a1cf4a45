/**
 * Audit verification at ten years of a busy office (200,000 entries over 50,000 records) in Debian Chromium
 * (real IndexedDB): the app's whole check (chain, anchors, every record's state; runAuditVerify) in the audit
 * worker vs on the page's thread (the fallback, chunks that yield), each run timed with the longest main-thread
 * block seen meanwhile. The page (audit-verify-page.ts) and the worker (renderer/src/db/audit-worker/
 * audit-verify.worker.ts) are bundled with esbuild in memory and served on port 5473.
 *
 * `auditVerifyRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts); alone:
 * `node --import tsx test/bench/chromium/audit-verify.ts [entries]`.
 */
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { longestBlock, median, ms, ratio, row, type BenchRow } from '../lib';
import type { AuditVerifyBenchApi, AuditVerifyRun } from './audit-verify-page';

const PAGE = fileURLToPath(new URL('./audit-verify-page.ts', import.meta.url));
const WORKER = fileURLToPath(new URL('../../../renderer/src/db/audit-worker/audit-verify.worker.ts', import.meta.url));
const SECTION = 'Chromium: audit verification (IndexedDB)';

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

export interface AuditVerifyReport {
  entries: number;
  records: number;
  seedMs: number;
  worker: AuditVerifyRun[];
  page: AuditVerifyRun[];
}

export async function runAuditVerifyBench(entries = 200_000, records = 50_000, runs = 3, port = 5473) {
  const [page, worker] = await Promise.all([bundle(PAGE), bundle(WORKER)]);
  const html = `<!doctype html><meta charset="utf-8"><title>audit verify bench</title><script type="module" src="/page.js"></script>`;
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
    tab.setDefaultTimeout(1_200_000);
    await tab.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => '__auditVerifyBench' in globalThis);
    const call = <K extends keyof AuditVerifyBenchApi>(k: K, ...args: Parameters<AuditVerifyBenchApi[K]>) =>
      tab.evaluate(
        ([k, args]) =>
          (
            (globalThis as unknown as { __auditVerifyBench: Record<string, (...a: unknown[]) => unknown> })
              .__auditVerifyBench[k as string]! as (...a: unknown[]) => Promise<unknown>
          )(...(args as unknown[])),
        [k, args] as const,
      ) as Promise<Awaited<ReturnType<AuditVerifyBenchApi[K]>>>;
    const { ms: seedMs } = await call('seed', entries, records);
    const report: AuditVerifyReport = { entries, records, seedMs, worker: [], page: [] };
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

export async function auditVerifyRows(rows: BenchRow[], entries?: number): Promise<void> {
  const r = await runAuditVerifyBench(entries);
  const n = r.entries.toLocaleString('en');
  const longest = (runs: AuditVerifyRun[]) => Math.max(...runs.map((x) => x.longest));
  const time = (runs: AuditVerifyRun[]) => median(runs.map((x) => x.ms));
  const okAll = [...r.worker, ...r.page].every((x) => x.ok && x.count === r.entries);
  const what = `${n} entries, ${r.records.toLocaleString('en')} records; chain + record states${okAll ? '' : ' — A RUN FAILED TO VERIFY'}`;
  rows.push(
    row(
      SECTION,
      `verify ${n}: longest main-thread block, in the audit worker`,
      longestBlock(longest(r.worker)),
      `${what}; ${r.worker.length} runs`,
    ),
    row(
      SECTION,
      `verify ${n}: longest main-thread block, on the page's thread (fallback)`,
      longestBlock(longest(r.page)),
      `chunks of 2,000 that yield; ${r.page.length} runs`,
    ),
    row(
      SECTION,
      `verify ${n}: time in the worker ÷ on the page`,
      ratio(time(r.worker), time(r.page)),
      `${ms(time(r.worker))} vs ${ms(time(r.page))}, medians`,
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows: BenchRow[] = [];
  await auditVerifyRows(rows, process.argv[2] ? Number(process.argv[2]) : undefined);
  for (const r of rows) console.log(`${r.name}: ${r.value}  (${r.note ?? ''})`);
}
