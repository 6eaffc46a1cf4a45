import { useLiveQuery } from 'dexie-react-hooks';
import type { UserProfile } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';

export interface CurrentProfileState {
  loading: boolean;
  /** Absent once loaded means no profile has been chosen yet (first start). */
  profile?: UserProfile;
}

/** The user at the keyboard. Wrapped so "still loading" and "no profile yet" are distinguishable. */
export function useCurrentProfile(): CurrentProfileState {
  const result = useLiveQuery(async () => ({ profile: await getDataLayer().profiles.current() }), []);
  if (result === undefined) return { loading: true };
  return result.profile ? { loading: false, profile: result.profile } : { loading: false };
}

/** All profiles, oldest first; `undefined` while loading. */
export function useProfiles(): UserProfile[] | undefined {
  return useLiveQuery(() => getDataLayer().profiles.list(), []);
}
