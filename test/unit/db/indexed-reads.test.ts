import { beforeAll, describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type { DataLayer } from '../../../renderer/src/db/types';
import { zhCollator } from '../../../renderer/src/db/repositories/list-helpers';
import { chairReviewRows, openDisputesByAge, DEFAULT_STUCK_THRESHOLDS, type Dispute } from '../../../shared/domain';
import { generateDemoDataset } from '../../../shared/demo/generate';
import type { Dataset } from '../../../shared/demo/types';
import { readDisputesOpenOn, readStandingSource } from '../../../renderer/src/db/repositories/agenda-standing';
import { TOPIC_OPTION_LIMIT } from '../../../renderer/src/db/repositories/disputes';
import { readTopicCandidates } from '../../../renderer/src/db/repositories/topics';
import { disputeOpenOn } from '../../../shared/domain';
import { freshDatabase } from './helpers';

/**
 * The indexed reads of the chair's review, the agenda proposals, the topic list and the dispute lookups
 * return exactly what the former whole-table reads and JavaScript filters returned, on the demo datasets.
 */
const TODAY = '2026-11-20';
/** A tenth of the ten-year district profile by default (DEMO_DISTRICT_SCALE=1 for all of it). */
const SCALE = Number(process.env.DEMO_DISTRICT_SCALE ?? '0.1');

interface Loaded {
  db: JointDeskDB;
  dl: DataLayer;
  ds: Dataset;
}

async function load(ds: Dataset): Promise<Loaded> {
  const db = freshDatabase();
  const dl = createDataLayer(db, { now: () => new Date(`${TODAY}T02:00:00.000Z`) });
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  await dl.demo.load(ds);
  return { db, dl, ds };
}

const newestFirst = (a: Dispute, b: Dispute) =>
  b.registeredOn.localeCompare(a.registeredOn) || zhCollator.compare(b.number, a.number);

const profiles = [
  ['standard demo', () => generateDemoDataset({ seed: 20260309, scale: 1, today: TODAY })],
  [
    `district-10y at scale ${SCALE}`,
    () => generateDemoDataset({ seed: 20260309, scale: SCALE, today: TODAY, profile: 'district-10y' }),
  ],
] as const;

describe.each(profiles)('indexed reads on the %s', (_, make) => {
  let h: Loaded;
  beforeAll(async () => {
    h = await load(make());
  }, 180_000);

  it("the chair's review is every open dispute oldest first, assessed once, as the whole-table filter gave", async () => {
    const all = await h.db.disputes.toArray();
    expect(all.some((d) => d.state === 'closed')).toBe(true);
    const review = await h.dl.disputes.review();
    expect(review.today).toBe(TODAY);
    expect(review.thresholds).toEqual(DEFAULT_STUCK_THRESHOLDS);
    const expected = chairReviewRows(all, TODAY, DEFAULT_STUCK_THRESHOLDS);
    expect(review.rows.map((r) => r.dispute.id)).toEqual(openDisputesByAge(all).map((d) => d.id));
    expect(review.rows).toEqual(expected.rows);
    expect(review.stuck).toBe(expected.stuck);
    expect(review.stuck).toBe(review.rows.filter((r) => r.assessment.stuck).length);
  });

  it('the thresholds change the assessment in the same read', async () => {
    const lenient = {
      registeredDays: 3650,
      negotiatingDays: 3650,
      sinceLastRoundDays: 3650,
      escalatedDays: 3650,
      toCloseDays: 3650,
    };
    const before = await h.dl.disputes.review();
    await h.dl.disputes.setThresholds(lenient);
    try {
      const after = await h.dl.disputes.review();
      expect(after.thresholds).toEqual(lenient);
      expect(before.stuck).toBeGreaterThan(0);
      expect(after.stuck).toBe(0);
      expect(after).toMatchObject(chairReviewRows(await h.db.disputes.toArray(), TODAY, lenient));
    } finally {
      await h.dl.disputes.setThresholds(DEFAULT_STUCK_THRESHOLDS);
    }
  });

  it('the dispute list by state reads through the state index and equals the whole-table filter', async () => {
    const all = await h.db.disputes.toArray();
    const cases = [
      ['negotiating'],
      ['registered', 'negotiating', 'escalated', 'agreed', 'designated'],
      ['closed'],
    ] as const;
    for (const states of cases) {
      const got = await h.dl.disputes.list({ states });
      const want = all.filter((d) => (states as readonly string[]).includes(d.state)).sort(newestFirst);
      expect(got.map((d) => d.id)).toEqual(want.map((d) => d.id));
    }
    expect((await h.dl.disputes.list()).map((d) => d.id)).toEqual(
      all
        .slice()
        .sort(newestFirst)
        .map((d) => d.id),
    );
  });
  it('the disputes open on a day, read through the indexes, are exactly the whole-table filter', async () => {
    const all = await h.db.disputes.toArray();
    const days = [...new Set(all.flatMap((d) => [d.registeredOn, d.closedOn ?? d.stateSince]))].sort();
    // The first and last days, and days around every tenth registration or closing.
    const probe = [days[0]!, days.at(-1)!, '2000-01-01', '2099-12-31', ...days.filter((_, i) => i % 10 === 0)];
    for (const day of probe) {
      const got = (await readDisputesOpenOn(h.db, day)).map((d) => d.id).sort();
      const want = all
        .filter((d) => disputeOpenOn(d, day))
        .map((d) => d.id)
        .sort();
      expect(got, day).toEqual(want);
    }
  });

  it("each meeting's standing source read through the indexes equals the one read from the whole tables", async () => {
    const [meetings, disputes] = await Promise.all([h.db.meetings.toArray(), h.db.disputes.toArray()]);
    for (const m of meetings.slice(0, 40)) {
      const indexed = await readStandingSource(h.db, m);
      const whole = await readStandingSource(h.db, m, undefined, { meetings, disputes });
      expect(indexed.previous?.id, m.id).toBe(whole.previous?.id);
      expect(
        indexed.disputes.map((d) => d.dispute.id),
        m.id,
      ).toEqual(whole.disputes.map((d) => d.dispute.id));
    }
  });

  it('the topic list candidates are exactly the rows matching the index the filter names', async () => {
    const all = await h.db.topics.toArray();
    const ids = (rows: readonly { id: string }[]) => rows.map((t) => t.id).sort();
    const unitId = all[0]!.relatedUnitIds[0] ?? all[0]!.submittingUnitId;
    expect(ids(await readTopicCandidates(h.db, { unitId }))).toEqual(
      ids(all.filter((t) => t.submittingUnitId === unitId || t.relatedUnitIds.includes(unitId))),
    );
    const category = all[0]!.category;
    expect(ids(await readTopicCandidates(h.db, { category }))).toEqual(ids(all.filter((t) => t.category === category)));
    const from = '2024-01-01';
    const to = '2025-06-30';
    const states = ['accepted', 'deferred', 'resolved'] as const;
    expect(ids(await readTopicCandidates(h.db, { states, from, to }))).toEqual(
      ids(
        all.filter(
          (t) => (states as readonly string[]).includes(t.state) && t.submittedOn >= from && t.submittedOn <= to,
        ),
      ),
    );
    expect(ids(await readTopicCandidates(h.db, { from, to }))).toEqual(
      ids(all.filter((t) => t.submittedOn >= from && t.submittedOn <= to)),
    );
    expect(ids(await readTopicCandidates(h.db, {}))).toEqual(ids(all));
    // The list applies the whole filter on the candidates: a state and a unit together.
    const listed = await h.dl.topics.list({ states: ['accepted'], unitId });
    expect(ids(listed)).toEqual(
      ids(
        all.filter(
          (t) => t.state === 'accepted' && (t.submittingUnitId === unitId || t.relatedUnitIds.includes(unitId)),
        ),
      ),
    );
  });

  it("the dispute form's topic picker offers the newest topics matching the search, the linked one first", async () => {
    const all = (await h.db.topics.toArray()).sort((a, b) => b.submittedOn.localeCompare(a.submittedOn));
    const offered = await h.dl.disputes.topicOptions();
    expect(offered.length).toBe(Math.min(TOPIC_OPTION_LIMIT, all.length));
    expect(offered.map((t) => Object.keys(t).sort())).toEqual(offered.map(() => ['id', 'title']));
    const oldest = all.at(-1)!;
    const withLinked = await h.dl.disputes.topicOptions({ includeId: oldest.id });
    expect(withLinked.some((t) => t.id === oldest.id)).toBe(true);
    // Beyond the newest 50 it is added, first.
    if (all.length > TOPIC_OPTION_LIMIT) expect(withLinked[0]!.id).toBe(oldest.id);
    const word = all[3]!.title.slice(0, 2);
    const found = await h.dl.disputes.topicOptions({ search: word });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((t) => t.title.includes(word))).toBe(true);
  });
});
