/**
 * Bench row: the canonical JSON every audit hash is taken over (shared/domain/canonical-json.ts) against the
 * `canonicalize` library it replaced (byte-identical output, tested), on every record of the district demo
 * profile at 1/10, interleaved in the same run. Loading a dataset takes it three times per record (the
 * entry's payload, the record's state hash, the entry's hash); verifying the trail twice.
 */
import canonicalize from 'canonicalize';
import { generateDemoDataset } from '../../shared/demo/generate';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { measure, median, ms, ratio, row, type BenchRow } from './lib';

export async function canonicalJsonRows(rows: BenchRow[]): Promise<void> {
  const ds = generateDemoDataset({ seed: 1, scale: 0.1, today: '2026-11-22', profile: 'district-10y' });
  const records: unknown[] = Object.values(ds as unknown as Record<string, unknown>).flatMap((t) =>
    Array.isArray(t) ? (t as unknown[]) : [],
  );
  const chars = records.reduce<number>((n, r) => n + (canonicalJson(r)?.length ?? 0), 0);
  const ours: number[] = [];
  const library: number[] = [];
  for (let round = 0; round < 5; round++) {
    ours.push((await measure('canonicalJson', () => records.forEach((r) => canonicalJson(r)), 1)).median);
    library.push((await measure('canonicalize', () => records.forEach((r) => canonicalize(r)), 1)).median);
  }
  const [a, b] = [median(ours), median(library)];
  rows.push(
    row(
      'Node',
      'canonical JSON of every record (audit hashes): canonicalJson ÷ the canonicalize library',
      ratio(a, b),
      `${ms(a)} vs ${ms(b)}; ${records.length} records, ${(chars / 1e6).toFixed(1)} M chars, district profile 1/10; interleaved, median of 5; byte-identical output (test/unit/shared/canonical-json.test.ts)`,
    ),
  );
}
