import { useLiveQuery } from 'dexie-react-hooks';
import type { Topic, TopicState } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type { AttachmentMeta, AttachmentOwner, TopicListFilter } from '../types';

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
