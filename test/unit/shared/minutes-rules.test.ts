import { describe, expect, it } from 'vitest';
import {
  MINUTES_ACTIONS,
  MINUTES_STATES,
  allowedMinutesActions,
  nextIssueNumber,
  placeResolutions,
  planResolutionSync,
  resolutionProblems,
  transitionMinutes,
  type Minutes,
  type MinutesAction,
  type MinutesState,
  type Resolution,
} from '../../../shared/domain';
import type { MinutesDoc, ResolutionAttrs } from '../../../shared/editor/document';

const base: Minutes = {
  id: 'n1',
  createdAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
  meetingId: 'm1',
  state: 'draft',
  content: { type: 'doc', content: [] },
  version: 1,
};
const ctx = { on: '2026-11-23', at: '2026-11-23T02:00:00.000Z', actor: { id: 'p1', name: '李主任' } };

/** Every cell of the state × action table: where it leads, or refused. */
const EXPECTED: Record<MinutesState, Partial<Record<MinutesAction, MinutesState>>> = {
  draft: { submit: 'review' },
  review: { return: 'draft', sign: 'signed' },
  signed: { issue: 'issued' },
  issued: { correct: 'draft' },
};

describe('minutes review flow', () => {
  for (const state of MINUTES_STATES) {
    for (const action of MINUTES_ACTIONS) {
      const to = EXPECTED[state][action];
      it(`${state} × ${action} → ${to ?? 'refused'}`, () => {
        const m = { ...base, state };
        const run = () =>
          transitionMinutes(m, action, { ...ctx, comment: '请补充牵头单位', reason: '时限有误', issueNumber: 4 });
        if (to) expect(run().state).toBe(to);
        else expect(run).toThrow(/不能/);
        expect(allowedMinutesActions(state).includes(action)).toBe(to !== undefined);
      });
    }
  }

  it('退回修改 needs a comment and keeps it; 签发 records the signer and date', () => {
    const review = { ...base, state: 'review' as const };
    expect(() => transitionMinutes(review, 'return', { ...ctx, comment: '  ' })).toThrow('请填写修改意见');
    const back = transitionMinutes(review, 'return', { ...ctx, comment: '第二部分请补充时限' });
    expect(back.comments?.[0]).toMatchObject({ kind: 'return', text: '第二部分请补充时限', byName: '李主任' });
    const signed = transitionMinutes(review, 'sign', ctx);
    expect(signed).toMatchObject({ signedByProfileId: 'p1', signedByName: '李主任', signedOn: '2026-11-23' });
  });

  it('印发 fixes the number and year; a re-issue keeps the number; 更正 needs a reason and clears the signature', () => {
    const signed = { ...base, state: 'signed' as const, signedByName: '李主任', signedOn: '2026-11-23' };
    const issued = transitionMinutes(signed, 'issue', { ...ctx, issueNumber: 5 });
    expect(issued).toMatchObject({ issueNumber: 5, issueYear: 2026, issuedOn: '2026-11-23' });
    expect(() => transitionMinutes(issued, 'correct', ctx)).toThrow('请填写更正原因');
    const corrected = transitionMinutes(issued, 'correct', { ...ctx, reason: '第三项时限笔误' });
    expect(corrected).toMatchObject({ state: 'draft', issueNumber: 5, correctionReason: '第三项时限笔误' });
    expect(corrected.signedByName).toBeUndefined();
    const reissued = transitionMinutes({ ...corrected, state: 'signed' }, 'issue', { ...ctx, issueNumber: 9 });
    expect(reissued.issueNumber).toBe(5);
  });

  it('第×期 is numbered per year', () => {
    const issued = [
      { issueYear: 2025, issueNumber: 7 },
      { issueYear: 2026, issueNumber: 1 },
      { issueYear: 2026, issueNumber: 2 },
    ];
    expect(nextIssueNumber(issued, 2026)).toBe(3);
    expect(nextIssueNumber(issued, 2027)).toBe(1);
  });
});

const attrs = (id: string, extra: Partial<ResolutionAttrs> = {}): ResolutionAttrs => ({
  id,
  content: `事项${id}`,
  leadUnitId: 'u1',
  coUnitIds: [],
  deadline: { kind: 'working_days', days: 10 },
  feedback: '',
  ...extra,
});
const heading = (text: string) => ({
  type: 'heading' as const,
  attrs: { level: 1 as const },
  content: [{ type: 'text' as const, text }],
});
const agenda = [
  { id: 'g1', title: '农贸市场占道经营管辖', order: 0 },
  { id: 'g2', title: '上次会议议定事项落实情况', order: 1 },
];

describe('resolution nodes and records', () => {
  it('places each resolution under its section by title, else by position', () => {
    const doc: MinutesDoc = {
      type: 'doc',
      content: [
        heading('关于农贸市场占道经营管辖'),
        { type: 'resolution', attrs: attrs('r1') },
        heading('关于落实情况'), // renamed by the office: second section → second item
        { type: 'resolution', attrs: attrs('r2') },
      ],
    };
    expect(placeResolutions(doc, agenda).map((p) => [p.attrs.id, p.agendaItemId, p.index])).toEqual([
      ['r1', 'g1', 1],
      ['r2', 'g2', 2],
    ]);
  });

  it('plans add / update / remove and never removes an issued task', () => {
    const rec = (id: string, state: Resolution['state'], content = `事项${id}`): Resolution => ({
      id,
      createdAt: 'x',
      updatedAt: 'x',
      meetingId: 'm1',
      minutesId: 'n1',
      content,
      leadUnitId: 'u1',
      coUnitIds: [],
      deadlineRule: { kind: 'working_days', days: 10 },
      state,
    });
    const doc: MinutesDoc = {
      type: 'doc',
      content: [
        { type: 'resolution', attrs: attrs('r1') },
        { type: 'resolution', attrs: attrs('r2', { content: '改过的' }) },
        { type: 'resolution', attrs: attrs('r9') },
      ],
    };
    const plan = planResolutionSync(placeResolutions(doc, []), [
      rec('r1', 'draft'),
      rec('r2', 'draft'),
      rec('r3', 'draft'),
      rec('r4', 'in_progress'),
    ]);
    expect(plan.add.map((p) => p.attrs.id)).toEqual(['r9']);
    expect(plan.update.map((u) => u.before.id)).toEqual(['r2']);
    expect(plan.remove.map((r) => r.id)).toEqual(['r3']);
    expect(plan.orphanedTasks.map((r) => r.id)).toEqual(['r4']);
  });

  it('names each incomplete resolution', () => {
    const doc: MinutesDoc = {
      type: 'doc',
      content: [
        { type: 'resolution', attrs: attrs('r1', { content: ' ', leadUnitId: '' }) },
        { type: 'resolution', attrs: attrs('r2', { coUnitIds: ['u1'], deadline: null }) },
        { type: 'resolution', attrs: attrs('r2') },
      ],
    };
    expect(resolutionProblems(placeResolutions(doc, []), new Set(['u1']))).toEqual([
      '第 1 项议定事项：请填写议定事项内容',
      '第 1 项议定事项：请选择牵头单位',
      '第 2 项议定事项：牵头单位不能同时是配合单位',
      '第 2 项议定事项：请填写完成时限',
      '第 3 项议定事项与前面的议定事项编号重复',
    ]);
  });
});
