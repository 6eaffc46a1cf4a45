import { describe, expect, it, vi } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/generate';
import {
  isHeldOrLater,
  type Dispute,
  type Meeting,
  type Minutes,
  type Resolution,
  type TaskEvent,
  type Topic,
} from '../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../../../renderer/src/db/audited-write';
import { markTopicsResolved } from '../../../renderer/src/db/repositories/meetings';
import {
  InjectedFault,
  auditRows,
  deterministicOptions,
  failAtMutation,
  personInput,
  snapshotTables,
  unitInput,
  withProfile,
  type Harness,
} from './helpers';
import { sealFixtureRows } from './audit-fixtures';

/**
 * 已召开 in one transaction: the meeting, its scheduled topics (→ 已上会) and the snapshots of its
 * standing items; and the record stays frozen afterwards whatever is registered later.
 */

const meta = { createdAt: '2026-08-20T08:00:00.000Z', updatedAt: '2026-08-20T08:00:00.000Z' };

interface Setup extends Harness {
  town: string;
  dept: string;
  meeting: Meeting;
}

/** A regular meeting held on 2 September (the clock reads 22 November). */
async function setup(h0?: Harness): Promise<Setup> {
  const h = h0 ?? (await withProfile());
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const chair = (await h.dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;
  const meeting = await h.dl.meetings.create({
    kind: 'regular',
    startsAt: '2026-09-02T09:00',
    place: '镇政府三楼会议室',
    chairPersonId: chair,
  });
  return { ...h, town, dept, meeting };
}

function topic(id: string, unitId: string, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    ...meta,
    title: `议题${id}`,
    submittingUnitId: unitId,
    submittedOn: '2026-08-20',
    category: 'jurisdiction_dispute',
    description: '情况说明。',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'accepted',
    ...extra,
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
    registeredOn: '2026-08-20',
    state: 'negotiating',
    stateSince: '2026-08-25',
    rounds: [],
    ...extra,
  };
}

/** Eight open disputes, two scheduled topics, a disputes review and a summary on the agenda, notified. */
async function prepared(h0?: Harness) {
  const s = await setup(h0);
  const { db, dl, town, dept, meeting } = s;
  await db.disputes.bulkPut(Array.from({ length: 8 }, (_, i) => dispute(String(i + 1), town, dept)));
  await db.topics.bulkPut([topic('t1', town), topic('t2', town), topic('t3', town)]);
  await sealFixtureRows(db);
  await dl.agenda.addTopic(meeting.id, 't1');
  await dl.agenda.addTopic(meeting.id, 't2');
  const review = await dl.agenda.addStanding(meeting.id, 'disputes_review');
  const summary = await dl.agenda.addStanding(meeting.id, 'summary');
  await dl.meetings.transition(meeting.id, 'notified');
  return { ...s, review, summary };
}

describe('standing items while the meeting is prepared', () => {
  it('keeps the count in the title and the list in agreement, in the builder and the documents', async () => {
    const { db, dl, town, dept, meeting, review } = await prepared();
    expect(review.title).toBe('研究未结执法争议（8件）');

    // A ninth dispute is registered: title and list move together.
    await db.disputes.put(dispute('9', town, dept, { registeredOn: '2026-08-30' }));
    const p = await dl.agenda.proposals(meeting.id);
    expect(p.views[review.id]?.title).toBe('研究未结执法争议（9件）');
    expect(p.views[review.id]?.lines).toHaveLength(9);
    expect(p.views[review.id]?.frozen).toBe(false);
    expect(p.standing.find((x) => x.kind === 'disputes_review')?.title).toBe('研究未结执法争议（9件）');
    const docs = await dl.documentSettings.meetingSources(meeting.id);
    expect(docs.standing[review.id]).toEqual(p.views[review.id]);
    // Topic items have no standing view.
    const items = await dl.agenda.list(meeting.id);
    expect(items.filter((i) => p.views[i.id] === undefined).map((i) => i.kind)).toEqual(['topic', 'topic']);
  });
});

