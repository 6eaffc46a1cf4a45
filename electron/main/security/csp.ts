import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

/** The one CSP string lives in shared/security/csp.ts so the web build sends the same policy. */
export { CONTENT_SECURITY_POLICY };

/** Headers added to every response of the `app://` protocol, including errors. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});
