import { randomBytes } from 'node:crypto';
import { AUDIT_KEY_BYTES } from '../../../shared/domain/audit-chain';
import { safeStorageProtects, type PiiKeyFs, type SafeStorageLike } from '../keys/pii-keys';
import { UserFacingError } from '../services/user-facing-error';

/**
 * The installation's audit key (RELIABILITY-SECURITY.md AUD-2/AUD-3, Electron): 32 random bytes, kept by main
 * in `userData/audit-key.json` encrypted by the operating system (`safeStorage`), written atomically. The
 * renderer gets it once per page session (`audit:key`) to compute each entry's mac inside the write's
 * transaction; main uses it for the mac of its head file. Someone who edits IndexedDB directly does not
 * have it, so an entry they add or re-hash carries no valid mac.
 *
 * The same refusals as the complainant key (pii-keys.ts): no OS encryption, or Linux `basic_text` (a fixed,
 * public password), means no key at all rather than one kept as good as clear; a key file that exists but
 * cannot be read or decrypted is never replaced (a new key would make every keyed entry look forged).
 */

export const AUDIT_KEY_FILE_NAME = 'audit-key.json';

interface AuditKeyFile {
  version: 1;
  algorithm: 'hmac-sha256';
  /** base64 of `safeStorage.encryptString(base64 key)`. */
  keySafeStorage: string;
  createdAt: string;
}

export interface AuditKeyStore {
  /** The key, made on first need. Rejects with a Chinese UserFacingError when it cannot be kept safely. */
  key(): Promise<Uint8Array>;
  /** True once this process made the key (not loaded from an existing file): main's head file may lack a mac then. */
  readonly createdThisSession: boolean;
}

export const AUDIT_NO_OS_ENCRYPTION =
  '操作系统未提供加密存储（Windows 数据保护或 Linux 密钥环），无法安全保存审计密钥，审计记录暂不加校验码。' +
  '请在已登录的桌面会话中运行本程序（Linux 需要 gnome-keyring 或 KWallet）。';
export const AUDIT_KEY_DAMAGED =
  '审计密钥文件无法读取或已损坏，已停止使用（未覆盖原文件）。请联系技术支持，从备份恢复 audit-key.json。';
const AUDIT_KEY_NOT_DECRYPTABLE =
  '操作系统无法解密审计密钥（可能更换了系统用户或重装了系统）。请用原系统账户运行本程序，或联系技术支持。';

export function createAuditKeyStore(o: {
  filePath: string;
  fs: PiiKeyFs;
  safeStorage: SafeStorageLike;
  now?: () => Date;
}): AuditKeyStore {
  let loading: Promise<Uint8Array> | undefined;
  let created = false;

  async function loadOrCreate(): Promise<Uint8Array> {
    let raw: Uint8Array | undefined;
    try {
      raw = await o.fs.readFile(o.filePath);
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT') throw new UserFacingError(AUDIT_KEY_DAMAGED);
    }
    if (!safeStorageProtects(o.safeStorage)) {
      throw new UserFacingError(AUDIT_NO_OS_ENCRYPTION);
    }
    return raw ? readKeyFile(raw) : create();
  }

  function readKeyFile(raw: Uint8Array): Uint8Array {
    let file: Partial<AuditKeyFile>;
    try {
      file = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as Partial<AuditKeyFile>;
    } catch {
      throw new UserFacingError(AUDIT_KEY_DAMAGED);
    }
    if (file.version !== 1 || file.algorithm !== 'hmac-sha256' || typeof file.keySafeStorage !== 'string') {
      throw new UserFacingError(AUDIT_KEY_DAMAGED);
    }
    let text: string;
    try {
      text = o.safeStorage.decryptString(Buffer.from(file.keySafeStorage, 'base64'));
    } catch {
      throw new UserFacingError(AUDIT_KEY_NOT_DECRYPTABLE);
    }
    const key = new Uint8Array(Buffer.from(text, 'base64'));
    if (key.length !== AUDIT_KEY_BYTES || Buffer.from(key).toString('base64') !== text) {
      throw new UserFacingError(AUDIT_KEY_DAMAGED);
    }
    return key;
  }

  async function create(): Promise<Uint8Array> {
    const key = new Uint8Array(randomBytes(AUDIT_KEY_BYTES));
    const file: AuditKeyFile = {
      version: 1,
      algorithm: 'hmac-sha256',
      keySafeStorage: Buffer.from(o.safeStorage.encryptString(Buffer.from(key).toString('base64'))).toString('base64'),
      createdAt: (o.now?.() ?? new Date()).toISOString(),
    };
    await o.fs.writeFileAtomic(o.filePath, new TextEncoder().encode(JSON.stringify(file, null, 2)));
    created = true;
    return key;
  }

  return {
    key() {
      // One load (or creation) at a time: two first calls must not make two keys.
      return (loading ??= loadOrCreate()).catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
    },
    get createdThisSession() {
      return created;
    },
  };
}
