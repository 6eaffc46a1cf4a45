import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/generate';
import { canonicalJson } from '../../../shared/domain/canonical-json';

// canonicalJson must write exactly what the JCS reference (`canonicalize`, which the trail, the record states,
// the minutes hashes and the backups were first written with) writes: every stored hash depends on it.
describe('canonicalJson', () => {
  it('is byte-identical to canonicalize on every record of the township and district demo datasets', () => {
    const datasets = [
      generateDemoDataset({ today: '2026-03-09', scale: 1, seed: 7 }),
      generateDemoDataset({ today: '2026-12-04', scale: 0.1, seed: 1, profile: 'district-10y' }),
    ];
    let rows = 0;
    for (const ds of datasets) {
      for (const table of Object.values(ds as unknown as Record<string, unknown>)) {
        if (!Array.isArray(table)) continue;
        for (const row of table) {
          rows++;
          expect(canonicalJson(row)).toBe(canonicalize(row));
        }
      }
    }
    expect(rows).toBeGreaterThan(4000);
  });

  it('sorts keys by UTF-16 code units and writes numbers and strings as JSON does, like canonicalize', () => {
    const cases: unknown[] = [
      { b: 1, a: 2, A: 3, 中: 4, '😀': 5, ﬁ: 6, '': 7, '10': 8, '9': 9, '-1': 10 },
      [1e21, 1e-7, -0, 0.1 + 0.2, 123456789012345680000, Number.MAX_SAFE_INTEGER, 5e-324],
      { s: 'line\nbreak "quoted" \\ \u0001 \u2028 \ufffd 𠀋' },
      { nested: [{ z: [], y: {} }, null, true, false, [[]]] },
      { dropped: undefined, kept: null, arr: [undefined, 1] },
      { when: new Date('2026-03-09T08:30:00.000Z') },
      'plain',
      42,
      null,
    ];
    for (const v of cases) expect(canonicalJson(v)).toBe(canonicalize(v));
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(canonicalJson({ f: () => 1, sym: Symbol('x') })).toBe(canonicalize({ f: () => 1, sym: Symbol('x') }));
    expect(canonicalJson({ b: [2, 1], a: '中' })).toBe('{"a":"中","b":[2,1]}');
  });

  it('refuses what canonicalize refuses: NaN, Infinity, lone surrogates in values and keys, cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const bad: unknown[] = [
      { n: Number.NaN },
      [Number.POSITIVE_INFINITY],
      { s: 'lone \ud800 high' },
      { s: 'lone \udc00 low' },
      { s: 'ends high \ud83d' },
      { ['key \udfff']: 1 },
      cyclic,
    ];
    for (const v of bad) {
      expect(() => canonicalize(v)).toThrow();
      expect(() => canonicalJson(v)).toThrow();
    }
    // The same object twice (not a cycle) is fine.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe(canonicalize({ a: shared, b: [shared] }));
  });

  it('agrees with canonicalize on generated JSON values (any code units: some have lone surrogates)', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (v) => {
          const ours = outcome(() => canonicalJson(v));
          if (!ours.ok) refused++;
          expect(ours).toEqual(outcome(() => canonicalize(v)));
        },
      ),
      { numRuns: 2000, seed: 20261204 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

function outcome(f: () => string | undefined): { ok: true; text: string | undefined } | { ok: false } {
  try {
    return { ok: true, text: f() };
  } catch {
    return { ok: false };
  }
}
