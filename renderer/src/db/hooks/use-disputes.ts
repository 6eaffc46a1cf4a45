import { useLiveQuery } from 'dexie-react-hooks';
import type { Dispute, DisputeState, StuckThresholds } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type {
  ChairReview,
  ChairReviewPage,
  DisputeListFilter,
  DisputeListOrder,
  DisputeLookups,
  ListPage,
  PageRequest,
  TopicOption,
} from '../types';

/**
 * Live list of disputes, newest registration first; `undefined` while loading. With `enabled: false`
 * nothing is read (always `undefined`): for a second list a screen needs only sometimes.
 */
export function useDisputes(filter: DisputeListFilter = {}, enabled = true): Dispute[] | undefined {
  const { states, type, search } = filter;
  // Compared by value: callers usually pass a fresh array on every render.
  const statesKey = states?.join(',') ?? '';
  return useLiveQuery(
    () =>
      enabled
        ? getDataLayer().disputes.list({
            states: statesKey ? (statesKey.split(',') as DisputeState[]) : undefined,
            type,
            search,
          })
        : undefined,
    [enabled, statesKey, type, search],
  );
}

/**
 * Live page of the dispute register (disputes.page): only the page is read when nothing narrows the list;
 * `undefined` while loading.
 */
export function useDisputePage(
  filter: DisputeListFilter,
  { offset, limit }: PageRequest,
  order: DisputeListOrder = 'newest',
): ListPage<Dispute> | undefined {
  const { states, type, search } = filter;
  const statesKey = states?.join(',') ?? '';
  return useLiveQuery(
    () =>
      getDataLayer().disputes.page(
        { states: statesKey ? (statesKey.split(',') as DisputeState[]) : undefined, type, search },
        { offset, limit },
        order,
      ),
    [statesKey, type, search, offset, limit, order],
  );
}

/** Disputes per state (state index counts); `undefined` while loading. */
export function useDisputeStateCounts(): Record<DisputeState, number> | undefined {
  return useLiveQuery(() => getDataLayer().disputes.stateCounts(), []);
}

/** One dispute: `undefined` while loading, `null` when there is no such dispute (or no id). */
export function useDispute(id: string | undefined): Dispute | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDataLayer().disputes.get(id)) ?? null) : null), [id]);
}

/** Meetings a dispute may link to; `undefined` while loading. */
export function useDisputeLookups(): DisputeLookups | undefined {
  return useLiveQuery(() => getDataLayer().disputes.lookups(), []);
}

/**
 * Topics a dispute may link to (newest first, at most TOPIC_OPTION_LIMIT whose title contains `search`),
 * with `includeId` first when given; `undefined` while loading.
 */
export function useTopicOptions(search: string | undefined, includeId: string | undefined): TopicOption[] | undefined {
  return useLiveQuery(() => getDataLayer().disputes.topicOptions({ search, includeId }), [search, includeId]);
}

/** The chair's review (open disputes assessed once per change of the data); `undefined` while loading. */
export function useChairReview(): ChairReview | undefined {
  return useLiveQuery(() => getDataLayer().disputes.review(), []);
}

/** One page of the chair's review (disputes.reviewPage: only the page's rows read and assessed); `undefined` while loading. */
export function useChairReviewPage({ offset, limit }: PageRequest): ChairReviewPage | undefined {
  return useLiveQuery(() => getDataLayer().disputes.reviewPage({ offset, limit }), [offset, limit]);
}

/** The chair's-review thresholds; `undefined` while loading. */
export function useDisputeThresholds(): StuckThresholds | undefined {
  return useLiveQuery(() => getDataLayer().disputes.thresholds(), []);
}
