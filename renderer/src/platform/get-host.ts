import { createBrowserHost } from './browser-host';
import { createElectronHost } from './electron-host';
import { type Host } from './host';

let host: Host | undefined;

/**
 * The host for this run, chosen once: Electron when the preload bridge is present, else the browser.
 * Nothing else in the renderer checks which one it got.
 */
export function getHost(): Host {
  if (!host) host = window.jointdesk ? createElectronHost(window.jointdesk) : createBrowserHost();
  return host;
}
