// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useAddressParams } from '../../../renderer/src/ui/address-params';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

type Change = ReturnType<typeof useAddressParams>[1];
const seen: { params: string; change?: Change }[] = [];

function Probe() {
  const [params, change] = useAddressParams();
  seen.push({ params: params.toString(), change });
  return null;
}

function mount(hash: string) {
  window.location.hash = hash;
  seen.length = 0;
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() =>
    root!.render(
      <HashRouter>
        <Probe />
      </HashRouter>,
    ),
  );
}

describe('useAddressParams', () => {
  it('a handler from an older render merges into the address as it is now, not its own params', () => {
    mount('#/followup?q=拆除&warning=overdue');
    const stale = seen.at(-1)!.change!;
    // The address changes under the handler (the menu clears the filters) …
    act(() => seen.at(-1)!.change!((p) => void p.delete('warning')));
    expect(new URLSearchParams(seen.at(-1)!.params).get('warning')).toBeNull();
    // … and the handler made before that change must not bring the cleared filter back.
    act(() => stale((p) => void p.set('page', '2')));
    const now = new URLSearchParams(seen.at(-1)!.params);
    expect(now.get('warning')).toBeNull();
    expect(now.get('q')).toBe('拆除');
    expect(now.get('page')).toBe('2');
    expect(window.location.hash).toContain('page=2');
  });

  it('an edit may return a whole new query; filters replace history, a tab switch can add a step', () => {
    mount('#/units?tab=units&unit=u1');
    const before = window.history.length;
    act(() => seen.at(-1)!.change!(() => new URLSearchParams({ tab: 'people' }), { replace: false }));
    expect(seen.at(-1)!.params).toBe('tab=people');
    expect(window.history.length).toBe(before + 1);
    act(() => seen.at(-1)!.change!((p) => void p.set('unit', 'u2')));
    expect(new URLSearchParams(seen.at(-1)!.params).get('unit')).toBe('u2');
    expect(window.history.length).toBe(before + 1);
  });
});
