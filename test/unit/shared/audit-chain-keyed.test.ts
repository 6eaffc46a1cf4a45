import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  auditEntryHash,
  auditEntryMac,
  auditEntrySchema,
  GENESIS_HASH,
  sealAuditEntry,
  verifyAuditChain,
  type AuditEntry,
} from '../../../shared/domain';

const KEY = new Uint8Array(32).fill(3);

/** n entries, keyed from `keyedFrom` on (earlier ones as written before the key existed). */
function chain(n: number, keyedFrom = 1): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealAuditEntry(
      {
        seq,
        ts: '2026-12-04T01:00:00.000Z',
        actorId: 'p1',
        actorName: '王小明',
        actorRole: 'office_staff',
        entity: 'unit',
        entityId: `u${seq}`,
        action: 'create',
        before: null,
        after: { name: `单位${seq}` },
        prevHash,
      },
      seq >= keyedFrom ? KEY : null,
    );
    out.push(e);
    prevHash = e.hash;
  }
  return out;
}

describe('keyed audit entries (HMAC-SHA256 over the entry hash)', () => {
  it('the mac is HMAC-SHA256(key, "jointdesk-audit-entry:v1:" + hash) and leaves the hash as it was', () => {
    const [keyed] = chain(1);
    const [plain] = chain(1, 2);
    expect(keyed!.hash).toBe(plain!.hash);
    expect(auditEntryHash(keyed!)).toBe(keyed!.hash);
    expect(keyed!.mac).toBe(bytesToHex(hmac(sha256, KEY, utf8ToBytes(`jointdesk-audit-entry:v1:${keyed!.hash}`))));
    expect(plain!.mac).toBeUndefined();
    // The schema accepts both (entries written before keys stay valid).
    expect(auditEntrySchema.safeParse(keyed).success).toBe(true);
    expect(auditEntrySchema.safeParse(plain).success).toBe(true);
    expect(() => auditEntryMac(new Uint8Array(16), keyed!.hash)).toThrow();
  });

  it('checks macs only from keyedFrom, and only with the key', () => {
    const entries = chain(6, 4);
    expect(verifyAuditChain(entries, [], { key: KEY, keyedFrom: 4 })).toMatchObject({ ok: true, count: 6 });
    // Requiring macs from 1 finds the first entry written without one.
    expect(verifyAuditChain(entries, [], { key: KEY, keyedFrom: 1 })).toMatchObject({
      ok: false,
      problem: 'unkeyed',
      seq: 1,
    });
    // Another installation's key: every keyed entry looks forged.
    const other = new Uint8Array(32).fill(4);
    expect(verifyAuditChain(entries, [], { key: other, keyedFrom: 4 })).toMatchObject({
      ok: false,
      problem: 'mac-invalid',
      seq: 4,
    });
    // Without the key nothing about macs can be said.
    expect(verifyAuditChain(entries, [], { key: null, keyedFrom: 4 })).toMatchObject({ ok: true });
  });

  it('main’s head: beyond the last entry is a truncation, another hash at its seq a rewrite', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries, [], { fileHead: { seq: 5, hash: entries[4]!.hash } })).toMatchObject({ ok: true });
    expect(verifyAuditChain(entries.slice(0, 3), [], { fileHead: { seq: 5, hash: entries[4]!.hash } })).toMatchObject({
      ok: false,
      problem: 'truncated',
      seq: 4,
    });
    expect(verifyAuditChain(entries, [], { fileHead: { seq: 4, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      problem: 'anchor-mismatch',
      seq: 4,
    });
  });
});
