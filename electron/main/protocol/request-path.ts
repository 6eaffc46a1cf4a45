import { APP_HOST, APP_SCHEME } from '../../../shared/ipc/contract';

export type RequestPathResult =
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly status: 400 | 403 | 414; readonly reason: string };

const MAX_URL_LENGTH = 2048;

/**
 * Percent-escapes that have no business in a path of a Vite build and are the usual vehicles of
 * traversal: `%2e` (dot), `%2f` (slash), `%5c` (backslash), `%25` (double encoding), `%00`–`%1f` and
 * `%7f` (NUL and other control characters).
 */
const FORBIDDEN_ESCAPES = /%(2e|2f|5c|25|[01][0-9a-f]|7f)/i;

/** Raw characters refused anywhere in the URL: controls, space (URL parsing trims them) and `\`. */
function hasForbiddenRaw(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

/** A `.` or `..` segment in the raw text, before any parser has had the chance to resolve it. */
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/**
 * A path segment a build can contain: no separators, no drive or stream colon, no reserved chars.
 * (Control characters were refused in the raw URL and as escapes already; none survive to here.)
 */
const SAFE_SEGMENT = /^[^\\/:*?"<>|]+$/u;

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * Turns an `app://jointdesk/...` request URL into path segments relative to the renderer root, or says
 * why it refuses. Pure; the file-system checks (realpath inside the root) come after this.
 *
 * The raw text is checked *before* parsing: URL parsers quietly resolve `..` and `%2e%2e`, trim
 * control characters and turn `\` into `/`, and what reaches us may or may not have been through one
 * (Chromium normalises a standard scheme, a test or a future Electron might not). Anything that would
 * need that repair is refused, so there is one meaning of the path, not two.
 */
export function resolveRequestPath(rawUrl: string): RequestPathResult {
  if (rawUrl.length > MAX_URL_LENGTH) return { ok: false, status: 414, reason: 'url too long' };
  const beforeQuery = rawUrl.split(/[?#]/, 1)[0] ?? '';
  const prefix = `${APP_SCHEME}://`;
  if (!beforeQuery.toLowerCase().startsWith(prefix)) return { ok: false, status: 403, reason: 'wrong scheme' };
  const rawPath = beforeQuery.slice(prefix.length).replace(/^[^/]*/, '');
  if (hasForbiddenRaw(rawUrl)) return { ok: false, status: 400, reason: 'control, space or backslash' };
  if (FORBIDDEN_ESCAPES.test(rawPath)) return { ok: false, status: 400, reason: 'forbidden escape' };
  if (DOT_SEGMENT.test(rawPath)) return { ok: false, status: 403, reason: 'dot segment' };
  // `//host/share` (UNC) and any other empty segment.
  if (rawPath.slice(1).includes('//') || rawPath.startsWith('//')) {
    return { ok: false, status: 400, reason: 'empty segment' };
  }

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403, reason: 'wrong origin' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    // Malformed or overlong UTF-8 (`%c0%ae`).
    return { ok: false, status: 400, reason: 'bad encoding' };
  }
  const segments = decoded.split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  for (const s of segments) {
    if (s === '.' || s === '..') return { ok: false, status: 403, reason: 'dot segment' };
    if (!SAFE_SEGMENT.test(s) || hasControlChar(s)) return { ok: false, status: 400, reason: 'unsafe segment' };
  }
  return { ok: true, segments: segments.length === 0 ? ['index.html'] : segments };
}
