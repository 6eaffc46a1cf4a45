// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AfterFirstScreen,
  FIRST_SCREEN_FALLBACK_MS,
  FirstScreen,
  useFirstScreenShown,
} from '../../../../renderer/src/features/workbench/first-screen';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let root: Root | undefined;
let container: HTMLElement | undefined;
let setReady: ((v: boolean) => void) | undefined;

function Primary() {
  const [ready, set] = useState(false);
  setReady = set;
  useFirstScreenShown(ready);
  return <p data-testid="primary">{ready ? 'data' : 'loading'}</p>;
}

function Workbench({ waitForPrimary }: { waitForPrimary: boolean }) {
  return (
    <FirstScreen waitForPrimary={waitForPrimary}>
      <Primary />
      <AfterFirstScreen placeholder={<i data-testid="placeholder" />}>
        <b data-testid="rest">rest</b>
      </AfterFirstScreen>
    </FirstScreen>
  );
}

const has = (id: string) => container!.querySelector(`[data-testid="${id}"]`) !== null;

beforeEach(() => {
  vi.useFakeTimers();
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.useRealTimers();
});

describe('the workbench first screen (first-screen.tsx)', () => {
  it('mounts the rest only after the first card has its data and a frame went by', () => {
    act(() => root!.render(<Workbench waitForPrimary />));
    expect(has('primary')).toBe(true);
    expect(has('rest')).toBe(false);
    expect(has('placeholder')).toBe(true);

    act(() => setReady!(true));
    expect(has('rest')).toBe(false); // not in the frame that first shows the card's data
    act(() => vi.advanceTimersByTime(50)); // the frame, then the timeout after it
    expect(has('rest')).toBe(true);
    expect(has('placeholder')).toBe(false);
  });

  it('mounts the rest anyway when the first card never gets its data', () => {
    act(() => root!.render(<Workbench waitForPrimary />));
    act(() => vi.advanceTimersByTime(FIRST_SCREEN_FALLBACK_MS - 10));
    expect(has('rest')).toBe(false);
    act(() => vi.advanceTimersByTime(20));
    expect(has('rest')).toBe(true);
  });

  it('waits for nothing where there is no first card (other roles, an empty database)', () => {
    act(() => root!.render(<Workbench waitForPrimary={false} />));
    expect(has('rest')).toBe(true);
    expect(has('placeholder')).toBe(false);
  });
});
