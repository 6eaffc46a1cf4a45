import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../../../shared/ipc/contract';
import { createAppHandlers } from '../../../../../electron/main/ipc/app';
import { createIpcHandlers } from '../../../../../electron/main/ipc/handlers';

describe('app:info', () => {
  it('returns version, data path, platform and Electron version in the contract shape', async () => {
    const handlers = createAppHandlers({
      version: '0.1.0',
      userDataPath: '/home/u/.config/JointDesk',
      platform: 'linux',
      electronVersion: '45.4.1',
    });
    const value = await handlers['app:info'](undefined);
    expect(value).toEqual({
      version: '0.1.0',
      dataPath: '/home/u/.config/JointDesk',
      platform: 'linux',
      electron: '45.4.1',
    });
    expect(ipcContract['app:info'].output.parse(value)).toEqual(value);
  });
});

describe('createIpcHandlers', () => {
  it('has a handler for every contract channel and no other', () => {
    const handlers = createIpcHandlers({
      audit: {} as never,
      dialog: {} as never,
      shell: { showItemInFolder: () => undefined },
      fs: {} as never,
      getWindow: () => null,
      defaultDirectory: () => '/',
      savedPaths: new Set(),
      appInfo: { version: '', userDataPath: '', platform: '', electronVersion: '' },
      backup: {
        store: {} as never,
        shell: { openPath: async () => '' },
        fs: {} as never,
        onQuitBackupDone: () => true,
        quarantine: async () => ({ dir: '', files: 0, bytes: 0 }),
        preOpen: { list: async () => ({ copies: [], pending: null }), requestRestore: async () => undefined },
        restart: () => undefined,
      },
      piiKeys: {} as never,
      revealLog: {} as never,
      print: { appUrl: 'app://jointdesk/index.html', renderPdf: async () => new Uint8Array() },
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(ipcContract).sort());
  });
});
