import { describe, expect, it } from 'vitest';
import type { Dispute, Meeting, Resolution, Topic } from '../../../shared/domain';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import {
  auditRows,
  deterministicOptions,
  personInput,
  snapshotTables,
  unitInput,
  withProfile,
  type Harness,
} from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

interface Setup extends Harness {
  town: string;
  dept: string;
  chair: string;
  meeting: Meeting;
}

async function setup(h0?: Harness): Promise<Setup> {
  const h = h0 ?? (await withProfile());
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const meeting = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-12-09T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  return { ...h, town, dept, chair, meeting };
}

function topic(id: string, unitId: string, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    ...meta,
    title: `议题${id}`,
    submittingUnitId: unitId,
    submittedOn: '2026-09-01',
    category: 'jurisdiction_dispute',
    description: '情况说明。',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'accepted',
    ...extra,
  };
}

function pastMeeting(
  id: string,
  startsAt: string,
  state: Meeting['state'],
  kind: Meeting['kind'] = 'regular',
): Meeting {
  return {
    id,
    ...meta,
    kind,
    startsAt,
    place: '镇政府三楼会议室',
    year: 2026,
    sequence: Number(startsAt.slice(5, 7)),
    state,
  };
}

/** An issued task (the 落实情况通报 covers only those), issued a few days after its meeting. */
function resolution(id: string, meetingId: string, unitId: string, state: Resolution['state']): Resolution {
  const issuedOn = meetingId === 'old' ? '2026-06-15' : '2026-09-15';
  return {
    id,
    ...meta,
    meetingId,
    content: '由城关镇牵头开展联合整治。',
    leadUnitId: unitId,
    coUnitIds: [],
    state,
    issuedOn,
  };
}

function dispute(id: string, a: string, b: string, extra: Partial<Dispute> = {}): Dispute {
  return {
    id,
    ...meta,
    number: `争〔2026〕${id}号`,
    matter: `争议${id}`,
    type: 'jurisdiction',
    partyUnitIds: [a, b],
    positions: {},
    firstHandlingUnitId: a,
    registeredOn: '2026-09-02',
    state: 'negotiating',
    stateSince: '2026-09-05',
    rounds: [],
    ...extra,
  };
}

