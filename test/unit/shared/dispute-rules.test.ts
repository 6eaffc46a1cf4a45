import { describe, expect, it } from 'vitest';
import {
  allowedDisputeActions,
  handlingNotice,
  assessDispute,
  DEFAULT_STUCK_THRESHOLDS,
  type Dispute,
  type DisputeAction,
  DomainError,
  openDisputesByAge,
  transitionDispute,
} from '../../../shared/domain';

function dispute(over: Partial<Dispute> = {}): Dispute {
  return {
    id: 'd1',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    number: '争〔2026〕1号',
    matter: '河道非法采砂查处主体',
    type: 'jurisdiction',
    partyUnitIds: ['u-town', 'u-water'],
    positions: {},
    firstHandlingUnitId: 'u-town',
    registeredOn: '2026-09-01',
    state: 'registered',
    stateSince: '2026-09-01',
    rounds: [],
    ...over,
  };
}

const round = (date: string) => ({ date, participants: '城关镇、区水利局', content: '就查处主体进行协商' });
const application = { matter: '采砂', negotiation: '两轮协商', focus: '河道管理范围', reasons: '各执一词' };

describe('dispute lifecycle', () => {
  it('walks the negotiated path: registered → negotiating → agreed → closed (with minutes link)', () => {
    let d = dispute();
    d = transitionDispute(d, { type: 'add-round', round: round('2026-09-03') });
    expect(d.state).toBe('negotiating');
    expect(d.stateSince).toBe('2026-09-03');
    d = transitionDispute(d, { type: 'add-round', round: round('2026-09-10') });
    expect(d.rounds).toHaveLength(2);
    expect(d.stateSince).toBe('2026-09-03'); // still negotiating since the first round
    d = transitionDispute(d, { type: 'agree', agreement: '由城关镇负责查处', on: '2026-09-12' });
    expect(d.state).toBe('agreed');
    d = transitionDispute(d, { type: 'close', on: '2026-09-20', agreementMeetingId: 'm-7' });
    expect(d).toMatchObject({ state: 'closed', closedOn: '2026-09-20', agreementMeetingId: 'm-7' });
  });

  it('walks the statutory escalation path: negotiating → escalated → designated → closed', () => {
    let d = transitionDispute(dispute(), { type: 'add-round', round: round('2026-09-03') });
    // Any party may apply; a unit outside the dispute may not.
    expect(() =>
      transitionDispute(d, { type: 'escalate', on: '2026-09-30', application, applicantUnitId: 'u-other' }),
    ).toThrow('申请单位：只能由争议一方提请协调');
    const byOther = transitionDispute(d, {
      type: 'escalate',
      on: '2026-09-30',
      application,
      applicantUnitId: d.partyUnitIds[1]!,
    });
    expect(byOther.escalation?.applicantUnitId).toBe(d.partyUnitIds[1]);
    d = transitionDispute(d, { type: 'escalate', on: '2026-09-30', application });
    expect(d).toMatchObject({
      state: 'escalated',
      escalatedOn: '2026-09-30',
      escalation: { ...application, applicantUnitId: d.firstHandlingUnitId },
    });
    d = transitionDispute(d, {
      type: 'designate',
      decisionNumber: '区政办〔2026〕12号',
      unitId: 'u-water',
      on: '2026-10-15',
    });
    expect(d).toMatchObject({ state: 'designated', designatedUnitId: 'u-water', decisionNumber: '区政办〔2026〕12号' });
    d = transitionDispute(d, { type: 'close', on: '2026-10-20' });
    expect(d.state).toBe('closed');
    d = transitionDispute(d, { type: 'reopen', reason: '指定单位提出异议', on: '2026-10-25' });
    expect(d).toMatchObject({ state: 'negotiating', reopenReason: '指定单位提出异议', closedOn: undefined });
  });

  it('refuses to close an agreed dispute with no minutes link', () => {
    const d = dispute({ state: 'agreed', agreement: '由城关镇负责', rounds: [round('2026-09-03')] });
    expect(() => transitionDispute(d, { type: 'close', on: '2026-09-20' })).toThrow('须关联记载该协议的会议纪要');
  });

  it.each<[Dispute['state'], DisputeAction]>([
    ['registered', { type: 'agree', agreement: 'x', on: '2026-09-02' }],
    ['registered', { type: 'escalate', on: '2026-09-02', application }],
    ['registered', { type: 'close', on: '2026-09-02' }],
    ['negotiating', { type: 'designate', decisionNumber: 'x', unitId: 'u', on: '2026-09-02' }],
    ['negotiating', { type: 'close', on: '2026-09-02' }],
    ['escalated', { type: 'close', on: '2026-09-02' }],
    ['escalated', { type: 'add-round', round: round('2026-09-05') }],
    ['closed', { type: 'add-round', round: round('2026-09-05') }],
    ['agreed', { type: 'escalate', on: '2026-09-02', application }],
  ])('refuses %s + %o', (state, action) => {
    const d = dispute({ state, rounds: [round('2026-09-02')] });
    expect(() => transitionDispute(d, action)).toThrow(DomainError);
  });

  it('requires a reason to reopen and every part of the escalation application', () => {
    const closed = dispute({ state: 'closed' });
    expect(() => transitionDispute(closed, { type: 'reopen', reason: '  ', on: '2026-10-01' })).toThrow(
      '请填写重新打开的原因',
    );
    const neg = dispute({ state: 'negotiating', rounds: [round('2026-09-02')] });
    expect(() =>
      transitionDispute(neg, { type: 'escalate', on: '2026-09-30', application: { ...application, focus: '' } }),
    ).toThrow('请填写争议焦点');
  });

  it('refuses a negotiation round dated before the previous one', () => {
    const neg = dispute({ state: 'negotiating', rounds: [round('2026-09-10')], stateSince: '2026-09-10' });
    expect(() => transitionDispute(neg, { type: 'add-round', round: round('2026-09-05') })).toThrow(
      '不能早于上一次协商',
    );
  });

  it('offers only valid actions per state', () => {
    expect(allowedDisputeActions({ state: 'registered' })).toEqual(['add-round']);
    expect(allowedDisputeActions({ state: 'negotiating' })).toEqual(['add-round', 'agree', 'escalate']);
    expect(allowedDisputeActions({ state: 'closed' })).toEqual(['reopen']);
  });
});

