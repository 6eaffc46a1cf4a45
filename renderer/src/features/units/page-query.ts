/** Tabs of the 单位与人员 page. */
export type UnitsPageTab = 'units' | 'people';

export interface UnitsPageQuery {
  tab: UnitsPageTab;
  /** People-tab unit filter. */
  unitId: string | undefined;
}

/**
 * The page state kept in the URL (`#/units?tab=people&unit=<id>`), so a reload or a link from
 * elsewhere (the 人员数 column, the workbench) lands on the same view. Anything unknown → units tab.
 */
export function readUnitsPageQuery(params: URLSearchParams): UnitsPageQuery {
  const tab: UnitsPageTab = params.get('tab') === 'people' ? 'people' : 'units';
  return { tab, unitId: (tab === 'people' && params.get('unit')) || undefined };
}

/** The query string for a view; the units tab is the default and needs none. */
export function unitsPageQuery(tab: UnitsPageTab, unitId?: string): Record<string, string> {
  if (tab === 'units') return {};
  return unitId ? { tab, unit: unitId } : { tab };
}
