import { useCallback, useEffect, useRef, useState } from 'react';

/** Status of the autosave line: nothing yet, saving, saved at a time, or failed (the doc is kept and retried). */
export type AutosaveStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string };

export interface AutosaveOptions {
  /** Writes the draft (e.g. `minutes.saveDraft(id, doc)`). */
  save: (doc: unknown) => Promise<unknown>;
  /** Debounce after the last change, ms (≤ 1000 so a killed window loses at most about a second). */
  delayMs?: number;
  /** Retry delay after a failed save, ms. */
  retryMs?: number;
  /** While false, changes are not written (read-only tab, issued minutes). */
  enabled: boolean;
}

export interface Autosave {
  status: AutosaveStatus;
  /** Call on every editor change; the latest doc is kept in memory until it is written. */
  change: (doc: unknown) => void;
  /** Write the pending doc now (blur, route leave, page hide). */
  flush: () => Promise<void>;
  /** True while a change has not yet been written. */
  pending: () => boolean;
}

/**
 * Debounced autosave of the minutes draft. Input is never lost: the latest document stays in a ref until a
 * save of exactly that document succeeds; a failure shows its message and retries. Flushes on blur (the
 * caller), on unmount, and when the page is hidden or unloaded (`pagehide`, `visibilitychange`).
 */
export function useAutosave({ save, delayMs = 700, retryMs = 3000, enabled }: AutosaveOptions): Autosave {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const pendingDoc = useRef<{ doc: unknown } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  const enabledRef = useRef(enabled);
  const mounted = useRef(true);
  useEffect(() => {
    saveRef.current = save;
    enabledRef.current = enabled;
  });

  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (inFlight.current) await inFlight.current;
    const next = pendingDoc.current;
    if (!next || !enabledRef.current) return;
    if (mounted.current) setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        await saveRef.current(next.doc);
        // Only clear what was written: a change typed during the save stays pending.
        if (pendingDoc.current === next) pendingDoc.current = null;
        if (mounted.current) setStatus({ kind: 'saved', at: new Date() });
      } catch (e) {
        if (mounted.current) {
          setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
          timer.current = setTimeout(() => void flushRef.current(), retryMs);
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (pendingDoc.current && pendingDoc.current !== next && !timer.current) void flushRef.current();
  }, [retryMs]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (doc: unknown) => {
      pendingDoc.current = { doc };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => {
    mounted.current = true;
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Route leave: write what is pending (the data layer outlives the component).
      void flush();
      mounted.current = false;
    };
  }, [flush]);

  const pending = useCallback(() => pendingDoc.current !== null, []);
  return { status, change, flush, pending };
}

/**
 * Holds the Web Lock `jointdesk-minutes-<id>` while the page is open. `owner` is true in the tab that got it;
 * a second tab on the same minutes gets false and stays read-only. Without the Locks API every tab edits.
 */
export function useEditLock(minutesId: string | undefined): boolean | undefined {
  const [owner, setOwner] = useState<boolean | undefined>(() =>
    typeof navigator === 'undefined' || !('locks' in navigator) ? true : undefined,
  );
  useEffect(() => {
    if (!minutesId) return;
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return;
    let release: (() => void) | undefined;
    let cancelled = false;
    void locks.request(`jointdesk-minutes-${minutesId}`, { ifAvailable: true }, (lock) => {
      if (cancelled) return undefined;
      setOwner(lock !== null);
      if (!lock) return undefined;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    return () => {
      cancelled = true;
      release?.();
    };
  }, [minutesId]);
  return owner;
}
