import { APP_HOST, APP_SCHEME } from '../../../shared/ipc/contract';

const MAX_EXTERNAL_URL_LENGTH = 2048;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on the app's own origin `app://jointdesk` (plus, in development, the exact
 * origins passed in `extraOrigins`, e.g. the Vite dev server). Parsed with `URL`, never by prefix,
 * so `app://jointdesk.evil/`, `app://jointdesk@evil/` and `app://jointdesk:1/` are all refused.
 *
 * Node's URL gives non-special schemes an opaque origin (`"null"`), so the app scheme is compared by
 * protocol and host; Chromium canonicalises the standard `app:` scheme to lower case, hence the
 * case-insensitive host.
 */
export function isTrustedAppUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  const u = parse(url);
  if (!u || u.username !== '' || u.password !== '') return false;
  if (u.protocol === `${APP_SCHEME}:`) {
    return u.host.toLowerCase() === APP_HOST;
  }
  if ((u.protocol === 'http:' || u.protocol === 'https:') && extraOrigins.length > 0) {
    return extraOrigins.includes(u.origin);
  }
  return false;
}

/**
 * True for a blob: URL created by the app's own origin (`blob:app://jointdesk/<uuid>`), which the CSP
 * allows in frames (document previews).
 */
export function isTrustedBlobUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'blob:') return false;
  return isTrustedAppUrl(u.pathname, extraOrigins);
}

/**
 * True if `url` may be handed to the operating system's browser via `shell.openExternal`: only
 * `http:`/`https:` with a real host name, no credentials, bounded length. Everything else — `file:`,
 * `smb:`, UNC paths, `javascript:`, `data:`, `ms-msdt:`, `search-ms:`, custom schemes — can launch local
 * programs or leak NTLM hashes, so it is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // Control characters and backslashes are normalised away by URL parsing in ways that differ
  // between parsers (ours and the OS handler's); refuse them outright.
  if ([...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) || url.includes('\\')) return false;
  // The raw text must already look like `http(s)://host`: WHATWG parsing repairs `http:///x` and
  // `http:x` into real URLs, and the OS handler might repair them differently.
  if (!/^https?:\/\/[^/\\?#@\s]/i.test(url)) return false;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  if (u.hostname === '' || !/^[a-z0-9.\-[\]:]+$/i.test(u.hostname)) return false;
  return true;
}
