import { useMemo } from 'react';
import type { Unit } from '../../../../shared/domain';
import { useUnits } from '../../db';
import { useFollowupText } from './labels';

export interface UnitNames {
  /** The unit's name; “（未知单位）” for an id no unit has. */
  name(id: string | undefined): string;
  /** Names joined with 、 */
  names(ids: readonly string[]): string;
  /** Every unit, archived ones included (old tasks name them). */
  units: readonly Unit[];
  loading: boolean;
}

export function useUnitNames(): UnitNames {
  const { t } = useFollowupText();
  const units = useUnits({ includeArchived: true });
  return useMemo(() => {
    const byId = new Map((units ?? []).map((u) => [u.id, u.name]));
    const name = (id: string | undefined) => (id ? (byId.get(id) ?? t('followup:unknownUnit')) : t('followup:none'));
    return {
      name,
      names: (ids) => (ids.length === 0 ? t('followup:none') : ids.map(name).join(t('followup:separator'))),
      units: units ?? [],
      loading: units === undefined,
    };
  }, [units, t]);
}
