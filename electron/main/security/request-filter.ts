import type { Session } from 'electron';

/** Schemes that reach the network or the local disk, which the production UI never needs. */
const FILTERED_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'];

/**
 * True if a network/file request may leave the renderer: in production never (the UI is served from
 * `app://` and the CSP already says `connect-src 'self'`); in development only to the dev server,
 * including its HMR web socket.
 */
export function isRequestAllowed(url: string, devOrigins: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return devOrigins.some((origin) => {
    const dev = new URL(origin);
    return u.host === dev.host && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol);
  });
}

/**
 * Defence in depth behind the CSP (Signal Desktop's protocol filter): cancel every http(s)/ws/ftp/file
 * request made by any page of the session, so even injected content cannot phone home or read files.
 */
export function installRequestFilter(session: Session, devOrigins: readonly string[]): void {
  session.webRequest.onBeforeRequest({ urls: FILTERED_URLS }, (details, callback) =>
    callback({ cancel: !isRequestAllowed(details.url, devOrigins) }),
  );
}
