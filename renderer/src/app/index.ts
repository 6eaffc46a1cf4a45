export { App } from './app';
export { NAV_ITEMS, navKeyForPath, type NavKey } from './nav-items';
