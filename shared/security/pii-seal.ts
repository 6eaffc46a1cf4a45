import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8 } from '@noble/ciphers/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { DomainError } from '../domain/errors';

/**
 * Sealed boxes for 投诉举报人信息 at rest (RELIABILITY-SECURITY.md PII-1). Anyone holding the installation's
 * PUBLIC key can seal; only the holder of the private key (Electron main, or the passphrase-unwrapped key
 * in the web build) can open. Everything here is synchronous, so a repository can seal inside a Dexie
 * transaction or a Dexie upgrade function, where no WebCrypto promise may be awaited.
 *
 * Sealed form (version 1): `pii1:` + base64( ephemeralPublic[32] ‖ nonce[12] ‖ AES-256-GCM(ciphertext ‖ tag[16]) )
 * - a fresh X25519 key pair per seal; shared = X25519(ephemeralSecret, recipientPublic);
 * - key = HKDF-SHA256(ikm = shared, salt = ephemeralPublic ‖ recipientPublic, info = `jointdesk pii1 aes-256-gcm`, 32);
 * - AAD = `pii1`, so a blob relabelled as another version fails the tag.
 * A flipped bit anywhere, a truncated blob or the wrong private key fail the GCM tag: open throws, it
 * never returns garbage.
 */

export const PII_SEAL_VERSION = 'pii1';
const PREFIX = `${PII_SEAL_VERSION}:`;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const INFO = utf8ToBytes('jointdesk pii1 aes-256-gcm');
const AAD = utf8ToBytes(PII_SEAL_VERSION);
/** Longest sealed string accepted by {@link openSealed} (far above any complainant record). */
export const MAX_SEALED_CHARS = 64 * 1024;

export interface PiiKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A new installation key pair (X25519). */
export function generatePiiKeyPair(): PiiKeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { publicKey, secretKey };
}

/** The public key that belongs to a secret key (to check a stored pair still matches). */
export function piiPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  assertKey(secretKey, '私钥');
  return x25519.getPublicKey(secretKey);
}

/** True when the string has the shape of a sealed value this module knows (version prefix, base64). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX) && BASE64_RE.test(value.slice(PREFIX.length));
}

/** Seals `plaintext` (UTF-8) to `publicKey`; each call gives a different string. */
export function sealString(publicKey: Uint8Array, plaintext: string): string {
  assertKey(publicKey, '公钥');
  const eph = x25519.keygen();
  const key = deriveKey(x25519.getSharedSecret(eph.secretKey, publicKey), eph.publicKey, publicKey);
  const nonce = randomBytes(NONCE_BYTES);
  const ct = gcm(key, nonce, AAD).encrypt(utf8ToBytes(plaintext));
  return PREFIX + toBase64(concatBytes(eph.publicKey, nonce, ct));
}

/** Seals a JSON value (see {@link sealString}). */
export function sealJson(publicKey: Uint8Array, value: unknown): string {
  return sealString(publicKey, JSON.stringify(value));
}

/** Opens a sealed string with the secret key; throws a DomainError in Chinese when it cannot. */
export function openSealed(secretKey: Uint8Array, sealed: string): string {
  assertKey(secretKey, '私钥');
  if (typeof sealed !== 'string' || sealed.length > MAX_SEALED_CHARS) throw damaged();
  const colon = sealed.indexOf(':');
  const version = colon > 0 ? sealed.slice(0, colon) : '';
  if (version !== PII_SEAL_VERSION) {
    throw new DomainError(
      'validation',
      /^pii\d+$/.test(version)
        ? `投诉举报人信息的加密格式（${version}）比本程序新，请升级本程序后再查看`
        : '投诉举报人信息不是本程序的加密格式，无法解密',
    );
  }
  const bytes = fromBase64(sealed.slice(colon + 1));
  if (!bytes || bytes.length < KEY_BYTES + NONCE_BYTES + TAG_BYTES) throw damaged();
  const ephPublic = bytes.subarray(0, KEY_BYTES);
  const nonce = bytes.subarray(KEY_BYTES, KEY_BYTES + NONCE_BYTES);
  const ct = bytes.subarray(KEY_BYTES + NONCE_BYTES);
  let plain: Uint8Array;
  try {
    const key = deriveKey(x25519.getSharedSecret(secretKey, ephPublic), ephPublic, publicKeyOf(secretKey));
    plain = gcm(key, nonce, AAD).decrypt(ct);
  } catch {
    throw damaged();
  }
  // Authenticated, so these bytes are exactly what sealString encoded from a string.
  return bytesToUtf8(plain);
}

/** Opens a sealed JSON value (see {@link openSealed}). */
export function openSealedJson(secretKey: Uint8Array, sealed: string): unknown {
  const text = openSealed(secretKey, sealed);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged();
  }
}

/** A key as text for storage and IPC (standard base64 of its 32 bytes). */
export function encodePiiKey(key: Uint8Array): string {
  assertKey(key, '密钥');
  return toBase64(key);
}

/** The key of {@link encodePiiKey}; throws a DomainError when the text is not a 32-byte key. */
export function decodePiiKey(text: string): Uint8Array {
  const bytes = typeof text === 'string' ? fromBase64(text) : undefined;
  if (!bytes || bytes.length !== KEY_BYTES) {
    throw new DomainError('validation', '投诉举报人信息保护密钥格式不正确');
  }
  return bytes;
}

const publicKeys = new WeakMap<Uint8Array, Uint8Array>();
/** The public key of a secret key, computed once per key object (one scalar multiplication saved per open). */
function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  let pk = publicKeys.get(secretKey);
  if (!pk) {
    pk = x25519.getPublicKey(secretKey);
    publicKeys.set(secretKey, pk);
  }
  return pk;
}

function deriveKey(shared: Uint8Array, ephPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephPublic, recipientPublic), INFO, KEY_BYTES);
}

function assertKey(key: unknown, what: string): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new DomainError('validation', `投诉举报人信息保护${what}格式不正确`);
  }
}

function damaged(): DomainError {
  return new DomainError('validation', '投诉举报人信息无法解密：密钥不符，或加密数据已损坏');
}

// Standard base64 with padding, written out so shared/ needs neither DOM (btoa) nor Node (Buffer).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECODE = new Map([...ALPHABET].map((c, i) => [c, i]));

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64_RE.test(text)) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (DECODE.get(text[i]!)! << 18) |
      (DECODE.get(text[i + 1]!)! << 12) |
      ((DECODE.get(text[i + 2]!) ?? 0) << 6) |
      (DECODE.get(text[i + 3]!) ?? 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
