import { useEffect, useRef } from 'react';

export interface ListShortcuts {
  /** `/`: focus the search box. */
  focusSearch: () => void;
  /** `N`: open the "new" form. */
  create: () => void;
}

/** Whether a key press should be left alone: typing, modified keys, or a dialog is open. */
function ignoresShortcut(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.repeat) return true;
  const target = e.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
    if (target.closest('[role="dialog"]')) return true;
  }
  // A modal (form, confirm) owns the keyboard while it is open, wherever focus happens to be.
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((el) => el.style.display !== 'none');
}

/**
 * `/` focuses the list's search and `N` opens its "new" form while the list is showing; a page with
 * tabs passes `active` so only the visible tab reacts. The shell's Alt+digit and `?` are left to it.
 */
export function useListShortcuts(shortcuts: ListShortcuts, active = true): void {
  // The latest handlers without re-subscribing on every render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (ignoresShortcut(e)) return;
      if (e.key === '/') {
        e.preventDefault();
        latest.current.focusSearch();
      } else if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        latest.current.create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
