import { describe, expect, it } from 'vitest';
import { AUDIT_IDENTITY_FIELDS, DomainError } from '../../../../shared/domain';
import { createDataLayer } from '../../../../renderer/src/db/data-layer';
import {
  auditRows,
  auditRowsWhole,
  deterministicOptions,
  freshDatabase,
  personInput,
  unitInput,
  withProfile,
} from '../helpers';

describe('units repository', () => {
  it('creates a unit and appends exactly one audit entry attributed to the current profile', async () => {
    const { db, dl, profile } = await withProfile();
    const before = await auditRowsWhole(db);

    const unit = await dl.units.create(
      unitInput(' 区市场监管局 ', { shortName: '市场监管', liaisonPhone: '13800000001' }),
    );

    expect(unit).toMatchObject({ name: '区市场监管局', kind: 'district_department', archived: false });
    expect(await db.units.get(unit.id)).toEqual(unit);
    const rows = await auditRowsWhole(db);
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toMatchObject({
      seq: before.length + 1,
      actorId: profile.id,
      actorName: '王小明',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: unit.id,
      action: 'create',
      before: null,
      after: unit,
      prevHash: before.at(-1)!.hash,
    });
    expect(await dl.audit.head()).toEqual({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
  });

  it('rejects invalid input with a Chinese message that names the field, writing nothing', async () => {
    const { db, dl } = await withProfile();
    const count = await db.audit.count();
    await expect(dl.units.create({ kind: 'township' })).rejects.toMatchObject({
      code: 'validation',
      message: '单位名称：请填写单位名称',
    });
    await expect(dl.units.create({ name: '甲镇' })).rejects.toThrow('单位类别：请选择单位类别');
    await expect(dl.units.create(unitInput('甲镇', { liaisonPhone: '12345' }))).rejects.toThrow(
      /^联络电话：电话号码格式不正确/,
    );
    expect(await db.units.count()).toBe(0);
    expect(await db.audit.count()).toBe(count);
  });

  it('refuses a second live unit with the same name but allows an archived namesake', async () => {
    const { dl } = await withProfile();
    const first = await dl.units.create(unitInput('区住建局'));
    await expect(dl.units.create(unitInput('区住建局'))).rejects.toMatchObject({
      code: 'conflict',
      message: '已存在同名单位“区住建局”',
    });
    await dl.units.archive(first.id);
    const second = await dl.units.create(unitInput('区住建局'));
    // Restoring the old one would make two live namesakes.
    await expect(dl.units.restore(first.id)).rejects.toMatchObject({ code: 'conflict' });
    const other = await dl.units.create(unitInput('区农业农村局'));
    await expect(dl.units.update(other.id, { name: '区住建局' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await dl.units.list()).map((u) => u.id).sort()).toEqual([second.id, other.id].sort());
  });

  it('updates only the given fields and audits before and after', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('甲镇人民政府', { kind: 'township', liaisonName: '张三' }));
    const updated = await dl.units.update(unit.id, { liaisonPhone: '0599-1234567' });
    expect(updated).toMatchObject({
      name: '甲镇人民政府',
      kind: 'township',
      liaisonName: '张三',
      liaisonPhone: '0599-1234567',
    });
    expect(updated.createdAt).toBe(unit.createdAt);
    expect(updated.updatedAt > unit.updatedAt).toBe(true);
    const last = (await auditRowsWhole(db)).at(-1)!;
    expect(last).toMatchObject({ action: 'update', entityId: unit.id, before: unit, after: updated });
    // As stored: only the fields that changed, and the name that says which unit (AUD: no two full copies).
    const stored = (await auditRows(db)).at(-1)!;
    expect(stored.changedOnly).toBe(true);
    const changed = Object.keys(stored.after as object).sort();
    expect(changed).toEqual(
      Object.keys(updated)
        .filter(
          (k) =>
            (AUDIT_IDENTITY_FIELDS as readonly string[]).includes(k) ||
            JSON.stringify(updated[k as keyof typeof updated]) !== JSON.stringify(unit[k as keyof typeof unit]),
        )
        .sort(),
    );
    expect(changed).not.toContain('createdAt');
    await expect(dl.units.update('nope', { name: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('archives and restores with one audit entry each; the list hides archived units by default', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('乙街道办事处', { kind: 'township' }));
    const count = await db.audit.count();
    const archived = await dl.units.archive(unit.id);
    expect(archived).toMatchObject({ archived: true, archivedAt: archived.updatedAt });
    expect(await dl.units.list()).toEqual([]);
    expect(await dl.units.list({ includeArchived: true })).toEqual([archived]);
    const restored = await dl.units.restore(unit.id);
    expect(restored.archived).toBe(false);
    expect(restored).not.toHaveProperty('archivedAt');
    const rows = (await auditRowsWhole(db)).slice(count);
    expect(rows.map((r) => r.action)).toEqual(['archive', 'restore']);
    expect(rows[0]).toMatchObject({ before: unit, after: archived });
    expect(rows[1]).toMatchObject({ before: archived, after: restored });
  });

  it('sorts by kind, then by name in pinyin order, and searches several fields case-insensitively', async () => {
    const { dl } = await withProfile();
    await dl.units.create(unitInput('区自然资源局'));
    await dl.units.create(unitInput('区生态环境局', { liaisonName: 'Li Ming' }));
    await dl.units.create(unitInput('北门街道办事处', { kind: 'township', liaisonPhone: '13912345678' }));
    await dl.units.create(unitInput('安平镇人民政府', { kind: 'township', shortName: '安平' }));
    expect((await dl.units.list()).map((u) => u.name)).toEqual([
      '安平镇人民政府',
      '北门街道办事处',
      '区生态环境局',
      '区自然资源局',
    ]);
    expect((await dl.units.list({ search: 'li ming' })).map((u) => u.name)).toEqual(['区生态环境局']);
    expect((await dl.units.list({ search: '3912' })).map((u) => u.name)).toEqual(['北门街道办事处']);
    expect((await dl.units.list({ search: '安平' })).map((u) => u.name)).toEqual(['安平镇人民政府']);
    expect(await dl.units.list({ search: '  ' })).toHaveLength(4);
  });

  it('counts references from every kind of record, archives a referenced unit and refuses to delete it', async () => {
    const { db, dl } = await withProfile();
    const a = await dl.units.create(unitInput('甲局'));
    const b = await dl.units.create(unitInput('乙局'));
    const lonely = await dl.units.create(unitInput('丙局'));
    await dl.people.create(personInput('张三', a.id));
    // Other records are written straight into their tables: only the references matter here.
    const meta = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    await db.topics.add({ id: 't1', submittingUnitId: a.id, relatedUnitIds: [a.id, b.id], ...meta } as never);
    await db.disputes.add({ id: 'd1', partyUnitIds: [b.id, a.id], firstHandlingUnitId: b.id, ...meta } as never);
    await db.resolutions.add({ id: 'r1', leadUnitId: b.id, coUnitIds: [a.id], ...meta } as never);
    await db.agendaItems.add({ id: 'g1', presenterUnitId: b.id, ...meta } as never);

    // a: person, topic t1 (counted once), dispute d1, resolution r1 → 4; b: t1, d1, r1, g1 → 4.
    expect(await dl.units.referenceCount(a.id)).toBe(4);
    expect(await dl.units.referenceCount(b.id)).toBe(4);
    expect(await dl.units.referenceCount(lonely.id)).toBe(0);

    const count = await db.audit.count();
    await expect(dl.units.remove(a.id)).rejects.toMatchObject({
      code: 'referenced',
      message: '该单位已被人员、议题、会议或争议等记录引用，不能删除，只能归档',
    });
    expect(await db.audit.count()).toBe(count);
    expect((await dl.units.archive(a.id)).archived).toBe(true);

    await dl.units.remove(lonely.id);
    expect(await dl.units.get(lonely.id)).toBeUndefined();
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({
      action: 'delete',
      entityId: lonely.id,
      before: lonely,
      after: null,
    });
  });

  it('refuses every write when no profile is current', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, deterministicOptions());
    const err = await dl.units.create(unitInput('甲局')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'no-profile', message: '请先选择当前用户' });
    expect(await db.units.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
