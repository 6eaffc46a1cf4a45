import { permission, type Action, type PermissionContext, type PermissionResult } from '../../../../shared/domain';
import { useCurrentProfile } from './use-profiles';

/**
 * What the current user may do, from the one permission rule the repositories enforce: screens hide or
 * disable what is refused and show the reason. While the profile loads, everything is refused.
 */
export function usePermission(action: Action, ctx: Omit<PermissionContext, 'actorUnitId'> = {}): PermissionResult {
  const { profile } = useCurrentProfile();
  if (!profile) return { allowed: false, reason: '请先选择当前用户' };
  return permission(profile.role, action, { ...ctx, actorUnitId: profile.unitId });
}

/** The same for several actions at once (a toolbar of buttons). */
export function usePermissions<A extends Action>(actions: readonly A[]): Record<A, PermissionResult> {
  const { profile } = useCurrentProfile();
  const out = {} as Record<A, PermissionResult>;
  for (const a of actions) {
    out[a] = profile
      ? permission(profile.role, a, { actorUnitId: profile.unitId })
      : { allowed: false, reason: '请先选择当前用户' };
  }
  return out;
}
