import { useMemo } from 'react';
import type { Meeting, Unit } from '../../../../shared/domain';
import { useDisputeLookups, useUnits } from '../../db';
import { useDisputesText } from './labels';

/** Names of the units and meetings a dispute refers to; unknown ids read as “（未知单位）” etc. */
export interface NameLookup {
  unit(id: string): string;
  meeting(id: string): string;
  /** id → name of every unit, archived ones included (documents and the ledger need them all). */
  unitNames: ReadonlyMap<string, string>;
  units: readonly Unit[];
  meetings: readonly Meeting[];
  loading: boolean;
}

/** Units (archived included) and meetings, looked up by id (topics: useTopicOptions). */
export function useNames(): NameLookup {
  const { t, meetingLabel } = useDisputesText();
  const units = useUnits({ includeArchived: true });
  const lookups = useDisputeLookups();
  return useMemo(() => {
    const unitNames = new Map((units ?? []).map((u) => [u.id, u.name]));
    const meetings = new Map((lookups?.meetings ?? []).map((m) => [m.id, m]));
    return {
      unit: (id) => unitNames.get(id) ?? t('disputes:unknownUnit'),
      meeting: (id) => {
        const m = meetings.get(id);
        return m ? meetingLabel(m) : t('disputes:unknownMeeting');
      },
      unitNames,
      units: units ?? [],
      meetings: lookups?.meetings ?? [],
      loading: units === undefined || lookups === undefined,
    };
  }, [units, lookups, t, meetingLabel]);
}
