import { useLiveQuery } from 'dexie-react-hooks';
import { getDataLayer } from '../singleton';

/** True when there are no units and no people (offer the demo data); `undefined` while loading. */
export function useIsDatabaseEmpty(): boolean | undefined {
  return useLiveQuery(() => getDataLayer().demo.isEmpty(), []);
}
