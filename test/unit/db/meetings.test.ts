import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../shared/domain';
import { auditRowsWhole, personInput, snapshotTables, unitInput, withProfile, type Harness } from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

interface Setup extends Harness {
  town: string;
  chair: string;
  member: string;
  liaison: string;
  staffNoRole: string;
  archived: string;
}

async function setup(): Promise<Setup> {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener', post: '镇长' }))).id;
  const member = (await h.dl.people.create(personInput('李明', town, { role: 'member' }))).id;
  const liaison = (await h.dl.people.create(personInput('张红', town, { role: 'liaison' }))).id;
  const staffNoRole = (await h.dl.people.create(personInput('赵六', town, { role: 'none' }))).id;
  const archived = (await h.dl.people.create(personInput('钱七', town, { role: 'member' }))).id;
  await h.dl.people.archive(archived);
  return { ...h, town, chair, member, liaison, staffNoRole, archived };
}

const input = (chair: string, extra: Record<string, unknown> = {}) => ({
  kind: 'regular',
  startsAt: '2026-12-09T09:00',
  place: '镇政府三楼会议室',
  chairPersonId: chair,
  ...extra,
});

describe('meetings repository', () => {
  it('numbers meetings per year and kind inside the repository, cancelled ones keeping their number', async () => {
    const { dl, chair } = await setup();
    const r1 = await dl.meetings.create(input(chair, { startsAt: '2026-03-09T09:00' }));
    const r2 = await dl.meetings.create(input(chair, { startsAt: '2026-06-09T09:00' }));
    const s1 = await dl.meetings.create(input(chair, { kind: 'special', startsAt: '2026-06-10T15:00' }));
    const c1 = await dl.meetings.create(input(chair, { kind: 'consultation', startsAt: '2026-06-11T15:00' }));
    const next1 = await dl.meetings.create(input(chair, { startsAt: '2027-01-15T09:00' }));
    expect([r1, r2, s1, c1, next1].map((m) => [m.year, m.kind, m.sequence])).toEqual([
      [2026, 'regular', 1],
      [2026, 'regular', 2],
      [2026, 'special', 1],
      [2026, 'consultation', 1],
      [2027, 'regular', 1],
    ]);

    await dl.meetings.transition(r2.id, 'cancelled', '与区里会议冲突');
    expect(await dl.meetings.nextSequence(2026, 'regular')).toBe(3);
    const r3 = await dl.meetings.create(input(chair, { startsAt: '2026-09-09T09:00' }));
    expect(r3.sequence).toBe(3);
    expect(await dl.meetings.nextSequence(2026, 'special')).toBe(2);
  });

  it('creates in planning and invites active people with a joint-meeting role, all audited in one go', async () => {
    const { db, dl, chair, member, liaison, profile } = await setup();
    const count = await db.audit.count();
    const m = await dl.meetings.create(input(chair, { title: '  ' }));
    expect(m).toMatchObject({ state: 'planning', year: 2026, sequence: 1, kind: 'regular', chairPersonId: chair });
    expect(m.title).toBeUndefined();

    const rows = await dl.attendance.list(m.id);
    expect(rows.map((a) => a.personId)).toEqual([chair, member, liaison]);
    for (const a of rows) expect(a).toMatchObject({ meetingId: m.id, status: 'invited', observer: false });

    const audit = (await auditRowsWhole(db)).slice(count);
    expect(audit.map((e) => [e.entity, e.action])).toEqual([
      ['meeting', 'create'],
      ['attendance', 'create'],
      ['attendance', 'create'],
      ['attendance', 'create'],
    ]);
    expect(audit[0]).toMatchObject({ entityId: m.id, after: m, actorId: profile.id });
  });

  it('refuses bad input with a Chinese message naming the field, writing nothing', async () => {
    const { db, dl, chair, archived } = await setup();
    const before = await snapshotTables(db);
    await expect(dl.meetings.create(input(chair, { place: ' ' }))).rejects.toThrow('会议地点：请填写会议地点');
    await expect(dl.meetings.create(input(chair, { kind: 'party' }))).rejects.toThrow(/请选择会议类型/);
    await expect(dl.meetings.create(input(chair, { startsAt: '9 Dec' }))).rejects.toThrow(/会议时间/);
    await expect(dl.meetings.create(input(archived))).rejects.toThrow(/已归档/);
    await expect(dl.meetings.create(input('nobody'))).rejects.toThrow(/找不到该人员/);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('applies allowed transitions with an audit entry and refuses the others without writing', async () => {
    const { db, dl, chair } = await setup();
    const m = await dl.meetings.create(input(chair));
    const notified = await dl.meetings.transition(m.id, 'notified');
    expect(notified.state).toBe('notified');
    const last = (await auditRowsWhole(db)).at(-1);
    expect(last).toMatchObject({ entity: 'meeting', entityId: m.id, action: 'transition' });
    expect((last?.before as { state: string }).state).toBe('planning');

    const before = await snapshotTables(db);
    await expect(dl.meetings.transition(m.id, 'issued')).rejects.toThrow(
      '会议召开后的状态由会议纪要决定，请在会议纪要中送审、签发、印发',
    );
    await expect(dl.meetings.transition(m.id, 'notified')).rejects.toThrow('会议处于“已通知”状态，不能改为“已通知”');
    await expect(dl.meetings.transition(m.id, 'cancelled')).rejects.toThrow('请填写取消原因');
    await expect(dl.meetings.transition(m.id, 'cancelled', '   ')).rejects.toThrow('请填写取消原因');
    await expect(dl.meetings.transition('missing', 'held')).rejects.toThrow(/找不到该会议/);
    expect(await snapshotTables(db)).toEqual(before);

    await dl.meetings.transition(m.id, 'held');
    await expect(dl.meetings.transition(m.id, 'cancelled', '太晚了')).rejects.toThrow(/已召开/);
    // After 已召开 the minutes drive the state: no hand-made 纪要起草 / 已签发 / 已印发, nor back from them.
    for (const to of ['drafting', 'signed', 'issued'] as const) {
      await expect(dl.meetings.transition(m.id, to)).rejects.toThrow('会议召开后的状态由会议纪要决定');
    }
    await db.meetings.put({ ...(await db.meetings.get(m.id))!, state: 'signed' });
    await expect(dl.meetings.transition(m.id, 'held')).rejects.toThrow('会议召开后的状态由会议纪要决定');
  });

  it('cancels with a reason and sends its scheduled topics back to the backlog, audited', async () => {
    const { db, dl, chair, town } = await setup();
    const m = await dl.meetings.create(input(chair));
    const topic: Topic = {
      id: 't1',
      ...meta,
      title: '农贸市场占道经营管辖',
      submittingUnitId: town,
      submittedOn: '2026-09-01',
      category: 'jurisdiction_dispute',
      description: '占道经营由谁查处存在分歧。',
      urgency: 'normal',
      relatedUnitIds: [],
      state: 'accepted',
    };
    await db.topics.put(topic);
    await dl.agenda.addTopic(m.id, 't1');
    expect((await db.topics.get('t1'))?.state).toBe('scheduled');

    const count = await db.audit.count();
    const cancelled = await dl.meetings.transition(m.id, 'cancelled', ' 主要领导参加区里会议 ');
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '主要领导参加区里会议' });
    const t = await db.topics.get('t1');
    expect(t?.state).toBe('accepted');
    expect(t?.meetingId).toBeUndefined();
    const audit = (await auditRowsWhole(db)).slice(count);
    expect(audit.map((e) => [e.entity, e.action, e.reason])).toEqual([
      ['meeting', 'transition', '主要领导参加区里会议'],
      ['topic', 'transition', '会议已取消，议题退回待排议程'],
    ]);
  });

  it('updates details while preparing; renumbers a planning meeting moved to another year or kind', async () => {
    const { db, dl, chair, member } = await setup();
    await dl.meetings.create(input(chair, { startsAt: '2027-02-01T09:00' }));
    const m = await dl.meetings.create(input(chair, { title: '第四季度例会' }));
    const moved = await dl.meetings.update(m.id, { startsAt: '2026-12-20T15:00', chairPersonId: member, title: '' });
    expect(moved).toMatchObject({ startsAt: '2026-12-20T15:00', chairPersonId: member, sequence: 1, year: 2026 });
    expect(moved.title).toBeUndefined();
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({ entity: 'meeting', action: 'update', after: moved });

    const nextYear = await dl.meetings.update(m.id, { startsAt: '2027-01-05T09:00' });
    expect([nextYear.year, nextYear.sequence]).toEqual([2027, 2]);

    await dl.meetings.transition(m.id, 'notified');
    await expect(dl.meetings.update(m.id, { kind: 'special' })).rejects.toThrow(/会议已通知，不能更改会议类型或年份/);
    expect((await dl.meetings.update(m.id, { place: '镇政府一楼会议室' })).place).toBe('镇政府一楼会议室');
    await dl.meetings.transition(m.id, 'held');
    await expect(dl.meetings.update(m.id, { place: '别处' })).rejects.toThrow('会议处于“已召开”状态，不能修改会议信息');
  });

  it('lists newest first with year, kind and state filters', async () => {
    const { dl, chair } = await setup();
    const a = await dl.meetings.create(input(chair, { startsAt: '2026-03-09T09:00' }));
    const b = await dl.meetings.create(input(chair, { kind: 'special', startsAt: '2026-05-09T09:00' }));
    const c = await dl.meetings.create(input(chair, { startsAt: '2025-11-09T09:00' }));
    await dl.meetings.transition(a.id, 'notified');
    expect((await dl.meetings.list()).map((m) => m.id)).toEqual([b.id, a.id, c.id]);
    expect((await dl.meetings.list({ year: 2026 })).map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await dl.meetings.list({ year: 2026, kind: 'regular' })).map((m) => m.id)).toEqual([a.id]);
    expect((await dl.meetings.list({ kind: 'regular' })).map((m) => m.id)).toEqual([a.id, c.id]);
    expect((await dl.meetings.list({ states: ['planning'] })).map((m) => m.id)).toEqual([b.id, c.id]);
  });
});
