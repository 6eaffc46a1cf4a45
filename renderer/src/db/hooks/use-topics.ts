import { useLiveQuery } from 'dexie-react-hooks';
import type { Topic, TopicState } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type {
  AttachmentMeta,
  AttachmentOwner,
  PageRequest,
  TopicListFilter,
  TopicListOrder,
  TopicListView,
} from '../types';

/**
 * Live list of topics (complainant masked), newest submission first; `undefined` while loading. With
 * `enabled: false` nothing is read (always `undefined`): for a second list a screen needs only sometimes.
 */
export function useTopics(filter: TopicListFilter = {}, enabled = true): Topic[] | undefined {
  const { states, category, unitId, from, to, search } = filter;
  // Compared by value: callers usually pass a fresh array on every render.
  const statesKey = states?.join(',') ?? '';
  return useLiveQuery(
    () =>
      enabled
        ? getDataLayer().topics.list({
            states: statesKey ? (statesKey.split(',') as TopicState[]) : undefined,
            category,
            unitId,
            from,
            to,
            search,
          })
        : undefined,
    [enabled, statesKey, category, unitId, from, to, search],
  );
}

/**
 * Live view of the topics list (topics.view): one page, read through the filter's index unless a unit is chosen,
 * and the state tabs' counts (the other filters; index counts) in one read; `undefined` while loading.
 */
export function useTopicView(
  filter: TopicListFilter,
  { offset, limit }: PageRequest,
  order: TopicListOrder = 'newest',
): TopicListView | undefined {
  const { states, category, unitId, from, to, search } = filter;
  const statesKey = states?.join(',') ?? '';
  return useLiveQuery(
    () =>
      getDataLayer().topics.view(
        { states: statesKey ? (statesKey.split(',') as TopicState[]) : undefined, category, unitId, from, to, search },
        { offset, limit },
        order,
      ),
    [statesKey, category, unitId, from, to, search, offset, limit, order],
  );
}

/** Topics `topicId` may be merged into, read only while `enabled` (the merge dialog is open). */
export function useMergeTargets(topicId: string, enabled: boolean): Topic[] | undefined {
  return useLiveQuery(() => (enabled ? getDataLayer().topics.mergeTargets(topicId) : undefined), [topicId, enabled]);
}

/** Topics merged into `topicId`; `undefined` while loading. */
export function useMergedInto(topicId: string): Topic[] | undefined {
  return useLiveQuery(() => getDataLayer().topics.mergedInto(topicId), [topicId]);
}

/** One topic (complainant masked): `undefined` while loading, `null` when there is no such topic (or no id). */
export function useTopic(id: string | undefined): Topic | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDataLayer().topics.get(id)) ?? null) : null), [id]);
}

/** Attachments of one record, without content; `undefined` while loading. */
export function useAttachments(owner: AttachmentOwner | undefined): AttachmentMeta[] | undefined {
  const type = owner?.type;
  const id = owner?.id;
  return useLiveQuery(async () => (type && id ? getDataLayer().attachments.list({ type, id }) : []), [type, id]);
}
