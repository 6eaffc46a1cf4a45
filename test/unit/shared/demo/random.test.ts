import { describe, expect, it } from 'vitest';
import { mulberry32, Random } from '../../../../shared/demo/random';

describe('mulberry32', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
    for (const x of sa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('Random', () => {
  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('makes UUID-v4-shaped ids that do not repeat', () => {
    const r = new Random(7);
    const ids = Array.from({ length: 1000 }, () => r.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('samples distinct items and shuffles without losing any', () => {
    const r = new Random(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = r.sample(items, 3);
    expect(new Set(s).size).toBe(3);
    expect(r.shuffle(items).sort()).toEqual(items);
    expect(() => r.pick([])).toThrow();
  });
});
