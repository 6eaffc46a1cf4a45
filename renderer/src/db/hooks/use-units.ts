import { useLiveQuery } from 'dexie-react-hooks';
import type { Unit } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type { UnitListFilter } from '../types';

/** Live list of units; `undefined` while loading. */
export function useUnits(filter: UnitListFilter = {}): Unit[] | undefined {
  const { includeArchived, search } = filter;
  return useLiveQuery(() => getDataLayer().units.list({ includeArchived, search }), [includeArchived, search]);
}

/** One unit: `undefined` while loading, `null` when there is no such unit (or no id). */
export function useUnit(id: string | undefined): Unit | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDataLayer().units.get(id)) ?? null) : null), [id]);
}
