import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installRequestFilter, isRequestAllowed } from '../../../../../electron/main/security/request-filter';

describe('isRequestAllowed', () => {
  it('allows nothing in production', () => {
    for (const url of ['https://example.org/', 'http://localhost:5173/', 'file:///etc/passwd', 'ws://x/']) {
      expect(isRequestAllowed(url, [])).toBe(false);
    }
  });

  it('allows the dev server and its HMR socket in development', () => {
    const dev = ['http://localhost:5173'];
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isRequestAllowed('https://example.org/', dev)).toBe(false);
    expect(isRequestAllowed('file:///etc/passwd', dev)).toBe(false);
  });
});

describe('installRequestFilter', () => {
  it('cancels outgoing requests through webRequest', () => {
    const onBeforeRequest = vi.fn();
    installRequestFilter({ webRequest: { onBeforeRequest } } as unknown as Session, []);
    const [filter, listener] = onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'file://*/*']));
    const cb = vi.fn();
    listener({ url: 'https://tracker.example/p.gif' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
  });
});
