import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, ipcContract, MAX_FILE_BYTES, type IpcChannel } from '../../../../../shared/ipc/contract';
import { createIpcHandlers, type IpcContext } from '../../../../../electron/main/ipc/handlers';
import { registerIpc, SENDER_REFUSED, type IpcMainLike } from '../../../../../electron/main/ipc/register';
import type { IpcSenderEvent } from '../../../../../electron/main/ipc/sender';
import { createBackupStore, type BackupFolderFs } from '../../../../../electron/main/backup/backup-store';
import { createBackupSettingsStore } from '../../../../../electron/main/backup/backup-settings';
import { buildBackupArchive } from '../../../../../shared/backup/format';
import { createPiiKeys } from '../../../../../electron/main/keys/pii-keys';
import { createAuditHeadStore } from '../../../../../electron/main/audit/audit-head';
import { createAuditKeyStore } from '../../../../../electron/main/audit/audit-key';
import { decodePiiKey, sealJson } from '../../../../../shared/security/pii-seal';
import { APP_MAIN_FRAME, frameEvent, VALID_INPUT } from './fixtures';

/**
 * SEC-5 fuzz: 1,000 generated payloads per channel against the **real** handlers (files, app, print,
 * backup — the real backup store over an in-memory folder), registered through registerIpc exactly as
 * start-app.ts does, with every side effect faked (dialogs, file system, shell, the PDF renderer) and
 * counted.
 *
 * For every payload: the listener never rejects; the result is a plain, cloneable `IpcResult`; an
 * input the contract refuses gives `参数不合法：…` and **no side effect at all**; an accepted input may
 * still be refused by the handler (e.g. revealing a path this session did not save), again as a clean
 * result. After every payload Object.prototype / Array.prototype are untouched, including for the
 * `__proto__` / `constructor.prototype` payloads.
 */

const RUNS = 1000;

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;

/**
 * The real audit key and head stores over in-memory files (a fresh installation per payload); every read or
 * write of either file is an effect.
 */
function auditContext(effects: string[]): IpcContext['audit'] {
  const auditFiles = new Map<string, Uint8Array>();
  const auditFs = {
    readFile: async (p: string) => {
      effects.push('audit.readFile');
      const data = auditFiles.get(p);
      if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return data;
    },
    writeFileAtomic: async (p: string, data: Uint8Array) => void (effects.push('audit.write'), auditFiles.set(p, data)),
  };
  const keys = createAuditKeyStore({
    filePath: '/data/audit-key.json',
    fs: auditFs,
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s) => new TextEncoder().encode(`enc:${s}`),
      decryptString: (b) => b.toString().replace(/^enc:/, ''),
    },
  });
  const head = createAuditHeadStore({
    filePath: '/data/audit-head.json',
    fs: auditFs,
    key: () => keys.key(),
    keyCreatedThisSession: () => keys.createdThisSession,
  });
  return { keys, head };
}

