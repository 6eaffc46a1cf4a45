import {
  decodePiiKey,
  encodePiiKey,
  generatePiiKeyPair,
  openSealed,
  piiPublicKeyOf,
  type PiiKeyPair,
} from '../../../shared/security/pii-seal';
import { isDomainError } from '../../../shared/domain/errors';
import { UserFacingError } from '../services/user-facing-error';

/**
 * The installation's key pair for 投诉举报人信息 (RELIABILITY-SECURITY.md PII-1), kept by main only.
 *
 * One X25519 key pair per installation, made on first need. The file in userData holds the public key in
 * clear and the private key encrypted by the operating system (`safeStorage`: DPAPI on Windows, the
 * keyring through libsecret on Linux); it is written atomically. The private key never leaves main: the
 * renderer gets the public key (to seal) and asks main to open a sealed value (on an audited reveal).
 *
 * Where the operating system offers no encryption (`isEncryptionAvailable()` false, e.g. no keyring) the
 * key is refused rather than stored in clear. A key file that exists but cannot be read or decrypted is
 * never replaced: a new key would leave every sealed value unreadable for good.
 */

export const PII_KEY_FILE_NAME = 'pii-key.json';

/** The parts of Electron's `safeStorage` used here (injected: tests run under Node). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /**
   * Linux only: which secret store protects the key. `basic_text` means none was found and Electron
   * "encrypts" with a fixed, public password — as good as clear, so it is refused like no encryption.
   */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
}

/**
 * True when safeStorage really protects a secret: the OS offers encryption and, on Linux, a keyring backs it
 * (not `basic_text`). The one check of every key main keeps (the complainant key, the audit key).
 */
export function safeStorageProtects(s: SafeStorageLike): boolean {
  return s.isEncryptionAvailable() && s.getSelectedStorageBackend?.() !== 'basic_text';
}

export interface PiiKeyFs {
  /** Rejects with `code: 'ENOENT'` when the file does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
}

export interface PiiKeys {
  /** The public key (base64), creating the key pair on first need. */
  publicKey(): Promise<string>;
  /** Opens a sealed value with the private key; the clear JSON text. */
  open(sealed: string): Promise<string>;
}

interface KeyFile {
  version: 1;
  algorithm: 'x25519';
  publicKey: string;
  /** base64 of `safeStorage.encryptString(base64 secret key)`. */
  secretKeySafeStorage: string;
  createdAt: string;
}

export const NO_OS_ENCRYPTION =
  '操作系统未提供加密存储（Windows 数据保护或 Linux 密钥环），无法安全保存投诉举报人信息的保护密钥。' +
  '请在已登录的桌面会话中运行本程序（Linux 需要 gnome-keyring 或 KWallet），或联系技术支持。';
const KEY_FILE_DAMAGED =
  '投诉举报人信息保护密钥文件无法读取或已损坏，已停止使用（未覆盖原文件）。请联系技术支持，' +
  '从备份恢复该文件；在此之前不能保存或查看投诉举报人信息。';
const NO_KEY_YET =
  '本机还没有投诉举报人信息保护密钥，无法解密（这些数据可能来自另一台电脑的备份，需要在原电脑上查看）。';
const KEY_NOT_DECRYPTABLE =
  '操作系统无法解密投诉举报人信息保护密钥（可能更换了系统用户或重装了系统）。请用原系统账户运行本程序，或联系技术支持。';

export function createPiiKeys(o: {
  filePath: string;
  fs: PiiKeyFs;
  safeStorage: SafeStorageLike;
  now?: () => Date;
}): PiiKeys {
  let loading: Promise<PiiKeyPair> | undefined;

  const load = (mayCreate: boolean): Promise<PiiKeyPair> => {
    // One load (or creation) at a time: two first calls must not make two key pairs.
    const next = (loading ??= loadOrCreate(mayCreate)).catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return next;
  };

  async function loadOrCreate(mayCreate: boolean): Promise<PiiKeyPair> {
    let raw: Uint8Array | undefined;
    try {
      raw = await o.fs.readFile(o.filePath);
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT') throw new UserFacingError(KEY_FILE_DAMAGED);
    }
    if (!raw && !mayCreate) throw new UserFacingError(NO_KEY_YET);
    if (!safeStorageProtects(o.safeStorage)) {
      throw new UserFacingError(NO_OS_ENCRYPTION);
    }
    return raw ? readKeyFile(raw) : create();
  }

  function readKeyFile(raw: Uint8Array): PiiKeyPair {
    let file: Partial<KeyFile>;
    try {
      file = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as Partial<KeyFile>;
    } catch {
      throw new UserFacingError(KEY_FILE_DAMAGED);
    }
    if (file.version !== 1 || typeof file.publicKey !== 'string' || typeof file.secretKeySafeStorage !== 'string') {
      throw new UserFacingError(KEY_FILE_DAMAGED);
    }
    let secretText: string;
    try {
      secretText = o.safeStorage.decryptString(Buffer.from(file.secretKeySafeStorage, 'base64'));
    } catch {
      throw new UserFacingError(KEY_NOT_DECRYPTABLE);
    }
    try {
      const secretKey = decodePiiKey(secretText);
      const publicKey = decodePiiKey(file.publicKey);
      // The pair must belong together, or data sealed to the public key could never be opened.
      if (encodePiiKey(piiPublicKeyOf(secretKey)) !== file.publicKey) throw new Error('mismatch');
      return { publicKey, secretKey };
    } catch {
      throw new UserFacingError(KEY_FILE_DAMAGED);
    }
  }

  async function create(): Promise<PiiKeyPair> {
    const pair = generatePiiKeyPair();
    const file: KeyFile = {
      version: 1,
      algorithm: 'x25519',
      publicKey: encodePiiKey(pair.publicKey),
      secretKeySafeStorage: Buffer.from(o.safeStorage.encryptString(encodePiiKey(pair.secretKey))).toString('base64'),
      createdAt: (o.now?.() ?? new Date()).toISOString(),
    };
    await o.fs.writeFileAtomic(o.filePath, new TextEncoder().encode(JSON.stringify(file, null, 2)));
    return pair;
  }

  return {
    async publicKey() {
      return encodePiiKey((await load(true)).publicKey);
    },
    async open(sealed) {
      const { secretKey } = await load(false);
      try {
        return openSealed(secretKey, sealed);
      } catch (e) {
        // A tampered value or another installation's key: the seal module's Chinese message, as a refusal.
        throw isDomainError(e) ? new UserFacingError(e.message) : e;
      }
    },
  };
}
