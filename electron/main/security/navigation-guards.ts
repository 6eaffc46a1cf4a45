import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isSafeExternalUrl, isTrustedAppUrl, isTrustedBlobUrl } from './trusted-url';

/** What the navigation guards need from the outside world. */
export interface NavigationPolicy {
  /** Extra trusted origins (only the dev server in development; empty in production). */
  readonly extraOrigins: readonly string[];
  /** `shell.openExternal`, injected so tests can record calls. */
  readonly openExternal: (url: string) => Promise<void>;
}

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

interface FrameNavigationEvent extends NavigationEvent {
  readonly isMainFrame: boolean;
}

/** `will-navigate` (main frame): stay on the app origin, nothing else. */
export function guardWillNavigate(event: NavigationEvent, policy: NavigationPolicy): void {
  if (!isTrustedAppUrl(event.url, policy.extraOrigins)) event.preventDefault();
}

/**
 * `will-frame-navigate` (any frame): the main frame may only show the app; sub-frames may also show a
 * blob the app itself created (matching the CSP's `frame-src 'self' blob:`).
 */
export function guardWillFrameNavigate(event: FrameNavigationEvent, policy: NavigationPolicy): void {
  const ok =
    isTrustedAppUrl(event.url, policy.extraOrigins) ||
    (!event.isMainFrame && isTrustedBlobUrl(event.url, policy.extraOrigins));
  if (!ok) event.preventDefault();
}

/**
 * `setWindowOpenHandler`: never open a new Electron window. A safe http(s) link goes to the system
 * browser instead; anything else is dropped.
 */
export function handleWindowOpen(
  details: Pick<HandlerDetails, 'url'>,
  policy: NavigationPolicy,
): WindowOpenHandlerResponse {
  if (isSafeExternalUrl(details.url)) {
    policy.openExternal(details.url).catch(() => {
      // The OS could not open it (no browser registered); nothing useful to tell the page.
    });
  }
  return { action: 'deny' };
}

/** `will-attach-webview`: the app never uses `<webview>`. */
export function guardWillAttachWebview(event: Pick<Event, 'preventDefault'>): void {
  event.preventDefault();
}

/**
 * Installs every navigation guard (navigate, frame-navigate, redirect, webview, window.open) on one web contents. Called from `app.on('web-contents-created')` so
 * it covers every web contents the process ever creates, not only the windows we know about.
 */
export function installNavigationGuards(contents: WebContents, policy: NavigationPolicy): void {
  contents.on('will-navigate', (event) => guardWillNavigate(event, policy));
  contents.on('will-frame-navigate', (event) => guardWillFrameNavigate(event, policy));
  // A server-side redirect does not pass through will-navigate; hold it to the same rule.
  contents.on('will-redirect', (event) => guardWillFrameNavigate(event, policy));
  contents.on('will-attach-webview', (event) => guardWillAttachWebview(event));
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, policy));
}