/** Every side effect the handlers can have, counted. */
function harness() {
  const effects: string[] = [];
  const saved = '/home/user/文档/已保存.xlsx';
  const ctx: Omit<IpcContext, 'backup' | 'piiKeys' | 'revealLog'> & {
    backup?: IpcContext['backup'];
    piiKeys?: IpcContext['piiKeys'];
    revealLog?: IpcContext['revealLog'];
  } = {
    audit: auditContext(effects),
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        effects.push('showSaveDialog');
        const options = args[args.length - 1] as { defaultPath?: string };
        return { canceled: false, filePath: options.defaultPath ?? '/tmp/x' };
      },
      showOpenDialog: async () => {
        effects.push('showOpenDialog');
        return { canceled: false, filePaths: ['/home/user/文档/导入.xlsx'] };
      },
    } as unknown as IpcContext['dialog'],
    shell: { showItemInFolder: () => void effects.push('showItemInFolder') },
    fs: {
      writeFileAtomic: async () => void effects.push('writeFileAtomic'),
      stat: async () => {
        effects.push('stat');
        return { size: 3, isFile: () => true };
      },
      readFile: async () => {
        effects.push('readFile');
        return new Uint8Array([1, 2, 3]);
      },
    },
    getWindow: () => null,
    defaultDirectory: () => '/home/user/文档',
    savedPaths: new Set([saved]),
    print: {
      appUrl: 'app://jointdesk/index.html',
      renderPdf: async () => {
        effects.push('renderPdf');
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      },
    },
    appInfo: { version: '0.1.0', userDataPath: '/data', platform: 'linux', electronVersion: '45.4.1' },
  };
  // The backup folder: every operation, read or write, is an effect (refused input must touch nothing).
  const files = new Map<string, Uint8Array>();
  const folderFs: BackupFolderFs = {
    writeAndSync: async (path, data) => void (effects.push('backup.writeAndSync'), files.set(path, data)),
    rename: async (from, to) => {
      effects.push('backup.rename');
      const data = files.get(from);
      if (data) files.set(to, data);
      files.delete(from);
    },
    syncDir: async () => void effects.push('backup.syncDir'),
    remove: async (path) => void (effects.push('backup.remove'), files.delete(path)),
    mkdir: async () => void effects.push('backup.mkdir'),
    readdir: async (dir) => {
      effects.push('backup.readdir');
      return [...files.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1));
    },
    stat: async (path) => {
      effects.push('backup.stat');
      const data = files.get(path);
      if (!data) throw new Error('ENOENT');
      return { size: data.byteLength, mtimeMs: 1, isFile: () => true };
    },
    readFile: async (path) => {
      effects.push('backup.readFile');
      const data = files.get(path);
      if (!data) throw new Error('ENOENT');
      return data;
    },
    exists: async (path) => (effects.push('backup.exists'), files.has(path)),
  };
  const settings = createBackupSettingsStore({
    filePath: '/data/backup-settings.json',
    defaultDir: '/home/user/文档/联席会议工作台备份',
    fs: {
      readFile: async () => {
        throw new Error('ENOENT');
      },
      writeFileAtomic: async () => void effects.push('backup.settings.write'),
    },
  });
  ctx.backup = {
    store: createBackupStore({ fs: folderFs, settings }),
    shell: { openPath: async () => (effects.push('openPath'), '') },
    fs: ctx.fs,
    onQuitBackupDone: () => (effects.push('quitDone'), true),
    preOpen: {
      list: async () => (effects.push('preOpen.list'), { copies: [], pending: null }),
      requestRestore: async () => void effects.push('preOpen.requestRestore'),
    },
    restart: () => void effects.push('restart'),
    quarantine: async () => (
      effects.push('quarantine'),
      { dir: '/data/quarantine/20261203-142530', files: 5, bytes: 9 }
    ),
  };
  // The real key store over an in-memory file; reading or writing the key file is an effect too.
  const keyFiles = new Map<string, Uint8Array>();
  ctx.piiKeys = createPiiKeys({
    filePath: '/data/pii-key.json',
    fs: {
      readFile: async (p) => {
        effects.push('pii.readFile');
        const data = keyFiles.get(p);
        if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return data;
      },
      writeFileAtomic: async (p, data) => void (effects.push('pii.writeFileAtomic'), keyFiles.set(p, data)),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s) => (effects.push('safeStorage.encrypt'), new TextEncoder().encode(`enc:${s}`)),
      decryptString: (b) => (effects.push('safeStorage.decrypt'), b.toString().replace(/^enc:/, '')),
    },
  });
  // Main's reveal log: every accepted pii:open appends a line (an effect); a refused payload must not.
  ctx.revealLog = { append: async () => void effects.push('pii.revealLog') };
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, listener),
    removeHandler: (channel) => void listeners.delete(channel),
  };
  const logged: unknown[] = [];
  registerIpc(ipcMain, createIpcHandlers(ctx as IpcContext), ipcContract, { log: (_m, e) => void logged.push(e) });
  const call = (channel: IpcChannel, event: IpcSenderEvent, input: unknown) => listeners.get(channel)!(event, input);
  return { call, effects, listeners, logged, saved };
}

// ---- payloads ----

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** Own `__proto__` / `constructor.prototype` keys as JSON.parse makes them (the way IPC data arrives). */
const pollution = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...IPC_CHANNELS), fc.boolean())
  .map(([key, channel, nested]) => {
    const base = JSON.stringify(VALID_INPUT[channel] ?? {}).replace(/^\{|\}$/g, '');
    const poison = nested ? `{"prototype":{"polluted":"yes"}}` : `{"polluted":"yes"}`;
    const json = `{${base}${base ? ',' : ''}"${key}":${poison}}`;
    const value = JSON.parse(json) as Record<string, unknown>;
    // Put the bytes back (JSON turns a Uint8Array into an object).
    if ('bytes' in value) value.bytes = new Uint8Array([1, 2, 3]);
    return value;
  });

