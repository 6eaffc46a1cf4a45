import { useTranslation } from 'react-i18next';
import { MEETING_ROLES, UNIT_KINDS, type MeetingRole, type UnitKind } from '../../../../../shared/domain';

/** The i18n namespace of this feature (renderer/src/i18n/locales/<lng>/units.json). */
export const UNITS_NS = 'units';

/** Translator bound to the units namespace, plus label lookups for the domain enums. */
export function useUnitsText() {
  const { t } = useTranslation(UNITS_NS);
  const kindLabel = (kind: UnitKind): string => t(`kind.${kind}`);
  const roleLabel = (role: MeetingRole): string => t(`role.${role}`);
  return {
    t,
    kindLabel,
    roleLabel,
    kindOptions: UNIT_KINDS.map((value) => ({ value, label: kindLabel(value) })),
    roleOptions: MEETING_ROLES.map((value) => ({ value, label: roleLabel(value) })),
  };
}
