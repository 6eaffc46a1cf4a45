import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sealAuditEntry, type AuditEntry } from '../../../../shared/domain';
import { auditRows, personInput, rawWrite, unitInput, withProfile, type Harness } from '../helpers';

/** A profile plus 9 audited writes: 10 entries. */
async function tenEntries(): Promise<Harness & { rows: AuditEntry[] }> {
  const h = await withProfile();
  const unit = await h.dl.units.create(unitInput('甲局'));
  for (const name of ['张一', '张二', '张三', '张四']) await h.dl.people.create(personInput(name, unit.id));
  await h.dl.units.update(unit.id, { liaisonName: '张一' });
  await h.dl.units.create(unitInput('乙局'));
  await h.dl.units.create(unitInput('丙局'));
  await h.dl.units.archive(unit.id);
  const rows = await auditRows(h.db);
  expect(rows).toHaveLength(10);
  return { ...h, rows };
}

describe('audit trail', () => {
  it('is a verifiable gapless chain with the anchor at its head', async () => {
    const { dl, rows } = await tenEntries();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await dl.audit.verify()).toEqual({ ok: true, count: 10, head: { seq: 10, hash: rows[9]!.hash } });
    expect(await dl.audit.head()).toEqual({ seq: 10, hash: rows[9]!.hash });
    expect(await dl.audit.count()).toBe(10);
  });

  it('lists newest first, by entity, by record and with a limit', async () => {
    const { dl, rows } = await tenEntries();
    expect((await dl.audit.list()).map((r) => r.seq)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await dl.audit.list({ entity: 'person' })).map((r) => r.seq)).toEqual([6, 5, 4, 3]);
    const unitId = rows[1]!.entityId;
    expect((await dl.audit.list({ entity: 'unit', entityId: unitId })).map((r) => r.action)).toEqual([
      'archive',
      'update',
      'create',
    ]);
    expect((await dl.audit.list({ entityId: unitId, limit: 1 })).map((r) => r.seq)).toEqual([10]);
    expect((await dl.audit.list({ limit: 2 })).map((r) => r.seq)).toEqual([10, 9]);
  });

  it('cannot be changed or deleted through Dexie', async () => {
    const { db, rows } = await tenEntries();
    await expect(db.audit.update(3, { actorName: '李四' })).rejects.toThrow('审计记录只能追加，不能修改');
    await expect(db.audit.put({ ...rows[2]!, actorName: '李四' })).rejects.toThrow('审计记录只能追加');
    await expect(db.audit.delete(3)).rejects.toThrow('审计记录只能追加，不能删除');
    await expect(db.audit.where('seq').above(5).delete()).rejects.toThrow('审计记录只能追加');
    await expect(db.audit.clear()).rejects.toThrow('审计记录只能追加');
    expect(await auditRows(db)).toEqual(rows);
  });

  it('detects an edited entry', async () => {
    const { db, dl, rows } = await tenEntries();
    await rawWrite(db, 'audit', (s) => s.put({ ...rows[6]!, actorName: '冒名者' }));
    expect(await dl.audit.verify()).toMatchObject({
      ok: false,
      problem: 'edited',
      seq: 7,
      message: '第 7 条记录内容被修改',
    });
  });

  it('detects a deleted entry', async () => {
    const { db, dl } = await tenEntries();
    await rawWrite(db, 'audit', (s) => s.delete(4));
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'deleted', seq: 4 });
  });

  it('detects two entries swapped', async () => {
    const { db, dl, rows } = await tenEntries();
    await rawWrite(db, 'audit', (s) => s.put({ ...rows[7]!, seq: 3 }));
    await rawWrite(db, 'audit', (s) => s.put({ ...rows[2]!, seq: 8 }));
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'reordered', seq: 3 });
  });

  it('detects truncation of the tail through the anchor', async () => {
    const { db, dl } = await tenEntries();
    await rawWrite(db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(8)));
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'truncated', seq: 8 });
  });

  it('keeps a truncation visible after the next write instead of re-anchoring over it', async () => {
    const { db, dl } = await tenEntries();
    await rawWrite(db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(8)));
    await dl.units.create(unitInput('丁局'));
    expect((await auditRows(db)).at(-1)!.seq).toBe(11);
    expect(await dl.audit.verify()).toMatchObject({ ok: false, problem: 'deleted', seq: 8 });
  });

  it('detects a chain recomputed after an edit by comparing with an outside anchor', async () => {
    const { db, dl, rows } = await tenEntries();
    const exported = { seq: 10, hash: rows[9]!.hash };
    // Re-seal the whole chain from entry 5 on, and move the stored anchor along.
    let prevHash = rows[3]!.hash;
    const resealed = rows.slice(4).map((e) => {
      const s = sealAuditEntry({ ...e, prevHash, ...(e.seq === 5 ? { actorName: '冒名者' } : {}) });
      prevHash = s.hash;
      return s;
    });
    for (const e of resealed) await rawWrite(db, 'audit', (s) => s.put(e));
    await rawWrite(db, 'settings', (s) => s.put({ key: 'audit.head', value: { seq: 10, hash: prevHash } }));
    expect((await dl.audit.verify()).ok).toBe(true);
    expect(await dl.audit.verify([exported])).toMatchObject({ ok: false, problem: 'anchor-mismatch', seq: 10 });
  });
});
