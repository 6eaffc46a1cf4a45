// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost, printRouteInFrame } from '../../../renderer/src/platform/browser-host';
import { HostError } from '../../../renderer/src/platform/host-error';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function frame(): HTMLIFrameElement {
  const f = document.querySelector('iframe');
  if (!f) throw new Error('no iframe');
  return f;
}

/** What the print view does when it has laid out (jsdom does not load the app into the frame). */
function mark(f: HTMLIFrameElement, state: 'ready' | 'error') {
  const doc = f.contentDocument!;
  const html = doc.documentElement ?? doc.appendChild(doc.createElement('html'));
  html.setAttribute('data-print-ready', state);
}

/** Lets the poll run once more. */
const tick = () => new Promise((r) => setTimeout(r, 15));

describe('browser host printToPdf', () => {
  it('loads the print route in a hidden same-origin frame, prints that frame once it is ready, then removes it', async () => {
    const promise = createBrowserHost().printToPdf({ route: 'print/minutes/m-1', suggestedName: '纪要.pdf' });
    const f = frame();
    expect(new URL(f.src).hash).toBe('#/print/minutes/m-1');
    expect(new URL(f.src).origin).toBe(window.location.origin);
    expect(f.getAttribute('aria-hidden')).toBe('true');
    const print = vi.fn();
    Object.defineProperty(f.contentWindow!, 'print', { value: print, configurable: true });
    await tick();
    await tick();
    expect(print).not.toHaveBeenCalled(); // not ready yet
    mark(f, 'ready');
    // The browser cannot know whether the user saved a PDF: honest "not saved".
    await expect(promise).resolves.toEqual({ saved: false });
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('rejects a route that is not an app print view, without loading anything', async () => {
    await expect(printRouteInFrame('settings')).rejects.toBeInstanceOf(HostError);
    await expect(printRouteInFrame('https://evil.example/print/minutes/a')).rejects.toBeInstanceOf(HostError);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('rejects when the view reports an error, and removes the frame', async () => {
    const promise = printRouteInFrame('print/minutes/gone', { pollMs: 5 });
    mark(frame(), 'error');
    await expect(promise).rejects.toBeInstanceOf(HostError);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('gives up after the timeout', async () => {
    const promise = printRouteInFrame('print/minutes/slow', { pollMs: 5, timeoutMs: 30 });
    await expect(promise).rejects.toBeInstanceOf(HostError);
    expect(document.querySelector('iframe')).toBeNull();
  });
});
