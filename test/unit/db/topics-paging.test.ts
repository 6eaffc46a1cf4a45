import { describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { TOPIC_SEARCH_LIMIT } from '../../../renderer/src/db/repositories/topics-page';
import type { TopicListFilter, TopicListOrder } from '../../../renderer/src/db/types';
import {
  MERGE_TARGET_STATES,
  TOPIC_CATEGORIES,
  TOPIC_STATES,
  addDays,
  type Topic,
  type TopicState,
} from '../../../shared/domain';
import { freshDatabase } from './helpers';

const UNITS = [
  ['u0', '城关镇人民政府'],
  ['u1', '水利局'],
  ['u2', '综合行政执法局'],
] as const;

/**
 * `n` topics: every state, three categories, three submitting units and related units, submission days with many
 * ties and entry times with ties too (then the id decides), ids not in submission order, search words in the
 * title, description and proposed handling, merged topics in chains (some into a topic merged itself).
 */
function topics(n: number, word = (i: number) => (i % 7 === 0 ? '河道' : i % 5 === 0 ? '采砂' : '占道')): Topic[] {
  const rows: Topic[] = [];
  for (let i = 0; i < n; i++) {
    const k = (i * 37) % n;
    const state = TOPIC_STATES[k % TOPIC_STATES.length]!;
    const submittedOn = addDays('2024-01-01', Math.floor(k / 3) * 2);
    rows.push({
      id: `t${String((i * 71) % n).padStart(4, '0')}`,
      createdAt: `2026-01-0${1 + (k % 2)}T08:00:00.000Z`,
      updatedAt: '2026-01-05T08:00:00.000Z',
      title: `${word(k)}管理议题${k}`,
      submittingUnitId: UNITS[k % 3]![0],
      submittedOn,
      category: TOPIC_CATEGORIES[k % 3]!,
      description: k % 4 === 0 ? '涉及水利局职责' : '情况说明',
      ...(k % 6 === 0 ? { proposedHandling: '建议联合执法' } : {}),
      urgency: k % 9 === 0 ? 'urgent' : 'normal',
      relatedUnitIds: k % 4 === 1 ? [UNITS[(k + 1) % 3]![0]] : [],
      state,
    } as Topic);
  }
  // Merged rows point at the topic before them in the list: a chain where that one is merged too.
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i]!;
    if (t.state === 'merged') (t as { mergedIntoTopicId?: string }).mergedIntoTopicId = rows[(i + 1) % rows.length]!.id;
  }
  return rows;
}

async function seed(db: JointDeskDB, rows: Topic[]): Promise<void> {
  const T = '2026-01-01T00:00:00.000Z';
  await db.transaction('rw', [db.topics, db.units, db.profiles, db.settings], async () => {
    await db.topics.bulkAdd(rows);
    for (const [id, name] of UNITS)
      await db.units.add({ id, name, kind: 'department', createdAt: T, updatedAt: T } as never);
    await db.profiles.add({ id: 'p1', name: '王小明', unitName: '办公室', role: 'office_staff', createdAt: T });
    await db.settings.put({ key: 'profile.current', value: 'p1' });
  });
}

/** The old screen's result: every topic, filtered and sorted in JavaScript (newest first; oldest is its reverse). */
function wholeTable(rows: readonly Topic[], f: TopicListFilter, order: TopicListOrder): Topic[] {
  const name = new Map<string, string>(UNITS);
  const term = f.search?.trim().toLocaleLowerCase('zh-CN');
  const has = (s: string | undefined) => !!s && s.toLocaleLowerCase('zh-CN').includes(term!);
  const out = rows
    .filter((t) => !f.states?.length || f.states.includes(t.state))
    .filter((t) => !f.category || t.category === f.category)
    .filter((t) => !f.unitId || t.submittingUnitId === f.unitId || t.relatedUnitIds.includes(f.unitId))
    .filter((t) => (!f.from || t.submittedOn >= f.from) && (!f.to || t.submittedOn <= f.to))
    .filter(
      (t) => !term || [t.title, t.description, t.proposedHandling, name.get(t.submittingUnitId)].some((s) => has(s)),
    )
    .sort((a, b) =>
      a.submittedOn !== b.submittedOn
        ? a.submittedOn < b.submittedOn
          ? 1
          : -1
        : a.createdAt !== b.createdAt
          ? a.createdAt < b.createdAt
            ? 1
            : -1
          : a.id < b.id
            ? 1
            : -1,
    );
  return order === 'oldest' ? out.reverse() : out;
}

