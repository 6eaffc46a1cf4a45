import { NAV_ITEMS } from './nav-items';

/** The parts of a KeyboardEvent the shortcut logic looks at (so it can be tested without a DOM). */
export interface KeyInput {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** True when focus is in something that takes text (input, textarea, select, contenteditable). */
  inEditable: boolean;
}

export type ShortcutAction = { kind: 'nav'; index: number } | { kind: 'help' };

/**
 * Alt+1…Alt+8 jump to the nav items (by physical key, because Alt+digit types other characters on
 * macOS), `?` opens the shortcut help unless the user is typing.
 */
export function shortcutFor(e: KeyInput): ShortcutAction | null {
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    const m = /^Digit([1-9])$/.exec(e.code);
    if (m) {
      const index = Number(m[1]) - 1;
      return index < NAV_ITEMS.length ? { kind: 'nav', index } : null;
    }
    return null;
  }
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.inEditable) return { kind: 'help' };
  return null;
}

/** Whether a keyboard event's target takes text input. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
