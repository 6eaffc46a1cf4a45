import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  auditEntryHash,
  createChainVerifier,
  GENESIS_HASH,
  sealAuditEntry,
  verifyAuditChain,
  type AuditEntry,
  type UnsealedAuditEntry,
} from '../../../shared/domain';

/** A chain of n entries built the way the data layer builds it. */
function buildChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = sealAuditEntry({
      seq,
      ts: `2026-11-22T09:${String(seq % 60).padStart(2, '0')}:00.000Z`,
      actorId: 'p1',
      actorName: '王小明',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: `u${seq}`,
      action: seq === 1 ? 'create' : 'update',
      before: seq === 1 ? null : { name: `单位${seq - 1}` },
      after: { name: `单位${seq}`, emoji: '🏛', n: seq },
      prevHash,
    });
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
}

const anchorOf = (chain: AuditEntry[]) => ({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });

describe('sealAuditEntry', () => {
  it('hashes prevHash followed by the RFC 8785 canonical JSON of the entry', () => {
    const entry: UnsealedAuditEntry = {
      seq: 1,
      ts: '2026-11-22T09:00:00.000Z',
      actorId: 'p1',
      actorName: '王小明',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: 'u1',
      action: 'create',
      before: null,
      after: { b: 1, a: '甲' },
      prevHash: GENESIS_HASH,
    };
    // Keys sorted, no whitespace: the JCS form written out by hand.
    const jcs =
      '{"action":"create","actorId":"p1","actorName":"王小明","actorRole":"office_staff","after":{"a":"甲","b":1},' +
      `"before":null,"entity":"unit","entityId":"u1","prevHash":"${GENESIS_HASH}","seq":1,"ts":"2026-11-22T09:00:00.000Z"}`;
    expect(sealAuditEntry(entry).hash).toBe(bytesToHex(sha256(utf8ToBytes(GENESIS_HASH + jcs))));
  });

  it('does not depend on key order of the snapshots', () => {
    const [a] = buildChain(1);
    const reordered = { ...a!, after: { n: 1, emoji: '🏛', name: '单位1' } };
    expect(auditEntryHash(reordered)).toBe(a!.hash);
  });

  it('agrees with WebCrypto SHA-256 on the same bytes', async () => {
    const samples = ['', 'abc', '联席会议工作台 🏛 𠀀', 'x'.repeat(100_000), GENESIS_HASH + '{"seq":1}'];
    for (const text of samples) {
      const bytes = utf8ToBytes(text);
      const web = bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
      expect(bytesToHex(sha256(bytes))).toBe(web);
    }
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const chain = buildChain(20);
    expect(verifyAuditChain(chain, [anchorOf(chain), { seq: 5, hash: chain[4]!.hash }])).toEqual({
      ok: true,
      count: 20,
      head: anchorOf(chain),
    });
    expect(verifyAuditChain([], [])).toEqual({ ok: true, count: 0, head: null });
  });

  it('detects an edited entry', () => {
    const chain = buildChain(20);
    chain[11] = { ...chain[11]!, actorName: '李四' };
    expect(verifyAuditChain(chain, [])).toMatchObject({
      ok: false,
      problem: 'edited',
      seq: 12,
      message: '第 12 条记录内容被修改',
    });
  });

  it('detects a deleted entry by the gap in seq', () => {
    const chain = buildChain(20);
    chain.splice(6, 1);
    expect(verifyAuditChain(chain, [])).toMatchObject({ ok: false, problem: 'deleted', seq: 7 });
  });

  it('detects a deleted entry whose successors were renumbered and re-sealed in place', () => {
    const chain = buildChain(6);
    // Drop seq 3 and re-seal 4..6 as 3..5 keeping their old prevHash: each is self-consistent.
    const tampered = [chain[0]!, chain[1]!, ...chain.slice(3).map((e) => sealAuditEntry({ ...e, seq: e.seq - 1 }))];
    expect(verifyAuditChain(tampered, [])).toMatchObject({ ok: false, problem: 'deleted', seq: 3 });
  });

  it('detects two entries swapped in the array', () => {
    const chain = buildChain(20);
    [chain[4], chain[5]] = [chain[5]!, chain[4]!];
    expect(verifyAuditChain(chain, [])).toMatchObject({ ok: false, problem: 'reordered', seq: 5 });
  });

  it('detects two rows swapped in a table keyed by seq (each row took the other seq)', () => {
    const chain = buildChain(20);
    const [e5, e9] = [chain[4]!, chain[8]!];
    chain[4] = { ...e9, seq: 5 };
    chain[8] = { ...e5, seq: 9 };
    expect(verifyAuditChain(chain, [])).toMatchObject({
      ok: false,
      problem: 'reordered',
      seq: 5,
      message: '第 5 条与第 9 条记录的顺序被调换',
    });
  });

  it('needs an anchor to see truncation', () => {
    const chain = buildChain(20);
    const anchor = anchorOf(chain);
    const truncated = chain.slice(0, 15);
    expect(verifyAuditChain(truncated, []).ok).toBe(true);
    expect(verifyAuditChain(truncated, [anchor])).toMatchObject({ ok: false, problem: 'truncated', seq: 16 });
    expect(verifyAuditChain([], [anchor])).toMatchObject({ ok: false, problem: 'truncated', seq: 1 });
  });

  it('needs an anchor to see a recomputed chain', () => {
    const chain = buildChain(10);
    const anchor = anchorOf(chain);
    // Rewrite entry 3 and re-seal everything after it: internally consistent again.
    const rewritten: AuditEntry[] = [];
    let prevHash = GENESIS_HASH;
    for (const e of chain) {
      const sealed = sealAuditEntry({ ...e, prevHash, ...(e.seq === 3 ? { actorName: '冒名者' } : {}) });
      rewritten.push(sealed);
      prevHash = sealed.hash;
    }
    expect(verifyAuditChain(rewritten, []).ok).toBe(true);
    expect(verifyAuditChain(rewritten, [anchor])).toMatchObject({ ok: false, problem: 'anchor-mismatch', seq: 10 });
  });

  it('detects a missing first entry', () => {
    const chain = buildChain(3);
    expect(verifyAuditChain(chain.slice(1), [])).toMatchObject({ ok: false, problem: 'deleted', seq: 1 });
  });
});

