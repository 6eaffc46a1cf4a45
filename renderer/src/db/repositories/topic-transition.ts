import { transitionTopic, type Topic, type TopicAction } from '../../../../shared/domain';
import type { AuditWriter, DataLayerContext } from '../audited-write';
import { withoutUndefined } from './list-helpers';

/**
 * Moves a topic on the agenda's behalf (排入议程, 移出议程, a cancelled meeting's topics going back),
 * stored and audited with `reason` inside the caller's transaction.
 */
export async function writeTopicTransition(
  ctx: DataLayerContext,
  audit: AuditWriter,
  before: Topic,
  action: TopicAction,
  reason: string,
): Promise<Topic> {
  const topic = withoutUndefined({ ...transitionTopic(before, action), updatedAt: ctx.now().toISOString() });
  await ctx.db.topics.put(topic);
  audit.record({ entity: 'topic', entityId: topic.id, action: 'transition', before, after: topic, reason });
  return topic;
}
