import { afterEach, describe, expect, it } from 'vitest';
import { paramsInAddress } from '../../../renderer/src/ui/address-params';

const g = globalThis as { window?: unknown };
const original = g.window;
afterEach(() => {
  g.window = original;
});

describe('paramsInAddress', () => {
  it('reads the query of the address as it is now, not the params a render was given', () => {
    g.window = { location: { hash: '#/stats?from=2025-01-01&to=2025-12-31' } };
    // The render that made the handler still had the unit filter the user has just cleared.
    const stale = new URLSearchParams('from=2026-01-01&to=2026-12-31&unit=u1');
    const p = paramsInAddress(stale);
    expect(p.get('unit')).toBeNull();
    expect(p.get('from')).toBe('2025-01-01');
    // A fresh object each time: changing it does not touch the fallback.
    p.set('unit', 'u2');
    expect(stale.get('unit')).toBe('u1');
  });

  it('an address without a query gives no params; outside a browser the fallback is copied', () => {
    g.window = { location: { hash: '#/followup' } };
    expect([...paramsInAddress(new URLSearchParams('warning=overdue')).keys()]).toEqual([]);
    g.window = undefined;
    const fallback = new URLSearchParams('q=拆除');
    expect(paramsInAddress(fallback).get('q')).toBe('拆除');
  });
});
