import type { TFunction } from 'i18next';
import { UNIT_KINDS, type Unit } from '../../../shared/domain';

export interface UnitOptionGroup {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}

/**
 * Units as Select options grouped under their kind, kinds in the register's order, so a long list
 * reads like the member register; kinds with no unit among `units` are left out. Callers filter first
 * (live units only, plus the ones the record already names).
 */
export function unitOptionsByKind(
  units: readonly Pick<Unit, 'id' | 'name' | 'kind'>[],
  t: TFunction,
): UnitOptionGroup[] {
  return UNIT_KINDS.map((kind) => ({
    label: t(`units:kind.${kind}`),
    title: t(`units:kind.${kind}`),
    options: units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
  })).filter((g) => g.options.length > 0);
}
