import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { NOTICE_NUMBERS_KEY } from '../../../renderer/src/db/repositories/followup';
import type { Resolution, UserRole } from '../../../shared/domain';
import type { MinutesDoc, ResolutionAttrs } from '../../../shared/editor/document';
import {
  InjectedFault,
  auditRows,
  failAtMutation,
  freshDatabase,
  personInput,
  snapshotTables,
  unitInput,
} from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

type Node = { type: 'resolution'; attrs: ResolutionAttrs };
const res = (id: string, lead: string, extra: Partial<ResolutionAttrs> = {}): Node => ({
  type: 'resolution',
  attrs: {
    id,
    content: `议定事项${id}`,
    leadUnitId: lead,
    coUnitIds: [],
    deadline: { kind: 'working_days', days: 10 },
    feedback: '',
    ...extra,
  },
});

function withResolutions(doc: MinutesDoc, nodes: Node[]): MinutesDoc {
  const at = doc.content.findIndex((n) => n.type === 'heading') + 1;
  return { type: 'doc', content: [...doc.content.slice(0, at), ...nodes, ...doc.content.slice(at)] };
}

/**
 * Two held meetings whose minutes are issued on Sunday 2026-11-22 (the business clock is `clock.day`;
 * the active rule profile's 临期 window is 3 working days):
 *   m1: r1 市场监管局 (配合 城关镇) 10 working days → 12-04; r2 城关镇 by 12-31; r3 公安 (配合 市场监管局)
 *       30 working days → 2027 (暂定); r4 市场监管局 by 11-25.
 *   m2: r5 城关镇 by 11-23; r6 市场监管局 (配合 公安) 5 working days → 11-27.
 */
