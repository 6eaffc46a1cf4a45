import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type { PersonListFilter } from '../types';

/** Live list of people; `undefined` while loading. */
export function usePeople(filter: PersonListFilter = {}): Person[] | undefined {
  const { includeArchived, search, unitId } = filter;
  return useLiveQuery(
    () => getDataLayer().people.list({ includeArchived, search, unitId }),
    [includeArchived, search, unitId],
  );
}
