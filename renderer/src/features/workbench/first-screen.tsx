import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The workbench's first screen before the rest of it (issue 12, start to a usable workbench): the office home's
 * 会前准备清单 is rendered and painted first; the cards below it (chasing, the quarterly rule, attention, the
 * figures, the audit card) mount after that frame, so their reads and their first render do not hold back the
 * one card the start is waiting for. Other roles' homes, and a first card that never comes (a read that
 * fails), never keep the rest away for longer than {@link FIRST_SCREEN_FALLBACK_MS}.
 */
export const FIRST_SCREEN_FALLBACK_MS = 1_500;

interface FirstScreenState {
  shown: boolean;
  markShown: () => void;
}

const FirstScreenContext = createContext<FirstScreenState>({ shown: true, markShown: () => undefined });

/** `waitForPrimary`: false when this workbench has no first card to wait for (the rest mounts at once). */
export function FirstScreen({ waitForPrimary, children }: { waitForPrimary: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(!waitForPrimary);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), FIRST_SCREEN_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const value = useMemo(() => ({ shown, markShown: () => setShown(true) }), [shown]);
  return <FirstScreenContext.Provider value={value}>{children}</FirstScreenContext.Provider>;
}

/** Called by the first card: once `ready` (its data rendered), the rest mounts after the next frame is painted. */
export function useFirstScreenShown(ready: boolean): void {
  const { shown, markShown } = useContext(FirstScreenContext);
  useEffect(() => {
    if (!ready || shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs before the frame that shows the card; the timeout after it lands past that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(markShown, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, shown, markShown]);
}

/** `children` once the first screen was shown; `placeholder` (a light loading card) until then. */
export function AfterFirstScreen({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  const { shown } = useContext(FirstScreenContext);
  return <>{shown ? children : placeholder}</>;
}
