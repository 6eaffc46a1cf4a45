import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealAuditEntry, type AuditEntry } from '../../../shared/domain';
import { VERIFY_CHUNK } from '../../../renderer/src/db/repositories/audit';
import { rawWrite, withProfile } from './helpers';

/** Appends `n` sealed entries after the chain's current head, as the data layer would. */
async function appendEntries(h: Awaited<ReturnType<typeof withProfile>>, n: number): Promise<AuditEntry[]> {
  const last = await h.db.audit.orderBy('seq').last();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: AuditEntry[] = [];
  for (let seq = (last?.seq ?? 0) + 1, i = 0; i < n; i++, seq++) {
    const e = sealAuditEntry({
      seq,
      ts: '2026-11-22T02:00:00.000Z',
      actorId: h.profile.id,
      actorName: h.profile.name,
      actorRole: h.profile.role,
      entity: 'unit',
      entityId: `u${seq}`,
      action: 'update',
      before: null,
      after: { n: seq },
      prevHash,
    });
    rows.push(e);
    prevHash = e.hash;
  }
  await h.db.audit.bulkAdd(rows);
  const head = rows.at(-1)!;
  await h.db.settings.put({ key: 'audit.head', value: { seq: head.seq, hash: head.hash } });
  return rows;
}

describe('audit.verify in chunks', () => {
  it('reports progress chunk by chunk and verifies a chain longer than one chunk', async () => {
    const h = await withProfile();
    await appendEntries(h, VERIFY_CHUNK * 2 + 17);
    const progress: [number, number][] = [];
    const result = await h.dl.audit.verify([], (done, total) => progress.push([done, total]));
    const total = VERIFY_CHUNK * 2 + 18; // + the profile's creation
    expect(result).toMatchObject({ ok: true, count: total });
    expect(progress).toEqual([
      [VERIFY_CHUNK, total],
      [VERIFY_CHUNK * 2, total],
      [total, total],
    ]);
  });

  it('finds an edit in a later chunk and a truncation of the tail', async () => {
    const h = await withProfile();
    const rows = await appendEntries(h, VERIFY_CHUNK + 50);
    const victim = rows[VERIFY_CHUNK + 10]!;
    await rawWrite(h.db, 'audit', (s) => s.put({ ...victim, after: { n: -1 } }));
    expect(await h.dl.audit.verify()).toMatchObject({ ok: false, problem: 'edited', seq: victim.seq });
    await rawWrite(h.db, 'audit', (s) => s.put(victim));
    await rawWrite(h.db, 'audit', (s) => s.delete(rows.at(-1)!.seq));
    expect(await h.dl.audit.verify()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('hands out each verified prefix, so a check stopped midway resumes from where it got to', async () => {
    const h = await withProfile();
    const rows = await appendEntries(h, VERIFY_CHUNK * 2 + 17);
    const victim = rows[VERIFY_CHUNK + 500]!; // in the second chunk
    await rawWrite(h.db, 'audit', (s) => s.put({ ...victim, after: { n: -1 } }));
    const prefixes: { seq: number; hash: string }[] = [];
    const broken = await h.dl.audit.verify([], undefined, { onVerified: (p) => prefixes.push(p) });
    expect(broken).toMatchObject({ ok: false, problem: 'edited', seq: victim.seq });
    // Only the first chunk passed, and its last entry is what was handed out.
    expect(prefixes).toEqual([{ seq: VERIFY_CHUNK, hash: rows[VERIFY_CHUNK - 2]!.hash }]);
    // Resuming from that prefix finds the same edit; once repaired, the rest verifies from there.
    expect(await h.dl.audit.verify([], undefined, { from: prefixes[0] })).toMatchObject({
      ok: false,
      problem: 'edited',
      seq: victim.seq,
    });
    await rawWrite(h.db, 'audit', (s) => s.put(victim));
    expect(await h.dl.audit.verify([], undefined, { from: prefixes[0] })).toMatchObject({
      ok: true,
      count: VERIFY_CHUNK + 18,
    });
  });
});
