import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/domain';
import {
  decodePiiKey,
  encodePiiKey,
  generatePiiKeyPair,
  isSealed,
  openSealed,
  openSealedJson,
  piiPublicKeyOf,
  sealJson,
  sealString,
} from '../../../../shared/security/pii-seal';

const CLEAR = {
  name: '金丝雀测试人甲',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  address: '某街道𠮷祥路1号',
};

function b64ToBytes(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, 'base64'));
}
function bytesToB64(b: Uint8Array): string {
  return Buffer.from(b).toString('base64');
}

function expectDomainError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).message).toMatch(message);
}

describe('PII sealed box (X25519 + HKDF-SHA256 + AES-256-GCM)', () => {
  it('round-trips JSON and text, and no clear value shows in the sealed string', () => {
    const kp = generatePiiKeyPair();
    const sealed = sealJson(kp.publicKey, CLEAR);
    expect(sealed.startsWith('pii1:')).toBe(true);
    expect(isSealed(sealed)).toBe(true);
    expect(openSealedJson(kp.secretKey, sealed)).toEqual(CLEAR);
    for (const v of Object.values(CLEAR)) {
      expect(sealed).not.toContain(v);
      expect(Buffer.from(b64ToBytes(sealed.slice(5))).toString('utf8')).not.toContain(v);
    }
    expect(openSealed(kp.secretKey, sealString(kp.publicKey, ''))).toBe('');
  });

  it('gives a different string for each seal of the same value (fresh ephemeral key and nonce)', () => {
    const kp = generatePiiKeyPair();
    const a = sealJson(kp.publicKey, CLEAR);
    const b = sealJson(kp.publicKey, CLEAR);
    expect(a).not.toBe(b);
    expect(a.slice(5, 48)).not.toBe(b.slice(5, 48));
  });

  it('refuses every single-bit flip with a Chinese error instead of returning garbage', () => {
    const kp = generatePiiKeyPair();
    const sealed = sealString(kp.publicKey, '张三丰 13812345678');
    const bytes = b64ToBytes(sealed.slice(5));
    let refused = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = bytes.slice();
        copy[i]! ^= 1 << bit;
        expectDomainError(() => openSealed(kp.secretKey, `pii1:${bytesToB64(copy)}`), /无法解密/);
        refused++;
      }
    }
    expect(refused).toBe(bytes.length * 8);
  });

  it('refuses truncation, extension and a non-base64 body', () => {
    const kp = generatePiiKeyPair();
    const sealed = sealString(kp.publicKey, '李四');
    const bytes = b64ToBytes(sealed.slice(5));
    expectDomainError(() => openSealed(kp.secretKey, `pii1:${bytesToB64(bytes.slice(0, -1))}`), /无法解密/);
    expectDomainError(() => openSealed(kp.secretKey, `pii1:${bytesToB64(bytes.slice(0, 20))}`), /无法解密/);
    expectDomainError(() => openSealed(kp.secretKey, `pii1:${bytesToB64(new Uint8Array([...bytes, 0]))}`), /无法解密/);
    expectDomainError(() => openSealed(kp.secretKey, 'pii1:@@@@'), /无法解密/);
    expectDomainError(() => openSealed(kp.secretKey, 'pii1:' + 'A'.repeat(70_000)), /无法解密/);
  });

  it('refuses the wrong private key', () => {
    const a = generatePiiKeyPair();
    const b = generatePiiKeyPair();
    const sealed = sealJson(a.publicKey, CLEAR);
    expectDomainError(() => openSealed(b.secretKey, sealed), /密钥不符/);
  });

  it('names an unknown or newer version instead of trying to open it', () => {
    const kp = generatePiiKeyPair();
    const body = sealString(kp.publicKey, 'x').slice(5);
    expectDomainError(() => openSealed(kp.secretKey, `pii2:${body}`), /pii2.*比本程序新/);
    expectDomainError(() => openSealed(kp.secretKey, `abc:${body}`), /不是本程序的加密格式/);
    expectDomainError(() => openSealed(kp.secretKey, body), /不是本程序的加密格式/);
    expect(isSealed(`pii2:${body}`)).toBe(false);
    expect(isSealed({ name: '张三' })).toBe(false);
  });

  it('checks key shapes and encodes keys as base64', () => {
    const kp = generatePiiKeyPair();
    expect(piiPublicKeyOf(kp.secretKey)).toEqual(kp.publicKey);
    expect(decodePiiKey(encodePiiKey(kp.publicKey))).toEqual(kp.publicKey);
    expect(encodePiiKey(kp.publicKey)).toBe(bytesToB64(kp.publicKey));
    expectDomainError(() => decodePiiKey('AAAA'), /密钥格式不正确/);
    expectDomainError(() => decodePiiKey('not base64!'), /密钥格式不正确/);
    expectDomainError(() => sealString(new Uint8Array(31), 'x'), /公钥格式不正确/);
    expectDomainError(() => openSealed(new Uint8Array(5), 'pii1:AAAA'), /私钥格式不正确/);
    // A low-order public key (all zeros) is refused, not sealed to a predictable secret.
    expect(() => sealString(new Uint8Array(32), 'x')).toThrow();
  });

  it('base64 matches the standard encoding at every padding length', () => {
    const kp = generatePiiKeyPair();
    for (let n = 0; n < 7; n++) {
      const s = 'é'.repeat(n) + 'a'.repeat(n % 3);
      const sealed = sealString(kp.publicKey, s);
      expect(b64ToBytes(sealed.slice(5)).length).toBe(32 + 12 + 16 + Buffer.byteLength(s));
      expect(bytesToB64(b64ToBytes(sealed.slice(5)))).toBe(sealed.slice(5));
      expect(openSealed(kp.secretKey, sealed)).toBe(s);
    }
  });
});
