/**
 * Benchmarks (not tests: no thresholds). Speed is reported as ratios of times measured side by side in
 * one run (each time the median of several runs), which stay meaningful across machines; the rows go to
 * the console and to BENCHMARKS.md with the machine they ran on.
 *   npm run bench                 Node rows, then the Chromium rows (builds and serves the web app)
 *   BENCH_CHROMIUM=0 npm run bench   Node rows only (BENCHMARKS.md is then not rewritten)
 *   BENCH_FOLLOWUP=0 npm run bench   without the follow-up reads on the district demo profile (the slowest part)
 *   BENCH_STATISTICS=0 npm run bench without the statistics (统计) reads on the district demo profile
 *   BENCH_SCREENS=0 npm run bench    without the screen reads (chair's review, meeting detail, topics, disputes lists)
 *   BENCH_STARTUP=0 npm run bench    without start-to-workbench vs a blank page and the renderer heap (own web build)
 *   BENCH_KEYSTROKE=0 npm run bench  without the minutes editor keystroke rows
 *   BENCH_AUDIT=0 npm run bench      without audit verification of 200,000 entries (worker vs page's thread)
 *   BENCH_BACKUP=0 npm run bench     without checking a district demo backup (backup check worker vs page's thread)
 * A new row: measure it with `measure` (test/bench/lib.ts) and push a `row(section, name, value, note)`.
 */
import { fileURLToPath } from 'node:url';
import { generateDemoDataset } from '../../shared/demo/generate';
import { sealAuditEntry, verifyAuditChain } from '../../shared/domain/audit-chain';
import { GENESIS_HASH, type AuditEntry } from '../../shared/domain/audit';
import { minutesDocument, packDocx } from '../../shared/export/docx';
import { runFollowupBench } from './chromium/followup';
import type { BenchCase } from './chromium/followup-page';
import { auditSizeRows } from './audit-size';
import { canonicalJsonRows } from './canonical-json';
import { auditVerifyRows } from './chromium/audit-verify';
import { backupCheckRows } from './chromium/backup-check';
import { runKeystrokeBench } from './chromium/keystroke';
import { screensRows } from './chromium/screens';
import { startupRows } from './chromium/startup';
import { statisticsRows } from './chromium/statistics';
import { supervisorRows } from './chromium/supervisor';
import { docxVsPandocRows } from './docx-pandoc';
import {
  chromiumVersion,
  longestBlock,
  machineInfo,
  measure,
  ms,
  printTable,
  ratio,
  row,
  scaleName,
  scaleRows,
  writeBenchmarks,
  type BenchRow,
} from './lib';
import { buildMinutesFixture, minutesFixtureDocxInput } from './minutes-fixture';

const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const NODE = 'Node';
const CHROMIUM = 'Chromium (web build)';
const FOLLOWUP = 'Chromium: follow-up reads on the district demo profile (IndexedDB)';

function buildChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealAuditEntry({
      seq,
      ts: '2026-11-22T02:00:00.000Z',
      actorId: 'p1',
      actorName: '王丽',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: `u${seq}`,
      action: 'update',
      before: { name: `单位${seq}`, phone: '13800000000' },
      after: { name: `单位${seq}（改）`, phone: '13800000000' },
      prevHash: prev,
    });
    out.push(e);
    prev = e.hash;
  }
  return out;
}

async function demoAndAudit(rows: BenchRow[]): Promise<void> {
  const count = (d: ReturnType<typeof generateDemoDataset>) => Object.values(d).reduce((n, t) => n + t.length, 0);
  const records1 = count(generateDemoDataset({ seed: 1, scale: 1, today: '2026-11-22' }));
  const records50 = count(generateDemoDataset({ seed: 1, scale: 50, today: '2026-11-22' }));
  const gen1 = await measure('demo ×1', () => generateDemoDataset({ seed: 1, scale: 1, today: '2026-11-22' }), 5);
  const gen50 = await measure('demo ×50', () => generateDemoDataset({ seed: 1, scale: 50, today: '2026-11-22' }), 3, {
    warmup: 0,
  });
  rows.push(
    row(
      NODE,
      'demo generator: cost per record at scale 50 ÷ at scale 1 (≈1 = linear)',
      (gen50.median / records50 / (gen1.median / records1)).toFixed(2),
      `${records1} / ${records50} records; ${ms(gen1.median)} / ${ms(gen50.median)}; median of 5 / 3`,
    ),
  );

  const small = await measure('chain 10k', () => buildChain(10_000), 3);
  let large: AuditEntry[] = [];
  const big = await measure('chain 100k', () => (large = buildChain(100_000)), 3, { warmup: 0 });
  rows.push(
    row(
      NODE,
      'audit chain: sealing 100k ÷ 10 × sealing 10k (≈1 = linear)',
      (big.median / (10 * small.median)).toFixed(2),
      `${ms(small.median)} / ${ms(big.median)}; median of 3`,
    ),
  );
  const anchor = [{ seq: 100_000, hash: large.at(-1)!.hash }];
  if (!verifyAuditChain(large, anchor).ok) throw new Error('benchmark chain failed to verify');
  const verify = await measure('verify 100k', () => verifyAuditChain(large, anchor), 3, { warmup: 0 });
  rows.push(
    row(
      NODE,
      'audit chain: verify 100k ÷ build 100k',
      (verify.median / big.median).toFixed(2),
      `${ms(verify.median)}; median of 3`,
    ),
  );
}

