import { describe, expect, it } from 'vitest';
import { DEFAULT_STUCK_THRESHOLDS, type Dispute, type Meeting } from '../../../shared/domain';
import { auditRowsWhole, snapshotTables, unitInput, withProfile, type Harness } from './helpers';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

/** Today in the harness clock is 2026-11-22 (deterministicOptions). */
async function setup(): Promise<Harness & { town: string; dept: string; water: string }> {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const water = (await h.dl.units.create(unitInput('区水利局'))).id;
  return { ...h, town, dept, water };
}

function meeting(id: string, startsAt: string, state: Meeting['state'], sequence = 1): Meeting {
  return { id, ...meta, kind: 'regular', startsAt, place: '镇政府三楼会议室', year: 2026, sequence, state };
}

const input = (town: string, dept: string, extra: Record<string, unknown> = {}) => ({
  matter: '农贸市场周边占道经营查处主体',
  type: 'jurisdiction',
  place: '城关镇农贸市场',
  partyUnitIds: [town, dept],
  positions: { [town]: '属市场内经营秩序，由市场监管部门查处', [dept]: '属占道经营，由乡镇综合执法查处' },
  firstHandlingUnitId: town,
  registeredOn: '2026-10-09',
  ...extra,
});

const round = (date: string, outcome = '未达成一致') => ({
  type: 'add-round' as const,
  round: { date, participants: '城关镇张三、区市场监管局李四', content: '各方说明依据', outcome },
});

const application = {
  matter: '农贸市场周边占道经营查处主体',
  negotiation: '经两次协商未能达成一致',
  focus: '占道经营是否属于市场内经营秩序',
  reasons: '城关镇认为……；区市场监管局认为……',
};

