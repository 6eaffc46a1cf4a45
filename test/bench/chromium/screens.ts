/**
 * The reads four screens make when they open, in Debian Chromium (real IndexedDB), on the ten-year district demo
 * profile at 1/10 (one year) and full scale (ten years): 争议 → 召集人审阅, the meeting detail with its agenda builder,
 * the topics list and the disputes list, each beside a raw IndexedDB read of the same rows through the same indexes
 * (see screens-page.ts for exactly which calls). Same pattern as statistics.ts: the page is bundled with esbuild in
 * memory and served on port 5431 (BENCH_SCREENS_PORT); every case runs `runs` times after one warm-up, the scales
 * and the sides interleaved.
 *
 * `screensRows(rows)` adds the BENCHMARKS.md rows (test/bench/run.ts; BENCH_SCREENS=0 skips it); alone:
 * `node --import tsx test/bench/chromium/screens.ts [scales…]`, e.g. `… screens.ts 0.1` for 1/10 only;
 * `BENCH_SCREENS_CASES=meeting` runs that case alone.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBenchPage } from './bench-page';
import { longestBlock, median, ms, ratio, scaleName, scaleRows, type BenchRow } from '../lib';
import type { LoadedScale, RunResult, ScreenCase, ScreenSide, ScreensBenchApi } from './screens-page';

const ENTRY = fileURLToPath(new URL('./screens-page.ts', import.meta.url));
const ALL_CASES: readonly ScreenCase[] = ['review', 'meeting', 'topics', 'disputes'];
/** BENCH_SCREENS_CASES=meeting,topics: only these cases (all when unset). */
const CASES: readonly ScreenCase[] = process.env.BENCH_SCREENS_CASES
  ? ALL_CASES.filter((c) => process.env.BENCH_SCREENS_CASES!.split(',').includes(c))
  : ALL_CASES;
const SIDES: readonly ScreenSide[] = ['screen', 'main', 'raw', 'raw-main'];
const SECTION = 'Chromium: screen reads on the district demo profile (IndexedDB)';

export interface ScreensOptions {
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
  rows: number;
}

export interface ScreenCaseResult {
  kase: ScreenCase;
  scale: number;
  sides: Record<ScreenSide, SideResult>;
}

export interface ScreensReport {
  chromium: string;
  scales: LoadedScale[];
  results: ScreenCaseResult[];
  runs: number;
}

export async function runScreensBench(o: ScreensOptions = {}): Promise<ScreensReport> {
  const scales = o.scales ?? [0.1, 1];
  const runs = Math.max(5, o.runs ?? 7);
  const port = o.port ?? (Number(process.env.BENCH_SCREENS_PORT) || 5431);
  return withBenchPage(
    { entry: ENTRY, title: 'screens bench', globalName: '__screensBench', port, executablePath: o.executablePath },
    async (page, version) => {
      const loaded: LoadedScale[] = [];
      for (const scale of scales)
        loaded.push(
          await page.evaluate(
            ([s, t, n]) => (window as unknown as { __screensBench: ScreensBenchApi }).__screensBench.load(s, t, n),
            [scale, o.today ?? '2026-11-20', o.seed ?? 20260309] as const,
          ),
        );
      const call = (kase: ScreenCase, scale: number, side: ScreenSide) =>
        page.evaluate(
          ([k, s, d]) => (window as unknown as { __screensBench: ScreensBenchApi }).__screensBench.run(k, s, d),
          [kase, scale, side] as const,
        );
      const results: ScreenCaseResult[] = [];
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
          const summarise = (side: ScreenSide): SideResult => {
            const all = samples.get(`${scale}/${side}`)!;
            return {
              median: median(all.map((r) => r.ms)),
              longest: Math.max(0, ...all.map((r) => r.longest)),
              rows: all.at(-1)!.rows,
            };
          };
          const sides = Object.fromEntries(SIDES.map((s) => [s, summarise(s)])) as Record<ScreenSide, SideResult>;
          // The lists and the review return the rows the raw read read; the proposals filter theirs (no check).
          if (kase !== 'meeting' && sides.main.rows !== sides['raw-main'].rows)
            throw new Error(
              `${kase} @${scale}: the data layer returned ${sides.main.rows} rows, raw ${sides['raw-main'].rows}`,
            );
          results.push({ kase, scale, sides });
        }
      }
      return { chromium: `Chromium ${version}`, scales: loaded, results, runs };
    },
  );
}

