import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { IPC_CHANNELS, ipcContract, type IpcChannel } from '../../../../../shared/ipc/contract';
import {
  createChannelInvoker,
  OUTPUT_INVALID,
  registerIpc,
  SENDER_REFUSED,
  type IpcMainLike,
} from '../../../../../electron/main/ipc/register';
import type { IpcSenderEvent } from '../../../../../electron/main/ipc/sender';
import { UserFacingError } from '../../../../../electron/main/services/user-facing-error';
import { APP_MAIN_FRAME, fakeHandlers, frameEvent, VALID_INPUT } from './fixtures';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void listeners.delete(channel)),
  } satisfies IpcMainLike;
  return { ipcMain, listeners };
}

function setup(extraOrigins: string[] = []) {
  const { ipcMain, listeners } = fakeIpcMain();
  const handlers = fakeHandlers();
  const log = vi.fn();
  const unregister = registerIpc(ipcMain, handlers, ipcContract, { extraOrigins, log });
  const call = async (channel: IpcChannel, event: IpcSenderEvent, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`not registered: ${channel}`);
    return listener(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
  };
  return { ipcMain, listeners, handlers, log, unregister, call };
}

describe('registerIpc — registration', () => {
  it('registers exactly the contract channels and can remove them', () => {
    const { ipcMain, listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(IPC_CHANNELS.length);
    expect(listeners.size).toBe(0);
  });

  it('fails when a contract channel has no handler', () => {
    const { ipcMain } = fakeIpcMain();
    const { 'files:reveal': _dropped, ...partial } = fakeHandlers();
    expect(() => registerIpc(ipcMain, partial as unknown as ReturnType<typeof fakeHandlers>, ipcContract)).toThrow(
      /files:reveal/,
    );
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('fails when a handler has no contract channel', () => {
    const { ipcMain } = fakeIpcMain();
    const extra = { ...fakeHandlers(), 'files:delete-everything': vi.fn() };
    expect(() => registerIpc(ipcMain, extra, ipcContract)).toThrow(/files:delete-everything/);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });
});

/** SEC-5 sender matrix: 7 kinds of frame × every channel; only the app's main frame is answered. */
const SENDERS: ReadonlyArray<readonly [string, () => IpcSenderEvent, boolean]> = [
  ['main frame app://jointdesk', () => APP_MAIN_FRAME, true],
  ['null senderFrame', () => ({ senderFrame: null }), false],
  ['sub-frame app://jointdesk', () => frameEvent('app://jointdesk/index.html', { url: 'app://jointdesk/' }), false],
  ['app://jointdesk.evil', () => frameEvent('app://jointdesk.evil/index.html'), false],
  ['file:///', () => frameEvent('file:///home/user/evil.html'), false],
  ['about:blank', () => frameEvent('about:blank'), false],
  ['https://evil.example', () => frameEvent('https://evil.example/'), false],
  ['dev server without dev mode', () => frameEvent('http://localhost:5173/'), false],
  [
    'frame whose getters throw (disposed)',
    () => ({
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    }),
    false,
  ],
];

describe('registerIpc — sender matrix', () => {
  for (const channel of IPC_CHANNELS) {
    it.each(SENDERS)(`${channel} from %s`, async (_name, makeEvent, accepted) => {
      const { call, handlers } = setup();
      const result = await call(channel, makeEvent(), VALID_INPUT[channel]);
      expect(result.ok).toBe(accepted);
      expect(handlers[channel]).toHaveBeenCalledTimes(accepted ? 1 : 0);
      if (!accepted) expect(result.error).toBe(SENDER_REFUSED);
    });
  }

  it('accepts the dev server origin only when passed in explicitly', async () => {
    const dev = setup(['http://localhost:5173']);
    expect((await dev.call('app:info', frameEvent('http://localhost:5173/'), undefined)).ok).toBe(true);
    expect((await dev.call('app:info', frameEvent('http://localhost:5174/'), undefined)).ok).toBe(false);
    expect((await dev.call('app:info', APP_MAIN_FRAME, undefined)).ok).toBe(true);
  });
});

/** Malformed input for every channel: refused with a Chinese message, handler never called. */
const MALFORMED: ReadonlyArray<readonly [IpcChannel, string, unknown]> = [
  ['files:save-as', 'null', null],
  ['files:save-as', 'a string', 'x.xlsx'],
  ['files:save-as', 'an array', []],
  ['files:save-as', 'empty object', {}],
  ['files:save-as', 'extra key', { ...(VALID_INPUT['files:save-as'] as object), path: '/etc/passwd' }],
  ['files:save-as', 'slash in name', { ...(VALID_INPUT['files:save-as'] as object), suggestedName: '../../x.xlsx' }],
  ['files:save-as', 'backslash in name', { ...(VALID_INPUT['files:save-as'] as object), suggestedName: '..\\x.xlsx' }],
  [
    'files:save-as',
    'control char in name',
    { ...(VALID_INPUT['files:save-as'] as object), suggestedName: 'a\u0000.xlsx' },
  ],
  ['files:save-as', 'empty name', { ...(VALID_INPUT['files:save-as'] as object), suggestedName: '' }],
  ['files:save-as', 'name too long', { ...(VALID_INPUT['files:save-as'] as object), suggestedName: 'a'.repeat(201) }],
  ['files:save-as', 'bytes as number[]', { ...(VALID_INPUT['files:save-as'] as object), bytes: [1, 2, 3] }],
  ['files:save-as', 'bytes as ArrayBuffer', { ...(VALID_INPUT['files:save-as'] as object), bytes: new ArrayBuffer(3) }],
  ['files:save-as', 'bytes as string', { ...(VALID_INPUT['files:save-as'] as object), bytes: 'AAEC' }],
  [
    'files:save-as',
    'extension with a dot',
    { ...(VALID_INPUT['files:save-as'] as object), filters: [{ name: 'x', extensions: ['.exe'] }] },
  ],
  [
    'files:save-as',
    'six filters',
    { ...(VALID_INPUT['files:save-as'] as object), filters: Array(6).fill({ name: 'x', extensions: ['a'] }) },
  ],
  ['files:open', 'null', null],
  ['files:open', 'missing filters', {}],
  ['files:open', 'filters not array', { filters: 'xlsx' }],
  ['files:open', 'extra key', { filters: [], defaultPath: '/etc' }],
  ['files:open', 'filter without extensions', { filters: [{ name: 'x', extensions: [] }] }],
  ['files:open', 'filter with extra key', { filters: [{ name: 'x', extensions: ['a'], x: 1 }] }],
  ['app:info', 'number', 5],
  ['app:info', 'string', 'info'],
  ['app:info', 'null', null],
  ['app:info', 'object with key', { leak: true }],
  ['files:reveal', 'null', null],
  ['files:reveal', 'empty path', { path: '' }],
  ['files:reveal', 'path too long', { path: 'a'.repeat(5000) }],
  ['files:reveal', 'path as number', { path: 1 }],
  ['files:reveal', 'extra key', { path: '/tmp/x', open: true }],
  ...(
    [
      ['not a print route', { route: 'meetings/abc' }],
      ['a print kind that does not exist', { route: 'print/backup/abc' }],
      ['leading #/', { route: '#/print/minutes/abc' }],
      ['leading slash', { route: '/print/minutes/abc' }],
      ['path traversal', { route: 'print/minutes/../../settings' }],
      ['query string', { route: 'print/minutes/abc?x=1' }],
      ['a second hash', { route: 'print/minutes/abc#x' }],
      ['trailing newline', { route: 'print/minutes/abc\n' }],
      ['another origin', { route: 'https://evil.example/print/minutes/abc' }],
      ['file url', { route: 'file:///etc/passwd' }],
      ['javascript url', { route: 'javascript:alert(1)' }],
      ['empty id', { route: 'print/minutes/' }],
      ['id too long', { route: `print/minutes/${'a'.repeat(65)}` }],
      ['route as number', { route: 5 }],
      ['not .pdf', { suggestedName: '纪要.docx' }],
      ['slash in name', { suggestedName: '../纪要.pdf' }],
      ['empty name', { suggestedName: '' }],
      ['extra key', { path: '/tmp/x.pdf' }],
    ] as const
  ).map(
    ([name, patch]) =>
      ['print:to-pdf', name, { ...(VALID_INPUT['print:to-pdf'] as object), ...patch }] as [IpcChannel, string, unknown],
  ),
  ['print:to-pdf', 'null', null],
  ['backup:list', 'object with key', { dir: '/' }],
  ['backup:write', 'not a backup name', { name: 'evil.exe', bytes: new Uint8Array([1]) }],
  [
    'backup:write',
    'path in the name',
    { name: '../jointdesk-backup-20261202-103000-manual.zip', bytes: new Uint8Array() },
  ],
  ['backup:write', 'bytes as array', { name: 'jointdesk-backup-20261202-103000-manual.zip', bytes: [1, 2] }],
  [
    'backup:write',
    'extra key',
    { name: 'jointdesk-backup-20261202-103000-manual.zip', bytes: new Uint8Array(), dir: '/' },
  ],
  ['backup:read', 'traversal', { name: '../../etc/passwd' }],
  ['backup:read', 'absolute path', { name: '/home/u/jointdesk-backup-20261202-103000-manual.zip' }],
  ['backup:open-file', 'string', 'x'],
  ['backup:choose-dir', 'a directory given by the page', { dir: '/etc' }],
  ['backup:set-retention', 'daily under 7', { daily: 6, weekly: 4, monthly: 12 }],
  ['backup:set-retention', 'fractional', { daily: 7.5, weekly: 4, monthly: 12 }],
  ['backup:set-retention', 'missing key', { daily: 7, weekly: 4 }],
  ['backup:reveal-dir', 'a path', { path: '/' }],
  ['backup:quarantine-db', 'a source folder given by the page', { from: '/etc', to: '/tmp/x' }],
  ['backup:quit-done', 'not boolean', { ok: 'yes' }],
  ['backup:pre-open-list', 'a folder given by the page', { dir: '/etc' }],
  ['backup:pre-open-restore', 'traversal', { id: '../../IndexedDB' }],
  ['backup:pre-open-restore', 'a path', { id: '/home/u/pre-open/20261204-090000' }],
  ['backup:pre-open-restore', 'extra key', { id: '20261204-090000', from: '/tmp' }],
  ['pii:public-key', 'a key given by the page', { publicKey: 'x' }],
  ['pii:open', 'not a sealed value', { sealed: '{"name":"张三"}' }],
  ['pii:open', 'too long', { sealed: `pii1:${'A'.repeat(70_000)}` }],
  ['pii:open', 'extra key', { sealed: 'pii1:AAAA', secretKey: 'x' }],
  ['audit:key', 'a key given by the page', { key: 'x' }],
  ['audit:head', 'a head given by the page', { seq: 3 }],
  ['audit:set-head', 'seq 0', { seq: 0, hash: 'ab'.repeat(32), keyedFrom: null }],
  ['audit:set-head', 'not a hash', { seq: 3, hash: 'AB'.repeat(32), keyedFrom: null }],
  ['audit:set-head', 'a fraction', { seq: 2.5, hash: 'ab'.repeat(32), keyedFrom: null }],
  ['audit:set-head', 'extra key (a mac from the page)', { seq: 3, hash: 'ab'.repeat(32), keyedFrom: 1, mac: 'x' }],
  ['audit:reset-head', 'no reason', { seq: 3, hash: 'ab'.repeat(32) }],
  ['audit:reset-head', 'another reason', { seq: 3, hash: 'ab'.repeat(32), reason: 'because' }],
];

describe('registerIpc — malformed input', () => {
  it.each(MALFORMED)('%s: %s is refused before the handler', async (channel, _name, input) => {
    const { call, handlers } = setup();
    const result = await call(channel, APP_MAIN_FRAME, input);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^参数不合法：/);
    expect(result.error).not.toMatch(/expected|Invalid input/);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('keeps the contract’s own message', async () => {
    const { call } = setup();
    const bad = { ...(VALID_INPUT['files:save-as'] as object), suggestedName: 'a/b.xlsx' };
    expect((await call('files:save-as', APP_MAIN_FRAME, bad)).error).toContain('文件名含有不允许的字符');
  });

  it('covers every channel', () => {
    expect(new Set(MALFORMED.map(([c]) => c))).toEqual(new Set(IPC_CHANNELS));
  });

  it('reads only the first argument', async () => {
    const { call, handlers } = setup();
    await call('files:reveal', APP_MAIN_FRAME, { path: '/tmp/x' }, { path: '/etc/passwd' });
    expect(handlers['files:reveal']).toHaveBeenCalledWith({ path: '/tmp/x' });
  });
});

describe('createChannelInvoker — results', () => {
  const schema = ipcContract['files:reveal'];

  it('wraps a value as { ok: true, value }', async () => {
    const invoke = createChannelInvoker('files:reveal', schema, async () => ({ shown: true }));
    expect(await invoke(APP_MAIN_FRAME, { path: '/x' })).toEqual({ ok: true, value: { shown: true } });
  });

  it('strips anything outside the output schema (no Electron objects leak)', async () => {
    const leaky = { shown: true, window: { webContents: { id: 1 } } } as { shown: boolean };
    const invoke = createChannelInvoker('files:reveal', schema, async () => leaky);
    expect(await invoke(APP_MAIN_FRAME, { path: '/x' })).toEqual({ ok: true, value: { shown: true } });
  });

  it('refuses an output that breaks the contract', async () => {
    const log = vi.fn();
    const invoke = createChannelInvoker('files:reveal', schema, async () => ({ shown: 'yes' }) as never, { log });
    expect(await invoke(APP_MAIN_FRAME, { path: '/x' })).toEqual({ ok: false, error: OUTPUT_INVALID });
    expect(log).toHaveBeenCalled();
  });

  it.each([
    [
      'a user-facing error keeps its message',
      new UserFacingError('只能显示本次保存的文件。'),
      '只能显示本次保存的文件。',
    ],
    [
      'a file-system error becomes Chinese',
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
      '没有访问该文件或文件夹的权限',
    ],
    ['anything else is generic', new TypeError('x is undefined'), '操作失败'],
    ['a thrown non-error is generic', 'boom', '操作失败'],
  ])('%s', async (_name, thrown, message) => {
    const invoke = createChannelInvoker('files:reveal', schema, async () => Promise.reject(thrown), { log: vi.fn() });
    const result = await invoke(APP_MAIN_FRAME, { path: '/x' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
    expect(result.ok ? '' : result.error).not.toMatch(/EACCES|undefined|boom/);
  });
});

describe('registerIpc — property: arbitrary payloads', () => {
  const payload = fc.oneof(
    fc.anything({ withTypedArray: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
    fc.record({
      suggestedName: fc.string(),
      filters: fc.array(fc.record({ name: fc.string(), extensions: fc.array(fc.string()) })),
      bytes: fc.uint8Array({ maxLength: 16 }),
    }),
    fc.record({ filters: fc.array(fc.anything()) }, { requiredKeys: [] }),
    fc.record({ path: fc.oneof(fc.string(), fc.anything()) }),
  );

  for (const channel of IPC_CHANNELS) {
    fcTest.prop([payload], { numRuns: 1000 })(
      `${channel}: never throws, handler runs only on valid input`,
      async (input) => {
        const { call, handlers } = setup();
        const valid = ipcContract[channel].input.safeParse(input).success;
        const result = await call(channel, APP_MAIN_FRAME, input);
        expect(result.ok).toBe(valid);
        expect(handlers[channel]).toHaveBeenCalledTimes(valid ? 1 : 0);
        if (!valid) expect(result.error).toMatch(/^参数不合法：/);
      },
    );
  }

  fcTest.prop([
    fc.constantFrom(...IPC_CHANNELS),
    fc.anything(),
    fc.oneof(fc.webUrl(), fc.constantFrom('app://jointdesk/index.html', 'app://jointdesk.evil/', 'about:blank')),
    fc.option(fc.object(), { nil: null }),
  ])('untrusted frames never reach a handler whatever they send', async (channel, input, url, parent) => {
    const { call, handlers } = setup();
    const trustedMain = parent === null && url.startsWith('app://jointdesk/');
    fc.pre(!trustedMain);
    const result = await call(channel, frameEvent(url, parent), input);
    expect(result).toEqual({ ok: false, error: SENDER_REFUSED });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });
});

describe('zod locale', () => {
  it('does not change the global zod configuration', () => {
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/expected string/i);
  });
});