const fileName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('成员单位台账.xlsx', '会议纪要（第3期）.pdf', 'report.PDF') },
  fc.constantFrom('成员单位台账.xlsx', '纪要.pdf', 'a.docx', '', '../x.pdf', 'a\u0000.pdf', 'CON', 'x'.repeat(201)),
  fc.string({ maxLength: 220 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `${s}.pdf`),
);
const filter = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      name: fc.string({ minLength: 1, maxLength: 60 }),
      extensions: fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 10 }),
    }),
  },
  fc.record({
    name: fc.string({ maxLength: 70 }),
    extensions: fc.array(fc.stringMatching(/^[a-z0-9.]{0,12}$/), { maxLength: 12 }),
  }),
  fc.anything(),
);
const bytes = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 32 }) },
  fc.constant(new ArrayBuffer(4)),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }),
  // A typed array that lies about its size.
  fc.constant(Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_FILE_BYTES + 1 })),
  fc.constant(new Int8Array(4)),
);
const route = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^print\/minutes\/[A-Za-z0-9_-]{1,64}$/) },
  fc.stringMatching(/^print\/minutes\/[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('print/minutes/../../settings', '#/print/minutes/a', 'print/backup/a', 'javascript:alert(1)'),
  fc.string({ maxLength: 210 }),
);
const path = fc.oneof(
  fc.constant('/home/user/文档/已保存.xlsx'),
  fc.string({ maxLength: 80 }),
  fc.constant('a'.repeat(4097)),
);

const backupName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('manual', 'daily', 'quit', 'pre-restore', 'x'),
      )
      .map(
        ([y, m, d, k]) =>
          `jointdesk-backup-${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}-183005-${k}.zip`,
      ),
  },
  fc.constantFrom(
    '../jointdesk-backup-20261202-183005-manual.zip',
    'jointdesk-backup-20261202-183005-manual.zip/..',
    'a.zip',
  ),
  fc.string({ maxLength: 130 }),
);
// Mostly counts in and around the allowed range (all three must be valid for the input to pass).
const retentionCount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }) },
  fc.integer({ min: -2, max: 400 }),
  fc.double(),
  fc.string({ maxLength: 3 }),
);

