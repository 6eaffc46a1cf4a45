import { useMemo } from 'react';
import type { Meeting, Topic, Unit } from '../../../../shared/domain';
import { useDisputeLookups, useUnits } from '../../db';
import { useDisputesText } from './labels';

/** Names of the records a dispute refers to; unknown ids read as “（未知单位）” etc. */
export interface NameLookup {
  unit(id: string): string;
  meeting(id: string): string;
  topic(id: string): string;
  /** id → name of every unit, archived ones included (documents and the ledger need them all). */
  unitNames: ReadonlyMap<string, string>;
  units: readonly Unit[];
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  loading: boolean;
}

/** Units (archived included), meetings and topics, looked up by id. */
export function useNames(): NameLookup {
  const { t, meetingLabel } = useDisputesText();
  const units = useUnits({ includeArchived: true });
  const lookups = useDisputeLookups();
  return useMemo(() => {
    const unitNames = new Map((units ?? []).map((u) => [u.id, u.name]));
    const meetings = new Map((lookups?.meetings ?? []).map((m) => [m.id, m]));
    const topics = new Map((lookups?.topics ?? []).map((x) => [x.id, x.title]));
    return {
      unit: (id) => unitNames.get(id) ?? t('disputes:unknownUnit'),
      meeting: (id) => {
        const m = meetings.get(id);
        return m ? meetingLabel(m) : t('disputes:unknownMeeting');
      },
      topic: (id) => topics.get(id) ?? t('disputes:unknownTopic'),
      unitNames,
      units: units ?? [],
      meetings: lookups?.meetings ?? [],
      topics: lookups?.topics ?? [],
      loading: units === undefined || lookups === undefined,
    };
  }, [units, lookups, t, meetingLabel]);
}
