import { disputesReviewTitle, reportItemTitle } from './agenda-standing';
import { DomainError } from './errors';
import type { Topic, TopicState } from './topic';

export const TOPIC_STATE_LABELS: Record<TopicState, string> = {
  submitted: '待审核',
  accepted: '已受理',
  returned: '退回',
  merged: '已合并',
  converted: '转争议',
  scheduled: '已排入议程',
  discussed: '已上会',
  resolved: '已议定',
  deferred: '暂缓',
  escalated: '提交党政联席会议',
};

export type TopicAction =
  | { type: 'accept' }
  | { type: 'return'; reason: string }
  | { type: 'resubmit' }
  | { type: 'merge'; intoTopicId: string }
  | { type: 'convert'; disputeId: string }
  | { type: 'schedule'; meetingId: string }
  | { type: 'unschedule' }
  | { type: 'discuss' }
  | { type: 'resolve' }
  | { type: 'defer' }
  | { type: 'escalate' };

export type TopicActionType = TopicAction['type'];

const ALLOWED: Record<TopicState, readonly TopicActionType[]> = {
  submitted: ['accept', 'return', 'merge', 'convert'],
  accepted: ['schedule', 'merge', 'convert', 'return'],
  returned: ['resubmit'],
  merged: [],
  converted: [],
  scheduled: ['discuss', 'unschedule', 'defer'],
  discussed: ['resolve', 'defer', 'escalate'],
  resolved: [],
  deferred: ['schedule', 'escalate'],
  escalated: [],
};

const ACTION_LABELS: Record<TopicActionType, string> = {
  accept: '受理',
  return: '退回',
  resubmit: '重新提交',
  merge: '合并',
  convert: '转为争议',
  schedule: '排入议程',
  unschedule: '移出议程',
  discuss: '标记已上会',
  resolve: '标记已议定',
  defer: '暂缓',
  escalate: '提交党政联席会议',
};

export function allowedTopicActions(state: TopicState): readonly TopicActionType[] {
  return ALLOWED[state];
}

export function topicActionLabel(a: TopicActionType): string {
  return ACTION_LABELS[a];
}

/** Apply a triage or meeting action to a topic, or throw DomainError. Pure. */
export function transitionTopic(t: Topic, a: TopicAction): Topic {
  if (!ALLOWED[t.state].includes(a.type)) {
    throw new DomainError(
      'invalid-transition',
      `议题处于“${TOPIC_STATE_LABELS[t.state]}”状态，不能${ACTION_LABELS[a.type]}`,
    );
  }
  switch (a.type) {
    case 'accept':
      return { ...t, state: 'accepted' };
    case 'return': {
      const reason = a.reason.trim();
      if (!reason) throw new DomainError('validation', '请填写退回原因');
      return { ...t, state: 'returned', returnReason: reason, meetingId: undefined };
    }
    case 'resubmit':
      return { ...t, state: 'submitted' };
    case 'merge':
      if (a.intoTopicId === t.id) throw new DomainError('validation', '不能将议题合并到其自身');
      return { ...t, state: 'merged', mergedIntoTopicId: a.intoTopicId, meetingId: undefined };
    case 'convert':
      return { ...t, state: 'converted', disputeId: a.disputeId };
    case 'schedule':
      return { ...t, state: 'scheduled', meetingId: a.meetingId };
    case 'unschedule':
      return { ...t, state: 'accepted', meetingId: undefined };
    case 'discuss':
      return { ...t, state: 'discussed' };
    case 'resolve':
      return { ...t, state: 'resolved' };
    case 'defer':
      return { ...t, state: 'deferred' };
    case 'escalate':
      return { ...t, state: 'escalated' };
  }
}

/**
 * A merged topic follows its survivor: its effective state is the survivor's (following chains of merges,
 * with a guard against cycles in corrupted data).
 */
export function effectiveTopic(t: Topic, byId: ReadonlyMap<string, Topic>): Topic {
  let cur = t;
  const seen = new Set<string>();
  while (cur.state === 'merged' && cur.mergedIntoTopicId && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = byId.get(cur.mergedIntoTopicId);
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** Topics deferred at `previousMeetingId`: carried to the next meeting's agenda automatically. */
export function deferredFromMeeting(topics: readonly Topic[], previousMeetingId: string | undefined): Topic[] {
  if (!previousMeetingId) return [];
  return topics.filter((t) => t.state === 'deferred' && t.meetingId === previousMeetingId);
}

/** Accepted topics not yet on any agenda: the agenda builder's backlog, urgent first, then oldest. */
export function agendaBacklog(topics: readonly Topic[]): Topic[] {
  return topics
    .filter((t) => t.state === 'accepted' && !t.meetingId)
    .slice()
    .sort((a, b) =>
      a.urgency !== b.urgency ? (a.urgency === 'urgent' ? -1 : 1) : a.submittedOn.localeCompare(b.submittedOn),
    );
}

export interface StandingItemProposal {
  kind: 'last_resolutions' | 'disputes_review' | 'topic';
  title: string;
  /** Cannot be removed from the agenda (last meeting's resolutions while any is open). */
  required: boolean;
  topicId?: string;
}

/**
 * Standing items the product proposes for a meeting's agenda (DOMAIN.md "Agenda"): the report on the previous
 * meeting's resolutions when it has any (required while any is open), the open-disputes review when any
 * dispute is open, and topics deferred at the previous meeting.
 */
export function proposeStandingItems(input: {
  /** `verifiedResolutions` (已核验办结) given: the title carries the figures, “（共N项，已办结M项）”. */
  previousMeeting?: {
    sequenceLabel: string;
    resolutions: number;
    openResolutions: number;
    verifiedResolutions?: number;
  };
  openDisputes: number;
  deferredTopics: readonly Pick<Topic, 'id' | 'title'>[];
}): StandingItemProposal[] {
  const out: StandingItemProposal[] = [];
  const prev = input.previousMeeting;
  if (prev && prev.resolutions > 0) {
    out.push({
      kind: 'last_resolutions',
      title:
        prev.verifiedResolutions === undefined
          ? `通报${prev.sequenceLabel}会议议定事项落实情况`
          : reportItemTitle(
              prev.resolutions,
              prev.verifiedResolutions,
              `通报${prev.sequenceLabel}会议议定事项落实情况`,
            ),
      required: prev.openResolutions > 0,
    });
  }
  if (input.openDisputes > 0) {
    out.push({ kind: 'disputes_review', title: disputesReviewTitle(input.openDisputes), required: false });
  }
  for (const t of input.deferredTopics) {
    out.push({ kind: 'topic', title: t.title, required: false, topicId: t.id });
  }
  return out;
}

/**
 * States a topic can be merged INTO: still to be discussed (待审核, 已受理, 已排入议程, 暂缓). A topic already
 * 已上会/已议定/提交党政联席会议 has been dealt with, and a merged, returned or converted one is not handled on
 * its own: merging into those would give the new topic an outcome it never had.
 */
export const MERGE_TARGET_STATES: readonly TopicState[] = ['submitted', 'accepted', 'scheduled', 'deferred'];

/** Why `target` cannot take `topic` merged into it, or undefined when it can. */
export function mergeTargetProblem(
  topic: Pick<Topic, 'id'>,
  target: Pick<Topic, 'id' | 'state' | 'title'>,
): string | undefined {
  if (target.id === topic.id) return '不能将议题合并到其自身';
  if (!MERGE_TARGET_STATES.includes(target.state)) {
    return `不能合并到“${TOPIC_STATE_LABELS[target.state]}”的议题《${target.title}》，请选择尚待上会研究的议题`;
  }
  return undefined;
}
