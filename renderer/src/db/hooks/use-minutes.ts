import { useLiveQuery } from 'dexie-react-hooks';
import type { Minutes, MinutesVersion, Resolution } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';

/** The minutes of a meeting: `undefined` while loading, `null` when none has been started. */
export function useMinutesForMeeting(meetingId: string | undefined): Minutes | null | undefined {
  return useLiveQuery(
    async () => (meetingId ? ((await getDataLayer().minutes.forMeeting(meetingId)) ?? null) : null),
    [meetingId],
  );
}

/** Versions of one minutes, newest first; `undefined` while loading. */
export function useMinutesVersions(minutesId: string | undefined): MinutesVersion[] | undefined {
  return useLiveQuery(async () => (minutesId ? getDataLayer().minutes.versions(minutesId) : []), [minutesId]);
}

/** The resolution records (drafts, then tasks once issued) of one minutes. */
export function useMinutesResolutions(minutesId: string | undefined): Resolution[] | undefined {
  return useLiveQuery(async () => (minutesId ? getDataLayer().minutes.resolutions(minutesId) : []), [minutesId]);
}
