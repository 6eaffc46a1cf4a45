import { useMemo } from 'react';
import type { Person, Unit } from '../../../../shared/domain';
import { usePeople, useUnits } from '../../db';

/** People and units by id (archived included: old meetings refer to them). */
export interface MeetingLookups {
  person(id: string | undefined): Person | undefined;
  unit(id: string | undefined): Unit | undefined;
  people: readonly Person[];
  units: readonly Unit[];
  /** Active people, for pickers. */
  activePeople: readonly Person[];
  /** Active units, for pickers. */
  activeUnits: readonly Unit[];
  loading: boolean;
}

export function useMeetingLookups(): MeetingLookups {
  const people = usePeople({ includeArchived: true });
  const units = useUnits({ includeArchived: true });
  return useMemo(() => {
    const p = new Map((people ?? []).map((x) => [x.id, x]));
    const u = new Map((units ?? []).map((x) => [x.id, x]));
    return {
      person: (id) => (id ? p.get(id) : undefined),
      unit: (id) => (id ? u.get(id) : undefined),
      people: people ?? [],
      units: units ?? [],
      activePeople: (people ?? []).filter((x) => !x.archived),
      activeUnits: (units ?? []).filter((x) => !x.archived),
      loading: people === undefined || units === undefined,
    };
  }, [people, units]);
}