describe('createChainVerifier (chunked)', () => {
  const chunks = (chain: AuditEntry[], size: number) =>
    Array.from({ length: Math.ceil(chain.length / size) }, (_, i) => chain.slice(i * size, (i + 1) * size));
  const chunked = (chain: AuditEntry[], anchors: { seq: number; hash: string }[], size: number) => {
    const v = createChainVerifier(anchors);
    for (const c of chunks(chain, size)) {
      const problem = v.feed(c);
      if (problem) return problem;
    }
    return v.finish();
  };

  it('gives the same verdict as the one-piece check for intact, edited, deleted and truncated chains', () => {
    const chain = buildChain(50);
    const anchor = anchorOf(chain);
    const edited = chain.map((e) => (e.seq === 33 ? { ...e, after: { name: '改过' } } : e));
    const deleted = chain.filter((e) => e.seq !== 21);
    const truncated = chain.slice(0, 40);
    for (const [c, anchors] of [
      [chain, [anchor]],
      [edited, [anchor]],
      [deleted, [anchor]],
      [truncated, [anchor]],
    ] as const) {
      for (const size of [1, 7, 20, 50]) {
        expect(chunked([...c], [...anchors], size)).toEqual(verifyAuditChain(c, anchors));
      }
    }
    expect(chunked(chain, [anchor], 7)).toEqual({ ok: true, count: 50, head: anchor });
    expect(chunked(edited, [anchor], 7)).toMatchObject({ ok: false, problem: 'edited', seq: 33 });
    expect(chunked(truncated, [anchor], 7)).toMatchObject({ ok: false, problem: 'truncated', seq: 41 });
  });

  it('finds an anchor that lies in an earlier chunk, and a re-sealed chain against it', () => {
    const chain = buildChain(30);
    const mid = { seq: 10, hash: chain[9]!.hash };
    expect(chunked(chain, [mid, anchorOf(chain)], 4)).toMatchObject({ ok: true, count: 30 });
    expect(chunked(chain, [{ seq: 10, hash: 'f'.repeat(64) }], 4)).toMatchObject({
      ok: false,
      problem: 'anchor-mismatch',
      seq: 10,
    });
  });
});
