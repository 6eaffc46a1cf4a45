import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealAuditEntry, type AuditEntry } from '../../../shared/domain';
import {
  clearAuditCheckpoint,
  readAuditCheckpoint,
  saveAuditCheckpoint,
  type CheckpointStorage,
} from '../../../renderer/src/db/audit-checkpoint';
import { auditRows, rawWrite, unitInput, withProfile } from './helpers';

function memoryStorage(): CheckpointStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A profile and 11 more audited writes (12 entries), verified once: the checkpoint is at its head. */
async function checkedTrail() {
  const h = await withProfile();
  for (let i = 1; i <= 11; i++) await h.dl.units.create(unitInput(`第${i}局`));
  const storage = memoryStorage();
  const first = await h.dl.audit.verify();
  expect(first).toMatchObject({ ok: true, count: 12 });
  saveAuditCheckpoint(h.db.name, first.ok ? first.head : null, new Date('2026-12-03T06:00:00Z'), storage);
  const checkpoint = readAuditCheckpoint(h.db.name, storage)!;
  expect(checkpoint).toMatchObject({ seq: 12 });
  return { ...h, storage, checkpoint, rows: await auditRows(h.db) };
}

describe('audit checkpoint kept outside the database', () => {
  it('is stored, read back and cleared; anything malformed reads as none (a full check then runs)', () => {
    const s = memoryStorage();
    expect(readAuditCheckpoint('jointdesk', s)).toBeNull();
    saveAuditCheckpoint('jointdesk', { seq: 3, hash: 'a'.repeat(64) }, new Date('2026-12-03T06:00:00Z'), s);
    expect(readAuditCheckpoint('jointdesk', s)).toEqual({
      seq: 3,
      hash: 'a'.repeat(64),
      verifiedAt: '2026-12-03T06:00:00.000Z',
    });
    // Another database's checkpoint is its own.
    expect(readAuditCheckpoint('jointdesk-restore-staging', s)).toBeNull();
    for (const bad of ['{', '{"seq":0,"hash":"x","verifiedAt":""}', '{"seq":3,"hash":"ab","verifiedAt":"t"}', '[]']) {
      s.map.set('jointdesk.audit.checkpoint.jointdesk', bad);
      expect(readAuditCheckpoint('jointdesk', s), bad).toBeNull();
    }
    saveAuditCheckpoint('jointdesk', null, new Date(), s); // an empty trail: nothing to keep
    clearAuditCheckpoint('jointdesk', s);
    expect(s.map.size).toBe(0);
  });

  it('resumes from the checkpoint: only the entries since are hashed, and an intact trail passes', async () => {
    const { dl, checkpoint } = await checkedTrail();
    await dl.units.create(unitInput('第12局'));
    await dl.units.create(unitInput('第13局'));
    const progress: [number, number][] = [];
    const r = await dl.audit.verify([], (done, total) => progress.push([done, total]), { from: checkpoint });
    expect(r).toMatchObject({ ok: true, count: 2, head: { seq: 14 } });
    expect(progress.at(-1)).toEqual([2, 2]);
    // Nothing new since: still fine, and the head stays unknown to this run.
    const none = await dl.audit.verify([], undefined, { from: { seq: 14, hash: (r.ok && r.head?.hash) || '' } });
    expect(none).toMatchObject({ ok: true, count: 0 });
  });

  it('an edit after the checkpoint is found by the resumed check', async () => {
    const { db, dl, checkpoint } = await checkedTrail();
    await dl.units.create(unitInput('第12局'));
    const last = (await auditRows(db)).at(-1)!;
    await rawWrite(db, 'audit', (s) => s.put({ ...last, actorName: '冒名者' }));
    expect(await dl.audit.verify([], undefined, { from: checkpoint })).toMatchObject({
      ok: false,
      problem: 'edited',
      seq: 13,
    });
  });

  // Three of the raw-IndexedDB tamperings the stored anchor alone could not see (issue 10).
  it('truncate the trail and move its head back: found at start and by 校验完整性', async () => {
    const { db, dl, checkpoint, rows } = await checkedTrail();
    await rawWrite(db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(9)));
    await rawWrite(db, 'settings', (s) => s.put({ key: 'audit.head', value: { seq: 8, hash: rows[7]!.hash } }));
    // The chain alone looks consistent; the records created by the lost entries are not on it any more.
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'record-unaudited' });
    expect(await dl.audit.verify([], undefined, { from: checkpoint })).toMatchObject({
      ok: false,
      problem: 'truncated',
      seq: 12,
      message: '审计记录上次校验时有 12 条，现在第 12 条已不存在（记录被截断或删除）',
    });
    expect(await dl.audit.verify([checkpoint])).toMatchObject({ ok: false, problem: 'truncated', seq: 9 });
  });

  it('delete every entry and the head: found', async () => {
    const { db, dl, checkpoint } = await checkedTrail();
    await rawWrite(db, 'audit', (s) => s.clear());
    await rawWrite(db, 'settings', (s) => s.delete('audit.head'));
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'record-unaudited' });
    expect(await dl.audit.verify([], undefined, { from: checkpoint })).toMatchObject({
      ok: false,
      problem: 'truncated',
    });
    expect(await dl.audit.verify([checkpoint])).toMatchObject({ ok: false, problem: 'truncated', seq: 1 });
  });

  it('re-seal the whole chain (one entry changed) with a new head: found at the checkpoint', async () => {
    const { db, dl, checkpoint, rows } = await checkedTrail();
    let prevHash = GENESIS_HASH;
    const resealed: AuditEntry[] = rows.map((e) => {
      const s = sealAuditEntry({ ...e, prevHash, ...(e.seq === 3 ? { actorName: '冒名者' } : {}) });
      prevHash = s.hash;
      return s;
    });
    for (const e of resealed) await rawWrite(db, 'audit', (s) => s.put(e));
    await rawWrite(db, 'settings', (s) => s.put({ key: 'audit.head', value: { seq: 12, hash: prevHash } }));
    expect((await dl.audit.verify()).ok).toBe(true);
    expect(await dl.audit.verify([], undefined, { from: checkpoint })).toMatchObject({
      ok: false,
      problem: 'anchor-mismatch',
      seq: 12,
      message: '第 12 条记录与上次校验时不同（记录链可能被整体改写）',
    });
    expect(await dl.audit.verify([checkpoint])).toMatchObject({ ok: false, problem: 'anchor-mismatch', seq: 12 });
  });
});
