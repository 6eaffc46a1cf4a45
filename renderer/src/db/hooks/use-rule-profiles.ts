import { useLiveQuery } from 'dexie-react-hooks';
import type { RuleProfile } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';

/** Presets then custom profiles; `undefined` while loading. */
export function useRuleProfiles(): RuleProfile[] | undefined {
  return useLiveQuery(() => getDataLayer().rules.list(), []);
}

/** The active rule profile; `undefined` while loading. */
export function useActiveRuleProfile(): RuleProfile | undefined {
  return useLiveQuery(() => getDataLayer().rules.active(), []);
}