describe('the 已召开 transition', () => {
  it('moves scheduled topics to 已上会 and freezes the standing items, audited in one transaction', async () => {
    const { db, dl, town, dept, meeting, review, summary } = await prepared();
    // Registered after the meeting day but before it was marked held: not part of that meeting.
    await db.disputes.put(dispute('late', town, dept, { registeredOn: '2026-09-05' }));
    // Not on the agenda: left alone.
    await db.topics.put(topic('t4', town, { state: 'scheduled', meetingId: 'another' }));
    await sealFixtureRows(db);
    const count = await db.audit.count();

    const held = await dl.meetings.transition(meeting.id, 'held');
    expect(held.state).toBe('held');
    expect((await db.topics.bulkGet(['t1', 't2', 't3', 't4'])).map((t) => t?.state)).toEqual([
      'discussed',
      'discussed',
      'accepted',
      'scheduled',
    ]);
    const frozen = await db.agendaItems.get(review.id);
    expect(frozen?.snapshot).toEqual({
      takenOn: '2026-11-22',
      title: '研究未结执法争议（8件）',
      lines: Array.from({ length: 8 }, (_, i) => `争〔2026〕${i + 1}号 争议${i + 1}`),
    });
    expect(frozen?.title).toBe('研究未结执法争议（8件）');
    expect((await db.agendaItems.get(summary.id))?.snapshot).toMatchObject({ title: '阶段性工作总结及下阶段工作部署' });

    const audit = (await auditRows(db)).slice(count);
    expect(audit.map((e) => [e.entity, e.entityId, e.action, e.reason])).toEqual([
      ['meeting', meeting.id, 'transition', undefined],
      ['topic', 't1', 'transition', '会议已召开'],
      ['topic', 't2', 'transition', '会议已召开'],
      ['agendaItem', review.id, 'update', '会议已召开，议程定稿'],
      ['agendaItem', summary.id, 'update', '会议已召开，议程定稿'],
    ]);
    expect((await dl.audit.verify()).ok).toBe(true);
  });

  it('leaves the record frozen: disputes registered in November do not reach a September meeting', async () => {
    const { db, dl, town, dept, meeting, review } = await prepared();
    await dl.meetings.transition(meeting.id, 'held');
    const heldViews = (await dl.agenda.proposals(meeting.id)).views;

    await db.disputes.bulkPut([
      dispute('9', town, dept, { registeredOn: '2026-11-20' }),
      dispute('10', town, dept, { registeredOn: '2026-11-21' }),
    ]);
    await db.disputes.put(
      dispute('1', town, dept, { state: 'closed', stateSince: '2026-11-01', closedOn: '2026-11-01' }),
    );

    const p = await dl.agenda.proposals(meeting.id);
    expect(p.views).toEqual(heldViews);
    expect(p.views[review.id]).toMatchObject({ title: '研究未结执法争议（8件）', frozen: true, takenOn: '2026-11-22' });
    expect(p.views[review.id]?.lines).toHaveLength(8);
    expect(p.standing.find((x) => x.kind === 'disputes_review')?.title).toBe('研究未结执法争议（8件）');
    // The open-disputes list of a held meeting is the one of its day.
    expect(p.disputes.map((d) => d.dispute.id).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const docs = await dl.documentSettings.meetingSources(meeting.id);
    expect(docs.standing[review.id]).toEqual(heldViews[review.id]);
  });

  it('reads an older held meeting without snapshots as of its day', async () => {
    const { db, dl, town, dept, meeting, review } = await prepared();
    // A row from before snapshots: held, no snapshot on its items.
    await db.meetings.put({ ...meeting, state: 'issued' });
    await db.disputes.put(dispute('late', town, dept, { registeredOn: '2026-11-25' }));
    const view = (await dl.agenda.proposals(meeting.id)).views[review.id];
    expect(view).toMatchObject({ title: '研究未结执法争议（8件）', frozen: false });
    expect(view?.lines).toHaveLength(8);
  });

  it('shows the demo township’s past meetings with the disputes of their day, not those registered later', async () => {
    const { db, dl } = await withProfile();
    await dl.demo.load(generateDemoDataset({ seed: 7, scale: 1, today: '2026-11-30' }));
    const disputes = new Map((await db.disputes.toArray()).map((d) => [d.number, d]));
    let checked = 0;
    let later = 0;
    for (const m of (await db.meetings.toArray()).filter(isHeldOrLater)) {
      const p = await dl.agenda.proposals(m.id);
      const review = (await dl.agenda.list(m.id)).find((i) => i.kind === 'disputes_review');
      if (!review) continue;
      for (const line of p.views[review.id]?.lines ?? []) {
        const d = disputes.get(line.split(' ')[0]!);
        expect(d?.registeredOn, `${m.startsAt}: ${line}`).toBeDefined();
        expect(d!.registeredOn <= m.startsAt.slice(0, 10), `${m.startsAt}: ${line}`).toBe(true);
      }
      checked++;
      // What the old reading showed: every dispute open today, including ones registered after the meeting.
      later += [...disputes.values()].filter(
        (d) => d.state !== 'closed' && d.registeredOn > m.startsAt.slice(0, 10),
      ).length;
    }
    expect(checked).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(0);
  });

  it('a fault at any mutation of the held transition leaves meeting, topics and agenda unchanged', async () => {
    const probe = await prepared();
    const stopProbe = failAtMutation(probe.db, Number.POSITIVE_INFINITY);
    await probe.dl.meetings.transition(probe.meeting.id, 'held');
    const mutations = stopProbe();
    // meeting + 2 topics + 2 agenda items, their 5 audit entries, and the anchor.
    expect(mutations).toBe(5 + 5 + 1);

    for (let k = 1; k <= mutations; k++) {
      const h = await prepared();
      const before = await snapshotTables(h.db);
      const stop = failAtMutation(h.db, k);
      await expect(h.dl.meetings.transition(h.meeting.id, 'held')).rejects.toBeInstanceOf(InjectedFault);
      stop();
      expect(await snapshotTables(h.db), `fault at mutation ${k} of ${mutations}`).toEqual(before);
      expect((await h.dl.audit.verify()).ok).toBe(true);
    }
  });
});

describe('markTopicsResolved (called by the minutes repository at 印发)', () => {
  async function heldWithTopics() {
    const opts = deterministicOptions();
    const h = await withProfile(opts);
    const s = await prepared(h);
    await s.dl.meetings.transition(s.meeting.id, 'held');
    const ctx: DataLayerContext = { db: s.db, ...opts };
    const resolve = (ids: string[]) =>
      auditedWrite(ctx, [s.db.topics], (audit) => markTopicsResolved(ctx, audit, s.meeting.id, ids));
    return { ...s, resolve };
  }

  it('moves discussed topics to 已议定, audited, and leaves already resolved ones alone', async () => {
    const { db, resolve } = await heldWithTopics();
    const count = await db.audit.count();
    const moved = await resolve(['t1', 't1']);
    expect(moved.map((t) => [t.id, t.state])).toEqual([['t1', 'resolved']]);
    expect((await db.topics.get('t2'))?.state).toBe('discussed');
    const audit = (await auditRows(db)).slice(count);
    expect(audit.map((e) => [e.entity, e.entityId, e.action, e.reason])).toEqual([
      ['topic', 't1', 'transition', '会议纪要已印发，议题已议定'],
    ]);
    // Issuing a corrected version again: nothing to do, nothing written.
    expect(await resolve(['t1'])).toEqual([]);
    expect(await db.audit.count()).toBe(count + 1);
  });

  it('keeps a deferred or escalated outcome, and discusses first a topic of a meeting held before this rule', async () => {
    const { db, resolve } = await heldWithTopics();
    await db.topics.put({ ...(await db.topics.get('t2'))!, state: 'deferred' });
    const count = await db.audit.count();
    expect((await resolve(['t2'])).length).toBe(0);
    expect(await db.audit.count()).toBe(count);

    await db.topics.put({ ...(await db.topics.get('t2'))!, state: 'scheduled' });
    expect((await resolve(['t2'])).map((t) => t.state)).toEqual(['resolved']);
    const audit = (await auditRows(db)).slice(count);
    expect(audit.map((e) => [e.entityId, (e.after as Topic).state, e.reason])).toEqual([
      ['t2', 'discussed', '会议已召开'],
      ['t2', 'resolved', '会议纪要已印发，议题已议定'],
    ]);
  });

  it('refuses a missing topic or one of another meeting, writing nothing', async () => {
    const { db, town, resolve } = await heldWithTopics();
    await db.topics.put(topic('other', town, { state: 'discussed', meetingId: 'another' }));
    const before = await snapshotTables(db);
    await expect(resolve(['t1', 'other'])).rejects.toThrow('议题“议题other”不在本次会议的议程中');
    await expect(resolve(['missing'])).rejects.toThrow(/找不到议题/);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('a fault at any of its mutations rolls back every topic', async () => {
    const probe = await heldWithTopics();
    const stopProbe = failAtMutation(probe.db, Number.POSITIVE_INFINITY);
    await probe.resolve(['t1', 't2']);
    const mutations = stopProbe();
    // 2 topics, their 2 audit entries, and the anchor.
    expect(mutations).toBe(2 + 2 + 1);
    for (let k = 1; k <= mutations; k++) {
      const h = await heldWithTopics();
      const before = await snapshotTables(h.db);
      const stop = failAtMutation(h.db, k);
      await expect(h.resolve(['t1', 't2'])).rejects.toBeInstanceOf(InjectedFault);
      stop();
      expect(await snapshotTables(h.db), `fault at mutation ${k} of ${mutations}`).toEqual(before);
    }
  });
});

/**
 * The 落实情况通报 of the 2 September meeting (N): N-1 was held on 10 June, its minutes issued on 15 June.
 * The item's figures and lines are the implementation-report selection, live while N is prepared and frozen
 * at 已召开; the read goes through the indexes, never the whole resolutions or events tables.
 */
describe('the 落实情况通报 item', () => {
  const previous = (id = 'prev'): Meeting => ({
    id,
    ...meta,
    kind: 'regular',
    startsAt: '2026-06-10T09:00',
    place: '镇政府三楼会议室',
    year: 2026,
    sequence: 2,
    state: 'issued',
  });
  const res = (id: string, unitId: string, o: Partial<Resolution> = {}): Resolution => ({
    id,
    ...meta,
    meetingId: 'prev',
    minutesId: 'mp',
    content: `议定事项${id}`,
    leadUnitId: unitId,
    coUnitIds: [],
    deadline: '2026-08-31',
    state: 'in_progress',
    issuedOn: '2026-06-15',
    ...o,
  });
  const verification = (resolutionId: string, on: string, createdAt = `${on}T02:00:00.000Z`): TaskEvent => ({
    id: `v-${resolutionId}`,
    resolutionId,
    kind: 'verification',
    on,
    text: '经核验，已按要求办结',
    approved: true,
    createdAt,
  });

  async function reporting(h0?: Harness) {
    const s = await setup(h0);
    const { db, dl, town, dept, meeting } = s;
    await db.meetings.bulkPut([previous(), { ...previous('undone'), startsAt: '2026-05-10T09:00', state: 'held' }]);
    await db.minutes.bulkPut([
      {
        id: 'mp',
        ...meta,
        meetingId: 'prev',
        state: 'issued',
        issuedOn: '2026-06-15',
        issueYear: 2026,
        issueNumber: 2,
        version: 1,
        content: {},
      },
      { id: 'mu', ...meta, meetingId: 'undone', state: 'review', version: 1, content: {} },
    ] as Minutes[]);
    await db.resolutions.bulkPut([
      res('a', town),
      // Verified at 07:30 on N-1's day: its UTC timestamp still reads 9 June.
      res('b', dept, { state: 'verified', updatedAt: '2026-06-09T23:30:00.000Z' }),
      // Verified the day before N-1: N-1 reported it.
      res('c', dept, { state: 'verified', updatedAt: '2026-06-09T08:00:00.000Z' }),
      // Minutes still in review: not a task.
      res('d', town, { meetingId: 'undone', minutesId: 'mu', state: 'draft', issuedOn: undefined }),
      // Issued after N's day.
      res('e', town, { issuedOn: '2026-09-03' }),
    ]);
    await db.taskEvents.bulkPut([
      verification('b', '2026-06-10', '2026-06-09T23:30:00.000Z'),
      verification('c', '2026-06-09', '2026-06-09T08:00:00.000Z'),
    ]);
    const report = await dl.agenda.addStanding(meeting.id, 'last_resolutions');
    return { ...s, report };
  }

  it('shows the selection’s figures in the title and one line per item, the same in builder and documents', async () => {
    const { db, dl, meeting, report } = await reporting();
    expect(report.title).toBe('通报上次会议议定事项落实情况（共2项，已办结1项）');
    const wholeTable = [vi.spyOn(db.resolutions, 'toArray'), vi.spyOn(db.taskEvents, 'toArray')];
    const p = await dl.agenda.proposals(meeting.id);
    expect(p.resolutions).toEqual({ total: 2, open: 1 });
    expect(p.requiredItemIds).toEqual([report.id]);
    expect(p.views[report.id]).toEqual({
      title: '通报上次会议议定事项落实情况（共2项，已办结1项）',
      lines: [
        '1. 议定事项a（城关镇人民政府牵头，2026年8月31日前，办理中，逾期2天）',
        '2. 议定事项b（区市场监管局牵头，2026年8月31日前，已核验办结）',
      ],
      frozen: false,
    });
    expect(p.standing.find((x) => x.kind === 'last_resolutions')?.title).toBe(p.views[report.id]?.title);
    const docs = await dl.documentSettings.meetingSources(meeting.id);
    expect(docs.standing[report.id]).toEqual(p.views[report.id]);
    for (const spy of wholeTable) expect(spy).not.toHaveBeenCalled();
    for (const spy of wholeTable) spy.mockRestore();
  });

  it('moves title and list together while prepared, freezes both at 已召开, and keeps them frozen', async () => {
    const { db, dl, meeting, report, town } = await reporting();
    // 'a' is verified before the meeting: 共2项，已办结2项; no longer required.
    await db.resolutions.put(res('a', town, { state: 'verified', updatedAt: '2026-09-01T02:00:00.000Z' }));
    await db.taskEvents.put(verification('a', '2026-09-01'));
    const live = await dl.agenda.proposals(meeting.id);
    expect(live.views[report.id]?.title).toBe('通报上次会议议定事项落实情况（共2项，已办结2项）');
    expect(live.views[report.id]?.lines[0]).toBe('1. 议定事项a（城关镇人民政府牵头，2026年8月31日前，已核验办结）');
    expect(live.requiredItemIds).toEqual([]);

    await dl.meetings.transition(meeting.id, 'notified');
    await dl.meetings.transition(meeting.id, 'held');
    const frozen = await db.agendaItems.get(report.id);
    expect(frozen?.snapshot).toEqual({
      takenOn: '2026-11-22',
      title: live.views[report.id]!.title,
      lines: live.views[report.id]!.lines,
    });

    // Issued in July and still open: it would be reported now, but the meeting's record stays as it was.
    await db.resolutions.put(res('f', town, { issuedOn: '2026-07-01', state: 'not_started' }));
    const after = await dl.agenda.proposals(meeting.id);
    expect(after.views[report.id]).toMatchObject({ title: live.views[report.id]!.title, frozen: true });
    expect(after.views[report.id]?.lines).toEqual(live.views[report.id]!.lines);
    expect((await dl.documentSettings.meetingSources(meeting.id)).standing[report.id]).toEqual(after.views[report.id]);
  });

  it('marked held ahead of its day: 逾期 is judged on the day it was held', async () => {
    const h = await withProfile({ ...deterministicOptions(), now: () => new Date('2026-08-31T01:00:00.000Z') });
    const { db, dl, meeting, report } = await reporting(h);
    await dl.meetings.transition(meeting.id, 'notified');
    await dl.meetings.transition(meeting.id, 'held');
    const snapshot = (await db.agendaItems.get(report.id))?.snapshot;
    expect(snapshot?.takenOn).toBe('2026-08-31');
    // Due through 31 August: not late on the day it was held.
    expect(snapshot?.lines[0]).toBe('1. 议定事项a（城关镇人民政府牵头，2026年8月31日前，办理中）');
  });
});