const auditSeq = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) },
  fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN),
  fc.string({ maxLength: 4 }),
);
const auditHash = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  fc.constantFrom('AB'.repeat(32), 'ab'.repeat(31), 'zz'.repeat(32)),
  fc.string({ maxLength: 70 }),
);
const extra = fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 2 });
/** Shapes close to each channel's input (so many are valid), optionally with extra keys. */
const nearValid: Record<IpcChannel, fc.Arbitrary<unknown>> = {
  'files:save-as': fc.record(
    { suggestedName: fileName, filters: fc.array(filter, { maxLength: 6 }), bytes },
    { requiredKeys: ['suggestedName', 'filters', 'bytes'] },
  ),
  'files:open': fc.record({ filters: fc.array(filter, { maxLength: 6 }) }, { requiredKeys: [] }),
  'app:info': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'files:reveal': fc.record({ path }, { requiredKeys: [] }),
  'print:to-pdf': fc.record({ route, suggestedName: fileName }, { requiredKeys: [] }),
  'backup:list': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:write': fc.record({ name: backupName, bytes }, { requiredKeys: [] }),
  'backup:read': fc.record({ name: backupName }, { requiredKeys: [] }),
  'backup:open-file': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:choose-dir': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:set-retention': fc.record(
    { daily: retentionCount, weekly: retentionCount, monthly: retentionCount },
    { requiredKeys: [] },
  ),
  'backup:reveal-dir': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:quarantine-db': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:pre-open-list': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'backup:pre-open-restore': fc.record(
    {
      id: fc.oneof(
        { weight: 3, arbitrary: fc.stringMatching(/^\d{8}-\d{6}(-\d{1,3})?$/) },
        fc.constantFrom('../20261204-090000', '20261204-090000/..', '/etc', '20261204-090000\u0000', ''),
        fc.string({ maxLength: 40 }),
      ),
    },
    { requiredKeys: [] },
  ),
  'backup:quit-done': fc.oneof(fc.record({ ok: fc.boolean() }), fc.record({ ok: fc.anything() }), extra),
  'audit:key': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'audit:head': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'audit:set-head': fc.record(
    { seq: auditSeq, hash: auditHash, keyedFrom: fc.oneof(fc.constant(null), auditSeq) },
    { requiredKeys: [] },
  ),
  'audit:reset-head': fc.record(
    { seq: auditSeq, hash: auditHash, reason: fc.oneof(fc.constantFrom('restore', 'accept-data'), fc.string()) },
    { requiredKeys: [] },
  ),
  'pii:public-key': fc.oneof(fc.constant(undefined), fc.constant({}), extra),
  'pii:open': fc.record(
    {
      sealed: fc.oneof(
        { weight: 3, arbitrary: fc.base64String({ maxLength: 120 }).map((s) => `pii1:${s}`) },
        fc.constantFrom('pii1:', 'pii2:AAAA', 'pii1:AA AA', '{"name":"张三"}', `pii1:${'A'.repeat(65_540)}`),
        fc.string({ maxLength: 80 }),
      ),
      topicId: fc.oneof(fc.uuid(), fc.constant(''), fc.string({ maxLength: 120 }), fc.anything()),
      reason: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 501, maxLength: 520 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
};

function payloadFor(channel: IpcChannel): fc.Arbitrary<unknown> {
  const near = nearValid[channel];
  return fc.oneof(
    { weight: 4, arbitrary: near },
    { weight: 1, arbitrary: fc.tuple(near, extra).map(([v, e]) => (v && typeof v === 'object' ? { ...e, ...v } : v)) },
    { weight: 2, arbitrary: pollution },
    {
      weight: 3,
      arbitrary: fc.anything({
        withTypedArray: true,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withSparseArray: true,
        withBoxedValues: true,
      }),
    },
  );
}

// ---- invariants ----

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const before = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

function prototypesUntouched(): void {
  expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','))).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).prototype).toBeUndefined();
}

/** Per channel: payloads, accepted by the contract, refused by the contract, refused by the handler. */
const figures = new Map<
  IpcChannel,
  { payloads: number; accepted: number; refusedInvalid: number; refusedByHandler: number; pollution: number }
>();

afterAll(() => {
  const rows = [...figures].map(([c, f]) => `${c}: ${JSON.stringify(f)}`);
  console.log(`[ipc fuzz] ${figures.size} channels\n${rows.join('\n')}`);
});

describe('IPC fuzz against the real handlers', () => {
  for (const channel of IPC_CHANNELS) {
    const f = { payloads: 0, accepted: 0, refusedInvalid: 0, refusedByHandler: 0, pollution: 0 };
    figures.set(channel, f);

    // The channel's known-valid input always runs first, so "accepted > 0" below never rests on luck.
    fcTest.prop([payloadFor(channel)], { numRuns: RUNS, examples: [[VALID_INPUT[channel]]] })(
      `${channel}: ${RUNS} payloads, no throw, no side effect unless valid, prototypes untouched`,
      async (input) => {
        const h = harness();
        const valid = ipcContract[channel].input.safeParse(input).success;
        f.payloads += 1;
        if (input && typeof input === 'object' && KEYS.some((k) => Object.hasOwn(input, k))) f.pollution += 1;

        const result = (await h.call(channel, APP_MAIN_FRAME, input)) as {
          ok: boolean;
          value?: unknown;
          error?: string;
        };

        // A plain result that survives IPC's structured clone, with nothing but ok/value/error.
        expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        expect(() => structuredClone(result)).not.toThrow();
        if (result.ok) {
          expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
        } else {
          expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
          expect(typeof result.error).toBe('string');
          expect(result.error).not.toMatch(/Error:|\n\s+at |\.ts:\d|\[object/);
        }

        if (!valid) {
          expect(result.ok).toBe(false);
          expect(result.error).toMatch(/^参数不合法：/);
          expect(h.effects).toEqual([]);
          f.refusedInvalid += 1;
        } else {
          f.accepted += 1;
          if (!result.ok) {
            f.refusedByHandler += 1;
            // Only the handler's own refusals, never a crash turned into the generic message.
            expect(h.logged.every((e) => e instanceof Error && e.name === 'UserFacingError')).toBe(true);
          }
        }
        prototypesUntouched();
      },
    );
  }

  it('ran every channel registered by registerIpc', () => {
    expect([...harness().listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) {
      const f = figures.get(channel)!;
      expect(f.payloads).toBeGreaterThanOrEqual(RUNS);
      // The generators reach both sides of the contract, and the pollution payloads were sent.
      expect(f.accepted).toBeGreaterThan(0);
      expect(f.refusedInvalid).toBeGreaterThan(0);
      expect(f.pollution).toBeGreaterThan(0);
    }
  });
});

describe('explicit prototype-pollution payloads', () => {
  const payloads = IPC_CHANNELS.flatMap((channel) =>
    [
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"filters":[{"name":"x","extensions":["a"],"__proto__":{"polluted":"yes"}}]}',
      '{"filters":{"__proto__":[]}}',
      '{"path":"/x","__proto__":{"polluted":"yes"}}',
      '{"route":"print/minutes/a","suggestedName":"a.pdf","constructor":{"prototype":{"polluted":"yes"}}}',
    ].map((json) => [channel, json] as const),
  );

  it.each(payloads)('%s %s is refused, nothing polluted, nothing done', async (channel, json) => {
    const h = harness();
    const result = (await h.call(channel, APP_MAIN_FRAME, JSON.parse(json))) as { ok: boolean; error?: string };
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^参数不合法：/) });
    expect(h.effects).toEqual([]);
    prototypesUntouched();
  });
});