async function setup() {
  const clock = { day: '2026-11-22' };
  let tick = 0;
  let n = 0;
  const db = freshDatabase();
  const dl = createDataLayer(db, {
    now: () => new Date(Date.parse(`${clock.day}T01:00:00.000Z`) + tick++ * 1000),
    newId: () => `id-${++n}`,
  });
  const office = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  const town = (await dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await dl.units.create(unitInput('区市场监管局'))).id;
  const police = (await dl.units.create(unitInput('区公安分局'))).id;
  const chair = (await dl.people.create(personInput('陈建国', town, { role: 'chief_convener' }))).id;

  const profiles: Record<string, string> = { office_staff: office.id };
  const become = async (role: UserRole, unitId?: string) => {
    const key = `${role}:${unitId ?? ''}`;
    if (!profiles[key] && !(role === 'office_staff' && !unitId))
      profiles[key] = (await dl.profiles.create({ name: `测试${role}`, unitName: '城关镇', role, unitId })).id;
    await dl.profiles.switchTo(profiles[key] ?? profiles.office_staff!);
  };

  const issue = async (startsAt: string, topicId: string, nodes: Node[]) => {
    await become('office_staff');
    const meeting = await dl.meetings.create({
      kind: 'regular',
      startsAt,
      place: '镇政府三楼会议室',
      chairPersonId: chair,
    });
    await db.topics.add({
      id: topicId,
      ...meta,
      title: `议题${topicId}`,
      submittingUnitId: dept,
      submittedOn: '2026-09-01',
      category: 'jurisdiction_dispute',
      description: '情况说明。',
      urgency: 'normal',
      relatedUnitIds: [],
      state: 'accepted',
    });
    await dl.agenda.addTopic(meeting.id, topicId);
    await dl.meetings.transition(meeting.id, 'notified');
    await dl.meetings.transition(meeting.id, 'held');
    const m = await dl.minutes.ensureForMeeting(meeting.id);
    await dl.minutes.save(m.id, withResolutions(m.content as MinutesDoc, nodes));
    await dl.minutes.act(m.id, 'submit');
    await become('convener');
    await dl.minutes.act(m.id, 'sign');
    await become('office_staff');
    await dl.minutes.act(m.id, 'issue');
    return { meeting, minutes: m };
  };

  const m1 = await issue('2026-11-20T09:00', 't1', [
    res('r1', dept, { coUnitIds: [town], content: '开展农贸市场周边占道经营集中整治' }),
    res('r2', town, { deadline: { kind: 'date', date: '2026-12-31' }, content: '制定夜市管理办法' }),
    res('r3', police, { coUnitIds: [dept], deadline: { kind: 'working_days', days: 30 } }),
    res('r4', dept, { deadline: { kind: 'date', date: '2026-11-25' } }),
  ]);
  const m2 = await issue('2026-11-21T09:00', 't2', [
    res('r5', town, { deadline: { kind: 'date', date: '2026-11-23' } }),
    res('r6', dept, { coUnitIds: [police], deadline: { kind: 'working_days', days: 5 } }),
  ]);
  return { db, dl, clock, town, dept, police, become, m1, m2 };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const ids = (rows: { resolution: Resolution }[]) => rows.map((r) => r.resolution.id);

describe('follow-up repository: actions', () => {
  it('each action writes the task, its event and the audit entries in ONE transaction (a fault anywhere: nothing changes)', async () => {
    const s = await setup();
    const steps: {
      name: string;
      role: [UserRole, string?];
      run: () => Promise<unknown>;
      check: () => Promise<void>;
    }[] = [
      {
        name: 'progress',
        role: ['liaison', s.dept],
        run: () => s.dl.followup.progress('r1', { on: '2026-11-22', text: '已召开部署会', percent: 20 }),
        check: async () => expect((await s.db.resolutions.get('r1'))?.state).toBe('in_progress'),
      },
      {
        name: 'remind',
        role: ['office_staff'],
        run: () => s.dl.followup.remind('r1', { text: '请于11月27日前报送进展' }),
        check: async () => expect((await s.db.settings.get(NOTICE_NUMBERS_KEY))?.value).toEqual({ '2026': 1 }),
      },
      {
        name: 'comment',
        role: ['supervisor'],
        run: () => s.dl.followup.comment('r1', '请注意证据留存'),
        check: async () => undefined,
      },
      {
        name: 'requestExtension',
        role: ['liaison', s.dept],
        run: () => s.dl.followup.requestExtension('r1', { proposedDeadline: '2026-12-18', reason: '涉及多部门' }),
        check: async () => expect((await s.db.resolutions.get('r1'))?.extension?.state).toBe('pending'),
      },
      {
        name: 'decideExtension',
        role: ['convener'],
        run: () => s.dl.followup.decideExtension('r1', { approved: true }),
        check: async () => expect((await s.db.resolutions.get('r1'))?.deadline).toBe('2026-12-18'),
      },
      {
        name: 'cannotComplete',
        role: ['liaison', s.town],
        run: () => s.dl.followup.cannotComplete('r2', { reason: '涉及区级权限' }),
        check: async () => expect((await s.db.resolutions.get('r2'))?.cannotComplete?.escalated).toBe(false),
      },
      {
        name: 'escalate',
        role: ['convener'],
        run: () => s.dl.followup.escalate('r2', { note: '请党政联席会议明确' }),
        check: async () => expect((await s.db.resolutions.get('r2'))?.cannotComplete?.escalated).toBe(true),
      },
      {
        name: 'claimDone',
        role: ['liaison', s.dept],
        run: () => s.dl.followup.claimDone('r1', { text: '已清理摊点32处' }),
        check: async () => expect((await s.db.resolutions.get('r1'))?.state).toBe('done_pending_verification'),
      },
      {
        name: 'verify',
        role: ['supervisor'],
        run: () => s.dl.followup.verify('r1', { passed: true, finding: '现场核查已整改到位' }),
        check: async () => expect((await s.db.resolutions.get('r1'))?.state).toBe('verified'),
      },
    ];
    for (const step of steps) {
      await s.become(...step.role);
      const events = await s.db.taskEvents.count();
      const audit = (await auditRows(s.db)).length;
      let k = 1;
      for (; ; k++) {
        const before = await snapshotTables(s.db);
        const undo = failAtMutation(s.db, k);
        let ok = false;
        try {
          await step.run();
          ok = true;
        } catch (e) {
          expect(e, `${step.name} at mutation ${k}`).toBeInstanceOf(InjectedFault);
        }
        const seen = undo();
        if (ok) {
          expect(seen, step.name).toBe(k - 1);
          break;
        }
        expect(await snapshotTables(s.db), `${step.name}: fault at mutation ${k}`).toEqual(before);
      }
      expect(k - 1, `${step.name} mutations`).toBeGreaterThanOrEqual(3);
      await step.check();
      expect(await s.db.taskEvents.count(), step.name).toBe(events + 1);
      const entries = (await auditRows(s.db)).slice(audit);
      const eventEntry = entries.find((e) => e.entity === 'taskEvent');
      expect(eventEntry, step.name).toMatchObject({ action: 'create', before: null });
      expect(await s.db.taskEvents.get(eventEntry!.entityId)).toEqual(eventEntry!.after);
      if (!['remind', 'comment'].includes(step.name))
        expect(
          entries.some((e) => e.entity === 'resolution'),
          step.name,
        ).toBe(true);
    }
    expect((await s.dl.audit.verify()).ok).toBe(true);
  });

  it('a liaison reports for its own unit only; another unit’s liaison is refused progress', async () => {
    const s = await setup();
    await s.become('liaison', s.police);
    const before = await snapshotTables(s.db);
    await expect(s.dl.followup.progress('r1', { on: '2026-11-22', text: '进展' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('联络员只能为本单位牵头或配合的任务报送办理进展'),
    });
    expect(await snapshotTables(s.db)).toEqual(before);
    // the co-unit's liaison may; its event names its unit
    await s.become('liaison', s.town);
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '配合单位已派员' });
    expect((await s.dl.followup.get('r1'))?.latestEvent).toMatchObject({ unitId: s.town, text: '配合单位已派员' });
    await expect(s.dl.followup.progress('r1', { on: '2026-11-22', text: '代报', unitId: s.dept })).rejects.toThrow(
      '联络员只能以本单位名义报送进展',
    );
    // a liaison without a unit is told what to do
    await s.become('liaison');
    await expect(s.dl.followup.progress('r1', { on: '2026-11-22', text: '进展' })).rejects.toThrow(
      '请先在“设置 → 当前用户”中选择所属成员单位',
    );
  });

  it('only the supervisor verifies; only the chair decides extensions', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    await s.dl.followup.requestExtension('r1', { proposedDeadline: '2026-12-18', reason: '需要协调' });
    for (const role of [['office_staff'], ['supervisor'], ['liaison', s.dept]] as [UserRole, string?][]) {
      await s.become(...role);
      const before = await snapshotTables(s.db);
      await expect(s.dl.followup.decideExtension('r1', { approved: true }), role[0]).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('只有召集人可以审批延期申请'),
      });
      expect(await snapshotTables(s.db)).toEqual(before);
    }
    await s.become('convener');
    await s.dl.followup.decideExtension('r1', { approved: false, note: '时限不宜延长' });
    await s.become('liaison', s.dept);
    await s.dl.followup.claimDone('r1', { text: '已完成' });
    for (const role of [['office_staff'], ['convener'], ['liaison', s.dept]] as [UserRole, string?][]) {
      await s.become(...role);
      const before = await snapshotTables(s.db);
      await expect(s.dl.followup.verify('r1', { passed: true, finding: '已完成' }), role[0]).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('核验办理结果'),
      });
      expect(await snapshotTables(s.db)).toEqual(before);
    }
    await s.become('supervisor');
    expect((await s.dl.followup.verify('r1', { passed: true, finding: '已核实' })).state).toBe('verified');
  });

  it('a refused extension returns to the prior deadline and state; the history keeps both events', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '启动' });
    const prior = (await s.db.resolutions.get('r1'))!;
    await s.dl.followup.requestExtension('r1', { proposedDeadline: '2026-12-18', reason: '需要协调' });
    await s.become('convener');
    const after = await s.dl.followup.decideExtension('r1', { approved: false, note: '不同意' });
    expect(after).toMatchObject({ state: prior.state, deadline: prior.deadline, extension: { state: 'refused' } });
    expect(after.deadline).toBe('2026-12-04');
    const detail = (await s.dl.followup.get('r1'))!;
    expect(detail.events.map((e) => [e.kind, e.approved])).toEqual([
      ['progress', undefined],
      ['extension', undefined],
      ['extension', false],
    ]);
    // approved: the deadline moves and the change is an event of its own kind
    await s.become('liaison', s.dept);
    await s.dl.followup.requestExtension('r1', { proposedDeadline: '2026-12-11', reason: '再次申请' });
    await s.become('convener');
    expect((await s.dl.followup.decideExtension('r1', { approved: true })).deadline).toBe('2026-12-11');
    expect((await s.dl.followup.get('r1'))!.latestEvent).toMatchObject({
      kind: 'deadline_change',
      newDeadline: '2026-12-11',
      personName: '测试convener',
    });
  });

  it('a failed verification sends the task back to 办理中 with the finding', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    await s.dl.followup.claimDone('r1', { text: '已完成整治' });
    await s.become('supervisor');
    const back = await s.dl.followup.verify('r1', { passed: false, finding: '现场仍有占道摊点，请继续整改' });
    expect(back.state).toBe('in_progress');
    const d = (await s.dl.followup.get('r1'))!;
    expect(d.latestEvent).toMatchObject({
      kind: 'verification',
      approved: false,
      text: '现场仍有占道摊点，请继续整改',
    });
    expect(d.events.map((e) => e.kind)).toEqual(['completion', 'verification']);
    const audit = (await auditRows(s.db)).filter((e) => e.entity === 'resolution' && e.entityId === 'r1').at(-1)!;
    expect(audit).toMatchObject({ action: 'transition', reason: '核验', actorRole: 'supervisor' });
  });

  it('督办通知单 numbers run per year', async () => {
    const s = await setup();
    const a = await s.dl.followup.remind('r1', { text: '请抓紧办理' });
    const b = await s.dl.followup.remind('r4', { text: '请抓紧办理' });
    expect([a.noticeNumber, b.noticeNumber]).toEqual([
      { year: 2026, number: 1 },
      { year: 2026, number: 2 },
    ]);
    expect(b.event).toMatchObject({ kind: 'reminder', notice: { year: 2026, number: 2 }, personName: '王小明' });
    s.clock.day = '2027-01-04';
    expect((await s.dl.followup.remind('r3', { text: '新年第一份' })).noticeNumber).toEqual({ year: 2027, number: 1 });
    expect((await s.db.settings.get(NOTICE_NUMBERS_KEY))?.value).toEqual({ '2026': 2, '2027': 1 });
  });

  it('refuses actions on drafts, unknown tasks and verified tasks with Chinese messages', async () => {
    const s = await setup();
    await expect(s.dl.followup.comment('nope', '意见')).rejects.toMatchObject({ code: 'not-found' });
    await s.become('liaison', s.dept);
    await s.dl.followup.claimDone('r1', { text: '完成' });
    await s.become('supervisor');
    await s.dl.followup.verify('r1', { passed: true, finding: '通过' });
    await expect(s.dl.followup.comment('r1', '再说一句')).rejects.toThrow('该任务已核验办结，不能再发表意见');
    expect(await s.dl.followup.get('nope')).toBeUndefined();
  });
});

