import { useMemo } from 'react';
import type { Meeting, Person, Topic, Unit } from '../../../../shared/domain';
import { useMeetings, usePeople, useUnits } from '../../db';
import { useTopicsText } from './labels';

/** Names of what topics refer to; unknown ids read as “（未知单位）” etc. */
export interface TopicNames {
  unit(id: string): string;
  person(id: string): string;
  meeting(id: string): string;
  /** Every unit, archived ones included (old topics name them). */
  units: readonly Unit[];
  people: readonly Person[];
  meetingById: ReadonlyMap<string, Meeting>;
  loading: boolean;
}

/** Units and people (archived included) and meetings, looked up by id. */
export function useTopicNames(): TopicNames {
  const { t, meetingLabel } = useTopicsText();
  const units = useUnits({ includeArchived: true });
  const people = usePeople({ includeArchived: true });
  const meetings = useMeetings();
  return useMemo(() => {
    const unitNames = new Map((units ?? []).map((u) => [u.id, u.name]));
    const personNames = new Map((people ?? []).map((p) => [p.id, p.name]));
    const meetingById = new Map((meetings ?? []).map((m) => [m.id, m]));
    return {
      unit: (id) => unitNames.get(id) ?? t('topics:unknownUnit'),
      person: (id) => personNames.get(id) ?? t('topics:unknownPerson'),
      meeting: (id) => {
        const m = meetingById.get(id);
        return m ? meetingLabel(m) : t('topics:unknownMeeting');
      },
      units: units ?? [],
      people: people ?? [],
      meetingById,
      loading: units === undefined || people === undefined || meetings === undefined,
    };
  }, [units, people, meetings, t, meetingLabel]);
}

/** Topic by id, for merge targets and “已合并至《…》”. */
export function topicsById(topics: readonly Topic[] | undefined): ReadonlyMap<string, Topic> {
  return new Map((topics ?? []).map((x) => [x.id, x]));
}
