import { describe, expect, it } from 'vitest';
import { readUnitsPageQuery, unitsPageQuery } from '../../../../renderer/src/features/units/page-query';

describe('units page query', () => {
  it('defaults to the units tab and ignores a unit filter there', () => {
    expect(readUnitsPageQuery(new URLSearchParams(''))).toEqual({ tab: 'units', unitId: undefined });
    expect(readUnitsPageQuery(new URLSearchParams('tab=bogus&unit=u1'))).toEqual({ tab: 'units', unitId: undefined });
  });

  it('reads the people tab with and without a unit filter', () => {
    expect(readUnitsPageQuery(new URLSearchParams('tab=people'))).toEqual({ tab: 'people', unitId: undefined });
    expect(readUnitsPageQuery(new URLSearchParams('tab=people&unit='))).toEqual({ tab: 'people', unitId: undefined });
    expect(readUnitsPageQuery(new URLSearchParams('tab=people&unit=u1'))).toEqual({ tab: 'people', unitId: 'u1' });
  });

  it('round-trips what it writes', () => {
    for (const [tab, unitId] of [
      ['units', undefined],
      ['people', undefined],
      ['people', 'u-42'],
    ] as const) {
      const params = new URLSearchParams(unitsPageQuery(tab, unitId));
      expect(readUnitsPageQuery(params)).toEqual({ tab, unitId });
    }
    expect(unitsPageQuery('units', 'u1')).toEqual({});
  });
});
