import { describe, expect, it } from 'vitest';
import {
  mergeTargetProblem,
  agendaBacklog,
  deferredFromMeeting,
  DomainError,
  effectiveTopic,
  proposeStandingItems,
  type Topic,
  type TopicAction,
  type TopicState,
  transitionTopic,
} from '../../../shared/domain';

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: 't1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  title: '沿街餐饮油烟扰民查处职责',
  submittingUnitId: 'u1',
  submittedOn: '2026-02-01',
  category: 'responsibility_boundary',
  description: '说明',
  urgency: 'normal',
  relatedUnitIds: [],
  state: 'submitted',
  ...over,
});

describe('topic triage transitions', () => {
  const allowed: [TopicState, TopicAction, TopicState][] = [
    ['submitted', { type: 'accept' }, 'accepted'],
    ['submitted', { type: 'return', reason: '材料不全' }, 'returned'],
    ['submitted', { type: 'merge', intoTopicId: 't2' }, 'merged'],
    ['submitted', { type: 'convert', disputeId: 'd1' }, 'converted'],
    ['accepted', { type: 'schedule', meetingId: 'm1' }, 'scheduled'],
    ['accepted', { type: 'merge', intoTopicId: 't2' }, 'merged'],
    ['accepted', { type: 'convert', disputeId: 'd1' }, 'converted'],
    ['accepted', { type: 'return', reason: '不属于联席会议职责' }, 'returned'],
    ['returned', { type: 'resubmit' }, 'submitted'],
    ['scheduled', { type: 'discuss' }, 'discussed'],
    ['scheduled', { type: 'unschedule' }, 'accepted'],
    ['scheduled', { type: 'defer' }, 'deferred'],
    ['discussed', { type: 'resolve' }, 'resolved'],
    ['discussed', { type: 'defer' }, 'deferred'],
    ['discussed', { type: 'escalate' }, 'escalated'],
    ['deferred', { type: 'schedule', meetingId: 'm2' }, 'scheduled'],
    ['deferred', { type: 'escalate' }, 'escalated'],
  ];
  it.each(allowed)('%s + %o → %s', (from, action, to) => {
    expect(transitionTopic(topic({ state: from }), action).state).toBe(to);
  });

  it.each<[TopicState, TopicAction]>([
    ['submitted', { type: 'schedule', meetingId: 'm1' }],
    ['returned', { type: 'accept' }],
    ['merged', { type: 'accept' }],
    ['converted', { type: 'schedule', meetingId: 'm1' }],
    ['resolved', { type: 'defer' }],
    ['escalated', { type: 'schedule', meetingId: 'm1' }],
    ['accepted', { type: 'discuss' }],
  ])('refuses %s + %o', (from, action) => {
    expect(() => transitionTopic(topic({ state: from }), action)).toThrow(DomainError);
  });

  it('needs a reason to return and refuses merging into itself', () => {
    expect(() => transitionTopic(topic(), { type: 'return', reason: '' })).toThrow('请填写退回原因');
    expect(() => transitionTopic(topic(), { type: 'merge', intoTopicId: 't1' })).toThrow('不能将议题合并到其自身');
  });

  it('records links: merged → survivor, converted → dispute, scheduled → meeting', () => {
    expect(transitionTopic(topic(), { type: 'merge', intoTopicId: 't9' }).mergedIntoTopicId).toBe('t9');
    expect(transitionTopic(topic(), { type: 'convert', disputeId: 'd3' }).disputeId).toBe('d3');
    expect(transitionTopic(topic({ state: 'accepted' }), { type: 'schedule', meetingId: 'm4' }).meetingId).toBe('m4');
  });
});

describe('merged topics follow their survivor', () => {
  it('follows a chain of merges and stops on a cycle', () => {
    const a = topic({ id: 'a', state: 'merged', mergedIntoTopicId: 'b' });
    const b = topic({ id: 'b', state: 'merged', mergedIntoTopicId: 'c' });
    const c = topic({ id: 'c', state: 'scheduled', meetingId: 'm1' });
    const byId = new Map([a, b, c].map((t) => [t.id, t]));
    expect(effectiveTopic(a, byId).id).toBe('c');
    const x = topic({ id: 'x', state: 'merged', mergedIntoTopicId: 'y' });
    const y = topic({ id: 'y', state: 'merged', mergedIntoTopicId: 'x' });
    const cyc = new Map([x, y].map((t) => [t.id, t]));
    expect(['x', 'y']).toContain(effectiveTopic(x, cyc).id);
  });
});

describe('agenda proposals', () => {
  it('carries over topics deferred at the previous meeting only', () => {
    const ts = [
      topic({ id: 'a', state: 'deferred', meetingId: 'prev' }),
      topic({ id: 'b', state: 'deferred', meetingId: 'older' }),
      topic({ id: 'c', state: 'discussed', meetingId: 'prev' }),
    ];
    expect(deferredFromMeeting(ts, 'prev').map((t) => t.id)).toEqual(['a']);
    expect(deferredFromMeeting(ts, undefined)).toEqual([]);
  });

  it('lists the backlog urgent first, then oldest', () => {
    const ts = [
      topic({ id: 'old', state: 'accepted', submittedOn: '2026-01-01' }),
      topic({ id: 'urgent', state: 'accepted', submittedOn: '2026-03-01', urgency: 'urgent' }),
      topic({ id: 'new', state: 'accepted', submittedOn: '2026-02-01' }),
      topic({ id: 'sched', state: 'scheduled', meetingId: 'm' }),
    ];
    expect(agendaBacklog(ts).map((t) => t.id)).toEqual(['urgent', 'old', 'new']);
  });

  it('proposes the resolutions report (required while any is open), disputes review and deferred topics', () => {
    const items = proposeStandingItems({
      previousMeeting: { sequenceLabel: '第二次', resolutions: 3, openResolutions: 1 },
      openDisputes: 2,
      deferredTopics: [{ id: 'a', title: '占道经营整治' }],
    });
    expect(items).toEqual([
      { kind: 'last_resolutions', title: '通报第二次会议议定事项落实情况', required: true },
      { kind: 'disputes_review', title: '研究未结执法争议（2件）', required: false },
      { kind: 'topic', title: '占道经营整治', required: false, topicId: 'a' },
    ]);
    expect(
      proposeStandingItems({
        previousMeeting: { sequenceLabel: '第一次', resolutions: 2, openResolutions: 0 },
        openDisputes: 0,
        deferredTopics: [],
      })[0]!.required,
    ).toBe(false);
    expect(
      proposeStandingItems({
        previousMeeting: { sequenceLabel: '第一次', resolutions: 0, openResolutions: 0 },
        openDisputes: 0,
        deferredTopics: [],
      }),
    ).toEqual([]);
  });
});

describe('merge targets', () => {
  const base = { id: 't1', title: '夜市噪声扰民', state: 'submitted' as const };
  it('are only topics still to be discussed', () => {
    for (const state of ['submitted', 'accepted', 'scheduled', 'deferred'] as const) {
      expect(mergeTargetProblem({ id: 'new' }, { ...base, state })).toBeUndefined();
    }
    for (const state of ['discussed', 'resolved', 'escalated', 'merged', 'returned', 'converted'] as const) {
      expect(mergeTargetProblem({ id: 'new' }, { ...base, state })).toMatch(/^不能合并到“.+”的议题《夜市噪声扰民》/);
    }
    expect(mergeTargetProblem({ id: 't1' }, base)).toBe('不能将议题合并到其自身');
  });
});