describe('agenda repository', () => {
  it('schedules a topic and writes both audit entries in the same transaction', async () => {
    const h = await setup();
    await h.db.topics.put(topic('t1', h.town));
    const count = await h.db.audit.count();
    const item = await h.dl.agenda.addTopic(h.meeting.id, 't1');
    expect(item).toMatchObject({ kind: 'topic', topicId: 't1', title: '议题t1', presenterUnitId: h.town, order: 0 });
    expect(await h.db.topics.get('t1')).toMatchObject({ state: 'scheduled', meetingId: h.meeting.id });
    const audit = (await auditRows(h.db)).slice(count);
    expect(audit.map((e) => [e.entity, e.entityId, e.action])).toEqual([
      ['topic', 't1', 'transition'],
      ['agendaItem', item.id, 'create'],
    ]);
    expect(audit[0]?.reason).toBe('排入议程');
  });

  it('leaves the topic untouched when writing the agenda item fails (one transaction)', async () => {
    // The item's id is drawn after the topic was already written: failing there must roll back the topic.
    const base = deterministicOptions();
    let failNext = false;
    const opts = {
      now: base.now,
      newId: () => {
        if (failNext) throw new Error('disk full');
        return base.newId();
      },
    };
    const h = await withProfile(opts);
    const s = await setup({ ...h, dl: createDataLayer(h.db, opts) });
    await s.db.topics.put(topic('t1', s.town));
    const before = await snapshotTables(s.db);
    failNext = true;
    await expect(s.dl.agenda.addTopic(s.meeting.id, 't1')).rejects.toThrow('disk full');
    expect(await snapshotTables(s.db)).toEqual(before);
  });

  it('refuses topics that are not accepted or deferred, writing nothing', async () => {
    const h = await setup();
    await h.db.topics.bulkPut([
      topic('t1', h.town, { state: 'submitted' }),
      topic('t2', h.town, { state: 'returned' }),
    ]);
    const before = await snapshotTables(h.db);
    await expect(h.dl.agenda.addTopic(h.meeting.id, 't1')).rejects.toThrow(
      '议题“议题t1”处于“待审核”状态，只有已受理或暂缓的议题可以排入议程',
    );
    await expect(h.dl.agenda.addTopic(h.meeting.id, 't2')).rejects.toThrow(/处于“退回”状态/);
    expect(await snapshotTables(h.db)).toEqual(before);
  });

  it('puts new items at their customary place and reorders in one transaction', async () => {
    const h = await setup();
    await h.db.topics.bulkPut([topic('t1', h.town), topic('t2', h.dept)]);
    const summary = await h.dl.agenda.addStanding(h.meeting.id, 'summary');
    const t1 = await h.dl.agenda.addTopic(h.meeting.id, 't1');
    const instructions = await h.dl.agenda.addStanding(h.meeting.id, 'instructions');
    const t2 = await h.dl.agenda.addTopic(h.meeting.id, 't2');
    const list = await h.dl.agenda.list(h.meeting.id);
    expect(list.map((i) => i.id)).toEqual([instructions.id, t1.id, t2.id, summary.id]);
    expect(list.map((i) => i.order)).toEqual([0, 1, 2, 3]);
    expect(summary.title).toBe('阶段性工作总结及下阶段工作部署');

    const count = await h.db.audit.count();
    await h.dl.agenda.reorder(h.meeting.id, [t2.id, t1.id, instructions.id, summary.id]);
    expect((await h.dl.agenda.list(h.meeting.id)).map((i) => i.id)).toEqual([
      t2.id,
      t1.id,
      instructions.id,
      summary.id,
    ]);
    const audit = (await auditRows(h.db)).slice(count);
    // Only the two items that moved; t1 stayed second and the summary last.
    expect(audit.map((e) => e.entityId).sort()).toEqual([instructions.id, t2.id].sort());
    expect(audit.every((e) => e.entity === 'agendaItem' && e.action === 'update')).toBe(true);

    const before = await snapshotTables(h.db);
    await expect(h.dl.agenda.reorder(h.meeting.id, [t2.id, t1.id, instructions.id])).rejects.toThrow(
      /请刷新后重新排序/,
    );
    await expect(h.dl.agenda.reorder(h.meeting.id, [t2.id, t2.id, instructions.id, summary.id])).rejects.toThrow(
      /请刷新后重新排序/,
    );
    expect(await snapshotTables(h.db)).toEqual(before);
  });

  it('sets presenter unit and minutes; removing a topic item sends the topic back to the backlog', async () => {
    const h = await setup();
    await h.db.topics.put(topic('t1', h.town));
    const item = await h.dl.agenda.addTopic(h.meeting.id, 't1');
    const updated = await h.dl.agenda.update(item.id, { presenterUnitId: h.dept, minutes: 20 });
    expect(updated).toMatchObject({ presenterUnitId: h.dept, minutes: 20 });
    const cleared = await h.dl.agenda.update(item.id, { minutes: null });
    expect(cleared.minutes).toBeUndefined();
    await expect(h.dl.agenda.update(item.id, { minutes: 601 })).rejects.toThrow('时长：时长不能超过 600 分钟');
    await expect(h.dl.agenda.update(item.id, { presenterUnitId: 'nope' })).rejects.toThrow(/找不到该单位/);
    await expect(h.dl.agenda.addStanding(h.meeting.id, 'other')).rejects.toThrow('请填写议程事项');

    const count = await h.db.audit.count();
    await h.dl.agenda.remove(item.id);
    expect(await h.dl.agenda.list(h.meeting.id)).toEqual([]);
    const t = await h.db.topics.get('t1');
    expect(t?.state).toBe('accepted');
    expect(t?.meetingId).toBeUndefined();
    expect((await auditRows(h.db)).slice(count).map((e) => [e.entity, e.action])).toEqual([
      ['agendaItem', 'delete'],
      ['topic', 'transition'],
    ]);
  });

  it('proposes the resolutions report (required while one is open), the disputes review and deferred topics', async () => {
    const h = await setup();
    const { db, dl, town, dept, meeting } = h;
    await db.meetings.bulkPut([
      pastMeeting('old', '2026-06-10T09:00', 'issued'),
      pastMeeting('prev', '2026-09-10T09:00', 'issued'),
      pastMeeting('consult', '2026-11-19T09:00', 'held', 'consultation'),
      pastMeeting('later', '2027-01-10T09:00', 'planning'),
    ]);
    await db.resolutions.bulkPut([
      resolution('r1', 'prev', town, 'in_progress'),
      resolution('r2', 'old', town, 'verified'),
      resolution('r3', 'old', town, 'not_started'),
    ]);
    await db.disputes.bulkPut([
      dispute('1', town, dept),
      dispute('2', town, dept, { agendaMeetingId: meeting.id, registeredOn: '2026-10-01' }),
      dispute('3', town, dept, { state: 'closed' }),
    ]);
    await db.topics.bulkPut([
      topic('defPrev', town, { state: 'deferred', meetingId: 'consult', title: '上次暂缓的议题' }),
      topic('defOld', town, { state: 'deferred', meetingId: 'old', title: '更早暂缓的议题' }),
      topic('defLater', town, { state: 'deferred', meetingId: 'later' }),
      topic('acc', town, { submittedOn: '2026-10-01' }),
      topic('urgent', town, { urgency: 'urgent', submittedOn: '2026-10-05' }),
      topic('sched', town, { state: 'scheduled', meetingId: 'later' }),
    ]);

    const p = await dl.agenda.proposals(meeting.id);
    // The consultation held last week is the previous meeting, although its own minutes have no resolutions.
    expect(p.previousMeeting?.id).toBe('consult');
    expect(p.resolutions).toEqual({ total: 2, open: 2 });
    expect(p.standing).toEqual([
      {
        kind: 'last_resolutions',
        title: '通报上次会议议定事项落实情况（共2项，已办结0项）',
        required: true,
        added: false,
      },
      { kind: 'disputes_review', title: '研究未结执法争议（2件）', required: false, added: false },
      { kind: 'topic', title: '上次暂缓的议题', required: false, topicId: 'defPrev', added: false },
    ]);
    expect(p.disputes.map((d) => [d.dispute.id, d.onThisAgenda])).toEqual([
      ['2', true],
      ['1', false],
    ]);
    expect(p.backlog.map((b) => [b.topic.id, b.carried?.previous])).toEqual([
      ['defPrev', true],
      ['defOld', false],
      ['urgent', undefined],
      ['acc', undefined],
    ]);
    // The meeting each was deferred at comes with it (the backlog names it without reading every meeting).
    expect(p.backlog.map((b) => b.carried?.meeting.id)).toEqual(['consult', 'old', undefined, undefined]);

    // Adding the proposals: the report is required and cannot be removed while r1 and r3 are open.
    const report = await dl.agenda.addStanding(meeting.id, 'last_resolutions');
    expect(report.title).toBe('通报上次会议议定事项落实情况（共2项，已办结0项）');
    const review = await dl.agenda.addStanding(meeting.id, 'disputes_review');
    await dl.agenda.addTopic(meeting.id, 'defPrev');
    expect(await db.topics.get('defPrev')).toMatchObject({ state: 'scheduled', meetingId: meeting.id });
    await expect(dl.agenda.addStanding(meeting.id, 'disputes_review')).rejects.toThrow('议程中已有该事项');

    const after = await dl.agenda.proposals(meeting.id);
    expect(after.standing.map((s) => [s.kind, s.added])).toEqual([
      ['last_resolutions', true],
      ['disputes_review', true],
    ]);
    expect(after.requiredItemIds).toEqual([report.id]);

    const before = await snapshotTables(db);
    await expect(dl.agenda.remove(report.id)).rejects.toThrow(
      '还有 2 项议定事项未办结，“通报上次会议议定事项落实情况（共2项，已办结0项）”是必备议程，不能删除',
    );
    expect(await snapshotTables(db)).toEqual(before);
    await dl.agenda.remove(review.id);

    // Once every resolution is verified the report is no longer required and may go.
    await db.resolutions.bulkPut([
      resolution('r1', 'prev', town, 'verified'),
      resolution('r3', 'old', town, 'verified'),
    ]);
    expect((await dl.agenda.proposals(meeting.id)).requiredItemIds).toEqual([]);
    await dl.agenda.remove(report.id);
    expect((await dl.agenda.list(meeting.id)).map((i) => i.kind)).toEqual(['topic']);
  });

  it('proposes no report before the first meeting that was held', async () => {
    const h = await setup();
    const p = await h.dl.agenda.proposals(h.meeting.id);
    expect(p.previousMeeting).toBeUndefined();
    expect(p.standing).toEqual([]);
    expect(p.backlog).toEqual([]);
  });

  it('closes the agenda once the meeting was held', async () => {
    const h = await setup();
    await h.db.topics.put(topic('t1', h.town));
    const item = await h.dl.agenda.addStanding(h.meeting.id, 'instructions');
    await h.dl.meetings.transition(h.meeting.id, 'notified');
    await h.dl.agenda.update(item.id, { minutes: 10 });
    await h.dl.meetings.transition(h.meeting.id, 'held');
    const before = await snapshotTables(h.db);
    await expect(h.dl.agenda.addTopic(h.meeting.id, 't1')).rejects.toThrow('会议处于“已召开”状态，不能调整议程');
    await expect(h.dl.agenda.remove(item.id)).rejects.toThrow(/不能调整议程/);
    await expect(h.dl.agenda.reorder(h.meeting.id, [item.id])).rejects.toThrow(/不能调整议程/);
    expect(await snapshotTables(h.db)).toEqual(before);
  });
});
