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

/** Host names that point into the office's own network or machine, never to a public web site. */
const LOCAL_SUFFIXES = ['.local', '.localhost', '.internal', '.lan', '.home', '.arpa', '.corp', '.intranet'];

/**
 * True if `url` may be handed to the operating system via `shell.openExternal` (after the user confirmed
 * the host, see external-link.ts): only
 * - `https:` to a public DNS name: no credentials, no explicit port, no IP literal (169.254.169.254,
 *   192.168.1.1, [::1]), no `localhost`/single-label/intranet names, no IDN (`xn--`) labels, which can
 *   imitate another site's name letter for letter;
 * - `mailto:` with one plain address.
 * Everything else — `http:`, `file:`, `smb:`, UNC paths, `javascript:`, `data:`, `ms-msdt:`, custom
 * schemes — can read the network unencrypted, launch local programs or leak NTLM hashes: refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // Control characters, spaces and backslashes are normalised away by URL parsing in ways that differ
  // between parsers (ours and the OS handler's); refuse them outright.
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f) || url.includes('\\')) return false;
  if (/^mailto:/i.test(url)) return /^mailto:[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url);
  // The raw text must already look like `https://host`: WHATWG parsing repairs `https:///x` and
  // `https:x` into real URLs, and the OS handler might repair them differently.
  if (!/^https:\/\/[a-z0-9]/i.test(url)) return false;
  const u = parse(url);
  if (!u || u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '' || u.port !== '') return false;
  return isPublicHostName(u.hostname);
}

/** A DNS name of the public internet, as URL parsing leaves it (lower case, punycode for IDN). */
export function isPublicHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253 || host.startsWith('[')) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false; // localhost, intranet single names
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  if (labels.some((l) => l.startsWith('xn--'))) return false;
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z]{2,63}$/.test(tld)) return false; // an all-digit last label is an IPv4 address
  return !LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
