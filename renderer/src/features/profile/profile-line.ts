import { type TFunction } from 'i18next';
import { type UserProfile } from '../../../../shared/domain/user-profile';

/** `张三 · 城关镇人民政府 · 办公室工作人员` — how a profile is named in the header and lists. */
export function profileLine(p: Pick<UserProfile, 'name' | 'unitName' | 'role'>, t: TFunction): string {
  return [p.name, p.unitName, t(`common:roles.${p.role}`)].join(' · ');
}
