import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  guardWillAttachWebview,
  guardWillFrameNavigate,
  guardWillNavigate,
  handleWindowOpen,
  installNavigationGuards,
  type NavigationPolicy,
} from '../../../../../electron/main/security/navigation-guards';

function policy(extraOrigins: string[] = []): NavigationPolicy & { openExternal: ReturnType<typeof vi.fn> } {
  return { extraOrigins, openExternal: vi.fn(async () => undefined) };
}

function navEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

const APP_URLS = ['app://jointdesk/index.html', 'app://jointdesk/meetings/1'];
const REFUSED_NAV = [
  'https://example.org/',
  'http://example.org/',
  'file:///etc/passwd',
  'app://jointdesk.evil/index.html',
  'javascript:alert(1)',
  'data:text/html,x',
  'about:blank',
  'smb://server/share',
  'ms-msdt:/id x',
  'blob:app://jointdesk/uuid',
];

describe('will-navigate', () => {
  it.each(APP_URLS)('lets the app navigate within itself: %s', (url) => {
    const e = navEvent(url);
    guardWillNavigate(e, policy());
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it.each(REFUSED_NAV)('prevents navigation to %s', (url) => {
    const e = navEvent(url);
    const p = policy();
    guardWillNavigate(e, p);
    expect(e.preventDefault).toHaveBeenCalledTimes(1);
    expect(p.openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server only when it is passed in', () => {
    const e1 = navEvent('http://localhost:5173/');
    guardWillNavigate(e1, policy(['http://localhost:5173']));
    expect(e1.preventDefault).not.toHaveBeenCalled();
    const e2 = navEvent('http://localhost:5173/');
    guardWillNavigate(e2, policy());
    expect(e2.preventDefault).toHaveBeenCalled();
  });
});

describe('will-frame-navigate', () => {
  it('allows an app blob in a sub-frame but not in the main frame', () => {
    const sub = navEvent('blob:app://jointdesk/uuid', false);
    guardWillFrameNavigate(sub, policy());
    expect(sub.preventDefault).not.toHaveBeenCalled();
    const main = navEvent('blob:app://jointdesk/uuid', true);
    guardWillFrameNavigate(main, policy());
    expect(main.preventDefault).toHaveBeenCalled();
  });

  it.each(REFUSED_NAV.filter((u) => !u.startsWith('blob:')))('prevents a sub-frame navigating to %s', (url) => {
    const e = navEvent(url, false);
    guardWillFrameNavigate(e, policy());
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('lets frames show the app', () => {
    const e = navEvent('app://jointdesk/preview.html', false);
    guardWillFrameNavigate(e, policy());
    expect(e.preventDefault).not.toHaveBeenCalled();
  });
});

describe('window.open handler', () => {
  it('always denies and sends a safe link to the system browser', () => {
    const p = policy();
    expect(handleWindowOpen({ url: 'https://www.gov.cn/' }, p)).toEqual({ action: 'deny' });
    expect(p.openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    '\\\\server\\share',
    'javascript:alert(1)',
    'data:text/html,x',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://jointdesk/index.html',
    'https://user:pw@example.org/',
    'x-custom://x',
  ])('denies and never opens %s', (url) => {
    const p = policy();
    expect(handleWindowOpen({ url }, p)).toEqual({ action: 'deny' });
    expect(p.openExternal).not.toHaveBeenCalled();
  });

  it('swallows a failing openExternal', async () => {
    const p = { extraOrigins: [], openExternal: vi.fn(async () => Promise.reject(new Error('no browser'))) };
    expect(handleWindowOpen({ url: 'https://example.org/' }, p)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(p.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('will-attach-webview', () => {
  it('is always prevented', () => {
    const e = { preventDefault: vi.fn() };
    guardWillAttachWebview(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('installNavigationGuards', () => {
  it('wires all four guards onto the web contents', () => {
    const listeners = new Map<string, (event: unknown) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: vi.fn((name: string, listener: (event: unknown) => void) => listeners.set(name, listener)),
      setWindowOpenHandler: vi.fn((h: (details: { url: string }) => unknown) => (openHandler = h)),
    };
    const p = policy();
    installNavigationGuards(contents as unknown as WebContents, p);

    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    const nav = navEvent('https://evil.example/');
    listeners.get('will-navigate')?.(nav);
    expect(nav.preventDefault).toHaveBeenCalled();
    const frame = navEvent('file:///etc/passwd', false);
    listeners.get('will-frame-navigate')?.(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const redirect = navEvent('https://evil.example/landing', true);
    listeners.get('will-redirect')?.(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const inApp = navEvent('app://jointdesk/index.html', true);
    listeners.get('will-redirect')?.(inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(p.openExternal).toHaveBeenCalledWith('https://example.org/');
  });
});