const block = longestBlock;
const CASE_NAME: Record<ScreenCase, { name: string; main: string; raw: string }> = {
  review: {
    name: "争议 → 召集人审阅 (chair's review) reads (first page of 20: disputes.reviewPage)",
    main: 'disputes.reviewPage(first 20)',
    raw: '[state+registeredOn+number] key cursor per open state, sorted, 20 rows by id; [state+stateSince] count per open state + the recently negotiating rows; the thresholds setting; names: units getAll, meetings by startsAt',
  },
  meeting: {
    name: 'meeting detail + agenda builder reads (latest meeting in preparation)',
    main: 'agenda.proposals(id)',
    raw: 'topics by state (deferred, accepted), agendaItems by meetingId, previous held meeting (startsAt cursor), disputes open (state, closedOn, [state+stateSince]), report resolutions (state, updatedAt) + the events of the verified ones (resolutionId) and their minutes’ headers (v9 [id+meetingId+issuedOn+issueYear+issueNumber] key cursor per id); screen: + meeting, people, units, agendaItems by meetingId',
  },
  topics: {
    name: 'topics list reads (first page: 20 rows and the state counts read by topics.view through the v8 indexes)',
    main: 'topics.view({}, first 20)',
    raw: '[submittedOn+createdAt] index cursor, newest 20; a count per state on [state+submittedOn+createdAt] (their sum is the total); one primary key; screen: + units, people, meetings by startsAt',
  },
  disputes: {
    name: 'disputes list reads (first page: 20 rows read by disputes.page through the registeredOn index)',
    main: 'disputes.page({}, first 20)',
    raw: 'registeredOn index cursor, newest 20, + count; screen: + state index counts, units, meetings by startsAt',
  },
};

/** The BENCHMARKS.md rows: each screen per scale (screen reads ÷ raw, main call ÷ raw), then full ÷ 1/10. */
export function screensBenchRows(report: ScreensReport): BenchRow[] {
  return scaleRows(
    SECTION,
    CASES,
    report.results,
    (r, kase) => {
      const label = CASE_NAME[kase];
      const { screen, main, raw, 'raw-main': rawMain } = r.sides;
      return {
        name: `${label.name}, ${scaleName(r.scale)}`,
        value: ms(screen.median),
        note:
          `raw ${ms(raw.median)} (screen ÷ raw ${ratio(screen.median, raw.median)}); ${label.main} alone ${ms(main.median)} (÷ its raw ${ms(rawMain.median)}: ${ratio(main.median, rawMain.median)}); ` +
          `longest main-thread block ${block(screen.longest)} (${label.main} ${block(main.longest)}, raw ${block(raw.longest)}); ` +
          `${main.rows} rows (raw ${rawMain.rows}); median of ${report.runs}`,
      };
    },
    (a, b, kase) => ({
      name: `${CASE_NAME[kase].name}: full ÷ 1/10`,
      value: ratio(b.sides.screen.median, a.sides.screen.median),
      note: `${CASE_NAME[kase].main} ${ratio(b.sides.main.median, a.sides.main.median)}, raw ${ratio(b.sides.raw.median, a.sides.raw.median)}: ${CASE_NAME[kase].raw}`,
    }),
  );
}

/** Runs the bench at 1/10 and full scale and adds its rows (called by test/bench/run.ts). */
export async function screensRows(rows: BenchRow[]): Promise<void> {
  rows.push(...screensBenchRows(await runScreensBench()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scales = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const report = await runScreensBench(scales.length ? { scales } : {});
  console.log(report.chromium);
  console.log(JSON.stringify(report.scales, null, 2));
  for (const r of report.results)
    console.log(
      `${r.kase} @${r.scale}: ` +
        Object.entries(r.sides)
          .map(([side, s]) => `${side} ${ms(s.median)} (longest ${block(s.longest)}, ${s.rows} rows)`)
          .join(', '),
    );
  for (const r of screensBenchRows(report)) console.log(`${r.name}: ${r.value} — ${r.note ?? ''}`);
}