describe('disputes repository', () => {
  it('registers a dispute with the next number of its year, state registered, and one create entry', async () => {
    const { db, dl, town, dept, profile } = await setup();
    const count = await db.audit.count();
    const d = await dl.disputes.register(input(town, dept, { positions: { [town]: '  ', [dept]: '属占道经营' } }));
    expect(d).toMatchObject({
      number: '争〔2026〕1号',
      state: 'registered',
      stateSince: '2026-10-09',
      rounds: [],
      firstHandlingUnitId: town,
      positions: { [dept]: '属占道经营' },
    });
    expect(await db.disputes.get(d.id)).toEqual(d);
    const rows = (await auditRowsWhole(db)).slice(count);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'dispute',
      entityId: d.id,
      action: 'create',
      after: d,
      actorId: profile.id,
    });
  });

  it('numbers per year and keeps the prefix the office already uses', async () => {
    const { db, dl, town, dept } = await setup();
    const a = await dl.disputes.register(input(town, dept));
    const b = await dl.disputes.register(input(town, dept, { registeredOn: '2026-10-10' }));
    const c = await dl.disputes.register(input(town, dept, { registeredOn: '2025-12-30' }));
    expect([a.number, b.number, c.number]).toEqual(['争〔2026〕1号', '争〔2026〕2号', '争〔2025〕1号']);

    // Records numbered by another scheme (demo data, an earlier register) set the prefix and the count.
    await db.disputes.put({ ...a, id: 'old', number: '城关执争〔2026〕7号', createdAt: '2026-11-30T00:00:00.000Z' });
    const d = await dl.disputes.register(input(town, dept));
    expect(d.number).toBe('城关执争〔2026〕8号');
  });

  it('refuses bad registrations with a Chinese message naming the field, writing nothing', async () => {
    const { db, dl, town, dept, water } = await setup();
    const before = await snapshotTables(db);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ partyUnitIds: [town] }, /争议各方至少两个单位/],
      [{ partyUnitIds: [town, town] }, /不能重复/],
      [{ firstHandlingUnitId: water }, /先行处理单位必须是争议一方/],
      [{ firstHandlingUnitId: undefined }, /^先行处理单位：请填写先行处理单位/],
      [{ matter: '  ' }, /^争议事项：请填写争议事项/],
      [{ type: 'other' }, /请选择争议类型/],
      [{ registeredOn: '2026-11-23' }, /登记日期：不能晚于今天/],
      [{ partyUnitIds: [town, 'nope'], positions: {} }, /找不到所选单位/],
      [{ relatedMeetingId: 'nope' }, /关联会议：找不到该会议/],
      [{ positions: { [water]: '无关单位的意见' } }, /只能填写争议各方的意见/],
    ];
    for (const [extra, message] of cases) {
      await expect(dl.disputes.register(input(town, dept, extra)), JSON.stringify(extra)).rejects.toThrow(message);
    }
    await dl.units.archive(water);
    const archivedCount = await db.audit.count();
    await expect(dl.disputes.register(input(town, water))).rejects.toThrow(/“区水利局”已归档/);
    expect(await db.audit.count()).toBe(archivedCount);
    expect(await db.disputes.count()).toBe(before.disputes!.length);
  });

  it('runs register → two rounds → escalate → designate → close, each step one transition entry', async () => {
    const { db, dl, town, dept } = await setup();
    const d0 = await dl.disputes.register(input(town, dept));
    const start = await db.audit.count();

    const d1 = await dl.disputes.act(d0.id, round('2026-10-12'));
    const d2 = await dl.disputes.act(d0.id, round('2026-10-20', '协商不成，拟提请区政府协调'));
    const d3 = await dl.disputes.act(d0.id, { type: 'escalate', on: '2026-10-25', application });
    const d4 = await dl.disputes.act(d0.id, {
      type: 'designate',
      decisionNumber: '区政指〔2026〕3号',
      unitId: dept,
      on: '2026-11-10',
    });
    const d5 = await dl.disputes.act(d0.id, { type: 'close', on: '2026-11-20' }, '指定单位已依法查处');

    expect([d1, d2, d3, d4, d5].map((d) => d.state)).toEqual([
      'negotiating',
      'negotiating',
      'escalated',
      'designated',
      'closed',
    ]);
    expect(d2.rounds).toHaveLength(2);
    expect(d2.stateSince).toBe('2026-10-12');
    expect(d3).toMatchObject({ escalatedOn: '2026-10-25', escalation: application, stateSince: '2026-10-25' });
    expect(d3.escalation?.applicantUnitId).toBe(d3.firstHandlingUnitId);
    expect(d4).toMatchObject({
      designatedUnitId: dept,
      decisionNumber: '区政指〔2026〕3号',
      designatedOn: '2026-11-10',
    });
    expect(d5).toMatchObject({ closedOn: '2026-11-20', stateSince: '2026-11-20' });
    expect(await db.disputes.get(d0.id)).toEqual(d5);

    const rows = (await auditRowsWhole(db)).slice(start);
    expect(rows.map((r) => [r.action, (r.before as Dispute).state, (r.after as Dispute).state])).toEqual([
      ['transition', 'registered', 'negotiating'],
      ['transition', 'negotiating', 'negotiating'],
      ['transition', 'negotiating', 'escalated'],
      ['transition', 'escalated', 'designated'],
      ['transition', 'designated', 'closed'],
    ]);
    expect(rows.every((r) => r.entity === 'dispute' && r.entityId === d0.id)).toBe(true);
    expect(rows.at(-1)?.reason).toBe('指定单位已依法查处');
    expect(rows[0]?.reason).toBeUndefined();
    // The trail the timeline reads: the create entry plus the five transitions, newest first.
    const trail = await dl.audit.list({ entity: 'dispute', entityId: d0.id });
    expect(trail.map((e) => e.action)).toEqual([
      'transition',
      'transition',
      'transition',
      'transition',
      'transition',
      'create',
    ]);
    expect(await dl.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses transitions the state or the data does not allow, writing nothing', async () => {
    const { db, dl, town, dept } = await setup();
    const d = await dl.disputes.register(input(town, dept));
    await db.meetings.bulkAdd([
      meeting('held', '2026-10-30T09:00', 'issued'),
      meeting('plan', '2026-12-20T09:00', 'planning', 2),
    ]);
    const before = await snapshotTables(db);
    const expectRefused = async (p: Promise<unknown>, message: RegExp) => {
      await expect(p).rejects.toThrow(message);
      expect(await snapshotTables(db)).toEqual(before);
    };

    await expectRefused(
      dl.disputes.act(d.id, { type: 'agree', agreement: '由城关镇查处', on: '2026-10-12' }),
      /“登记”状态，不能协商一致/,
    );
    await expectRefused(dl.disputes.act(d.id, { type: 'close', on: '2026-10-12' }), /不能结案/);
    await expectRefused(dl.disputes.act(d.id, round('2026-10-01')), /不能早于登记日期/);
    await expectRefused(dl.disputes.act(d.id, round('2026-11-23')), /日期：不能晚于今天/);
    await expectRefused(
      dl.disputes.act(d.id, { type: 'add-round', round: { date: '2026-10-12', participants: '', content: 'x' } }),
      /参加人员：请填写参加人员/,
    );
    await expectRefused(dl.disputes.act('nope', round('2026-10-12')), /找不到该争议/);

    await dl.disputes.act(d.id, round('2026-10-12'));
    await dl.disputes.act(d.id, { type: 'agree', agreement: '由城关镇牵头查处，区市场监管局配合', on: '2026-10-15' });
    const agreed = await snapshotTables(db);
    // Closing an agreed dispute needs the meeting whose minutes record the agreement, and a held one.
    await expect(dl.disputes.act(d.id, { type: 'close', on: '2026-11-01' })).rejects.toThrow(
      /须关联记载该协议的会议纪要/,
    );
    await expect(
      dl.disputes.act(d.id, { type: 'close', on: '2026-11-01', agreementMeetingId: 'nope' }),
    ).rejects.toThrow(/找不到该会议/);
    await expect(
      dl.disputes.act(d.id, { type: 'close', on: '2026-11-01', agreementMeetingId: 'plan' }),
    ).rejects.toThrow(/尚未召开/);
    await expect(
      dl.disputes.act(d.id, { type: 'close', on: '2026-10-14', agreementMeetingId: 'held' }),
    ).rejects.toThrow(/日期：不能早于2026年10月15日/);
    expect(await snapshotTables(db)).toEqual(agreed);

    const closed = await dl.disputes.act(d.id, { type: 'close', on: '2026-11-01', agreementMeetingId: 'held' });
    expect(closed).toMatchObject({ state: 'closed', agreementMeetingId: 'held', closedOn: '2026-11-01' });
  });

  it('reopens a closed dispute only with a reason, recorded on the audit entry', async () => {
    const { db, dl, town, dept } = await setup();
    const d = await dl.disputes.register(input(town, dept));
    await dl.disputes.act(d.id, round('2026-10-12'));
    await dl.disputes.act(d.id, { type: 'escalate', on: '2026-10-13', application });
    await dl.disputes.act(d.id, {
      type: 'designate',
      decisionNumber: '区政指〔2026〕4号',
      unitId: town,
      on: '2026-10-30',
    });
    await dl.disputes.act(d.id, { type: 'close', on: '2026-11-01' });
    const count = await db.audit.count();
    await expect(dl.disputes.act(d.id, { type: 'reopen', reason: ' ', on: '2026-11-02' })).rejects.toThrow(
      /重新打开的原因/,
    );
    expect(await db.audit.count()).toBe(count);
    const reopened = await dl.disputes.act(d.id, { type: 'reopen', reason: '当事人提出新的证据', on: '2026-11-02' });
    expect(reopened).toMatchObject({
      state: 'negotiating',
      stateSince: '2026-11-02',
      reopenReason: '当事人提出新的证据',
    });
    expect(reopened.closedOn).toBeUndefined();
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({ action: 'transition', reason: '当事人提出新的证据' });
  });

  it('updates the registration fields while open, audits them, and refuses once closed', async () => {
    const { db, dl, town, dept, water } = await setup();
    const d = await dl.disputes.register(input(town, dept, { relatedCase: '城关罚〔2026〕12号' }));
    const updated = await dl.disputes.update(d.id, {
      partyUnitIds: [town, dept, water],
      positions: { [water]: '河道管理范围内由水利部门负责' },
      relatedCase: undefined,
      registeredOn: '2026-10-08',
    });
    expect(updated).toMatchObject({ number: d.number, state: 'registered', stateSince: '2026-10-08' });
    expect(updated.partyUnitIds).toEqual([town, dept, water]);
    expect(updated.positions).toEqual({ [water]: '河道管理范围内由水利部门负责' });
    expect(updated.relatedCase).toBeUndefined();
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({ action: 'update', before: d, after: updated });

    await expect(dl.disputes.update(d.id, { firstHandlingUnitId: 'x' })).rejects.toThrow(/先行处理单位必须是争议一方/);
    await dl.disputes.act(d.id, round('2026-10-12'));
    await expect(dl.disputes.update(d.id, { registeredOn: '2026-10-13' })).rejects.toThrow(/不能晚于第一次协商日期/);
    await dl.disputes.act(d.id, { type: 'escalate', on: '2026-10-13', application });
    await dl.disputes.act(d.id, {
      type: 'designate',
      decisionNumber: '区政指〔2026〕4号',
      unitId: town,
      on: '2026-10-30',
    });
    await dl.disputes.act(d.id, { type: 'close', on: '2026-11-01' });
    await expect(dl.disputes.update(d.id, { matter: '改' })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  it('puts a dispute on the next meeting still to be held, or says there is none', async () => {
    const { db, dl, town, dept } = await setup();
    const d = await dl.disputes.register(input(town, dept));
    const count = await db.audit.count();
    await expect(dl.disputes.putOnNextAgenda(d.id)).rejects.toThrow(/没有待召开的会议.*请先在“会议”中新建下次会议/);
    expect(await db.audit.count()).toBe(count);

    await db.meetings.bulkAdd([
      meeting('past-planning', '2026-11-20T09:00', 'planning', 1), // date already passed
      meeting('cancelled', '2026-11-25T09:00', 'cancelled', 2),
      meeting('later', '2026-12-28T09:00', 'notified', 4),
      meeting('next', '2026-11-22T15:00', 'planning', 3), // today counts
      meeting('held', '2026-11-01T09:00', 'held', 5),
    ]);
    expect((await dl.disputes.nextMeeting())?.id).toBe('next');
    expect((await dl.disputes.nextMeeting('2026-11-23'))?.id).toBe('later');

    const { dispute, meeting: m } = await dl.disputes.putOnNextAgenda(d.id);
    expect(m.id).toBe('next');
    expect(dispute.agendaMeetingId).toBe('next');
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({
      action: 'update',
      reason: '列入会议议程',
      after: dispute,
    });
    expect((await dl.disputes.onAgenda('next')).map((x) => x.id)).toEqual([d.id]);

    // Again: nothing changes, nothing is written.
    const again = await db.audit.count();
    await dl.disputes.putOnNextAgenda(d.id);
    expect(await db.audit.count()).toBe(again);

    await expect(dl.disputes.putOnAgenda(d.id, 'held')).rejects.toThrow(/尚未召开的会议议程/);
    expect((await dl.disputes.putOnAgenda(d.id, 'later')).dispute.agendaMeetingId).toBe('later');
  });

  it('audits exports: the application on the dispute, the ledger as a system entry', async () => {
    const { db, dl, town, dept } = await setup();
    const d = await dl.disputes.register(input(town, dept));
    await dl.disputes.recordExport({ disputeId: d.id }, '提请协调申请-争〔2026〕1号.docx');
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({
      entity: 'dispute',
      entityId: d.id,
      action: 'export',
      after: { document: '提请协调申请', fileName: '提请协调申请-争〔2026〕1号.docx', number: '争〔2026〕1号' },
    });
    await dl.disputes.recordExport('ledger', '执法争议台账-20261122.xlsx');
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({
      entity: 'system',
      entityId: 'disputes.ledger',
      action: 'export',
      after: { fileName: '执法争议台账-20261122.xlsx', rows: 1 },
    });
    await expect(dl.disputes.recordExport({ disputeId: 'nope' }, 'x.docx')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await dl.audit.verify()).toMatchObject({ ok: true });
  });

  it('keeps the review thresholds in settings, audited, defaults until set', async () => {
    const { db, dl } = await withProfile();
    expect(await dl.disputes.thresholds()).toEqual(DEFAULT_STUCK_THRESHOLDS);
    const next = { ...DEFAULT_STUCK_THRESHOLDS, negotiatingDays: 45 };
    await dl.disputes.setThresholds(next);
    expect(await dl.disputes.thresholds()).toEqual(next);
    expect((await auditRowsWhole(db)).at(-1)).toMatchObject({
      entity: 'settings',
      entityId: 'disputes.thresholds',
      action: 'update',
      before: DEFAULT_STUCK_THRESHOLDS,
      after: next,
    });
    const count = await db.audit.count();
    await expect(dl.disputes.setThresholds({ ...next, toCloseDays: 0 })).rejects.toThrow(/^待结案天数：天数至少为 1/);
    expect(await db.audit.count()).toBe(count);
  });

  it('lists newest first and filters by state, type and text (including party names)', async () => {
    const { dl, town, dept, water } = await setup();
    const a = await dl.disputes.register(input(town, dept, { registeredOn: '2026-10-01' }));
    const b = await dl.disputes.register(
      input(town, water, { matter: '河道采砂', type: 'responsibility', registeredOn: '2026-10-05', positions: {} }),
    );
    await dl.disputes.act(b.id, round('2026-10-06'));
    expect((await dl.disputes.list()).map((d) => d.id)).toEqual([b.id, a.id]);
    expect((await dl.disputes.list({ states: ['negotiating'] })).map((d) => d.id)).toEqual([b.id]);
    expect((await dl.disputes.list({ type: 'jurisdiction' })).map((d) => d.id)).toEqual([a.id]);
    expect((await dl.disputes.list({ search: '水利' })).map((d) => d.id)).toEqual([b.id]);
    expect((await dl.disputes.list({ search: '争〔2026〕1' })).map((d) => d.id)).toEqual([a.id]);
  });
});
