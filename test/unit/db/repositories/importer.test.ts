import { describe, expect, it } from 'vitest';
import type { ValidatedUnitsPeople } from '../../../../shared/import/types';
import { auditRows, snapshotTables, unitInput, withProfile } from '../helpers';

function workbook(): ValidatedUnitsPeople {
  return {
    units: [
      { name: '安平镇人民政府', kind: 'township', liaisonName: '林一', liaisonPhone: '13800000001' },
      { name: '区生态环境局', kind: 'district_department' },
    ],
    people: [
      { name: '陈镇长', unitName: '安平镇人民政府', role: 'chief_convener', post: '镇长' },
      { name: '黄科长', unitName: '区生态环境局', role: 'liaison' },
      { name: '周队长', unitName: '区综合执法大队', role: 'member' },
    ],
  };
}

describe('units and people import', () => {
  it('writes units and people in one transaction, resolving unit names old and new', async () => {
    const { db, dl } = await withProfile();
    const existing = await dl.units.create(unitInput('区综合执法大队', { kind: 'enforcement_team' }));
    const count = await db.audit.count();

    expect(await dl.importer.unitsAndPeople(workbook())).toEqual({ units: 2, people: 3 });

    const units = await dl.units.list();
    const idOf = (name: string) => units.find((u) => u.name === name)!.id;
    const people = await dl.people.list();
    expect(people.map((p) => [p.name, p.unitId])).toEqual([
      ['陈镇长', idOf('安平镇人民政府')],
      ['周队长', existing.id],
      ['黄科长', idOf('区生态环境局')],
    ]);
    const rows = (await auditRows(db)).slice(count);
    expect(rows.map((r) => [r.entity, r.action])).toEqual([
      ['unit', 'import'],
      ['unit', 'import'],
      ['person', 'import'],
      ['person', 'import'],
      ['person', 'import'],
    ]);
    expect((await dl.audit.verify()).ok).toBe(true);
  });

  it('writes nothing when one person names a unit that does not exist', async () => {
    const { db, dl } = await withProfile();
    const before = await snapshotTables(db);
    // 区综合执法大队 is neither in the database nor in the file.
    await expect(dl.importer.unitsAndPeople(workbook())).rejects.toMatchObject({
      code: 'import-invalid',
      message: '人员表第 3 条（周队长）：所属单位“区综合执法大队”不存在或已归档',
    });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('does not resolve names to archived units', async () => {
    const { db, dl } = await withProfile();
    const old = await dl.units.create(unitInput('区综合执法大队', { kind: 'enforcement_team' }));
    await dl.units.archive(old.id);
    const before = await snapshotTables(db);
    await expect(dl.importer.unitsAndPeople(workbook())).rejects.toThrow('不存在或已归档');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('names the row of an invalid cell, a duplicate unit, and uses Excel row numbers when given', async () => {
    const { db, dl } = await withProfile();
    await dl.units.create(unitInput('区生态环境局'));
    const before = await snapshotTables(db);

    const badPhone = workbook();
    badPhone.units[0] = { ...badPhone.units[0]!, liaisonPhone: '123' };
    await expect(dl.importer.unitsAndPeople(badPhone)).rejects.toThrow(
      /^单位表第 1 条（安平镇人民政府）：联络电话：电话号码格式不正确/,
    );

    await expect(dl.importer.unitsAndPeople(workbook())).rejects.toMatchObject({
      code: 'conflict',
      message: '单位表第 2 条（区生态环境局）：已存在同名单位“区生态环境局”',
    });

    const twice = workbook();
    twice.units.push({ ...twice.units[0]!, row: 7 } as never);
    await expect(dl.importer.unitsAndPeople(twice)).rejects.toThrow(
      '单位表第 7 行（安平镇人民政府）：单位“安平镇人民政府”在表中重复',
    );

    expect(await snapshotTables(db)).toEqual(before);
  });
});
