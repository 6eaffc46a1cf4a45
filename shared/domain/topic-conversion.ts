import type { DisputeInput, DisputeType } from './dispute';
import { DomainError } from './errors';
import type { Topic, TopicCategory } from './topic';

/**
 * 转为争议: a topic that turns out to be an enforcement dispute becomes a dispute record pre-filled from
 * the topic. The office then completes it (place, positions) on the dispute's own page.
 */

const TYPE_FOR_CATEGORY: Partial<Record<TopicCategory, DisputeType>> = {
  jurisdiction_dispute: 'jurisdiction',
  responsibility_boundary: 'responsibility',
  law_application: 'law_application',
  case_transfer: 'transfer',
  enforcement_assistance: 'assistance',
};

/** The dispute type a topic category suggests; 管辖权 for categories that name no dispute type. */
export function disputeTypeForCategory(category: TopicCategory): DisputeType {
  return TYPE_FOR_CATEGORY[category] ?? 'jurisdiction';
}

/** The parties a conversion starts from: the submitting unit, then the related units, without repeats. */
export function conversionParties(
  topic: Pick<Topic, 'submittingUnitId' | 'relatedUnitIds'>,
  extra: readonly string[] = [],
): string[] {
  return [...new Set([topic.submittingUnitId, ...topic.relatedUnitIds, ...extra])];
}

/** True when the topic names only its own unit, so the user must choose the other party. */
export function conversionNeedsOtherParty(topic: Pick<Topic, 'submittingUnitId' | 'relatedUnitIds'>): boolean {
  return conversionParties(topic).length < 2;
}

/**
 * The dispute registration a topic converts into: matter = title, parties = submitting unit + related
 * units (+ `otherPartyUnitIds` chosen by the user), first-handling unit = the submitting unit (it keeps
 * enforcing while the dispute runs), type from the category, registered `today`, linked to the topic.
 */
export function disputeDraftFromTopic(
  topic: Topic,
  opts: { today: string; otherPartyUnitIds?: readonly string[] },
): DisputeInput {
  const partyUnitIds = conversionParties(topic, opts.otherPartyUnitIds ?? []);
  if (partyUnitIds.length < 2) {
    throw new DomainError(
      'validation',
      '转为争议需要至少两个争议单位：该议题只有提交单位，没有相关单位，请选择争议的另一方',
    );
  }
  return {
    matter: topic.title,
    type: disputeTypeForCategory(topic.category),
    partyUnitIds,
    positions: {},
    firstHandlingUnitId: topic.submittingUnitId,
    relatedTopicId: topic.id,
    registeredOn: opts.today,
  };
}