describe('wrong sender, per channel, against the real handlers', () => {
  const SENDERS: ReadonlyArray<readonly [string, IpcSenderEvent]> = [
    ['no frame', { senderFrame: null }],
    ['app sub-frame', frameEvent('app://jointdesk/index.html', { url: 'app://jointdesk/' })],
    ['look-alike host', frameEvent('app://jointdesk.evil/index.html')],
    ['credentials in the URL', frameEvent('app://user@jointdesk/index.html')],
    ['file page', frameEvent('file:///C:/Users/x/evil.html')],
    ['web page', frameEvent('https://evil.example/')],
    ['blob of the app', frameEvent('blob:app://jointdesk/3f2c9a1e')],
    ['dev server in production', frameEvent('http://localhost:5173/')],
  ];
  const cases = IPC_CHANNELS.flatMap((c) => SENDERS.map(([name, event]) => [c, name, event] as const));

  it.each(cases)('%s from %s: refused with a valid payload, no side effect', async (channel, _name, event) => {
    const h = harness();
    expect(await h.call(channel, event, VALID_INPUT[channel])).toEqual({ ok: false, error: SENDER_REFUSED });
    expect(h.effects).toEqual([]);
  });

  it.each(IPC_CHANNELS)('%s from the app main frame with the same payload is served', async (channel) => {
    const h = harness();
    // A backup must be a real one to be written, and in the folder to be read.
    const archive = (
      await buildBackupArchive({
        tables: { units: [] },
        appVersion: '0.1.0',
        schemaVersion: 4,
        createdAt: new Date('2026-12-02T10:30:05Z'),
        kind: 'manual',
        auditHead: null,
      })
    ).bytes;
    const name = 'jointdesk-backup-20261202-183005-manual.zip';
    // Opening needs a value sealed to this installation's key.
    const sealed = async () => {
      const key = (await h.call('pii:public-key', APP_MAIN_FRAME, undefined)) as { value: { publicKey: string } };
      return sealJson(decodePiiKey(key.value.publicKey), { name: '张三' });
    };
    if (channel === 'pii:open') {
      expect(await h.call(channel, APP_MAIN_FRAME, { sealed: await sealed() })).toEqual({
        ok: true,
        value: { json: '{"name":"张三"}' },
      });
      return;
    }
    if (channel === 'backup:read') await h.call('backup:write', APP_MAIN_FRAME, { name, bytes: archive });
    const input =
      channel === 'files:reveal'
        ? { path: h.saved }
        : channel === 'backup:write'
          ? { name, bytes: archive }
          : channel === 'backup:read'
            ? { name }
            : VALID_INPUT[channel];
    expect(await h.call(channel, APP_MAIN_FRAME, input)).toMatchObject({ ok: true });
  });
});
