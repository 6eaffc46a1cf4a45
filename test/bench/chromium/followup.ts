/**
 * The follow-up reads in Debian Chromium (real IndexedDB): the task list, the attention counts and the
 * 落实情况通报 selection on the ten-year district demo profile at 1/10 (one year) and full scale (ten years),
 * each beside a raw IndexedDB read of the same rows through the same index.
 *
 * Bundles test/bench/chromium/followup-page.ts with esbuild in memory (no build folder), serves it from a
 * tiny static server on port 5465 and drives the page with playwright-core. Every case runs `runs` times
 * after one warm-up, the scales and the two sides interleaved (a burst of load from elsewhere hits all alike).
 *
 * Called by test/bench/run.ts; alone: `node --import tsx test/bench/chromium/followup.ts`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import { median } from '../lib';
import type { BenchCase, BenchSide, FollowupBenchApi, LoadedScale, RunResult } from './followup-page';

const ENTRY = fileURLToPath(new URL('./followup-page.ts', import.meta.url));
export const FOLLOWUP_CASES: readonly BenchCase[] = [
  'list-all',
  'list-overdue',
  'list-unit',
  'attention',
  'report',
  'report-events',
];

export interface FollowupOptions {
  scales?: readonly number[];
  runs?: number;
  port?: number;
  today?: string;
  seed?: number;
  executablePath?: string;
}

export interface SideResult {
  /** Every timed run, ms. */
  samples: number[];
  median: number;
  /** Longest 'longtask' over all runs (0: none over 50 ms), and how many runs had one. */
  longest: number;
  longTaskRuns: number;
  /** Rows and total of the last run (both sides should read alike). */
  rows: number;
  total: number;
}

export interface FollowupCaseResult {
  kase: BenchCase;
  scale: number;
  dataLayer: SideResult;
  raw: SideResult;
}

export interface FollowupReport {
  chromium: string;
  scales: LoadedScale[];
  results: FollowupCaseResult[];
  runs: number;
}

export async function runFollowupBench(o: FollowupOptions = {}): Promise<FollowupReport> {
  const scales = o.scales ?? [0.1, 1];
  const runs = Math.max(5, o.runs ?? 7);
  const port = o.port ?? 5465;
  const today = o.today ?? '2026-11-20';
  const seed = o.seed ?? 20260309;
  return withBenchPage(
    { entry: ENTRY, title: 'follow-up bench', globalName: '__followupBench', port, executablePath: o.executablePath },
    async (page, version) => {
      const loaded: LoadedScale[] = [];
      for (const scale of scales) {
        loaded.push(
          await page.evaluate(
            ([s, t, n]) => (window as unknown as { __followupBench: FollowupBenchApi }).__followupBench.load(s, t, n),
            [scale, today, seed] as const,
          ),
        );
      }
      const call = (kase: BenchCase, scale: number, side: BenchSide) =>
        page.evaluate(
          ([k, s, d]) => (window as unknown as { __followupBench: FollowupBenchApi }).__followupBench.run(k, s, d),
          [kase, scale, side] as const,
        );
      const results: FollowupCaseResult[] = [];
      for (const kase of FOLLOWUP_CASES) {
        const samples = new Map<string, RunResult[]>();
        const sides: BenchSide[] = ['data-layer', 'raw'];
        for (const scale of scales) for (const side of sides) await call(kase, scale, side); // warm-up
        for (let i = 0; i < runs; i++) {
          for (const scale of scales) {
            for (const side of sides) {
              const key = `${scale}/${side}`;
              samples.set(key, [...(samples.get(key) ?? []), await call(kase, scale, side)]);
            }
          }
        }
        for (const scale of scales) {
          const summarise = (side: BenchSide): SideResult => {
            const all = samples.get(`${scale}/${side}`)!;
            const ms = all.map((r) => r.ms);
            const last = all.at(-1)!;
            return {
              samples: ms,
              median: median(ms),
              longest: Math.max(0, ...all.map((r) => r.longest)),
              longTaskRuns: all.filter((r) => r.longest > 0).length,
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runFollowupBench();
  console.log(report.chromium);
  console.log(JSON.stringify(report.scales, null, 2));
  for (const r of report.results) {
    console.log(
      `${r.kase} @${r.scale}: data layer ${r.dataLayer.median.toFixed(1)} ms (longest block ${r.dataLayer.longest.toFixed(0)}, ${r.dataLayer.rows}/${r.dataLayer.total}); ` +
        `raw ${r.raw.median.toFixed(1)} ms (longest ${r.raw.longest.toFixed(0)}, ${r.raw.rows}/${r.raw.total})`,
    );
  }
}