describe('stuck detection under a controlled clock', () => {
  const t = DEFAULT_STUCK_THRESHOLDS; // negotiating 30 days, 15 since last round
  const negotiating = dispute({ state: 'negotiating', stateSince: '2026-09-01', rounds: [round('2026-09-01')] });

  it('is not stuck exactly at the threshold and is stuck one day after', () => {
    const atThreshold = assessDispute(negotiating, '2026-10-01', { ...t, sinceLastRoundDays: 100 });
    expect(atThreshold.daysInState).toBe(30);
    expect(atThreshold.stuck).toBe(false);
    const after = assessDispute(negotiating, '2026-10-02', { ...t, sinceLastRoundDays: 100 });
    expect(after.stuck).toBe(true);
    expect(after.suggestion).toBe('escalate');
    expect(after.reasons[0]).toEqual({ code: 'no_agreement', days: 31 });
  });

  it('measures age, days in state and days since the last round', () => {
    const d = dispute({
      state: 'negotiating',
      stateSince: '2026-09-05',
      rounds: [round('2026-09-05'), round('2026-09-20')],
    });
    const a = assessDispute(d, '2026-10-06');
    expect(a).toMatchObject({ ageDays: 35, daysInState: 31, daysSinceLastRound: 16, stuck: true });
    expect(a.reasons).toHaveLength(2);
  });

  it('flags a registration left without negotiation, and never a closed dispute', () => {
    expect(assessDispute(dispute(), '2026-09-08').stuck).toBe(false);
    expect(assessDispute(dispute(), '2026-09-09').stuck).toBe(true);
    expect(assessDispute(dispute({ state: 'closed', stateSince: '2026-01-01' }), '2026-12-31').stuck).toBe(false);
  });

  it('sorts open disputes oldest first and leaves closed ones out', () => {
    const list = [
      dispute({ id: 'a', registeredOn: '2026-05-01' }),
      dispute({ id: 'b', registeredOn: '2026-03-01' }),
      dispute({ id: 'c', registeredOn: '2026-01-01', state: 'closed' }),
    ];
    expect(openDisputesByAge(list).map((d) => d.id)).toEqual(['b', 'a']);
  });
});

describe('handlingNotice (the banner on a dispute)', () => {
  const d = { firstHandlingUnitId: 'u1', designatedUnitId: undefined, designatedOn: undefined };
  it('names the first-handling unit while open, the designated unit after 指定管辖', () => {
    expect(handlingNotice({ ...d, state: 'negotiating' })).toEqual({ kind: 'first_handling', unitId: 'u1' });
    expect(handlingNotice({ ...d, state: 'escalated' })).toEqual({ kind: 'first_handling', unitId: 'u1' });
    expect(handlingNotice({ ...d, state: 'designated', designatedUnitId: 'u2', designatedOn: '2026-11-20' })).toEqual({
      kind: 'designated',
      unitId: 'u2',
      on: '2026-11-20',
      closed: false,
    });
    expect(handlingNotice({ ...d, state: 'closed', designatedUnitId: 'u2' })).toEqual({
      kind: 'designated',
      unitId: 'u2',
      closed: true,
    });
    expect(handlingNotice({ ...d, state: 'closed' })).toEqual({ kind: 'closed', unitId: 'u1' });
  });
});
