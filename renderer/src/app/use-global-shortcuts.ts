import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { NAV_ITEMS } from './nav-items';
import { isEditableTarget, shortcutFor } from './shortcuts';

/** Listens for the global shortcuts (see {@link shortcutFor}) while the shell is mounted. */
export function useGlobalShortcuts(openHelp: () => void): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = shortcutFor({
        key: e.key,
        code: e.code,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        inEditable: isEditableTarget(e.target),
      });
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'help') openHelp();
      else {
        const item = NAV_ITEMS[action.index];
        if (item) void navigate(item.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openHelp]);
}