const [C0, C1] = [TOPIC_CATEGORIES[0], TOPIC_CATEGORIES[1]];
const FILTERS: TopicListFilter[] = [
  {},
  { states: ['submitted'] },
  { states: ['merged'] },
  { states: ['accepted', 'deferred'] },
  { category: C0 },
  { category: C1, states: ['accepted'] },
  { from: '2024-03-01', to: '2024-06-30' },
  { from: '2024-03-01', states: ['returned'] },
  { to: '2024-04-15', category: C0, states: ['submitted'] },
  { unitId: 'u1' },
  { unitId: 'u2', states: ['scheduled'], from: '2024-02-01' },
  { search: '河道' },
  { search: '河道', states: ['accepted'] },
  { search: '水利局', category: C1 },
  { search: '联合执法', from: '2024-02-01', to: '2024-08-01' },
  { search: '  采砂 ', unitId: 'u0' },
  { search: '没有这个词' },
];
const ORDERS: TopicListOrder[] = ['newest', 'oldest'];
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 20, limit: 20 },
  { offset: 7, limit: 5 },
  { offset: 140, limit: 20 },
  { offset: 300, limit: 20 },
  { offset: 3, limit: 0 },
];

describe('topics.page reads one page of the topics list', () => {
  it('equals the slice of the whole-table list, with its length, for every filter, order and page', async () => {
    const db = freshDatabase();
    const rows = topics(160);
    await seed(db, rows);
    const dl = createDataLayer(db);
    let nonEmpty = 0;
    for (const filter of FILTERS) {
      // The list the repository still offers (ledgers) agrees with the whole-table result too.
      expect(
        (await dl.topics.list(filter)).map((t) => t.id),
        JSON.stringify(filter),
      ).toEqual(wholeTable(rows, filter, 'newest').map((t) => t.id));
      for (const order of ORDERS) {
        const whole = wholeTable(rows, filter, order);
        for (const p of PAGES) {
          const page = await dl.topics.page(filter, p, order);
          const what = JSON.stringify({ filter, order, p });
          expect(page.total, what).toBe(whole.length);
          expect(page.capped, what).toBe(false);
          expect(
            page.rows.map((t) => t.id),
            what,
          ).toEqual(whole.slice(p.offset, p.offset + p.limit).map((t) => t.id));
          if (page.rows.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(FILTERS.length * ORDERS.length * 2);
  });

  it('counts each state under the other filters, as many as the whole-table list holds in it', async () => {
    const db = freshDatabase();
    const rows = topics(160);
    await seed(db, rows);
    const dl = createDataLayer(db);
    for (const filter of FILTERS) {
      const counts = await dl.topics.stateCounts(filter);
      const others = { ...filter, states: undefined };
      for (const s of TOPIC_STATES)
        expect(counts.byState[s], `${JSON.stringify(filter)} ${s}`).toBe(
          wholeTable(rows, { ...others, states: [s] }, 'newest').length,
        );
      expect(counts.matching).toBe(wholeTable(rows, others, 'newest').length);
      expect(counts.hasTopics).toBe(true);
      expect(counts.capped).toBe(false);
    }
  });

  it('views a page with its counts: equal to page() and stateCounts() for every filter, order and page', async () => {
    const db = freshDatabase();
    const rows = topics(160);
    await seed(db, rows);
    const dl = createDataLayer(db);
    for (const filter of FILTERS)
      for (const order of ORDERS)
        for (const p of PAGES) {
          const [view, page, counts] = await Promise.all([
            dl.topics.view(filter, p, order),
            dl.topics.page(filter, p, order),
            dl.topics.stateCounts(filter),
          ]);
          const what = JSON.stringify({ filter, order, p });
          expect(view.counts, what).toEqual(counts);
          expect(view.total, what).toBe(page.total);
          expect(view.capped, what).toBe(page.capped);
          expect(
            view.rows.map((t) => t.id),
            what,
          ).toEqual(page.rows.map((t) => t.id));
          expect(
            view.linked.map((t) => t.id),
            what,
          ).toEqual(page.linked.map((t) => t.id));
        }
  });

  it('tells an empty table from a filter that matches nothing', async () => {
    const db = freshDatabase();
    const dl = createDataLayer(db);
    expect((await dl.topics.view({}, { offset: 0, limit: 20 })).counts).toMatchObject({
      hasTopics: false,
      matching: 0,
    });
    await seed(db, topics(12));
    const none = await dl.topics.view({ search: '没有这个词' }, { offset: 0, limit: 20 });
    expect(none.counts).toMatchObject({ hasTopics: true, matching: 0 });
    expect(none.total).toBe(0);
  });

  it('hands the page the topics its merged rows follow, through the whole chain', async () => {
    const db = freshDatabase();
    const rows = topics(160);
    await seed(db, rows);
    const dl = createDataLayer(db);
    const byId = new Map(rows.map((t) => [t.id, t]));
    const page = await dl.topics.page({ states: ['merged'] }, { offset: 0, limit: 20 });
    expect(page.rows.length).toBe(16);
    const known = new Map([...page.rows, ...page.linked].map((t) => [t.id, t]));
    for (const t of page.rows) {
      // Every step of the chain is there, up to a topic that is not merged.
      let cur: Topic = t;
      for (let i = 0; i < 20 && cur.state === 'merged'; i++) {
        const next = known.get(cur.mergedIntoTopicId!);
        expect(next, `${t.id} → ${cur.mergedIntoTopicId}`).toBeDefined();
        expect(next!.title).toBe(byId.get(cur.mergedIntoTopicId!)!.title);
        cur = next!;
      }
      expect(cur.state).not.toBe('merged');
    }
    expect((await dl.topics.page({ states: ['accepted'] }, { offset: 0, limit: 20 })).linked).toEqual([]);
  });

  it('offers merge targets and the topics merged into one by index, equal to the whole-table filter', async () => {
    const db = freshDatabase();
    const rows = topics(160);
    await seed(db, rows);
    const dl = createDataLayer(db);
    const one = rows.find((t) => t.state === 'accepted')!;
    const targets = wholeTable(rows, { states: [...MERGE_TARGET_STATES] }, 'newest').filter((t) => t.id !== one.id);
    expect((await dl.topics.mergeTargets(one.id)).map((t) => t.id)).toEqual(targets.map((t) => t.id));
    for (const into of rows.filter((t) => rows.some((o) => o.mergedIntoTopicId === t.id)).slice(0, 5)) {
      expect((await dl.topics.mergedInto(into.id)).map((t) => t.id)).toEqual(
        wholeTable(rows, {}, 'newest')
          .filter((t) => t.mergedIntoTopicId === into.id)
          .map((t) => t.id),
      );
    }
  });

  it('stops a search after TOPIC_SEARCH_LIMIT matches, newest first, and says so', async () => {
    const db = freshDatabase();
    const n = TOPIC_SEARCH_LIMIT + 60;
    // Every topic matches “议题”; one in ten also “河道”.
    const rows = topics(n, (i) => (i % 10 === 0 ? '河道' : '占道'));
    await seed(db, rows);
    const dl = createDataLayer(db);
    const whole = wholeTable(rows, { search: '议题' }, 'newest');
    expect(whole.length).toBe(n);
    const page = await dl.topics.page({ search: '议题' }, { offset: TOPIC_SEARCH_LIMIT - 10, limit: 20 });
    expect(page.capped).toBe(true);
    expect(page.total).toBe(TOPIC_SEARCH_LIMIT);
    expect(page.rows.map((t) => t.id)).toEqual(
      whole.slice(TOPIC_SEARCH_LIMIT - 10, TOPIC_SEARCH_LIMIT).map((t) => t.id),
    );
    const counts = await dl.topics.stateCounts({ search: '议题' });
    expect(counts.capped).toBe(true);
    // The view cuts the page from the counts' scan: the same rows, capped alike.
    const view = await dl.topics.view({ search: '议题' }, { offset: TOPIC_SEARCH_LIMIT - 10, limit: 20 });
    expect(view.rows.map((t) => t.id)).toEqual(page.rows.map((t) => t.id));
    expect(view).toMatchObject({ capped: true, total: TOPIC_SEARCH_LIMIT });
    // Oldest first while capped: the oldest matches (another scan), as page() reads them.
    const oldest = await dl.topics.view({ search: '议题' }, { offset: 0, limit: 20 }, 'oldest');
    expect(oldest.rows.map((t) => t.id)).toEqual(
      wholeTable(rows, { search: '议题' }, 'oldest')
        .slice(0, 20)
        .map((t) => t.id),
    );
    expect(counts.matching).toBe(TOPIC_SEARCH_LIMIT);
    const newest = whole.slice(0, TOPIC_SEARCH_LIMIT);
    for (const s of TOPIC_STATES) expect(counts.byState[s]).toBe(newest.filter((t) => t.state === s).length);
    // A narrower search is not capped and finds every match.
    const narrow = await dl.topics.page({ search: '河道' }, { offset: 0, limit: 100 });
    expect(narrow.capped).toBe(false);
    expect(narrow.total).toBe(wholeTable(rows, { search: '河道' }, 'newest').length);
  });

  it('follows writes: a new topic is on the first page and in the counts', async () => {
    const db = freshDatabase();
    const rows = topics(60);
    await seed(db, rows);
    const dl = createDataLayer(db, { now: () => new Date('2026-11-20T02:00:00.000Z') });
    const before = await dl.topics.stateCounts({});
    const added = await dl.topics.submit({
      title: '新的河道议题',
      submittingUnitId: 'u1',
      submittedOn: '2026-11-20',
      category: C0,
      description: '情况',
      urgency: 'normal',
      relatedUnitIds: [],
    });
    const after = await dl.topics.stateCounts({});
    expect(after.byState.submitted).toBe(before.byState.submitted + 1);
    expect(after.hasTopics).toBe(true);
    const first = await dl.topics.page({ states: ['submitted' as TopicState] }, { offset: 0, limit: 20 });
    expect(first.rows[0]!.id).toBe(added.id);
    expect(first.total).toBe(after.byState.submitted);
  });
});
