import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUDIT_KEY_DAMAGED,
  AUDIT_NO_OS_ENCRYPTION,
  createAuditKeyStore,
} from '../../../../../electron/main/audit/audit-key';
import type { PiiKeyFs } from '../../../../../electron/main/keys/pii-keys';
import { nodeFilesFs } from '../../../../../electron/main/services/node-files';

/** A stand-in for the OS: "encrypts" by XOR with a fixed byte and a marker, so the clear key never shows. */
function fakeSafeStorage(available = true, backend?: string) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: vi.fn((s: string) => Uint8Array.from(Buffer.from(`OS:${s}`).map((b) => b ^ 0x5a))),
    decryptString: vi.fn((b: Buffer) => {
      const text = Buffer.from(b.map((x) => x ^ 0x5a)).toString();
      if (!text.startsWith('OS:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      return text.slice(3);
    }),
  };
}

function memoryFs(files = new Map<string, Uint8Array>()) {
  const fs: PiiKeyFs & { writes: number } = {
    writes: 0,
    readFile: async (p) => {
      const data = files.get(p);
      if (!data) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return data;
    },
    writeFileAtomic: async (p, data) => {
      fs.writes += 1;
      files.set(p, data);
    },
  };
  return { fs, files };
}

const FILE = '/userData/audit-key.json';
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('audit key store (main, safeStorage)', () => {
  it('makes a 32-byte key once, keeps it encrypted by the OS, and gives the same key to the next session', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jd-audit-key-'));
    dirs.push(dir);
    const filePath = join(dir, 'audit-key.json');
    const safeStorage = fakeSafeStorage();
    const first = createAuditKeyStore({ filePath, fs: nodeFilesFs, safeStorage });
    // Two first calls at once make one key, not two.
    const [a, b] = await Promise.all([first.key(), first.key()]);
    expect(a).toHaveLength(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(first.createdThisSession).toBe(true);
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    const text = await readFile(filePath, 'utf8');
    expect(text).not.toContain(Buffer.from(a).toString('base64'));
    expect(JSON.parse(text)).toMatchObject({ version: 1, algorithm: 'hmac-sha256' });

    const next = createAuditKeyStore({ filePath, fs: nodeFilesFs, safeStorage });
    expect(Buffer.from(await next.key()).equals(Buffer.from(a))).toBe(true);
    expect(next.createdThisSession).toBe(false);
  });

  it.each([
    ['no OS encryption', fakeSafeStorage(false)],
    ['Linux basic_text (a fixed, public password)', fakeSafeStorage(true, 'basic_text')],
  ])('refuses with %s and writes nothing', async (_name, safeStorage) => {
    const { fs } = memoryFs();
    const store = createAuditKeyStore({ filePath: FILE, fs, safeStorage });
    await expect(store.key()).rejects.toThrow(AUDIT_NO_OS_ENCRYPTION);
    expect(fs.writes).toBe(0);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('accepts a real keyring backend on Linux', async () => {
    const { fs } = memoryFs();
    const store = createAuditKeyStore({ filePath: FILE, fs, safeStorage: fakeSafeStorage(true, 'gnome_libsecret') });
    expect(await store.key()).toHaveLength(32);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"version":1,')],
    ['another version', new TextEncoder().encode('{"version":2,"algorithm":"hmac-sha256","keySafeStorage":"AA=="}')],
    ['a key of the wrong length', null],
  ])('never replaces a key file that cannot be used (%s)', async (_name, raw) => {
    const safeStorage = fakeSafeStorage();
    const bytes =
      raw ??
      new TextEncoder().encode(
        JSON.stringify({
          version: 1,
          algorithm: 'hmac-sha256',
          keySafeStorage: Buffer.from(safeStorage.encryptString(Buffer.alloc(16, 1).toString('base64'))).toString(
            'base64',
          ),
        }),
      );
    const { fs, files } = memoryFs(new Map([[FILE, bytes]]));
    const store = createAuditKeyStore({ filePath: FILE, fs, safeStorage });
    await expect(store.key()).rejects.toThrow(AUDIT_KEY_DAMAGED);
    expect(fs.writes).toBe(0);
    expect(files.get(FILE)).toBe(bytes);
  });

  it('refuses a key the OS cannot decrypt (another user) without replacing it', async () => {
    const { fs, files } = memoryFs();
    await createAuditKeyStore({ filePath: FILE, fs, safeStorage: fakeSafeStorage() }).key();
    const kept = files.get(FILE);
    const otherUser = {
      ...fakeSafeStorage(),
      decryptString: (): string => {
        throw new Error('Error while decrypting');
      },
    };
    await expect(createAuditKeyStore({ filePath: FILE, fs, safeStorage: otherUser }).key()).rejects.toThrow(
      /无法解密审计密钥/,
    );
    expect(files.get(FILE)).toBe(kept);
  });

  it('a failed attempt can be retried (the keyring came back)', async () => {
    const { fs } = memoryFs();
    let available = false;
    const safeStorage = { ...fakeSafeStorage(), isEncryptionAvailable: () => available };
    const store = createAuditKeyStore({ filePath: FILE, fs, safeStorage });
    await expect(store.key()).rejects.toThrow(AUDIT_NO_OS_ENCRYPTION);
    available = true;
    expect(await store.key()).toHaveLength(32);
  });
});
