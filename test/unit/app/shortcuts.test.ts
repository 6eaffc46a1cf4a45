import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navKeyForPath, navShortcutLabel } from '../../../renderer/src/app/nav-items';
import { shortcutFor, type KeyInput } from '../../../renderer/src/app/shortcuts';

const key = (over: Partial<KeyInput>): KeyInput => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inEditable: false,
  ...over,
});

describe('shortcutFor', () => {
  it('maps Alt+1…Alt+8 to the nav items by physical key', () => {
    expect(NAV_ITEMS).toHaveLength(8);
    for (let i = 0; i < 8; i++) {
      // On macOS Alt+digit types another character, so only `code` can be relied on.
      expect(shortcutFor(key({ altKey: true, code: `Digit${i + 1}`, key: '¡' }))).toEqual({ kind: 'nav', index: i });
    }
    expect(shortcutFor(key({ altKey: true, code: 'Digit9' }))).toBeNull();
  });

  it('jumps even while typing, but not with Ctrl or Meta held', () => {
    expect(shortcutFor(key({ altKey: true, code: 'Digit2', inEditable: true }))).toEqual({ kind: 'nav', index: 1 });
    expect(shortcutFor(key({ altKey: true, ctrlKey: true, code: 'Digit2' }))).toBeNull();
    expect(shortcutFor(key({ altKey: true, metaKey: true, code: 'Digit2' }))).toBeNull();
  });

  it('opens help on ? unless the user is typing', () => {
    expect(shortcutFor(key({ key: '?', code: 'Slash' }))).toEqual({ kind: 'help' });
    expect(shortcutFor(key({ key: '?', code: 'Slash', inEditable: true }))).toBeNull();
    expect(shortcutFor(key({ key: '/', code: 'Slash' }))).toBeNull();
  });
});

describe('navKeyForPath', () => {
  it('finds the section of a path, including sub-paths', () => {
    expect(navKeyForPath('/')).toBe('workbench');
    expect(navKeyForPath('/units')).toBe('units');
    expect(navKeyForPath('/units/abc')).toBe('units');
    expect(navKeyForPath('/unitsx')).toBe('workbench');
    expect(navKeyForPath('/settings')).toBe('settings');
  });

  it('labels shortcuts from 1', () => {
    expect(navShortcutLabel(0)).toBe('Alt+1');
    expect(navShortcutLabel(7)).toBe('Alt+8');
  });
});
