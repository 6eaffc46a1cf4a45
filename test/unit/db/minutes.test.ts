import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../shared/domain';
import type { MinutesDoc, ResolutionAttrs } from '../../../shared/editor/document';
import { docToPlainText } from '../../../shared/editor/text';
import {
  InjectedFault,
  auditRows,
  failAtMutation,
  personInput,
  snapshotTables,
  unitInput,
  withProfile,
} from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

/** A held meeting with one topic on its agenda, and profiles for each role. */
async function setup() {
  const h = await withProfile();
  const office = h.profile;
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const police = (await h.dl.units.create(unitInput('区公安分局'))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  await h.dl.people.create(personInput('黄科长', dept, { role: 'member' }));
  const meeting = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-11-20T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  await h.db.topics.add({
    id: 't1',
    ...meta,
    title: '农贸市场周边占道经营管辖',
    submittingUnitId: dept,
    submittedOn: '2026-09-01',
    category: 'jurisdiction_dispute',
    description: '情况说明。',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'accepted',
  });
  await h.dl.agenda.addTopic(meeting.id, 't1');
  await h.dl.meetings.transition(meeting.id, 'notified');
  await h.dl.meetings.transition(meeting.id, 'held');
  const profiles: Partial<Record<UserRole, string>> = { office_staff: office.id };
  const become = async (role: UserRole) => {
    if (!profiles[role])
      profiles[role] = (await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇', role })).id;
    await h.dl.profiles.switchTo(profiles[role]!);
  };
  return { ...h, town, dept, police, meeting, become };
}

const res = (id: string, lead: string, extra: Partial<ResolutionAttrs> = {}) => ({
  type: 'resolution' as const,
  attrs: {
    id,
    content: `议定事项${id}`,
    leadUnitId: lead,
    coUnitIds: [],
    deadline: { kind: 'working_days' as const, days: 10 },
    feedback: '',
    ...extra,
  },
});

/** The template draft with resolutions appended after the first section heading. */
function withResolutions(doc: MinutesDoc, nodes: ReturnType<typeof res>[]): MinutesDoc {
  const at = doc.content.findIndex((n) => n.type === 'heading') + 1;
  return { type: 'doc', content: [...doc.content.slice(0, at), ...nodes, ...doc.content.slice(at)] };
}

describe('minutes repository', () => {
  it('creates the draft from the template when the meeting is held; the meeting follows (纪要起草)', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    expect(m).toMatchObject({ state: 'draft', version: 1 });
    const text = docToPlainText(m.content as MinutesDoc);
    expect(text).toContain('现将会议议定事项纪要如下：');
    expect(text).toContain('关于农贸市场周边占道经营管辖');
    expect((await s.dl.meetings.get(s.meeting.id))?.state).toBe('drafting');
    expect(await s.dl.minutes.ensureForMeeting(s.meeting.id)).toEqual(m);
    expect(await s.dl.minutes.versions(m.id)).toHaveLength(1);
  });

  it('refuses minutes before the meeting is held', async () => {
    const h = await withProfile();
    const meeting = await h.dl.meetings.create({ kind: 'regular', startsAt: '2026-12-20T09:00', place: '会议室' });
    await expect(h.dl.minutes.ensureForMeeting(meeting.id)).rejects.toThrow('会议召开后才能起草会议纪要');
  });

  it('keeps resolution records in step with the nodes: add, edit, delete, undo, paste-copy', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    const doc0 = m.content as MinutesDoc;
    // add three
    await s.dl.minutes.save(m.id, withResolutions(doc0, [res('r1', s.dept), res('r2', s.town), res('r3', s.police)]));
    let records = await s.dl.minutes.resolutions(m.id);
    expect(records.map((r) => [r.id, r.state, r.agendaItemId !== undefined])).toEqual([
      ['r1', 'draft', true],
      ['r2', 'draft', true],
      ['r3', 'draft', true],
    ]);
    // edit one, delete one
    await s.dl.minutes.save(
      m.id,
      withResolutions(doc0, [res('r1', s.dept, { content: '改写后的事项', coUnitIds: [s.town] }), res('r3', s.police)]),
    );
    records = await s.dl.minutes.resolutions(m.id);
    expect(records.map((r) => r.id).sort()).toEqual(['r1', 'r3']);
    expect(records.find((r) => r.id === 'r1')).toMatchObject({ content: '改写后的事项', coUnitIds: [s.town] });
    // undo the delete: the node comes back with its id, so does the record
    await s.dl.minutes.save(m.id, withResolutions(doc0, [res('r1', s.dept), res('r2', s.town), res('r3', s.police)]));
    expect((await s.dl.minutes.resolutions(m.id)).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
    // a pasted copy (same id twice) becomes a new resolution, never a second node with the same id
    const saved = await s.dl.minutes.save(
      m.id,
      withResolutions(doc0, [res('r1', s.dept), res('r1', s.dept), res('r2', s.town), res('r3', s.police)]),
    );
    expect(saved.changed).toBe(true);
    const ids = saved.content.content
      .filter((n) => n.type === 'resolution')
      .map((n) => (n.type === 'resolution' ? n.attrs.id : ''));
    expect(new Set(ids).size).toBe(4);
    expect(await s.dl.minutes.resolutions(m.id)).toHaveLength(4);
    // the audit keeps a hash and a summary, not the text
    const last = (await auditRows(s.db)).filter((e) => e.entity === 'minutes').at(-1)!;
    expect(JSON.stringify(last.after)).not.toContain('议定事项r1');
    expect(last.after).toMatchObject({ summary: '保存' });
    expect((last.after as { contentHash: string }).contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a fault at any mutation of a save leaves the minutes and the records as they were', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    const doc0 = m.content as MinutesDoc;
    await s.dl.minutes.save(m.id, withResolutions(doc0, [res('r1', s.dept), res('r2', s.town)]));
    const next = withResolutions(doc0, [res('r1', s.dept, { content: '改' }), res('r4', s.police)]);
    const stop = failAtMutation(s.db, Number.MAX_SAFE_INTEGER);
    await s.dl.minutes.save(m.id, withResolutions(doc0, [res('r1', s.dept), res('r2', s.town), res('r5', s.police)]));
    const mutations = stop();
    await s.dl.minutes.save(m.id, withResolutions(doc0, [res('r1', s.dept), res('r2', s.town)]));
    expect(mutations).toBeGreaterThan(3);
    for (let k = 1; k <= mutations; k++) {
      const before = await snapshotTables(s.db);
      const undo = failAtMutation(s.db, k);
      await expect(s.dl.minutes.save(m.id, next)).rejects.toBeInstanceOf(InjectedFault);
      undo();
      expect(await snapshotTables(s.db), `fault at mutation ${k}`).toEqual(before);
    }
  });

  it('autosave drafts are unaudited, refused once sent for review, and a save clears them', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    const seq = (await auditRows(s.db)).length;
    const doc = withResolutions(m.content as MinutesDoc, [res('r1', s.dept)]);
    await s.dl.minutes.saveDraft(m.id, doc);
    expect((await auditRows(s.db)).length).toBe(seq);
    expect((await s.dl.minutes.draft(m.id))?.content).toEqual(doc);
    // 送审 saves the pending draft first, in the same transaction
    await s.dl.minutes.act(m.id, 'submit');
    expect(await s.dl.minutes.draft(m.id)).toBeUndefined();
    expect(await s.dl.minutes.resolutions(m.id)).toHaveLength(1);
    await expect(s.dl.minutes.saveDraft(m.id, doc)).rejects.toThrow(/送审中.*不能修改/);
  });

  it('review flow: return with a comment, resend, only the chair signs, the office issues with 第×期 and tasks', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    await s.dl.minutes.save(
      m.id,
      withResolutions(m.content as MinutesDoc, [
        res('r1', s.dept, { coUnitIds: [s.town] }),
        res('r2', s.town, { deadline: { kind: 'date', date: '2026-12-31' } }),
        res('r3', s.police, { deadline: { kind: 'working_days', days: 30 } }),
      ]),
    );
    await s.dl.minutes.act(m.id, 'submit');
    expect((await s.dl.meetings.get(s.meeting.id))?.state).toBe('drafting');
    await expect(s.dl.minutes.act(m.id, 'sign')).rejects.toMatchObject({ code: 'forbidden' });
    await s.become('convener');
    await expect(s.dl.minutes.act(m.id, 'return', { comment: ' ' })).rejects.toThrow('请填写修改意见');
    await s.dl.minutes.act(m.id, 'return', { comment: '请补充配合单位' });
    await s.become('office_staff');
    await s.dl.minutes.act(m.id, 'submit');
    await s.become('supervisor');
    await expect(s.dl.minutes.act(m.id, 'sign')).rejects.toMatchObject({ code: 'forbidden' });
    await s.become('convener');
    const signed = await s.dl.minutes.act(m.id, 'sign');
    expect(signed).toMatchObject({ state: 'signed', signedByName: '测试convener', signedOn: '2026-11-22' });
    expect((await s.dl.meetings.get(s.meeting.id))?.state).toBe('signed');
    await expect(s.dl.minutes.act(m.id, 'issue')).rejects.toMatchObject({ code: 'forbidden' });
    await s.become('office_staff');
    const issued = await s.dl.minutes.act(m.id, 'issue');
    expect(issued).toMatchObject({ state: 'issued', issueNumber: 1, issueYear: 2026, issuedOn: '2026-11-22' });
    expect((await s.dl.meetings.get(s.meeting.id))?.state).toBe('issued');
    const tasks = Object.fromEntries((await s.dl.minutes.resolutions(m.id)).map((r) => [r.id, r]));
    // issued on Sunday 2026-11-22: 10 working days → Friday 2026-12-04; a fixed date stays as written
    expect(tasks.r1).toMatchObject({ state: 'not_started', issuedOn: '2026-11-22', deadline: '2026-12-04' });
    expect(tasks.r2).toMatchObject({ state: 'not_started', deadline: '2026-12-31' });
    // 30 working days reach 2027, beyond the bundled calendar: provisional
    expect(tasks.r3).toMatchObject({ state: 'not_started', deadlineProvisional: true });
    expect(tasks.r1?.deadlineProvisional).toBeUndefined();
    expect((await s.db.topics.get('t1'))?.state).toBe('resolved');
    await expect(s.dl.minutes.save(m.id, m.content)).rejects.toThrow(/已印发.*不能修改/);
    expect((await s.dl.minutes.versions(m.id)).map((v) => v.summary)).toEqual([
      '印发（2026年第1期）',
      '签发',
      '送审',
      '退回修改',
      '送审',
      '由模板生成',
    ]);
  });

  it('a correction after issuance is re-issued with the same number and records the changed deadline on the task', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    const doc = withResolutions(m.content as MinutesDoc, [res('r1', s.dept)]);
    await s.dl.minutes.save(m.id, doc);
    await s.dl.minutes.act(m.id, 'submit');
    await s.become('convener');
    await s.dl.minutes.act(m.id, 'sign');
    await s.become('office_staff');
    await s.dl.minutes.act(m.id, 'issue');
    await expect(s.dl.minutes.act(m.id, 'correct')).rejects.toThrow('请填写更正原因');
    await s.dl.minutes.act(m.id, 'correct', { reason: '第一项时限笔误' });
    expect((await s.dl.meetings.get(s.meeting.id))?.state).toBe('issued');
    // an issued task cannot be dropped by a correction
    await expect(s.dl.minutes.save(m.id, m.content)).rejects.toThrow(/不能在更正中删除/);
    await s.dl.minutes.save(
      m.id,
      withResolutions(m.content as MinutesDoc, [res('r1', s.dept, { deadline: { kind: 'date', date: '2026-12-20' } })]),
    );
    expect((await s.db.resolutions.get('r1'))?.deadline).toBe('2026-12-04');
    await s.dl.minutes.act(m.id, 'submit');
    await s.become('convener');
    await s.dl.minutes.act(m.id, 'sign');
    await s.become('office_staff');
    const again = await s.dl.minutes.act(m.id, 'issue');
    expect(again.issueNumber).toBe(1);
    expect(await s.db.resolutions.get('r1')).toMatchObject({
      state: 'not_started',
      deadline: '2026-12-20',
      issuedOn: '2026-11-22',
    });
    const events = await s.db.taskEvents.where('resolutionId').equals('r1').toArray();
    expect(events).toEqual([expect.objectContaining({ kind: 'deadline_change', newDeadline: '2026-12-20' })]);
    expect(events[0]!.text).toContain('第一项时限笔误');
  });

  it('issue refuses incomplete resolutions and names them; nothing changes', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    await s.dl.minutes.save(m.id, withResolutions(m.content as MinutesDoc, [res('r1', '', { content: '' })]));
    await expect(s.dl.minutes.act(m.id, 'submit')).rejects.toThrow(
      '不能送审：第 1 项议定事项：请填写议定事项内容；第 1 项议定事项：请选择牵头单位',
    );
  });

  it('restore creates a new version with the old text', async () => {
    const s = await setup();
    const m = await s.dl.minutes.ensureForMeeting(s.meeting.id);
    const v1 = (await s.dl.minutes.versions(m.id))[0]!;
    await s.dl.minutes.save(m.id, withResolutions(m.content as MinutesDoc, [res('r1', s.dept)]));
    await s.dl.minutes.saveVersion(m.id, '加入议定事项');
    const restored = await s.dl.minutes.restore(m.id, v1.id);
    expect(restored.version).toBe(3);
    expect(restored.content).toEqual(m.content);
    expect(await s.dl.minutes.resolutions(m.id)).toHaveLength(0);
    expect((await s.dl.minutes.versions(m.id)).map((v) => v.summary)).toEqual([
      '恢复自第 1 版',
      '加入议定事项',
      '由模板生成',
    ]);
  });
});
