import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPiiHandlers, REVEAL_LOG_FAILED } from '../../../../../electron/main/ipc/pii';
import { createPiiKeys } from '../../../../../electron/main/keys/pii-keys';
import { createRevealLog, nodeRevealLogFs, REVEAL_LOG_FILE_NAME } from '../../../../../electron/main/keys/reveal-log';
import { nodeFilesFs } from '../../../../../electron/main/services/node-files';
import { decodePiiKey, sealJson } from '../../../../../shared/security/pii-seal';

const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Uint8Array.from(Buffer.from(`OS:${s}`).map((b) => b ^ 0x5a)),
  decryptString: (b: Buffer) =>
    Buffer.from(b.map((x) => x ^ 0x5a))
      .toString()
      .slice(3),
};

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'jd-reveal-'));
  dirs.push(dir);
  const keys = createPiiKeys({ filePath: join(dir, 'pii-key.json'), fs: nodeFilesFs, safeStorage });
  const logPath = join(dir, REVEAL_LOG_FILE_NAME);
  const sync = vi.fn(nodeRevealLogFs.appendAndSync);
  const log = createRevealLog({
    filePath: logPath,
    fs: { appendAndSync: sync },
    now: () => new Date('2026-12-04T02:00:00Z'),
  });
  const handlers = createPiiHandlers(keys, log);
  const publicKey = decodePiiKey((await handlers['pii:public-key'](undefined)).publicKey);
  const lines = async () =>
    (await readFile(logPath, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { handlers, publicKey, logPath, lines, sync, keys };
}

const CLEAR = { name: '王秀英标记', idNumber: '110101199003071234', phone: '13800138000' };

describe("main's reveal log (pii:open)", () => {
  it('appends one fsynced line per open with time, topic, reason and field names, never the clear value', async () => {
    const { handlers, publicKey, logPath, lines, sync } = await setup();
    const sealed = sealJson(publicKey, CLEAR);
    for (let i = 0; i < 3; i++) {
      const out = await handlers['pii:open']({ sealed, topicId: `topic-${i}`, reason: '核实举报人身份' });
      expect(JSON.parse(out.json)).toEqual(CLEAR);
    }
    await handlers['pii:open']({ sealed });
    const got = await lines();
    expect(got).toHaveLength(4);
    expect(sync).toHaveBeenCalledTimes(4);
    expect(got[0]).toEqual({
      at: '2026-12-04T02:00:00.000Z',
      channel: 'pii:open',
      ok: true,
      fields: ['name', 'idNumber', 'phone'],
      sealedSha256: expect.stringMatching(/^[0-9a-f]{16}$/),
      topicId: 'topic-0',
      reason: '核实举报人身份',
    });
    expect(got[3]).not.toHaveProperty('topicId');
    expect(got[3]).not.toHaveProperty('reason');
    // Neither the clear values (UTF-8 or UTF-16LE) nor the sealed text itself are in the file.
    const raw = await readFile(logPath);
    for (const value of Object.values(CLEAR)) {
      expect(raw.includes(Buffer.from(value, 'utf8'))).toBe(false);
      expect(raw.includes(Buffer.from(value, 'utf16le'))).toBe(false);
    }
    expect(raw.includes(Buffer.from(sealed.slice(5, 40)))).toBe(false);
  });

  it('logs an open that fails too, and keeps the earlier lines (append only)', async () => {
    const { handlers, publicKey, lines } = await setup();
    await handlers['pii:open']({ sealed: sealJson(publicKey, CLEAR), topicId: 't1' });
    await expect(handlers['pii:open']({ sealed: 'pii1:AAAA', topicId: 't2' })).rejects.toThrow();
    const got = await lines();
    expect(got.map((l) => [l.topicId, l.ok, l.fields])).toEqual([
      ['t1', true, ['name', 'idNumber', 'phone']],
      ['t2', false, []],
    ]);
  });

  it('returns no clear value when its line cannot be written', async () => {
    const { keys, publicKey } = await setup();
    const failing = createRevealLog({
      filePath: '/nowhere/log',
      fs: { appendAndSync: async () => Promise.reject(new Error('ENOSPC')) },
    });
    const handlers = createPiiHandlers(keys, failing);
    await expect(handlers['pii:open']({ sealed: sealJson(publicKey, CLEAR) })).rejects.toThrow(REVEAL_LOG_FAILED);
  });
});
