import { assertAllowed, type Action, type PermissionContext } from '../../../shared/domain';
import type { AuditWriter } from './audited-write';

/**
 * Inside an auditedWrite callback, before writing: refuses (DomainError 'forbidden', which rolls the
 * transaction back) when the current user's role may not take `action`.
 */
export function guard(audit: AuditWriter, action: Action, ctx?: Omit<PermissionContext, 'actorUnitId'>): void {
  assertAllowed(audit.currentActor, action, ctx);
}
