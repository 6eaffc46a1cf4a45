/** Sections of the left navigation, in order; Alt+1…Alt+8 follow this order. Labels: `app:nav.<key>`. */
export const NAV_ITEMS = [
  { key: 'workbench', path: '/' },
  { key: 'meetings', path: '/meetings' },
  { key: 'topics', path: '/topics' },
  { key: 'disputes', path: '/disputes' },
  { key: 'followup', path: '/followup' },
  { key: 'units', path: '/units' },
  { key: 'stats', path: '/stats' },
  { key: 'settings', path: '/settings' },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]['key'];

/** The nav item a location belongs to (`/units/123` → units); the workbench for unknown paths. */
export function navKeyForPath(pathname: string): NavKey {
  let best: (typeof NAV_ITEMS)[number] = NAV_ITEMS[0];
  for (const item of NAV_ITEMS) {
    if (item.path === '/') continue;
    if (pathname === item.path || pathname.startsWith(`${item.path}/`)) best = item;
  }
  return best.key;
}

/** Text of the shortcut for the nav item at `index` (0-based). */
export function navShortcutLabel(index: number): string {
  return `Alt+${index + 1}`;
}
