import { describe, expect, it } from 'vitest';
import { withMinutesState, type UserRole } from '../../../shared/domain';
import { attendanceNames } from '../../../shared/domain/minutes-template';
import { signInRows } from '../../../shared/export/docx';
import { defaultOffice, toMeetingDocInput } from '../../../renderer/src/features/meetings/documents/build-doc-input';
import { auditRows, personInput, snapshotTables, unitInput, withProfile } from './helpers';

const guest = { guestName: '王明', guestUnitName: '区司法局', guestPost: '副局长' };

/** `onDay`: the meeting is today (the test clock's 2026-11-22) and notified, so sign-in is open. */
async function setup(o: { onDay?: boolean } = {}) {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township', shortName: '城关镇' }))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const member = (await h.dl.people.create(personInput('李明', town, { role: 'member' }))).id;
  const colleague = (await h.dl.people.create(personInput('周涛', town, { role: 'none', post: '副队长' }))).id;
  const m = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: o.onDay ? '2026-11-22T09:00' : '2026-12-09T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  if (o.onDay) await h.dl.meetings.transition(m.id, 'notified');
  const become = async (role: UserRole) => {
    const p = await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇人民政府', role });
    await h.dl.profiles.switchTo(p.id);
  };
  return { ...h, meetingId: m.id, chair, member, colleague, become };
}

describe('列席来宾 (a named guest who is not registered)', () => {
  it('adds a guest as 列席 with the typed name, unit and post, audited, after the registered observers', async () => {
    const h = await setup();
    const obs = await h.dl.attendance.addObserver(h.meetingId, h.colleague);
    const row = await h.dl.attendance.addGuest(h.meetingId, {
      guestName: ' 王明 ',
      guestUnitName: '区司法局',
      guestPost: '副局长',
    });
    expect(row).toMatchObject({ meetingId: h.meetingId, observer: true, status: 'invited', ...guest });
    expect(row.personId).toBeUndefined();
    expect((await h.dl.attendance.list(h.meetingId)).slice(-2).map((a) => a.id)).toEqual([obs.id, row.id]);
    expect((await auditRows(h.db)).at(-1)).toMatchObject({
      entity: 'attendance',
      entityId: row.id,
      action: 'create',
      after: row,
      reason: '列席来宾',
    });
    // Stored without a personId: the row is in the meetingId index, not in the personId ones.
    expect(await h.db.attendance.where('personId').equals('').count()).toBe(0);
    expect(await h.db.attendance.where('meetingId').equals(h.meetingId).count()).toBe(4);
  });

  it('refuses a guest without a name or unit, a second time, with text the rule refuses, and for other roles', async () => {
    const h = await setup();
    await h.dl.attendance.addGuest(h.meetingId, guest);
    const before = await snapshotTables(h.db);
    await expect(h.dl.attendance.addGuest(h.meetingId, { ...guest, guestName: '  ' })).rejects.toThrow('请填写姓名');
    await expect(h.dl.attendance.addGuest(h.meetingId, { ...guest, guestUnitName: '' })).rejects.toThrow('请填写单位');
    await expect(h.dl.attendance.addGuest(h.meetingId, { ...guest, guestName: '王'.repeat(21) })).rejects.toThrow(
      '姓名不能超过 20 个字',
    );
    await expect(h.dl.attendance.addGuest(h.meetingId, { ...guest, guestPost: '副局长' })).rejects.toMatchObject({
      code: 'conflict',
      message: '“区司法局王明”已在本次会议列席名单中',
    });
    expect(await snapshotTables(h.db)).toEqual(before);

    // Like adding people: only the office records attendance.
    await h.become('convener');
    const asChair = await snapshotTables(h.db);
    await expect(h.dl.attendance.addGuest(h.meetingId, { ...guest, guestName: '赵六' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await snapshotTables(h.db)).toEqual(asChair);
  });

  it('signs a guest in on the day, refuses 代会 for a guest, and removes a guest not signed in', async () => {
    const h = await setup({ onDay: true });
    const row = await h.dl.attendance.addGuest(h.meetingId, guest);
    await expect(h.dl.attendance.setSubstitute(row.id, { substituteName: '吴敏' })).rejects.toThrow(
      '列席来宾不能由他人代会',
    );
    const signed = await h.dl.attendance.signIn(row.id);
    expect(signed).toMatchObject({ status: 'present', observer: true, ...guest });
    expect(signed.signedInAt).toMatch(/^2026-11-22T/);
    await expect(h.dl.attendance.remove(row.id)).rejects.toThrow(/已签到，不能移出参会名单/);

    const other = await h.dl.attendance.addGuest(h.meetingId, { guestName: '赵六', guestUnitName: '区人大办' });
    await h.dl.attendance.remove(other.id);
    expect((await auditRows(h.db)).at(-1)).toMatchObject({ entity: 'attendance', action: 'delete', before: other });
    expect((await h.dl.attendance.list(h.meetingId)).filter((a) => !a.personId).map((a) => a.guestName)).toEqual([
      '王明',
    ]);
  });

  it('cannot add a guest once the minutes are signed', async () => {
    const h = await setup();
    for (const to of ['notified', 'held'] as const) await h.dl.meetings.transition(h.meetingId, to);
    await h.db.meetings.put(withMinutesState((await h.db.meetings.get(h.meetingId))!, 'signed'));
    await expect(h.dl.attendance.addGuest(h.meetingId, guest)).rejects.toThrow(
      '会议处于“已签发”状态，不能添加列席人员',
    );
  });

  it('shows the guest in the 签到表 rows and the 纪要 列席 line by the typed unit, post and name', async () => {
    const h = await setup({ onDay: true });
    await h.dl.attendance.addObserver(h.meetingId, h.colleague);
    const row = await h.dl.attendance.addGuest(h.meetingId, guest);
    await h.dl.attendance.signIn(row.id);

    const src = await h.dl.documentSettings.meetingSources(h.meetingId);
    const doc = toMeetingDocInput(src, defaultOffice(src.units), { noticeDate: '2026-11-18' });
    expect(doc.attendees.find((a) => a.name === '王明')).toEqual({
      unit: '区司法局',
      post: '副局长',
      name: '王明',
      status: '列席',
    });
    expect(signInRows(doc.attendees)).toContainEqual(['区司法局', '副局长', '王明', '', '']);

    const all = await h.dl.attendance.list(h.meetingId);
    for (const a of all.filter((x) => x.personId)) await h.dl.attendance.signIn(a.id);
    const names = attendanceNames({
      attendance: await h.dl.attendance.list(h.meetingId),
      people: src.people,
      units: src.units,
    });
    expect(names.observers).toEqual(['城关镇周涛', '区司法局副局长王明']);
    expect(names.present).toEqual(['城关镇陈建国', '城关镇李明']);
    // A guest's unit is not a registered 出席单位.
    expect(names.presentUnits).toEqual(['城关镇']);
  });
});
