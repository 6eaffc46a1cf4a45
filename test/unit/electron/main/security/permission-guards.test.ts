import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installPermissionGuards, isPermissionAllowed } from '../../../../../electron/main/security/permission-guards';

const APP = 'app://jointdesk/index.html';

/** SEC-6: 25+ permission names, none granted except the allow-list. */
const DENIED = [
  'ar',
  'automatic-fullscreen',
  'background-sync',
  'clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'usb',
  'window-management',
  'unknown',
];

describe('isPermissionAllowed', () => {
  it.each(DENIED)('denies %s even to the app', (permission) => {
    expect(isPermissionAllowed(permission, APP)).toBe(false);
  });

  it('allows sanitised clipboard writes from the app origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://jointdesk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '')).toBe(false);
  });
});

describe('installPermissionGuards', () => {
  it('installs deny-by-default request, check and device handlers', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionGuards(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;

    const granted: boolean[] = [];
    for (const p of DENIED) request(null, p, (g) => granted.push(g), { requestingUrl: APP });
    expect(granted).toHaveLength(DENIED.length);
    expect(granted.every((g) => !g)).toBe(true);
    request(null, 'clipboard-sanitized-write', (g) => granted.push(g), { requestingUrl: APP });
    expect(granted.at(-1)).toBe(true);

    expect(DENIED.some((p) => check(null, p, 'app://jointdesk'))).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://jointdesk')).toBe(true);
    expect(device()).toBe(false);
  });
});
