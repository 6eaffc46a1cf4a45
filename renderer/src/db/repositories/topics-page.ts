import Dexie, { type Collection } from 'dexie';
import {
  MERGE_TARGET_STATES,
  TOPIC_STATES,
  maskedTopic,
  mergeTargetProblem,
  type Topic,
  type TopicState,
} from '../../../../shared/domain';
import type { DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import type {
  PageRequest,
  TopicListFilter,
  TopicListOrder,
  TopicListPage,
  TopicListView,
  TopicStateCounts,
  TopicsRepository,
} from '../types';
import { matchesSearch } from './list-helpers';

/**
 * A free-text search has no index: it is a cursor over the rows the other filters select (through their index,
 * newest first) that stops after this many matches. The list, its total and the state counts are then those of
 * the newest TOPIC_SEARCH_LIMIT matches, and the answer says it was capped. A search that matches little still
 * reads every row the other filters select (at most the whole table).
 */
export const TOPIC_SEARCH_LIMIT = 500;

/** How far a merge is followed (a chain of merges; a cycle in bad data stops at a topic already seen). */
const MERGE_CHAIN_LIMIT = 10;

/** The topics list's order: newest submission, then the latest entered, then id (the compound index's tie-break). */
export function topicsNewestFirst(a: Topic, b: Topic): number {
  return cmp(b.submittedOn, a.submittedOn) || cmp(b.createdAt, a.createdAt) || cmp(b.id, a.id);
}

/** Code-unit order, as IndexedDB orders string keys. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a topic passes the list filter; `unitName` names the submitting unit for the search (never the
 * complainant's fields: a search that finds them would reveal them by inference).
 */
export function matchesTopicFilter(
  t: Topic,
  filter: TopicListFilter,
  unitName: (id: string) => string | undefined,
): boolean {
  const states = filter.states && filter.states.length > 0 ? filter.states : undefined;
  return (
    (!states || states.includes(t.state)) &&
    (!filter.category || t.category === filter.category) &&
    (!filter.unitId || t.submittingUnitId === filter.unitId || t.relatedUnitIds.includes(filter.unitId)) &&
    (!filter.from || t.submittedOn >= filter.from) &&
    (!filter.to || t.submittedOn <= filter.to) &&
    matchesSearch(filter.search, [t.title, t.description, t.proposedHandling, unitName(t.submittingUnitId)])
  );
}

/**
 * The paged reads of the topics list (issue 12): one page in the list's order through the compound index that
 * matches the filter (`[category+state+submittedOn+createdAt]` and its shorter forms, Dexie v8), counts per state
 * on the same indexes without reading rows, the topics the page's merged rows follow (by id), and the small indexed
 * reads of the detail page (merge targets by state, the topics merged into one).
 */
export function createTopicPaging(
  ctx: DataLayerContext,
): Pick<TopicsRepository, 'page' | 'stateCounts' | 'view' | 'mergeTargets' | 'mergedInto'> {
  const { db } = ctx;
  const inTx = <T>(body: () => Promise<T>) => db.transaction('r', [db.topics, db.units], body);
  return {
    page: (filter, page, order = 'newest') => inTx(() => readPage(db, filter, page, order)),

    stateCounts: (filter) => inTx(async () => (await readCounts(db, filter)).counts),

    view: (filter, { offset, limit }, order = 'newest') =>
      inTx(async (): Promise<TopicListView> => {
        const { counts, base } = await readCounts(db, filter);
        const states = distinct(filter.states);
        const state = states[0];
        const take = Math.max(0, limit);
        const slice = async (all: Topic[], capped: boolean): Promise<TopicListView> => {
          const rows = all.slice(offset, offset + take);
          return {
            rows: rows.map(maskedTopic),
            total: all.length,
            capped,
            linked: await mergeChains(db, rows),
            counts,
          };
        };
        if (states.length > 1) return { ...(await readPage(db, filter, { offset, limit }, order)), counts };
        if (filter.unitId) {
          // The unit's rows the counts were taken from: this state's, in order.
          const all = base!.filter((t) => !state || t.state === state).sort(topicsNewestFirst);
          return slice(order === 'oldest' ? all.reverse() : all, false);
        }
        if (filter.search?.trim()) {
          // The counts' scan is the page's when no state is chosen (newest first; oldest too unless it was capped:
          // then the oldest matches are another scan).
          if (!state && (order === 'newest' || !counts.capped))
            return slice(order === 'oldest' ? [...base!].reverse() : base!, counts.capped);
          return { ...(await readPage(db, filter, { offset, limit }, order)), counts };
        }
        // No unit, no search: the total is the count already taken; only the page's rows are read.
        const total = state ? counts.byState[state] : counts.matching;
        const rows =
          take > 0 ? await orderedRange(db, filter, state, order)().offset(offset).limit(take).toArray() : [];
        return { rows: rows.map(maskedTopic), total, capped: false, linked: await mergeChains(db, rows), counts };
      }),

    async mergeTargets(topicId) {
      const rows = await db.topics.where('state').anyOf(MERGE_TARGET_STATES).toArray();
      return rows
        .filter((x) => mergeTargetProblem({ id: topicId }, x) === undefined)
        .sort(topicsNewestFirst)
        .map(maskedTopic);
    },

    async mergedInto(topicId) {
      const rows = await db.topics.where('mergedIntoTopicId').equals(topicId).toArray();
      return rows.sort(topicsNewestFirst).map(maskedTopic);
    },
  };
}

/** topics.page inside the caller's transaction. */
async function readPage(
  db: JointDeskDB,
  filter: TopicListFilter,
  { offset, limit }: PageRequest,
  order: TopicListOrder,
): Promise<TopicListPage> {
  const take = Math.max(0, limit);
  const states = distinct(filter.states);
  let rows: Topic[];
  let total: number;
  let capped = false;
  if (filter.unitId || states.length > 1) {
    // A unit (submitting or related: a multi-entry index, no compound) or several states: the unit's or the
    // states' rows through their index, filtered and ordered here.
    const all = (await narrowRows(db, filter)).sort(topicsNewestFirst);
    if (order === 'oldest') all.reverse();
    rows = all.slice(offset, offset + take);
    total = all.length;
  } else {
    const range = orderedRange(db, filter, states[0], order);
    if (filter.search?.trim()) {
      const found = await searchScan(db, range, filter.search);
      rows = found.rows.slice(offset, offset + take);
      total = found.rows.length;
      capped = found.capped;
    } else {
      [total, rows] = await Promise.all([
        range().count(),
        take > 0 ? range().offset(offset).limit(take).toArray() : Promise.resolve([]),
      ]);
    }
  }
  return { rows: rows.map(maskedTopic), total, capped, linked: await mergeChains(db, rows) };
}

/**
 * topics.stateCounts inside the caller's transaction; with a unit or a search, also the rows counted (`base`: the
 * unit's matching rows, or the search's newest matches), which topics.view pages without reading them again.
 */
async function readCounts(
  db: JointDeskDB,
  filter: TopicListFilter,
): Promise<{ counts: TopicStateCounts; base?: Topic[] }> {
  const others: TopicListFilter = { ...filter, states: undefined };
  const byState = Object.fromEntries(TOPIC_STATES.map((s) => [s, 0])) as Record<TopicState, number>;
  // One key is enough to tell an empty table (the list's empty state) from a filter that matches nothing.
  const hasTopics = (await db.topics.limit(1).primaryKeys()).length > 0;
  let capped = false;
  let base: Topic[] | undefined;
  if (filter.unitId) base = await narrowRows(db, others);
  else if (filter.search?.trim()) {
    const found = await searchScan(db, orderedRange(db, others, undefined, 'newest'), filter.search);
    base = found.rows;
    capped = found.capped;
  }
  if (base) for (const t of base) byState[t.state]++;
  else {
    const counts = await Promise.all(TOPIC_STATES.map((s) => orderedRange(db, others, s, 'newest')().count()));
    TOPIC_STATES.forEach((s, i) => (byState[s] = counts[i] ?? 0));
  }
  const matching = Object.values(byState).reduce((n, c) => n + c, 0);
  return { counts: { byState, matching, hasTopics, capped }, ...(base ? { base } : {}) };
}

function distinct(states: readonly TopicState[] | undefined): TopicState[] {
  return [...new Set(states ?? [])];
}

/**
 * The rows of `filter` in the list's order (newest first, or oldest) through the index that holds its category,
 * state and date range as a key prefix and range: `[category+state+submittedOn+createdAt]`, or the same without
 * category and/or state. A function, since a Dexie collection is spent once read.
 */
function orderedRange(
  db: JointDeskDB,
  filter: TopicListFilter,
  state: TopicState | undefined,
  order: TopicListOrder,
): () => Collection<Topic, string> {
  const prefix = [...(filter.category ? [filter.category] : []), ...(state ? [state] : [])];
  const index = `[${[...(filter.category ? ['category'] : []), ...(state ? ['state'] : []), 'submittedOn', 'createdAt'].join('+')}]`;
  const lower = [...prefix, filter.from ?? Dexie.minKey, Dexie.minKey];
  const upper = [...prefix, filter.to ?? Dexie.maxKey, Dexie.maxKey];
  return () => {
    const c = db.topics.where(index).between(lower, upper, true, true);
    return order === 'newest' ? c.reverse() : c;
  };
}

/** The newest TOPIC_SEARCH_LIMIT rows of `range` that match `search` (a cursor that stops there). */
async function searchScan(
  db: JointDeskDB,
  range: () => Collection<Topic, string>,
  search: string | undefined,
): Promise<{ rows: Topic[]; capped: boolean }> {
  const names = new Map((await db.units.toArray()).map((u) => [u.id, u.name]));
  const rows = await range()
    .filter((t) => matchesTopicFilter(t, { search }, (id) => names.get(id)))
    .limit(TOPIC_SEARCH_LIMIT + 1)
    .toArray();
  const capped = rows.length > TOPIC_SEARCH_LIMIT;
  return { rows: capped ? rows.slice(0, TOPIC_SEARCH_LIMIT) : rows, capped };
}

/**
 * Rows of a filter that names a unit or several states: the unit's topics (submitting or related: two index reads)
 * or the states' (`[state+submittedOn]` in the date range), then the whole filter applied. A unit's topics are a
 * small share of the table; the search, if any, runs over those rows only.
 */
async function narrowRows(db: JointDeskDB, filter: TopicListFilter): Promise<Topic[]> {
  const from = filter.from ?? Dexie.minKey;
  const to = filter.to ?? Dexie.maxKey;
  let rows: Topic[];
  if (filter.unitId) {
    const [submitted, related] = await Promise.all([
      db.topics.where('submittingUnitId').equals(filter.unitId).toArray(),
      db.topics.where('relatedUnitIds').equals(filter.unitId).toArray(),
    ]);
    const seen = new Set(submitted.map((t) => t.id));
    rows = [...submitted, ...related.filter((t) => !seen.has(t.id) && seen.add(t.id))];
  } else {
    const parts = await Promise.all(
      distinct(filter.states).map((s) =>
        db.topics.where('[state+submittedOn]').between([s, from], [s, to], true, true).toArray(),
      ),
    );
    rows = parts.flat();
  }
  const names = filter.search?.trim()
    ? new Map((await db.units.toArray()).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  return rows.filter((t) => matchesTopicFilter(t, filter, (id) => names.get(id)));
}

/** The topics the merged rows among `rows` were merged into, following each chain (by id), masked. */
async function mergeChains(db: JointDeskDB, rows: readonly Topic[]): Promise<Topic[]> {
  const seen = new Map(rows.map((t) => [t.id, t]));
  const linked: Topic[] = [];
  let next = rows;
  for (let depth = 0; depth < MERGE_CHAIN_LIMIT; depth++) {
    const ids = [
      ...new Set(
        next.flatMap((t) =>
          t.state === 'merged' && t.mergedIntoTopicId && !seen.has(t.mergedIntoTopicId) ? [t.mergedIntoTopicId] : [],
        ),
      ),
    ];
    if (ids.length === 0) break;
    next = (await db.topics.bulkGet(ids)).filter((t): t is Topic => t !== undefined);
    for (const t of next) {
      seen.set(t.id, t);
      linked.push(t);
    }
  }
  return linked.map(maskedTopic);
}
