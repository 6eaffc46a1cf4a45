/**
 * The Content-Security-Policy of the app UI (RELIABILITY-SECURITY.md SEC-3): the one copy, sent as a
 * response header by Electron's `app://` handler and written as a meta tag into the web build.
 *
 * - `script-src 'self'`: no inline script, no eval/new Function, nothing remote. This is the line that
 *   turns an HTML-injection bug into a non-event, so it stays strict.
 * - `style-src 'self' 'unsafe-inline'`: Ant Design 6 styles components with CSS-in-JS, which injects
 *   `<style>` elements at run time; without 'unsafe-inline' the UI renders unstyled. Inline *style* is far
 *   less dangerous than inline script (no code execution), so this is the accepted trade-off.
 * - `img-src`/`font-src` allow `data:`/`blob:` for icons, pasted images and generated previews.
 * - `frame-src 'self' blob:` lets a document preview show a same-origin blob in an iframe; nothing remote.
 * - `connect-src 'self'`: the app never talks to the network.
 * - `worker-src 'self'`: the import worker (renderer/src/lib/xlsx/import.worker.ts) is a script file of the
 *   build; no `blob:` or `data:` workers, which would let injected text run as code off the page's thread.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
] as const;

/** The policy as a response header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy for a `<meta http-equiv>` tag: browsers ignore `frame-ancestors` there, so it is left out. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
