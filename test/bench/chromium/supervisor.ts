/**
 * The supervisor's quarter table (纪工委/司法所 home screen) in Debian Chromium (real IndexedDB), on the ten-year
 * district demo profile at 1/10 (one year) and full scale (ten years): home.unitQuarters of the busiest quarter
 * and the drill-down of its largest cell (followup.list({ quarterCell })), each beside a raw IndexedDB read of
 * the same rows through the same indexes. Same pattern as followup.ts: the page (supervisor-page.ts) is bundled
 * with esbuild in memory and served on port 5466; every case runs `runs` times after one warm-up, scales and
 * sides interleaved.
 *
 * `supervisorRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts); alone:
 * `node --import tsx test/bench/chromium/supervisor.ts [scales…]`, e.g. `… supervisor.ts 0.1` for 1/10 only.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import { longestBlock, median, ms, ratio, scaleName, scaleRows, type BenchRow } from '../lib';
import type { BenchSide, LoadedScale, RunResult, SupervisorBenchApi, SupervisorCase } from './supervisor-page';

const ENTRY = fileURLToPath(new URL('./supervisor-page.ts', import.meta.url));
const CASES: readonly SupervisorCase[] = ['table', 'cell'];
const SECTION = 'Chromium: supervisor quarter table on the district demo profile (IndexedDB)';

export interface SupervisorOptions {
  scales?: readonly number[];
  runs?: number;
  port?: number;
  today?: string;
  seed?: number;
  executablePath?: string;
}

interface SideResult {
  median: number;
  longest: number;
  rows: number;
  total: number;
}

export interface SupervisorCaseResult {
  kase: SupervisorCase;
  scale: number;
  dataLayer: SideResult;
  raw: SideResult;
}

export interface SupervisorReport {
  chromium: string;
  scales: LoadedScale[];
  results: SupervisorCaseResult[];
  runs: number;
}

export async function runSupervisorBench(o: SupervisorOptions = {}): Promise<SupervisorReport> {
  const scales = o.scales ?? [0.1, 1];
  const runs = Math.max(5, o.runs ?? 7);
  const port = o.port ?? 5466;
  return withBenchPage(
    {
      entry: ENTRY,
      title: 'supervisor bench',
      globalName: '__supervisorBench',
      port,
      executablePath: o.executablePath,
    },
    async (page, version) => {
      const loaded: LoadedScale[] = [];
      for (const scale of scales)
        loaded.push(
          await page.evaluate(
            ([s, t, n]) =>
              (window as unknown as { __supervisorBench: SupervisorBenchApi }).__supervisorBench.load(s, t, n),
            [scale, o.today ?? '2026-11-20', o.seed ?? 20260309] as const,
          ),
        );
      const call = (kase: SupervisorCase, scale: number, side: BenchSide) =>
        page.evaluate(
          ([k, s, d]) =>
            (window as unknown as { __supervisorBench: SupervisorBenchApi }).__supervisorBench.run(k, s, d),
          [kase, scale, side] as const,
        );
      const results: SupervisorCaseResult[] = [];
      const sides: BenchSide[] = ['data-layer', 'raw'];
      for (const kase of CASES) {
        const samples = new Map<string, RunResult[]>();
        for (const scale of scales) for (const side of sides) await call(kase, scale, side); // warm-up
        for (let i = 0; i < runs; i++)
          for (const scale of scales)
            for (const side of sides) {
              const key = `${scale}/${side}`;
              samples.set(key, [...(samples.get(key) ?? []), await call(kase, scale, side)]);
            }
        for (const scale of scales) {
          const summarise = (side: BenchSide): SideResult => {
            const all = samples.get(`${scale}/${side}`)!;
            const last = all.at(-1)!;
            return {
              median: median(all.map((r) => r.ms)),
              longest: Math.max(0, ...all.map((r) => r.longest)),
              rows: last.rows,
              total: last.total,
            };
          };
          results.push({ kase, scale, dataLayer: summarise('data-layer'), raw: summarise('raw') });
        }
      }
      return { chromium: `Chromium ${version}`, scales: loaded, results, runs };
    },
  );
}

const block = longestBlock;

/** The BENCHMARKS.md rows of the supervisor table: each case per scale, then full ÷ 1/10. */
export function supervisorBenchRows(report: SupervisorReport): BenchRow[] {
  const info = new Map(report.scales.map((s) => [s.scale, s]));
  return scaleRows(
    SECTION,
    CASES,
    report.results,
    (r, kase) => {
      const s = info.get(r.scale)!;
      const what =
        kase === 'table'
          ? `${r.dataLayer.rows} units, ${r.dataLayer.total} tasks of ${s.resolutions} (${s.taskEvents} events)`
          : `${r.dataLayer.rows} rows of ${r.dataLayer.total}`;
      return {
        name:
          kase === 'table'
            ? `home.unitQuarters (${s.quarter}, the busiest quarter), ${scaleName(r.scale)}`
            : `drill-down followup.list({ quarterCell: ${s.cell.figure}, limit: 50 }), ${scaleName(r.scale)}`,
        value: ms(r.dataLayer.median),
        note: `raw ${ms(r.raw.median)} (data layer ÷ raw ${ratio(r.dataLayer.median, r.raw.median)}); longest main-thread block ${block(r.dataLayer.longest)} (raw ${block(r.raw.longest)}); ${what}; median of ${report.runs}`,
      };
    },
    (a, b, kase) => ({
      name: `${kase === 'table' ? 'home.unitQuarters' : 'drill-down'}: full ÷ 1/10`,
      value: ratio(b.dataLayer.median, a.dataLayer.median),
      note: `raw ${ratio(b.raw.median, a.raw.median)}: deadline-index getAll of the quarter's tasks + one [resolutionId+on] getAll each${kase === 'cell' ? ' + the page rows by key' : ''}`,
    }),
  );
}

/** Runs the bench at 1/10 and full scale and adds its rows (called by test/bench/run.ts). */
export async function supervisorRows(rows: BenchRow[]): Promise<void> {
  rows.push(...supervisorBenchRows(await runSupervisorBench()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const report = await runSupervisorBench(scales.length ? { scales } : {});
  console.log(report.chromium);
  console.log(JSON.stringify(report.scales, null, 2));
  for (const r of supervisorBenchRows(report)) console.log(`${r.name}: ${r.value} — ${r.note ?? ''}`);
}
