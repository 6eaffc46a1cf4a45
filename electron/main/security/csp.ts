/**
 * The Content-Security-Policy of the app UI, sent as a response header by the `app://` protocol handler
 * (RELIABILITY-SECURITY.md SEC-3). The web build must send the same string: keep this the one copy.
 *
 * - `script-src 'self'`: no inline script, no eval/new Function, nothing remote. This is the line that
 *   turns an HTML-injection bug into a non-event, so it stays strict.
 * - `style-src 'self' 'unsafe-inline'`: Ant Design 6 styles components with CSS-in-JS, which injects
 *   `<style>` elements at run time; without 'unsafe-inline' the UI renders unstyled. Inline *style* is far
 *   less dangerous than inline script (no code execution), so this is the accepted trade-off.
 * - `img-src`/`font-src` allow `data:`/`blob:` for icons, pasted images and generated previews.
 * - `frame-src 'self' blob:` lets a document preview show a same-origin blob in an iframe; nothing remote.
 * - `connect-src 'self'`: the app never talks to the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');

/** Headers added to every response of the `app://` protocol, including errors. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});
