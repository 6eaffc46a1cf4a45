import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPiiKeys, NO_OS_ENCRYPTION, type PiiKeyFs } from '../../../../../electron/main/keys/pii-keys';
import { nodeFilesFs } from '../../../../../electron/main/services/node-files';
import { decodePiiKey, sealJson } from '../../../../../shared/security/pii-seal';

/** A stand-in for the OS: "encrypts" by XOR with a fixed byte and a marker, so a clear key never shows. */
function fakeSafeStorage(available = true) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
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

const FILE = '/userData/pii-key.json';
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('PII key pair in main', () => {
  it('makes the key pair on first need, keeps the private key only OS-encrypted, and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jd-pii-'));
    dirs.push(dir);
    const filePath = join(dir, 'pii-key.json');
    const safeStorage = fakeSafeStorage();
    const keys = createPiiKeys({ filePath, fs: nodeFilesFs, safeStorage, now: () => new Date('2026-12-03T08:00:00Z') });
    const pub = await keys.publicKey();
    expect(pub).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await keys.publicKey()).toBe(pub);

    const file = JSON.parse(await readFile(filePath, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({
      version: 1,
      algorithm: 'x25519',
      publicKey: pub,
      createdAt: '2026-12-03T08:00:00.000Z',
    });
    // The secret as passed to safeStorage never appears in the file.
    const secretText = safeStorage.encryptString.mock.calls[0]![0];
    expect(await readFile(filePath, 'utf8')).not.toContain(secretText);

    // A later start (a new instance over the same file) has the same pair and opens what was sealed.
    const later = createPiiKeys({ filePath, fs: nodeFilesFs, safeStorage });
    expect(await later.publicKey()).toBe(pub);
    const sealed = sealJson(decodePiiKey(pub), { name: '金丝雀测试人甲' });
    expect(JSON.parse(await later.open(sealed))).toEqual({ name: '金丝雀测试人甲' });
  });

  it('makes one key pair when the first calls come together', async () => {
    const { fs } = memoryFs();
    const keys = createPiiKeys({ filePath: FILE, fs, safeStorage: fakeSafeStorage() });
    const all = await Promise.all([keys.publicKey(), keys.publicKey(), keys.publicKey()]);
    expect(new Set(all).size).toBe(1);
    expect(fs.writes).toBe(1);
  });

  it('refuses to keep a key when the OS offers no encryption, and writes nothing', async () => {
    const { fs, files } = memoryFs();
    const safeStorage = fakeSafeStorage(false);
    const keys = createPiiKeys({ filePath: FILE, fs, safeStorage });
    await expect(keys.publicKey()).rejects.toThrow(NO_OS_ENCRYPTION);
    expect(files.size).toBe(0);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('treats Linux without a keyring (basic_text: a fixed password) as no encryption', async () => {
    const { fs, files } = memoryFs();
    const safeStorage = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    await expect(createPiiKeys({ filePath: FILE, fs, safeStorage }).publicKey()).rejects.toThrow(NO_OS_ENCRYPTION);
    expect(files.size).toBe(0);
    const keyring = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'gnome_libsecret' };
    await expect(createPiiKeys({ filePath: FILE, fs, safeStorage: keyring }).publicKey()).resolves.toMatch(/=$/);
  });

  it('never replaces a damaged or mismatched key file', async () => {
    for (const damaged of [
      'not json',
      JSON.stringify({ version: 2 }),
      JSON.stringify({
        version: 1,
        publicKey: 'x',
        secretKeySafeStorage: Buffer.from(fakeSafeStorage().encryptString('not a key')).toString('base64'),
      }),
    ]) {
      const { fs, files } = memoryFs(new Map([[FILE, new TextEncoder().encode(damaged)]]));
      const keys = createPiiKeys({ filePath: FILE, fs, safeStorage: fakeSafeStorage() });
      await expect(keys.publicKey()).rejects.toThrow(/密钥文件无法读取或已损坏.*未覆盖原文件/);
      expect(new TextDecoder().decode(files.get(FILE))).toBe(damaged);
      expect(fs.writes).toBe(0);
    }
    // A file whose public key is not the private key's.
    const good = memoryFs();
    await createPiiKeys({ filePath: FILE, fs: good.fs, safeStorage: fakeSafeStorage() }).publicKey();
    const other = memoryFs();
    const otherPub = await createPiiKeys({ filePath: FILE, fs: other.fs, safeStorage: fakeSafeStorage() }).publicKey();
    const swapped = { ...JSON.parse(new TextDecoder().decode(good.files.get(FILE))), publicKey: otherPub };
    const bad = memoryFs(new Map([[FILE, new TextEncoder().encode(JSON.stringify(swapped))]]));
    await expect(
      createPiiKeys({ filePath: FILE, fs: bad.fs, safeStorage: fakeSafeStorage() }).publicKey(),
    ).rejects.toThrow(/已损坏/);
  });

  it('says so when the OS cannot decrypt the key (another user, a reinstalled system)', async () => {
    const { fs, files } = memoryFs();
    await createPiiKeys({ filePath: FILE, fs, safeStorage: fakeSafeStorage() }).publicKey();
    const otherOs = fakeSafeStorage();
    otherOs.decryptString.mockImplementation(() => {
      throw new Error('Error while decrypting');
    });
    const keys = createPiiKeys({ filePath: FILE, fs: memoryFs(files).fs, safeStorage: otherOs });
    await expect(keys.publicKey()).rejects.toThrow(/操作系统无法解密/);
  });

  it('opens nothing and makes no key when there is none yet', async () => {
    const { fs } = memoryFs();
    const keys = createPiiKeys({ filePath: FILE, fs, safeStorage: fakeSafeStorage() });
    await expect(keys.open('pii1:AAAA')).rejects.toThrow(/还没有投诉举报人信息保护密钥/);
    expect(fs.writes).toBe(0);
  });

  it('refuses a tampered value or one sealed to another installation, as a user-facing error', async () => {
    const a = createPiiKeys({ filePath: FILE, fs: memoryFs().fs, safeStorage: fakeSafeStorage() });
    const b = createPiiKeys({ filePath: FILE, fs: memoryFs().fs, safeStorage: fakeSafeStorage() });
    const sealed = sealJson(decodePiiKey(await a.publicKey()), { phone: '13812345678' });
    await b.publicKey();
    await expect(b.open(sealed)).rejects.toMatchObject({ name: 'UserFacingError', message: /密钥不符/ });
    const flipped = sealed.slice(0, -6) + (sealed.at(-6) === 'A' ? 'B' : 'A') + sealed.slice(-5);
    await expect(a.open(flipped)).rejects.toMatchObject({ name: 'UserFacingError', message: /无法解密/ });
    expect(JSON.parse(await a.open(sealed))).toEqual({ phone: '13812345678' });
  });
});
