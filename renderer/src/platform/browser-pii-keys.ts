import i18n from 'i18next';
import {
  decodePiiKey,
  encodePiiKey,
  generatePiiKeyPair,
  openSealed,
  piiPublicKeyOf,
} from '../../../shared/security/pii-seal';
import { isDomainError } from '../../../shared/domain/errors';
import type { PiiHost } from './host';
import { HostError } from './host-error';

/**
 * The web build's key pair for 投诉举报人信息 (RELIABILITY-SECURITY.md PII-1). There is no OS key store a
 * web page can use, so the private key is kept in localStorage WRAPPED: AES-256-GCM under a key derived
 * from a passphrase the user sets (PBKDF2-SHA256, {@link PBKDF2_ITERATIONS} iterations, random salt). The
 * public key is stored in clear beside it, so saving a topic never asks for anything after the first time.
 *
 * - The pair is made the first time a public key is needed (the first topic saved with complainant data,
 *   a demo load, or the upgrade of an older database that holds some): the user sets the passphrase then.
 * - Opening (a reveal) asks for the passphrase once per page session; the unwrapped key stays in memory
 *   only, never in storage.
 * - A forgotten passphrase cannot be recovered: the sealed values can then never be shown again.
 *
 * The prompt itself is UI; the app registers it with {@link setPiiPassphrasePrompt} (app/pii-passphrase.tsx).
 */

export const PII_KEY_STORAGE_KEY = 'jointdesk.pii.key';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_CHARS = 8;

/** What the prompt asks: set a new passphrase (twice) or unlock with the one set before. */
export type PassphraseMode = 'set' | 'unlock';

export interface PassphraseRequest {
  mode: PassphraseMode;
  /**
   * Tries a passphrase: resolves undefined when it was accepted (the prompt closes), else the message to
   * show (the prompt stays open for another try).
   */
  submit(passphrase: string): Promise<string | undefined>;
}

/** Shows the prompt; resolves true once `submit` accepted a passphrase, false when the user cancelled. */
export type PassphrasePrompt = (request: PassphraseRequest) => Promise<boolean>;

interface StoredKey {
  version: 1;
  publicKey: string;
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string };
  /** AES-256-GCM of the 32-byte secret key, the public key as associated data. */
  wrapped: { iv: string; ciphertext: string };
}

export interface BrowserPiiKeysOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  subtle?: SubtleCrypto;
  iterations?: number;
}

let prompt: PassphrasePrompt | undefined;

/** Registers the UI that asks for the passphrase (one at a time; `undefined` removes it). */
export function setPiiPassphrasePrompt(p: PassphrasePrompt | undefined): void {
  prompt = p;
}

const text = (key: string, values?: Record<string, unknown>) => i18n.t(`pii:${key}`, values);

