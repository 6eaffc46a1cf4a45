import { describe, expect, it } from 'vitest';
import { auditRows, personInput, unitInput, withProfile } from '../helpers';

describe('people repository', () => {
  it('creates a person in a live unit with one audit entry', async () => {
    const { db, dl, profile } = await withProfile();
    const unit = await dl.units.create(unitInput('区司法局'));
    const count = await db.audit.count();
    const person = await dl.people.create(personInput('李四', unit.id, { post: '副局长', phone: '13800000002' }));
    expect(person).toMatchObject({ name: '李四', unitId: unit.id, role: 'member', archived: false });
    const rows = await auditRows(db);
    expect(rows).toHaveLength(count + 1);
    expect(rows.at(-1)).toMatchObject({
      entity: 'person',
      action: 'create',
      actorId: profile.id,
      after: person,
      before: null,
    });
  });

  it('requires the unit to exist and not be archived', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('区司法局'));
    await expect(dl.people.create(personInput('李四', 'missing'))).rejects.toMatchObject({
      code: 'validation',
      message: '所属单位不存在或已归档',
      field: { path: ['unitId'], message: '所属单位不存在或已归档' },
    });
    await dl.units.archive(unit.id);
    await expect(dl.people.create(personInput('李四', unit.id))).rejects.toThrow('所属单位不存在或已归档');
    await expect(dl.people.create({ unitId: unit.id, role: 'member' })).rejects.toMatchObject({
      message: '姓名：请填写姓名',
      field: { path: ['name'], message: '请填写姓名' },
    });
    await expect(dl.people.create({ name: '李四', role: 'member' })).rejects.toThrow('所属单位：请填写所属单位');
    expect(await db.people.count()).toBe(0);
  });

  it('moves a person only to a live unit, and keeps untouched fields on update', async () => {
    const { dl } = await withProfile();
    const a = await dl.units.create(unitInput('甲局'));
    const b = await dl.units.create(unitInput('乙局'));
    const person = await dl.people.create(personInput('王五', a.id, { post: '科长' }));
    await dl.units.archive(b.id);
    await expect(dl.people.update(person.id, { unitId: b.id })).rejects.toThrow('所属单位不存在或已归档');
    await dl.units.archive(a.id);
    // Staying in a unit that has since been archived is fine.
    const updated = await dl.people.update(person.id, { role: 'liaison' });
    expect(updated).toMatchObject({ unitId: a.id, post: '科长', role: 'liaison' });
  });

  it('refuses to delete a referenced person but archives them; deletes an unreferenced one', async () => {
    const { db, dl } = await withProfile();
    const unit = await dl.units.create(unitInput('甲局'));
    const chair = await dl.people.create(personInput('赵六', unit.id, { role: 'chief_convener' }));
    const attendee = await dl.people.create(personInput('钱七', unit.id));
    const submitter = await dl.people.create(personInput('孙八', unit.id));
    const free = await dl.people.create(personInput('周九', unit.id));
    const meta = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    await db.meetings.add({ id: 'm1', chairPersonId: chair.id, ...meta } as never);
    await db.attendance.add({
      id: 'a1',
      meetingId: 'm1',
      personId: attendee.id,
      substitutePersonId: chair.id,
      ...meta,
    } as never);
    await db.topics.add({ id: 't1', submitterPersonId: submitter.id, relatedUnitIds: [], ...meta } as never);

    expect(await dl.people.referenceCount(chair.id)).toBe(2);
    expect(await dl.people.referenceCount(attendee.id)).toBe(1);
    expect(await dl.people.referenceCount(submitter.id)).toBe(1);
    for (const p of [chair, attendee, submitter]) {
      await expect(dl.people.remove(p.id)).rejects.toMatchObject({ code: 'referenced' });
    }
    expect((await dl.people.archive(chair.id)).archived).toBe(true);
    await dl.people.remove(free.id);
    expect(await dl.people.get(free.id)).toBeUndefined();
    expect((await auditRows(db)).at(-1)).toMatchObject({ entity: 'person', action: 'delete', before: free });
  });

  it('lists by role then name, filters by unit and search, hides archived people', async () => {
    const { dl } = await withProfile();
    const a = await dl.units.create(unitInput('甲局'));
    const b = await dl.units.create(unitInput('乙局'));
    await dl.people.create(personInput('张伟', a.id, { role: 'liaison', phone: '13511112222' }));
    await dl.people.create(personInput('陈静', a.id, { role: 'chief_convener' }));
    await dl.people.create(personInput('白雪', a.id, { role: 'liaison' }));
    const gone = await dl.people.create(personInput('李强', b.id, { post: '队长' }));
    await dl.people.archive(gone.id);
    expect((await dl.people.list()).map((p) => p.name)).toEqual(['陈静', '白雪', '张伟']);
    expect((await dl.people.list({ unitId: b.id })).map((p) => p.name)).toEqual([]);
    expect((await dl.people.list({ unitId: b.id, includeArchived: true })).map((p) => p.name)).toEqual(['李强']);
    expect((await dl.people.list({ search: '1111' })).map((p) => p.name)).toEqual(['张伟']);
    expect((await dl.people.list({ search: '队长', includeArchived: true })).map((p) => p.name)).toEqual(['李强']);
  });

  it('restores an archived person only while their unit is live', async () => {
    const { dl } = await withProfile();
    const unit = await dl.units.create(unitInput('甲局'));
    const person = await dl.people.create(personInput('吴十', unit.id));
    await dl.people.archive(person.id);
    await dl.units.archive(unit.id);
    await expect(dl.people.restore(person.id)).rejects.toThrow('所属单位不存在或已归档');
    await dl.units.restore(unit.id);
    expect((await dl.people.restore(person.id)).archived).toBe(false);
  });
});
