import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_DIGEST_OVER,
  auditEntrySides,
  auditPayload,
  isContentDigest,
} from '../../../shared/domain/audit-payload';

const unit = { id: 'u1', name: '城关镇', kind: 'township', phone: '0571-1', archived: false, updatedAt: 't1' };

describe('auditPayload: what an audit entry keeps of a change', () => {
  it('keeps only the changed fields of an update, on both sides, plus the fields naming the record', () => {
    const after = { ...unit, phone: '0571-2', updatedAt: 't2' };
    expect(auditPayload(unit, after, { changedOnly: true })).toEqual({
      before: { name: '城关镇', kind: 'township', phone: '0571-1', updatedAt: 't1' },
      after: { name: '城关镇', kind: 'township', phone: '0571-2', updatedAt: 't2' },
      changedOnly: true,
    });
  });

  it('shows a field removed only on the before side and a field added only on the after side', () => {
    const { before, after } = auditPayload(
      { id: 'd', state: 'closed', closedOn: '2026-11-20' },
      { id: 'd', state: 'negotiating', reopenReason: '新证据' },
      { changedOnly: true },
    );
    expect(before).toEqual({ state: 'closed', closedOn: '2026-11-20' });
    expect(after).toEqual({ state: 'negotiating', reopenReason: '新证据' });
  });

  it('keeps a create, a delete and an export whole, and both sides whole when asked to', () => {
    expect(auditPayload(null, unit, { changedOnly: true })).toEqual({ before: null, after: unit });
    expect(auditPayload(unit, null, { changedOnly: true })).toEqual({ before: unit, after: null });
    const next = { ...unit, phone: '2' };
    expect(auditPayload(unit, next, { changedOnly: false })).toEqual({ before: unit, after: next });
  });

  it('keeps a long value as its SHA-256 and length, on creates and on updates', () => {
    const body = { type: 'doc', text: '议定事项'.repeat(AUDIT_DIGEST_OVER) };
    const json = canonicalize(body)!;
    const expected = { digest: 'sha256', hash: bytesToHex(sha256(utf8ToBytes(json))), chars: json.length };
    const created = auditPayload(null, { id: 'm', meetingId: 'x', content: body }, { changedOnly: true });
    expect(created.after).toEqual({ id: 'm', meetingId: 'x', content: expected });
    const edited = { type: 'doc', text: `${body.text}。` };
    const updated = auditPayload(
      { id: 'm', meetingId: 'x', content: body, short: 'a' },
      { id: 'm', meetingId: 'x', content: edited, short: 'a' },
      { changedOnly: true },
    );
    expect(updated.before).toEqual({ meetingId: 'x', content: expected });
    const a = updated.after as { content: unknown };
    expect(isContentDigest(a.content)).toBe(true);
    expect(a.content).not.toEqual(expected);
    // A value at the limit stays as it is.
    const atLimit = 'x'.repeat(AUDIT_DIGEST_OVER - 2); // its JSON has two quotes
    expect(auditPayload(null, { id: 'm', note: atLimit }, { changedOnly: true }).after).toEqual({
      id: 'm',
      note: atLimit,
    });
  });
});

describe('auditEntrySides: whole states from changed-field entries', () => {
  it('rebuilds each state over the record create entry, keeping state across exports and upgrades', () => {
    const v1 = unit;
    const v2 = { ...v1, phone: '2', updatedAt: 't2' };
    const v3 = { ...v2, archived: true, archivedAt: 't3', updatedAt: 't3' };
    const entries = [
      { seq: 10, action: 'create', before: null, after: v1 },
      { seq: 11, action: 'update', ...auditPayload(v1, v2, { changedOnly: true }) },
      { seq: 12, action: 'export', before: null, after: { document: '台账', fileName: 'a.xlsx' } },
      { seq: 13, action: 'migrate', before: null, after: null },
      { seq: 14, action: 'archive', ...auditPayload(v2, v3, { changedOnly: true }) },
      { seq: 15, action: 'delete', before: v3, after: null },
    ];
    const sides = auditEntrySides([...entries].reverse());
    expect(sides.get(11)).toEqual({ before: v1, after: v2 });
    expect(sides.get(12)).toEqual({ before: v2, after: v2 });
    expect(sides.get(13)).toEqual({ before: v2, after: v2 });
    expect(sides.get(14)).toEqual({ before: v2, after: v3 });
    expect(sides.get(15)).toEqual({ before: v3, after: null });
  });

  it('reads entries of the older shape (two whole copies) as they are', () => {
    const v2 = { ...unit, phone: '2' };
    const sides = auditEntrySides([
      { seq: 1, action: 'create', before: null, after: unit },
      { seq: 2, action: 'update', before: unit, after: v2 },
    ]);
    expect(sides.get(2)).toEqual({ before: unit, after: v2 });
  });

  it('gives back every state of any history of short values (property)', () => {
    const value = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
    const state = fc.record({ a: value, b: value, c: fc.array(fc.nat(3), { maxLength: 3 }), name: value });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 8 }), (raw) => {
        const states = raw.map((s) => JSON.parse(JSON.stringify({ id: 'r', ...s })) as Record<string, unknown>);
        const entries = states.map((s, i) =>
          i === 0
            ? { seq: 1, action: 'create', before: null, after: s }
            : { seq: i + 1, action: 'update', ...auditPayload(states[i - 1], s, { changedOnly: true }) },
        );
        const sides = auditEntrySides(entries);
        states.forEach((s, i) => expect(sides.get(i + 1)?.after).toEqual(s));
      }),
    );
  });
});
