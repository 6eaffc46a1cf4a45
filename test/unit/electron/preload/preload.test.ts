import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type JointDeskBridge } from '../../../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: { channel } })),
    send: vi.fn(),
    sendSync: vi.fn(),
    on: vi.fn(),
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
      'files.open',
      'files.reveal',
      'files.saveAs',
      'print.toPdf',
    ]);
    expect(functionNames(bridge)).toHaveLength(IPC_CHANNELS.length);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|send|ipc|on/i);
  });

  it.each([
    ['files.saveAs', 'files:save-as', { suggestedName: 'a.xlsx', filters: [], bytes: new Uint8Array([1]) }],
    ['files.open', 'files:open', { filters: [] }],
    ['files.reveal', 'files:reveal', { path: '/tmp/a.xlsx' }],
    ['print.toPdf', 'print:to-pdf', { route: 'print/minutes/abc', suggestedName: 'a.pdf' }],
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

  it('never uses send, sendSync or listeners', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
