import { describe, expect, it } from 'vitest';
import { withMinutesState } from '../../../shared/domain';
import { auditRows, personInput, snapshotTables, unitInput, withProfile, type Harness } from './helpers';

interface Setup extends Harness {
  meetingId: string;
  chair: string;
  member: string;
  colleague: string;
  retired: string;
}

/** `onDay`: the meeting is today (the test clock's 2026-11-22) and notified, so sign-in is open. */
async function setup(o: { onDay?: boolean } = {}): Promise<Setup> {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const member = (await h.dl.people.create(personInput('李明', town, { role: 'member' }))).id;
  const colleague = (await h.dl.people.create(personInput('周涛', town, { role: 'none', post: '副队长' }))).id;
  const retired = (await h.dl.people.create(personInput('钱七', town, { role: 'none' }))).id;
  await h.dl.people.archive(retired);
  const m = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: o.onDay ? '2026-11-22T09:00' : '2026-12-09T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  if (o.onDay) await h.dl.meetings.transition(m.id, 'notified');
  return { ...h, meetingId: m.id, chair, member, colleague, retired };
}

async function rowOf(h: Setup, personId: string) {
  const row = (await h.dl.attendance.list(h.meetingId)).find((a) => a.personId === personId);
  if (!row) throw new Error('not invited');
  return row;
}

