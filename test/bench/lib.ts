/**
 * The benchmark harness: `measure` (median of several timed runs after a warm-up), percentiles, the
 * machine description and the table printer that writes BENCHMARKS.md. Benchmarks never assert speed;
 * they report times measured side by side in one run and their ratios, which stay meaningful across
 * machines. A new row: `const m = await measure('…', fn, 5)`, then push `row(section, name, value)`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';

export interface Measurement {
  name: string;
  /** Every timed run in ms, in the order run. */
  samples: number[];
  median: number;
  min: number;
  max: number;
}

export interface MeasureOptions {
  /** Untimed runs first (JIT, caches); default 1. */
  warmup?: number;
}

/** Times `fn` `runs` times (after the warm-up) and keeps the median. */
export async function measure(
  name: string,
  fn: () => unknown,
  runs = 5,
  { warmup = 1 }: MeasureOptions = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { name, samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

/** Nearest-rank percentile (p in 0…100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (v: number): string => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '—');

export interface BenchRow {
  /** Groups rows under a heading in BENCHMARKS.md (e.g. "Node", "Chromium"). */
  section: string;
  name: string;
  value: string;
  /** What was measured / how (runs, sizes). */
  note?: string;
}

export function row(section: string, name: string, value: string, note?: string): BenchRow {
  return note === undefined ? { section, name, value } : { section, name, value, note };
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1-minute load average when the bench started: other work on the machine skews absolute times. */
  load: number;
  /** Set by the Chromium part (browser.version()); otherwise `chromium --version` when installed. */
  chromium?: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    load: loadavg()[0] ?? 0,
  };
}

/** `Chromium 156.0.…` from the binary, or undefined when it is not there. */
export function chromiumVersion(executablePath = '/usr/bin/chromium'): string | undefined {
  try {
    const out = execFileSync(executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /Chromium\s+[\d.]+/.exec(out)?.[0] ?? (out.trim() || undefined);
  } catch {
    return undefined;
  }
}

/** The rows as aligned console lines, grouped by section. */
export function printTable(rows: readonly BenchRow[]): string {
  const width = Math.max(8, ...rows.map((r) => r.value.length));
  const lines: string[] = [];
  for (const section of sections(rows)) {
    lines.push(`\n${section}`);
    for (const r of rows.filter((x) => x.section === section)) {
      lines.push(`  ${r.value.padStart(width)}  ${r.name}${r.note ? `  (${r.note})` : ''}`);
    }
  }
  return lines.join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** BENCHMARKS.md: the machine, then one table per section. */
export function benchmarksMarkdown(rows: readonly BenchRow[], machine: MachineInfo, at = new Date()): string {
  const out = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); do not edit by hand. Times are medians of several runs',
    'measured side by side in one run; compare the ratios, not the absolute times, across machines.',
    '',
    `Measured ${at.toISOString()} on:`,
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB (load average ${machine.load.toFixed(1)} at the start)`,
    `- OS: ${machine.os}`,
    `- Node ${machine.node}`,
    `- ${machine.chromium ?? 'Chromium: not run'}`,
  ];
  for (const section of sections(rows)) {
    out.push('', `## ${section}`, '', '| Measure | Value | How |', '| --- | ---: | --- |');
    for (const r of rows.filter((x) => x.section === section)) {
      out.push(`| ${cell(r.name)} | ${cell(r.value)} | ${cell(r.note ?? '')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Writes BENCHMARKS.md formatted by the project's Prettier config (so `format:check` stays clean). */
export async function writeBenchmarks(path: string, rows: readonly BenchRow[], machine: MachineInfo): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(benchmarksMarkdown(rows, machine), { ...options, filepath: path }));
}

function sections(rows: readonly BenchRow[]): string[] {
  return [...new Set(rows.map((r) => r.section))];
}

/** The two scales of the in-page benches (test/bench/chromium/*-page.ts), as the rows name them. */
export const scaleName = (s: number): string =>
  s === 1 ? 'full (ten years)' : s === 0.1 ? '1/10 (one year)' : `scale ${s}`;

/** The longest main-thread block seen ('longtask' entries are > 50 ms; 0: none). */
export const longestBlock = (v: number): string => (v > 0 ? ms(v) : '< 50 ms');

interface RowText {
  name: string;
  value: string;
  note: string;
}

/**
 * The rows of an in-page bench, case by case: one per measured scale (its times vs the raw read), then "full ÷ 1/10"
 * (how cost grows) when both the 1/10 and the full scale were measured.
 */
export function scaleRows<K, R extends { scale: number; kase: K }>(
  section: string,
  cases: readonly K[],
  results: readonly R[],
  perScale: (r: R, kase: K) => RowText,
  growth: (small: R, full: R, kase: K) => RowText,
): BenchRow[] {
  const out: BenchRow[] = [];
  const push = (t: RowText) => out.push(row(section, t.name, t.value, t.note));
  for (const kase of cases) {
    const of = results.filter((r) => r.kase === kase);
    for (const r of of) push(perScale(r, kase));
    const [small, full] = [of.find((r) => r.scale === 0.1), of.find((r) => r.scale === 1)];
    if (small && full) push(growth(small, full, kase));
  }
  return out;
}
