import type { Session } from 'electron';
import { isTrustedAppUrl } from './trusted-url';

/**
 * Permissions the app grants. Electron grants *every* permission request unless a handler says
 * otherwise, so this is an allow-list: only writing sanitised text to the clipboard (copy buttons).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True only for an allow-listed permission asked for by the app's own origin. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  extraOrigins: readonly string[] = [],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedAppUrl(requestingUrl, extraOrigins);
}

/** Deny-by-default permission request, permission check and device handlers on a session. */
export function installPermissionGuards(session: Session, extraOrigins: readonly string[] = []): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, extraOrigins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, extraOrigins),
  );
  session.setDevicePermissionHandler(() => false);
}