describe('follow-up repository: reading', () => {
  const levels = async (s: Setup, filter = {}) =>
    Object.fromEntries((await s.dl.followup.list(filter)).rows.map((r) => [r.resolution.id, r.warning.level]));

  it('lists issued tasks, 逾期 then 临期 then by deadline, with their meeting, 第×期 and latest event', async () => {
    const s = await setup();
    // a draft of a third meeting is never listed
    await s.db.resolutions.add({
      id: 'draft1',
      ...meta,
      meetingId: s.m1.meeting.id,
      content: '',
      leadUnitId: '',
      coUnitIds: [],
      state: 'draft',
    });
    s.clock.day = '2026-11-26';
    const { rows, total } = await s.dl.followup.list();
    expect(total).toBe(6);
    expect(ids(rows)).toEqual(['r5', 'r4', 'r6', 'r1', 'r2', 'r3']);
    expect(rows.map((r) => r.warning)).toEqual([
      { level: 'overdue', workingDaysLeft: -3, overdueDays: 3, provisional: false },
      { level: 'overdue', workingDaysLeft: -1, overdueDays: 1, provisional: false },
      { level: 'due_soon', workingDaysLeft: 1, provisional: false },
      { level: 'none', workingDaysLeft: 6, provisional: false },
      expect.objectContaining({ level: 'none' }),
      expect.objectContaining({ level: 'none', provisional: true }),
    ]);
    expect(rows[0]).toMatchObject({
      meeting: { id: s.m2.meeting.id, year: 2026, sequence: 2, kind: 'regular' },
      issueNumber: 2,
      issueYear: 2026,
    });
    expect(rows[3]).toMatchObject({ issueNumber: 1 });
    expect(rows[0]!.latestEvent).toBeUndefined();
    await s.dl.followup.remind('r5', { text: '已逾期，请说明情况' });
    expect((await s.dl.followup.list({ limit: 1 })).rows[0]!.latestEvent).toMatchObject({ kind: 'reminder' });
  });

  it('filters: lead unit, co-unit, meeting, state, warning, due window, search, pending extension; pagination', async () => {
    const s = await setup();
    s.clock.day = '2026-11-26';
    await s.become('liaison', s.dept);
    await s.dl.followup.progress('r1', { on: '2026-11-26', text: '进展' });
    await s.dl.followup.claimDone('r6', { text: '完成' });
    await s.dl.followup
      .requestExtension('r4', { proposedDeadline: '2026-12-30', reason: '协调' })
      .catch(() => undefined);
    await s.become('liaison', s.police);
    await s.dl.followup.requestExtension('r3', { proposedDeadline: '2027-03-01', reason: '协调' });
    const list = async (f: object) => ids((await s.dl.followup.list(f)).rows);
    // r6 reported done (not warned) sorts by its deadline among the others
    expect(await list({ leadUnitId: s.dept })).toEqual(['r4', 'r6', 'r1']);
    expect(await list({ coUnitId: s.dept })).toEqual(['r3']);
    expect(await list({ coUnitId: s.police })).toEqual(['r6']);
    expect(await list({ meetingId: s.m2.meeting.id })).toEqual(['r5', 'r6']);
    expect(await list({ meetingId: s.m2.meeting.id, leadUnitId: s.town })).toEqual(['r5']);
    expect(await list({ states: ['in_progress'] })).toEqual(['r1']);
    expect(await list({ states: ['done_pending_verification'] })).toEqual(['r6']);
    expect(await list({ states: ['not_started', 'draft'] })).toEqual(['r5', 'r4', 'r2', 'r3']);
    expect(await list({ warning: ['overdue'] })).toEqual(['r5', 'r4']);
    expect(await list({ warning: ['due_soon'] })).toEqual([]); // r6 was reported done: not warned
    expect(await list({ warning: ['overdue'], leadUnitId: s.dept })).toEqual(['r4']);
    expect(await list({ warning: ['none'], states: ['not_started', 'in_progress'] })).toEqual(['r1', 'r2', 'r3']);
    expect(await list({ dueFrom: '2026-11-25', dueTo: '2026-12-04' })).toEqual(['r4', 'r6', 'r1']);
    expect(await list({ dueTo: '2026-11-25', leadUnitId: s.dept })).toEqual(['r4']);
    expect(await list({ search: '夜市' })).toEqual(['r2']);
    expect(await list({ search: '农贸', leadUnitId: s.town })).toEqual([]);
    expect(await list({ search: '议定事项', coUnitId: s.police })).toEqual(['r6']);
    expect(await list({ pendingExtension: true })).toEqual(['r3']);
    await expect(s.dl.followup.list({ dueTo: '12月1日' })).rejects.toThrow('到期日期止格式不正确');
    const all = await list({});
    const pages = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await s.dl.followup.list({ offset, limit: 4 });
      expect(page.total).toBe(6);
      pages.push(...ids(page.rows));
    }
    expect(pages).toEqual(all);
    expect((await s.dl.followup.list({ offset: 6, limit: 4 })).rows).toEqual([]);
    expect(
      (await s.dl.followup.list({ leadUnitId: s.dept, offset: 1, limit: 1 })).rows.map((r) => r.resolution.id),
    ).toEqual(['r6']);
  });

  it('verified tasks are closed and listed last, latest deadline first; tasks without a deadline are found too', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    await s.dl.followup.claimDone('r1', { text: '完成' });
    await s.dl.followup.claimDone('r4', { text: '完成' });
    await s.become('supervisor');
    await s.dl.followup.verify('r1', { passed: true, finding: '通过' });
    await s.dl.followup.verify('r4', { passed: true, finding: '通过' });
    // a legacy task migrated without a deadline
    const r2 = (await s.db.resolutions.get('r2'))!;
    const { deadline: _d, ...legacy } = { ...r2, id: 'legacy' };
    await s.db.resolutions.add(legacy);
    const all = ids((await s.dl.followup.list()).rows);
    expect(all.slice(-2)).toEqual(['r1', 'r4']);
    expect(all).toContain('legacy');
    expect(await levels(s, { states: ['verified'] })).toEqual({ r1: 'closed', r4: 'closed' });
    expect(await levels(s, { warning: ['none'], leadUnitId: s.town })).toEqual({
      r2: 'none',
      legacy: 'none',
    });
    expect(ids((await s.dl.followup.list({ dueFrom: '2020-01-01' })).rows)).not.toContain('legacy');
  });

  it('uses the active rule profile’s 临期 window', async () => {
    const s = await setup();
    // Sunday 11-22: r5 (11-23) 1 left, r4 (11-25) 3 left, r6 (11-27) 5 left
    expect(await levels(s, { warning: ['due_soon'] })).toEqual({ r5: 'due_soon', r4: 'due_soon' });
    const custom = await s.dl.rules.saveCustom({
      name: '五日提醒',
      values: { ...(await s.dl.rules.active()).values, warningWorkingDays: 5 },
    });
    await s.dl.rules.setActive(custom.id);
    expect(await levels(s, { warning: ['due_soon'] })).toEqual({ r5: 'due_soon', r4: 'due_soon', r6: 'due_soon' });
    expect((await s.dl.followup.attention()).dueSoon).toBe(3);
  });

  it('get: the task with its source, agenda item, minutes and timeline oldest first', async () => {
    const s = await setup();
    await s.become('liaison', s.dept);
    s.clock.day = '2026-11-24';
    await s.dl.followup.progress('r1', { on: '2026-11-23', text: '第二条' });
    await s.dl.followup.progress('r1', { on: '2026-11-22', text: '补报：第一条' });
    const d = (await s.dl.followup.get('r1'))!;
    expect(d.events.map((e) => e.text)).toEqual(['补报：第一条', '第二条']);
    expect(d.latestEvent?.text).toBe('第二条');
    expect(d.minutesId).toBe(s.m1.minutes.id);
    expect(d.agendaItem).toMatchObject({ meetingId: s.m1.meeting.id, topicId: 't1' });
    expect(d.meeting.id).toBe(s.m1.meeting.id);
    expect(await s.dl.followup.get('draft-none')).toBeUndefined();
  });
});

