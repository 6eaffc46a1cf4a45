import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDevServerUrl, resolveUserDataPath } from '../../../../electron/main/app-paths';

describe('resolveUserDataPath', () => {
  it('is <appData>/JointDesk whatever the product is called', () => {
    expect(resolveUserDataPath('/home/u/.config', {}, true)).toBe(join('/home/u/.config', 'JointDesk'));
  });

  it('honours JOINTDESK_USER_DATA_DIR only when unpackaged and absolute', () => {
    expect(resolveUserDataPath('/a', { JOINTDESK_USER_DATA_DIR: '/tmp/p' }, false)).toBe('/tmp/p');
    expect(resolveUserDataPath('/a', { JOINTDESK_USER_DATA_DIR: '/tmp/p' }, true)).toBe(join('/a', 'JointDesk'));
    expect(resolveUserDataPath('/a', { JOINTDESK_USER_DATA_DIR: 'rel/p' }, false)).toBe(join('/a', 'JointDesk'));
  });
});

describe('resolveDevServerUrl', () => {
  it.each([
    ['http://localhost:5173/', false, 'http://localhost:5173/'],
    ['http://127.0.0.1:5173', false, 'http://127.0.0.1:5173/'],
    ['http://[::1]:5173/', false, 'http://[::1]:5173/'],
    ['http://localhost:5173/', true, null],
    ['https://localhost:5173/', false, null],
    ['http://192.168.1.10:5173/', false, null],
    ['http://localhost.evil.example/', false, null],
    ['http://u:p@localhost:5173/', false, null],
    ['file:///tmp/index.html', false, null],
    ['not a url', false, null],
    ['', false, null],
  ])('%s (packaged: %s) → %s', (url, packaged, expected) => {
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: url }, packaged)).toBe(expected);
  });

  it('is null when the variable is absent', () => {
    expect(resolveDevServerUrl({}, false)).toBeNull();
  });
});
