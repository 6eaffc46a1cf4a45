import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../../renderer/src/db/data-layer';
import { auditRows, deterministicOptions, freshDatabase, withProfile } from '../helpers';

describe('profiles repository', () => {
  it('creates the first profile, makes it current and audits it with itself as actor', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, deterministicOptions());
    expect(await dl.profiles.current()).toBeUndefined();
    const p = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    expect(await dl.profiles.current()).toEqual(p);
    const rows = await auditRows(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      seq: 1,
      entity: 'profile',
      entityId: p.id,
      action: 'create',
      actorId: p.id,
      after: p,
    });
  });

  it('switches the current profile with one audit entry by the new profile', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db, deterministicOptions());
    const a = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    const b = await dl.profiles.create({ name: '刘主任', unitName: '镇政府', role: 'convener' });
    expect((await dl.profiles.current())?.id).toBe(b.id);
    await dl.profiles.switchTo(a.id);
    expect((await dl.profiles.current())?.id).toBe(a.id);
    const rows = await auditRows(db);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      entity: 'settings',
      entityId: 'profile.current',
      action: 'update',
      actorId: a.id,
      before: { profileId: b.id, name: '刘主任' },
      after: { profileId: a.id, name: '王小明' },
    });
    expect((await dl.profiles.list()).map((p) => p.id)).toEqual([a.id, b.id]);
    await expect(dl.profiles.switchTo('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('validates the profile with Chinese messages', async () => {
    const dl = createDataLayer(freshDatabase(), deterministicOptions());
    await expect(dl.profiles.create({ name: '王小明', unitName: '办公室' })).rejects.toThrow('角色：请选择角色');
    await expect(dl.profiles.create({ name: '', unitName: '办公室', role: 'liaison' })).rejects.toThrow(
      '姓名：请填写姓名',
    );
  });
});

describe('a liaison profile and its member unit', () => {
  it('is set on creation or later, by the person or the office, to a live unit; audited', async () => {
    const { dl, db } = await withProfile();
    const office = (await dl.profiles.current())!;
    const unit = await dl.units.create({ name: '区市场监督管理局', kind: 'district_department' });
    const old = await dl.units.create({ name: '原城关工商所', kind: 'district_department' });
    await dl.units.archive(old.id);
    const liaison = await dl.profiles.create({
      name: '黄科长',
      unitName: '区市场监管局',
      role: 'liaison',
      unitId: unit.id,
    });
    expect(liaison.unitId).toBe(unit.id);
    await expect(
      dl.profiles.create({ name: '李四', unitName: '某局', role: 'liaison', unitId: 'nope' }),
    ).rejects.toThrow('所属成员单位：找不到该单位');
    expect(await dl.profiles.setUnit(liaison.id, undefined)).not.toHaveProperty('unitId');
    await expect(dl.profiles.setUnit(liaison.id, old.id)).rejects.toThrow('已归档');
    // another liaison may not set it; the office may
    await dl.profiles.create({ name: '王五', unitName: '城关镇', role: 'liaison' });
    await expect(dl.profiles.setUnit(liaison.id, unit.id)).rejects.toMatchObject({ code: 'forbidden' });
    await dl.profiles.switchTo(office.id);
    expect((await dl.profiles.setUnit(liaison.id, unit.id)).unitId).toBe(unit.id);
    const entries = (await db.audit.toArray()).filter((e) => e.entity === 'profile' && e.entityId === liaison.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });
});