/** 纪要 .docx export (minutesDocument + packDocx), as the preview/export button runs it. */
async function minutesExport(rows: BenchRow[]): Promise<void> {
  const runs = 7;
  const sizes = [1, 30].map((pages) => {
    const fixture = buildMinutesFixture({ pages });
    const input = minutesFixtureDocxInput(fixture);
    return { pages, fixture, run: () => packDocx(minutesDocument(input)) };
  });
  const [one, thirty] = await Promise.all(sizes.map((s) => s.run())); // warm both code paths first
  const times = [];
  for (const s of sizes) times.push(await measure(`纪要 ${s.pages}p`, s.run, runs, { warmup: 1 }));
  const [t1, t30] = times as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
  const describe = (s: (typeof sizes)[number], bytes: Uint8Array) =>
    `${s.fixture.lines} body lines (22 × 28 a page), ${s.fixture.chars} chars, ${s.fixture.resolutions} 议定事项, ${Math.round(bytes.length / 1024)} KB`;
  rows.push(
    row(NODE, '纪要 .docx export, 1 page', ms(t1.median), `${describe(sizes[0]!, one!)}; median of ${runs}`),
    row(NODE, '纪要 .docx export, 30 pages', ms(t30.median), `${describe(sizes[1]!, thirty!)}; median of ${runs}`),
    row(NODE, '纪要 .docx export: 30 pages ÷ 1 page', ratio(t30.median, t1.median), 'minutesDocument + packDocx'),
  );
}

async function keystrokes(rows: BenchRow[]): Promise<string> {
  const report = await runKeystrokeBench({ reuseBuild: process.env.BENCH_REUSE_BUILD === '1' });
  const [one, fifty] = report.results as [(typeof report.results)[number], (typeof report.results)[number]];
  const how = (r: typeof one) =>
    `${r.rounds} × ${r.deltas.length / r.rounds} keys (median of the rounds), ${r.lines} body lines, ${r.chars} chars; keydown → next paint (rAF + setTimeout)`;
  rows.push(
    row(CHROMIUM, 'minutes editor keystroke-to-paint p50, 1 page', ms(one.p50), how(one)),
    row(CHROMIUM, 'minutes editor keystroke-to-paint p95, 1 page', ms(one.p95), `max ${ms(one.max)}`),
    row(CHROMIUM, 'minutes editor keystroke-to-paint p50, 50 pages', ms(fifty.p50), how(fifty)),
    row(CHROMIUM, 'minutes editor keystroke-to-paint p95, 50 pages', ms(fifty.p95), `max ${ms(fifty.max)}`),
    row(CHROMIUM, 'keystroke-to-paint p50: 50 pages ÷ 1 page', ratio(fifty.p50, one.p50)),
    row(CHROMIUM, 'keystroke-to-paint p95: 50 pages ÷ 1 page', ratio(fifty.p95, one.p95)),
    ...report.results.map((r) =>
      row(
        CHROMIUM,
        `longest main-thread block while typing, ${r.pages === 1 ? '1 page' : `${r.pages} pages`}`,
        r.longTasks > 0 ? ms(r.longestTask) : '< 50 ms',
        `PerformanceObserver 'longtask' (> 50 ms): ${r.longTasks} during the typing, all rounds`,
      ),
    ),
    ...report.results.map((r) =>
      row(
        CHROMIUM,
        `longest main-thread block in the pause after typing (autosave), ${r.pages === 1 ? '1 page' : `${r.pages} pages`}`,
        r.pauseLongTasks > 0 ? ms(r.pauseLongestTask) : '< 50 ms',
        `'longtask' entries in the 2.5 s after the last key: ${r.pauseLongTasks}, all rounds`,
      ),
    ),
  );
  return report.chromium;
}