describe('follow-up repository: attention counts', () => {
  it('per role: everything for the office and the chair, no sign-off count for supervisors, own unit for liaisons', async () => {
    const s = await setup();
    // minutes of a third meeting waiting for the chair's sign-off
    await s.become('office_staff');
    const m3 = await s.dl.meetings.create({ kind: 'special', startsAt: '2026-11-21T15:00', place: '会议室' });
    await s.dl.meetings.transition(m3.id, 'notified');
    await s.dl.meetings.transition(m3.id, 'held');
    const mn3 = await s.dl.minutes.ensureForMeeting(m3.id);
    await s.dl.minutes.act(mn3.id, 'submit');

    s.clock.day = '2026-11-26';
    await s.become('liaison', s.dept);
    await s.dl.followup.claimDone('r6', { text: '完成' });
    await s.dl.followup.requestExtension('r1', { proposedDeadline: '2026-12-18', reason: '协调' });
    await s.become('liaison', s.police);
    await s.dl.followup.requestExtension('r3', { proposedDeadline: '2027-03-01', reason: '协调' });
    // 11-26: overdue r4 (dept), r5 (town); due soon: none open (r6 reported); r1 none
    const expected = {
      office_staff: { overdue: 2, dueSoon: 0, pendingVerification: 1, pendingExtensions: 2, minutesAwaitingSignOff: 1 },
      convener: { overdue: 2, dueSoon: 0, pendingVerification: 1, pendingExtensions: 2, minutesAwaitingSignOff: 1 },
      supervisor: { overdue: 2, dueSoon: 0, pendingVerification: 1, pendingExtensions: 2, minutesAwaitingSignOff: 0 },
    } as const;
    for (const [role, counts] of Object.entries(expected)) {
      await s.become(role as UserRole);
      expect(await s.dl.followup.attention(), role).toEqual(counts);
    }
    await s.become('liaison', s.dept);
    // dept leads r1 (ext pending), r4 (overdue), r6 (待核验); co-handles r3 (ext pending)
    expect(await s.dl.followup.attention()).toEqual({
      overdue: 1,
      dueSoon: 0,
      pendingVerification: 1,
      pendingExtensions: 2,
      minutesAwaitingSignOff: 0,
    });
    await s.become('liaison', s.town);
    // town leads r2, r5 (overdue); co-handles r1 (ext pending)
    expect(await s.dl.followup.attention()).toEqual({
      overdue: 1,
      dueSoon: 0,
      pendingVerification: 0,
      pendingExtensions: 1,
      minutesAwaitingSignOff: 0,
    });
    await s.become('liaison', s.police);
    // police leads r3 (ext pending, 2027); co-handles r6 (待核验)
    expect(await s.dl.followup.attention()).toEqual({
      overdue: 0,
      dueSoon: 0,
      pendingVerification: 1,
      pendingExtensions: 1,
      minutesAwaitingSignOff: 0,
    });
    // a co-handled task counts for the co-unit's warnings
    s.clock.day = '2026-12-03';
    await s.become('liaison', s.town);
    expect((await s.dl.followup.attention()).dueSoon).toBe(1); // r1 (12-04), co-handled by the town
  });

  it('counts from the indexes, agreeing with the list', async () => {
    const s = await setup();
    for (const day of ['2026-11-22', '2026-11-24', '2026-11-26', '2026-12-02', '2026-12-07']) {
      s.clock.day = day;
      const a = await s.dl.followup.attention();
      expect(a.overdue, day).toBe((await s.dl.followup.list({ warning: ['overdue'] })).total);
      expect(a.dueSoon, day).toBe((await s.dl.followup.list({ warning: ['due_soon'] })).total);
    }
  });
});
