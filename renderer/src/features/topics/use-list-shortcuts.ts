import { useEffect, useRef } from 'react';

export interface ListShortcuts {
  /** `/`: focus the search box. */
  focusSearch: () => void;
  /** `N`: open the intake form. */
  create: () => void;
}

/** Whether a key press belongs to something else: typing, a modified key, or an open dialog. */
function ignores(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.repeat) return true;
  const target = e.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
    if (target.closest('[role="dialog"]')) return true;
  }
  // A modal owns the keyboard while it is open, wherever focus happens to be.
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((el) => el.style.display !== 'none');
}

/** `N` opens a new topic and `/` focuses the search while the list is showing; Alt+digit and `?` stay the shell's. */
export function useListShortcuts(shortcuts: ListShortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignores(e)) return;
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
  }, []);
}