const FOLLOWUP_LABELS: Record<BenchCase, { name: string; raw: string }> = {
  'list-all': {
    name: 'task list followup.list({ limit: 50 })',
    raw: 'IDBIndex getAll on the [state+deadline] ranges in list order, limit 50, + their counts',
  },
  'list-overdue': {
    name: "task list followup.list({ warning: ['overdue'], limit: 20 })",
    raw: 'IDBIndex getAll on the 逾期 [state+deadline] ranges, limit 20, + their counts',
  },
  'list-unit': {
    name: 'task list followup.list({ leadUnitId, states: open, limit: 20 }) (the unit leading most open tasks)',
    raw: 'IDBIndex getAll on the [leadUnitId+state+deadline] ranges, limit 20, + their counts',
  },
  attention: {
    name: 'attention counts followup.attention() (办公室工作人员)',
    raw: 'IDBIndex count on the [state+deadline] 临期/逾期 ranges, state, extension.state, minutes state',
  },
  report: {
    name: '落实情况通报 selection of the latest meeting (readPreviousHeldMeeting + readReportSelection)',
    raw: 'getAll of the open + recently verified resolutions (state, updatedAt), one getAll each of their events (resolutionId), their minutes',
  },
  'report-events': {
    name: '…of which its task events alone (eventsOfEach: one getAll per task on resolutionId)',
    raw: 'one IDBIndex getAll per resolution on resolutionId, one transaction',
  },
};

async function followupReads(rows: BenchRow[]): Promise<void> {
  const report = await runFollowupBench();
  const block = longestBlock;
  rows.push(
    ...report.scales.map((s) =>
      row(
        FOLLOWUP,
        `demo.load of the district profile, ${scaleName(s.scale)}`,
        ms(s.loadMs),
        `${s.records} records (${s.resolutions} 议定事项, ${s.taskEvents} 督办记录), one audited transaction; once`,
      ),
    ),
  );
  const cases = [...new Set(report.results.map((r) => r.kase))];
  rows.push(
    ...scaleRows(
      FOLLOWUP,
      cases,
      report.results,
      (r, kase) => {
        const label = FOLLOWUP_LABELS[kase];
        const what =
          kase === 'attention'
            ? `counts sum ${r.dataLayer.total}`
            : kase.startsWith('report')
              ? `${r.dataLayer.rows} ${kase === 'report' ? 'items' : 'resolutions'}, raw read ${r.raw.rows} resolutions / ${r.raw.total} events`
              : `${r.dataLayer.rows} rows of ${r.dataLayer.total}`;
        return {
          name: `${label.name}, ${scaleName(r.scale)}`,
          value: ms(r.dataLayer.median),
          note: `raw ${ms(r.raw.median)} (data layer ÷ raw ${ratio(r.dataLayer.median, r.raw.median)}); longest main-thread block ${block(r.dataLayer.longest)} (raw ${block(r.raw.longest)}); ${what}; median of ${report.runs}`,
        };
      },
      (a, b, kase) => ({
        name: `${FOLLOWUP_LABELS[kase].name}: full ÷ 1/10`,
        value: ratio(b.dataLayer.median, a.dataLayer.median),
        note: `raw ${ratio(b.raw.median, a.raw.median)}: ${FOLLOWUP_LABELS[kase].raw}`,
      }),
    ),
  );
}

const rows: BenchRow[] = [];
const machine = machineInfo();
await demoAndAudit(rows);
auditSizeRows(rows);
await canonicalJsonRows(rows);
await minutesExport(rows);
await docxVsPandocRows(rows);
const withChromium = process.env.BENCH_CHROMIUM !== '0';
if (withChromium && process.env.BENCH_KEYSTROKE !== '0') machine.chromium = await keystrokes(rows);
else machine.chromium = chromiumVersion();
if (withChromium && process.env.BENCH_FOLLOWUP !== '0') await followupReads(rows);
if (withChromium && process.env.BENCH_SUPERVISOR !== '0') await supervisorRows(rows);
if (withChromium && process.env.BENCH_STATISTICS !== '0') await statisticsRows(rows);
if (withChromium && process.env.BENCH_SCREENS !== '0') await screensRows(rows);
if (withChromium && process.env.BENCH_STARTUP !== '0') await startupRows(rows);
if (withChromium && process.env.BENCH_AUDIT !== '0') await auditVerifyRows(rows);
if (withChromium && process.env.BENCH_BACKUP !== '0') await backupCheckRows(rows);

console.log(
  `${machine.cpu} × ${machine.cores} (load ${machine.load.toFixed(1)}), Node ${machine.node}, ${machine.chromium ?? 'no Chromium'}`,
);
console.log(printTable(rows));
if (withChromium) {
  await writeBenchmarks(BENCHMARKS_MD, rows, machine);
  console.log(`\nwrote ${BENCHMARKS_MD}`);
}