export function createBrowserPiiKeys(o: BrowserPiiKeysOptions = {}): PiiHost {
  // Looked up on use: the host is made before anything needs a key (and in tests without either).
  const storage = {
    getItem: (k: string) => (o.storage ?? localStorage).getItem(k),
    setItem: (k: string, v: string) => (o.storage ?? localStorage).setItem(k, v),
  };
  const subtle = new Proxy({} as SubtleCrypto, {
    get: (_t, name: keyof SubtleCrypto) => {
      const s = o.subtle ?? globalThis.crypto.subtle;
      const v = s[name];
      return typeof v === 'function' ? v.bind(s) : v;
    },
  });
  const iterations = o.iterations ?? PBKDF2_ITERATIONS;
  /** The unwrapped secret key of this page session (memory only). */
  let unlocked: Uint8Array | undefined;

  const read = (): StoredKey | undefined => {
    const raw = storage.getItem(PII_KEY_STORAGE_KEY);
    if (raw === null) return undefined;
    try {
      const parsed = JSON.parse(raw) as StoredKey;
      if (parsed.version !== 1 || typeof parsed.publicKey !== 'string') throw new Error('shape');
      decodePiiKey(parsed.publicKey);
      return parsed;
    } catch {
      throw new HostError(text('keyDamaged'));
    }
  };

  async function deriveWrappingKey(passphrase: string, salt: Uint8Array, rounds: number): Promise<CryptoKey> {
    const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    return subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations: rounds },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  }

  async function create(passphrase: string): Promise<Uint8Array> {
    const pair = generatePiiKeyPair();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await deriveWrappingKey(passphrase, salt, iterations);
    const ciphertext = new Uint8Array(
      await subtle.encrypt(
        { name: 'AES-GCM', iv: buf(iv), additionalData: buf(pair.publicKey) },
        key,
        buf(pair.secretKey),
      ),
    );
    const stored: StoredKey = {
      version: 1,
      publicKey: encodePiiKey(pair.publicKey),
      kdf: { name: 'PBKDF2-SHA256', iterations, salt: b64(salt) },
      wrapped: { iv: b64(iv), ciphertext: b64(ciphertext) },
    };
    // One item: the public key and its wrapped private key are written together or not at all.
    storage.setItem(PII_KEY_STORAGE_KEY, JSON.stringify(stored));
    unlocked = pair.secretKey;
    return pair.publicKey;
  }

  async function unwrap(stored: StoredKey, passphrase: string): Promise<Uint8Array | undefined> {
    const publicKey = decodePiiKey(stored.publicKey);
    const key = await deriveWrappingKey(passphrase, unb64(stored.kdf.salt), stored.kdf.iterations);
    try {
      const secret = new Uint8Array(
        await subtle.decrypt(
          { name: 'AES-GCM', iv: buf(unb64(stored.wrapped.iv)), additionalData: buf(publicKey) },
          key,
          buf(unb64(stored.wrapped.ciphertext)),
        ),
      );
      return encodePiiKey(piiPublicKeyOf(secret)) === stored.publicKey ? secret : undefined;
    } catch {
      return undefined;
    }
  }

  async function ask(mode: PassphraseMode, submit: (passphrase: string) => Promise<string | undefined>) {
    if (!prompt) throw new HostError(text('noPrompt'));
    const accepted = await prompt({ mode, submit });
    if (!accepted) throw new HostError(mode === 'set' ? text('setCancelled') : text('unlockCancelled'));
  }

  async function publicKey(): Promise<Uint8Array> {
    const stored = read();
    if (stored) return decodePiiKey(stored.publicKey);
    let made: Uint8Array | undefined;
    await ask('set', async (passphrase) => {
      if ([...passphrase].length < MIN_PASSPHRASE_CHARS) return text('tooShort', { min: MIN_PASSPHRASE_CHARS });
      // Another tab may have set one meanwhile: never replace a key that data may already be sealed to.
      const now = read();
      made = now ? decodePiiKey(now.publicKey) : await create(passphrase);
      return undefined;
    });
    return made!;
  }

  async function secretKey(): Promise<Uint8Array> {
    if (unlocked) return unlocked;
    const stored = read();
    if (!stored) throw new HostError(text('noKey'));
    let secret: Uint8Array | undefined;
    await ask('unlock', async (passphrase) => {
      secret = await unwrap(stored, passphrase);
      return secret ? undefined : text('wrongPassphrase');
    });
    unlocked = secret!;
    return unlocked;
  }

  const onePublic = once(publicKey);
  const oneSecret = once(secretKey);
  return {
    publicKey: onePublic,
    async open(sealed) {
      const secret = unlocked ?? (await oneSecret());
      try {
        return openSealed(secret, sealed);
      } catch (e) {
        throw isDomainError(e) ? new HostError(e.message) : e;
      }
    },
  };
}

/** One prompt at a time: a second caller waits for the first one's answer. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= f().finally(() => {
      pending = undefined;
    }));
}

/** WebCrypto wants a BufferSource on a plain ArrayBuffer. */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes) as Uint8Array<ArrayBuffer>;
}

function b64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function unb64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