describe('attendance repository', () => {
  it('opens sign-in on the meeting day, not weeks ahead', async () => {
    const h = await setup();
    const row = await rowOf(h, h.member);
    const before = await snapshotTables(h.db);
    await expect(h.dl.attendance.signIn(row.id)).rejects.toThrow(
      '签到在会议当天开放（会议日期：2026年12月9日）；提前确认的出席情况请在名单中标记',
    );
    expect(await snapshotTables(h.db)).toEqual(before);
  });

  it('adds observers (列席) after the invitees and refuses duplicates and archived people', async () => {
    const h = await setup();
    const { db, dl, meetingId, colleague, member, retired } = h;
    const obs = await dl.attendance.addObserver(meetingId, colleague);
    expect(obs).toMatchObject({ meetingId, personId: colleague, observer: true, status: 'invited' });
    expect((await dl.attendance.list(meetingId)).at(-1)?.id).toBe(obs.id);
    expect((await auditRows(db)).at(-1)).toMatchObject({ entity: 'attendance', action: 'create', after: obs });

    const before = await snapshotTables(db);
    await expect(dl.attendance.addObserver(meetingId, colleague)).rejects.toThrow('“周涛”已在本次会议参会名单中');
    await expect(dl.attendance.addObserver(meetingId, member)).rejects.toThrow(/已在本次会议参会名单中/);
    await expect(dl.attendance.addObserver(meetingId, retired)).rejects.toThrow('“钱七”已归档，不能添加');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('needs a reason for 请假 and writes nothing without one', async () => {
    const h = await setup();
    const row = await rowOf(h, h.member);
    const before = await snapshotTables(h.db);
    await expect(h.dl.attendance.setStatus(row.id, 'leave')).rejects.toThrow('请填写请假原因');
    await expect(h.dl.attendance.setStatus(row.id, 'leave', '  ')).rejects.toThrow('请填写请假原因');
    expect(await snapshotTables(h.db)).toEqual(before);

    const leave = await h.dl.attendance.setStatus(row.id, 'leave', ' 参加区里培训 ');
    expect(leave).toMatchObject({ status: 'leave', leaveReason: '参加区里培训' });
    expect((await auditRows(h.db)).at(-1)).toMatchObject({
      entity: 'attendance',
      action: 'update',
      reason: '参加区里培训',
    });

    const back = await h.dl.attendance.setStatus(row.id, 'present');
    expect(back.status).toBe('present');
    expect(back.leaveReason).toBeUndefined();
    expect((await h.dl.attendance.setStatus(row.id, 'absent')).status).toBe('absent');
  });

  it('records who attends for whom (代会): a colleague or a typed name', async () => {
    const h = await setup();
    const row = await rowOf(h, h.member);
    const sub = await h.dl.attendance.setSubstitute(row.id, { substitutePersonId: h.colleague, reason: '外出办案' });
    expect(sub).toMatchObject({
      status: 'substituted',
      substitutePersonId: h.colleague,
      substituteName: '周涛',
      leaveReason: '外出办案',
    });
    const typed = await h.dl.attendance.setSubstitute(row.id, { substituteName: ' 吴敏 ' });
    expect(typed).toMatchObject({ status: 'substituted', substituteName: '吴敏' });
    expect(typed.substitutePersonId).toBeUndefined();
    expect(typed.leaveReason).toBeUndefined();

    await expect(h.dl.attendance.setSubstitute(row.id, {})).rejects.toThrow('请选择或填写代会人员');
    await expect(h.dl.attendance.setSubstitute(row.id, { substitutePersonId: h.member })).rejects.toThrow(
      '代会人员不能是本人',
    );
    await expect(h.dl.attendance.setSubstitute(row.id, { substitutePersonId: h.chair })).rejects.toThrow(
      '代会人员：“陈建国”已在本次会议参会名单中',
    );
    // Someone attending for another cannot also be added to the list in their own right.
    await h.dl.attendance.setSubstitute(row.id, { substitutePersonId: h.colleague });
    await expect(h.dl.attendance.addObserver(h.meetingId, h.colleague)).rejects.toThrow('“周涛”已作为代会人员参会');
  });

  it('signs in: present with the time; a substitute keeps 代会; a second sign-in changes nothing', async () => {
    const h = await setup({ onDay: true });
    const chairRow = await rowOf(h, h.chair);
    await h.dl.attendance.setStatus(chairRow.id, 'leave', '临时有事');
    // On leave: asked first, nothing written; confirmed, the change is recorded with the leave it replaces.
    const before = await snapshotTables(h.db);
    await expect(h.dl.attendance.signIn(chairRow.id)).rejects.toMatchObject({
      code: 'conflict',
      message: '该人员已请假（临时有事）；确认改为出席后再签到',
    });
    expect(await snapshotTables(h.db)).toEqual(before);
    const signed = await h.dl.attendance.signIn(chairRow.id, { confirmLeave: true });
    expect(signed.status).toBe('present');
    expect(signed.signedInAt).toMatch(/^2026-11-22T/);
    expect(signed.leaveReason).toBeUndefined();
    expect((await auditRows(h.db)).at(-1)).toMatchObject({
      entity: 'attendance',
      reason: '请假改为出席并签到（原请假原因：临时有事）',
      before: { status: 'leave', leaveReason: '临时有事' },
    });
    const count = await h.db.audit.count();
    expect(await h.dl.attendance.signIn(chairRow.id)).toEqual(signed);
    expect(await h.db.audit.count()).toBe(count);

    const memberRow = await rowOf(h, h.member);
    await h.dl.attendance.setSubstitute(memberRow.id, { substituteName: '吴敏' });
    const subSigned = await h.dl.attendance.signIn(memberRow.id);
    expect(subSigned).toMatchObject({ status: 'substituted', substituteName: '吴敏' });
    expect(subSigned.signedInAt).toBeDefined();
  });

  it('removes an invitee (audited) but not one who signed in', async () => {
    const h = await setup({ onDay: true });
    const memberRow = await rowOf(h, h.member);
    await h.dl.attendance.remove(memberRow.id);
    expect((await h.dl.attendance.list(h.meetingId)).map((a) => a.personId)).toEqual([h.chair]);
    expect((await auditRows(h.db)).at(-1)).toMatchObject({
      entity: 'attendance',
      action: 'delete',
      before: memberRow,
      after: null,
    });

    const chairRow = await rowOf(h, h.chair);
    await h.dl.attendance.signIn(chairRow.id);
    await expect(h.dl.attendance.remove(chairRow.id)).rejects.toThrow(/已签到，不能移出参会名单/);
    // Undoing the mark (未到) clears the sign-in, after which the row can go.
    await h.dl.attendance.setStatus(chairRow.id, 'invited');
    await h.dl.attendance.remove(chairRow.id);
    expect(await h.dl.attendance.list(h.meetingId)).toEqual([]);
  });

  it('freezes attendance once the minutes are signed', async () => {
    const h = await setup();
    const row = await rowOf(h, h.member);
    for (const to of ['notified', 'held'] as const) await h.dl.meetings.transition(h.meetingId, to);
    // After 已召开 the meeting's state follows its minutes (written by the minutes repository).
    await h.db.meetings.put(withMinutesState((await h.db.meetings.get(h.meetingId))!, 'signed'));
    const before = await snapshotTables(h.db);
    await expect(h.dl.attendance.signIn(row.id)).rejects.toThrow('会议处于“已签发”状态，不能签到');
    await expect(h.dl.attendance.addObserver(h.meetingId, h.colleague)).rejects.toThrow(/不能添加列席人员/);
    expect(await snapshotTables(h.db)).toEqual(before);
  });
});
