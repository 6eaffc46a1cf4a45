import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type JointDeskBridge } from '../../../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: { channel } })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
    removeAllListeners: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

let bridge: JointDeskBridge;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  const call = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, JointDeskBridge] | undefined;
  if (!call) throw new Error('nothing exposed');
  bridge = call[1];
});

/** Every function reachable from the bridge, by dotted name. */
function functionNames(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([key, value]) =>
    typeof value === 'function'
      ? [`${prefix}${key}`]
      : value && typeof value === 'object'
        ? functionNames(value, `${prefix}${key}.`)
        : [`${prefix}${key} (not a function)`],
  );
}

describe('preload', () => {
  it('exposes exactly one object, window.jointdesk', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('jointdesk');
  });

  it('exposes exactly the named capabilities, nothing generic', () => {
    expect(functionNames(bridge).sort()).toEqual([
      'app.info',
      'audit.head',
      'audit.key',
      'audit.resetHead',
      'audit.setHead',
      'backup.chooseDir',
      'backup.list',
      'backup.onQuitRequest',
      'backup.openFile',
      'backup.preOpenList',
      'backup.preOpenRestore',
      'backup.quarantineDb',
      'backup.quitDone',
      'backup.read',
      'backup.revealDir',
      'backup.setRetention',
      'backup.write',
      'files.open',
      'files.reveal',
      'files.saveAs',
      'pii.open',
      'pii.publicKey',
      'print.toPdf',
    ]);
    // One function per channel, plus the one subscription (the quit-backup request).
    expect(functionNames(bridge)).toHaveLength(IPC_CHANNELS.length + 1);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|send|ipc|on/i);
  });

  it.each([
    ['files.saveAs', 'files:save-as', { suggestedName: 'a.xlsx', filters: [], bytes: new Uint8Array([1]) }],
    ['files.open', 'files:open', { filters: [] }],
    ['files.reveal', 'files:reveal', { path: '/tmp/a.xlsx' }],
    ['print.toPdf', 'print:to-pdf', { route: 'print/minutes/abc', suggestedName: 'a.pdf' }],
    [
      'backup.write',
      'backup:write',
      { name: 'jointdesk-backup-20261202-103000-manual.zip', bytes: new Uint8Array([1]) },
    ],
    ['backup.read', 'backup:read', { name: 'jointdesk-backup-20261202-103000-manual.zip' }],
    ['backup.setRetention', 'backup:set-retention', { daily: 7, weekly: 4, monthly: 12 }],
    ['backup.quitDone', 'backup:quit-done', { ok: true }],
    ['backup.preOpenRestore', 'backup:pre-open-restore', { id: '20261204-090000' }],
    ['pii.open', 'pii:open', { sealed: 'pii1:AAAA' }],
    ['audit.setHead', 'audit:set-head', { seq: 3, hash: 'ab'.repeat(32), keyedFrom: 1 }],
    ['audit.resetHead', 'audit:reset-head', { seq: 3, hash: 'ab'.repeat(32), reason: 'restore' }],
  ] as const)('%s invokes %s with the input as its only argument', async (name, channel, input) => {
    electron.ipcRenderer.invoke.mockClear();
    const [ns, fn] = name.split('.') as [keyof JointDeskBridge, string];
    const result = await ((bridge[ns] as Record<string, unknown>)[fn] as (i: unknown) => Promise<unknown>)(input);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, input);
    expect(result).toEqual({ ok: true, value: { channel } });
  });

  it('app.info invokes app:info with no input', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await bridge.app.info();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:info', undefined);
  });

  it.each([
    ['backup.list', 'backup:list'],
    ['backup.openFile', 'backup:open-file'],
    ['backup.chooseDir', 'backup:choose-dir'],
    ['backup.revealDir', 'backup:reveal-dir'],
    ['backup.quarantineDb', 'backup:quarantine-db'],
  ] as const)('%s invokes %s with no input', async (name, channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const fn = name.split('.')[1] as 'list';
    await bridge.backup[fn]();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, undefined);
  });

  it.each([
    ['key', 'audit:key'],
    ['head', 'audit:head'],
  ] as const)('audit.%s invokes %s with no input', async (fn, channel) => {
    electron.ipcRenderer.invoke.mockClear();
    await bridge.audit[fn]();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, undefined);
  });

  it('pii.publicKey invokes pii:public-key with no input', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await bridge.pii.publicKey();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('pii:public-key', undefined);
  });

  it('never uses send or sendSync, and listens to nothing until asked', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('onQuitRequest listens to the one quit message only, replaces an earlier handler, passes no event', () => {
    const first = vi.fn();
    const second = vi.fn();
    bridge.backup.onQuitRequest(first);
    bridge.backup.onQuitRequest(second);
    expect(electron.ipcRenderer.removeAllListeners).toHaveBeenCalledWith('backup:quit-request');
    expect(electron.ipcRenderer.on.mock.calls.map((c) => c[0])).toEqual(['backup:quit-request', 'backup:quit-request']);
    const listener = electron.ipcRenderer.on.mock.calls[1]![1] as (...args: unknown[]) => void;
    listener({ sender: 'an IpcRendererEvent' }, 'extra');
    expect(second).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith();
  });
});
