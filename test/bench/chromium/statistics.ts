/**
 * The statistics page's reads (统计) in Debian Chromium (real IndexedDB), on the ten-year district demo profile at
 * 1/10 (one year) and full scale (ten years): statistics.read for the whole range, for the current year and for
 * the whole range of one unit, each beside a raw IndexedDB read of the same rows through the same indexes, with
 * its reads alone (readStatisticsInput) and its pure series alone (statisticsOf) to show where the time goes.
 * Same pattern as supervisor.ts: the page (statistics-page.ts) is bundled with esbuild in memory and served on
 * port 5460 (BENCH_STATISTICS_PORT); every case runs `runs` times after one warm-up, scales and sides interleaved.
 *
 * `statisticsRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts); alone:
 * `node --import tsx test/bench/chromium/statistics.ts [scales…]`, e.g. `… statistics.ts 0.1` for 1/10 only.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import { longestBlock, median, ms, ratio, scaleName, scaleRows, type BenchRow } from '../lib';
import type { BenchSide, LoadedScale, RunResult, StatisticsBenchApi, StatisticsCase } from './statistics-page';

const ENTRY = fileURLToPath(new URL('./statistics-page.ts', import.meta.url));
const CASES: readonly StatisticsCase[] = ['all', 'year', 'unit'];
const SIDES: readonly BenchSide[] = ['data-layer', 'reads', 'compute', 'raw'];
const SECTION = 'Chromium: statistics (统计) on the district demo profile (IndexedDB)';

export interface StatisticsOptions {
  scales?: readonly number[];
  runs?: number;
  port?: number;
  today?: string;
  seed?: number;
  executablePath?: string;
}

export interface SideResult {
  median: number;
  longest: number;
  tasks: number;
  items: number;
  events: number;
}

export interface StatisticsCaseResult {
  kase: StatisticsCase;
  scale: number;
  sides: Record<BenchSide, SideResult>;
}

export interface StatisticsReport {
  chromium: string;
  scales: LoadedScale[];
  results: StatisticsCaseResult[];
  runs: number;
}

export async function runStatisticsBench(o: StatisticsOptions = {}): Promise<StatisticsReport> {
  const scales = o.scales ?? [0.1, 1];
  const runs = Math.max(5, o.runs ?? 7);
  const port = o.port ?? (Number(process.env.BENCH_STATISTICS_PORT) || 5460);
  return withBenchPage(
    {
      entry: ENTRY,
      title: 'statistics bench',
      globalName: '__statisticsBench',
      port,
      executablePath: o.executablePath,
    },
    async (page, version) => {
      const loaded: LoadedScale[] = [];
      for (const scale of scales)
        loaded.push(
          await page.evaluate(
            ([s, t, n]) =>
              (window as unknown as { __statisticsBench: StatisticsBenchApi }).__statisticsBench.load(s, t, n),
            [scale, o.today ?? '2026-11-20', o.seed ?? 20260309] as const,
          ),
        );
      const call = (kase: StatisticsCase, scale: number, side: BenchSide) =>
        page.evaluate(
          ([k, s, d]) =>
            (window as unknown as { __statisticsBench: StatisticsBenchApi }).__statisticsBench.run(k, s, d),
          [kase, scale, side] as const,
        );
      const results: StatisticsCaseResult[] = [];
      for (const kase of CASES) {
        const samples = new Map<string, RunResult[]>();
        for (const scale of scales) for (const side of SIDES) await call(kase, scale, side); // warm-up
        for (let i = 0; i < runs; i++)
          for (const scale of scales)
            for (const side of SIDES) {
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
              tasks: last.tasks,
              items: last.items,
              events: last.events,
            };
          };
          const sides = Object.fromEntries(SIDES.map((s) => [s, summarise(s)])) as Record<BenchSide, SideResult>;
          for (const side of SIDES)
            if (sides[side].tasks !== sides.raw.tasks || sides[side].items !== sides.raw.items)
              throw new Error(`${kase} @${scale}: ${side} counted other rows than the raw read`);
          results.push({ kase, scale, sides });
        }
      }
      return { chromium: `Chromium ${version}`, scales: loaded, results, runs };
    },
  );
}

const block = longestBlock;
const CASE_NAME: Record<StatisticsCase, string> = {
  all: 'statistics.read, whole range (全部)',
  year: 'statistics.read, the current year (the default range)',
  unit: 'statistics.read, whole range, one unit (the lead of most tasks)',
};

/** The BENCHMARKS.md rows of the statistics page: each case per scale, then full ÷ 1/10. */
export function statisticsBenchRows(report: StatisticsReport): BenchRow[] {
  const info = new Map(report.scales.map((s) => [s.scale, s]));
  return scaleRows(
    SECTION,
    CASES,
    report.results,
    (r, kase) => {
      const s = info.get(r.scale)!;
      const f = s.filters[kase];
      const { 'data-layer': dl, reads, compute, raw } = r.sides;
      return {
        name: `${CASE_NAME[kase]}, ${scaleName(r.scale)}`,
        value: ms(dl.median),
        note:
          `raw ${ms(raw.median)} (data layer ÷ raw ${ratio(dl.median, raw.median)}); its reads alone ${ms(reads.median)} (÷ raw ${ratio(reads.median, raw.median)}), statisticsOf alone ${ms(compute.median)}; ` +
          `longest main-thread block ${block(dl.longest)} (raw ${block(raw.longest)}); ` +
          `${f.from}…${f.to}${f.unitId ? ` ${s.unitName}` : ''}: ${dl.tasks} tasks due (${raw.events} events of the done ones), ${dl.items} topics + disputes; median of ${report.runs}`,
      };
    },
    (a, b, kase) => ({
      name: `${CASE_NAME[kase]}: full ÷ 1/10`,
      value: ratio(b.sides['data-layer'].median, a.sides['data-layer'].median),
      note: `raw ${ratio(b.sides.raw.median, a.sides.raw.median)}: index range getAll of meetings, topics, disputes, tasks + one [resolutionId+on] getAll per task reported done`,
    }),
  );
}

/** Runs the bench at 1/10 and full scale and adds its rows (called by test/bench/run.ts). */
export async function statisticsRows(rows: BenchRow[]): Promise<void> {
  rows.push(...statisticsBenchRows(await runStatisticsBench()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const report = await runStatisticsBench(scales.length ? { scales } : {});
  console.log(report.chromium);
  console.log(JSON.stringify(report.scales, null, 2));
  for (const r of report.results)
    console.log(
      `${r.kase} @${r.scale}: ` +
        Object.entries(r.sides)
          .map(([side, s]) => `${side} ${ms(s.median)} (longest ${block(s.longest)})`)
          .join(', '),
    );
  for (const r of statisticsBenchRows(report)) console.log(`${r.name}: ${r.value} — ${r.note ?? ''}`);
}
