import type { Complainant, Topic, TopicCategory, TopicState } from '../domain';
import { PLACES, RETURN_REASONS, TOPIC_SEEDS, type TopicSeed } from './catalog-matters';
import { SURNAMES } from './catalog-units';
import { compact, type GenContext, fill, scaledPart } from './context';
import { type DayNumber, formatDay, parseDay, timestamp } from './dates';
import type { PlannedMeeting, PlannedTopic } from './plan-meetings';

const SPECIAL_CATEGORIES: readonly TopicCategory[] = [
  'joint_enforcement',
  'responsibility_boundary',
  'jurisdiction_dispute',
  'law_application',
  'information_sharing',
];
const CONSULTATION_CATEGORIES: readonly TopicCategory[] = [
  'major_case_lead',
  'case_transfer',
  'enforcement_assistance',
];

const SPECIAL_SEEDS = TOPIC_SEEDS.filter((s) => SPECIAL_CATEGORIES.includes(s.category));
const CONSULTATION_SEEDS = TOPIC_SEEDS.filter((s) => CONSULTATION_CATEGORIES.includes(s.category));

/** A fictitious complainant (demo data must not hold real personal data); the ID number has a valid check digit. */
function complainant(ctx: GenContext, submittedOn: DayNumber): Complainant {
  const { rng } = ctx;
  const birth = formatDay(submittedOn - rng.int(25, 65) * 365 - rng.int(0, 364)).replaceAll('-', '');
  const body = `350702${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  const check = '10X98765432'[sum % 11] ?? '0';
  return {
    name: `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士'])}`,
    phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    idNumber: body + check,
    address: `城关镇${rng.pick(PLACES)}${rng.int(1, 120)}号`,
  };
}

export interface TopicDraft {
  seed: TopicSeed;
  place: string;
  submittedOn: DayNumber;
  state: TopicState;
  stateDay: DayNumber;
  meetingId?: string;
  returnReason?: string;
  mergedIntoTopicId?: string;
  disputeId?: string;
  /** Overrides for topics made from a dispute rather than from the catalog. */
  title?: string;
  category?: TopicCategory;
  submitter?: keyof GenContext['units'];
  related?: readonly (keyof GenContext['units'])[];
}

/** Writes one topic record from a draft. */
export function topicRecord(ctx: GenContext, d: TopicDraft, id = ctx.rng.uuid()): Topic {
  const { rng } = ctx;
  const submitter = d.submitter ?? d.seed.submitter;
  const related = (d.related ?? d.seed.related).filter((k) => k !== submitter);
  const values = { place: d.place };
  return compact({
    id,
    createdAt: timestamp(d.submittedOn, 10, rng.int(0, 59)),
    updatedAt: timestamp(Math.max(d.stateDay, d.submittedOn), 16, rng.int(0, 59)),
    title: d.title ?? fill(d.seed.title, values),
    submittingUnitId: ctx.units[submitter].id,
    submitterPersonId: ctx.liaison[submitter].id,
    submittedOn: formatDay(d.submittedOn),
    category: d.category ?? d.seed.category,
    description: fill(d.seed.description, values),
    urgency: d.seed.urgent ? 'urgent' : 'normal',
    relatedUnitIds: related.map((k) => ctx.units[k].id),
    proposedHandling: fill(d.seed.proposedHandling, values),
    complainant: d.seed.complaint && !d.title ? complainant(ctx, d.submittedOn) : undefined,
    state: d.state,
    returnReason: d.returnReason,
    mergedIntoTopicId: d.mergedIntoTopicId,
    disputeId: d.disputeId,
    meetingId: d.meetingId,
  });
}

/**
 * Puts topics on every meeting that was not cancelled: two or three on a regular meeting, one on a
 * special or consultation meeting. A topic's state follows its meeting: scheduled before it, discussed
 * after it until the minutes are issued, then resolved — except some deferred or escalated ones.
 */
export function assignMeetingTopics(ctx: GenContext, meetings: PlannedMeeting[]): void {
  const { rng } = ctx;
  let issuedCounter = 0;
  for (const m of meetings) {
    if (m.state === 'cancelled') continue;
    const pool = m.kind === 'regular' ? TOPIC_SEEDS : m.kind === 'special' ? SPECIAL_SEEDS : CONSULTATION_SEEDS;
    const picks: { seed: TopicSeed; place?: string }[] = ctx.district
      ? districtAgenda(ctx, pool, rng.int(...ctx.district.topicsPerMeeting[m.kind]))
      : (m.kind === 'regular' ? rng.sample(TOPIC_SEEDS, rng.int(2, 3)) : [rng.pick(pool)]).map((seed) => ({ seed }));
    for (const { seed, place: chosen } of picks) {
      let state: TopicState;
      let stateDay = m.stateDay;
      switch (m.state) {
        case 'planning':
        case 'notified':
          state = 'scheduled';
          stateDay = m.createdDay;
          break;
        case 'held':
        case 'drafting':
        case 'signed':
          // 已上会 until the minutes are issued (印发 marks the topics with a resolution 已议定).
          state = 'discussed';
          stateDay = m.day;
          break;
        default: {
          // A fixed pattern rather than chance, so every seed shows deferred and escalated topics.
          const c = issuedCounter++;
          state = c % 8 === 6 ? 'deferred' : c % 12 === 9 ? 'escalated' : 'resolved';
        }
      }
      const place = chosen ?? rng.pick(PLACES);
      const submittedOn = Math.max(ctx.start, m.createdDay - rng.int(3, 25));
      const draft: TopicDraft = { seed, place, submittedOn, state, stateDay, meetingId: m.id };
      const planned: PlannedTopic = { record: topicRecord(ctx, draft), seed, place };
      m.topics.push(planned);
    }
  }
}

/**
 * A busy district's agenda: `n` matters, the same kinds of matter at different places, never two with
 * the same title on one meeting (the minutes' sections are told apart by their titles).
 */
function districtAgenda(ctx: GenContext, pool: readonly TopicSeed[], n: number): { seed: TopicSeed; place: string }[] {
  const { rng } = ctx;
  const out: { seed: TopicSeed; place: string }[] = [];
  const titles = new Set<string>();
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const seed = rng.pick(pool);
    const place = rng.pick(PLACES);
    const title = fill(seed.title, { place });
    if (titles.has(title)) continue;
    titles.add(title);
    out.push({ seed, place });
  }
  return out;
}

/**
 * Topics not (yet) on any meeting: freshly submitted, accepted and waiting, returned with a reason,
 * and merged into an accepted or scheduled topic.
 */
export function backlogTopics(ctx: GenContext, scheduled: readonly PlannedTopic[]): Topic[] {
  const { rng, today } = ctx;
  const out: Topic[] = [];
  const make = (state: TopicState, minAge: number, maxAge: number, extra: Partial<TopicDraft> = {}) => {
    const submittedOn = today - rng.int(minAge, maxAge);
    const draft: TopicDraft = {
      seed: rng.pick(TOPIC_SEEDS),
      place: rng.pick(PLACES),
      submittedOn,
      state,
      stateDay: Math.min(today - 1, submittedOn + rng.int(1, 5)),
      ...extra,
    };
    const t = topicRecord(ctx, draft);
    out.push(t);
    return t;
  };
  for (let i = 0; i < scaledPart(ctx, 'backlogScale', 3); i++) {
    const t = make('submitted', 0, 10);
    t.updatedAt = t.createdAt;
  }
  const accepted: PlannedTopic[] = [];
  for (let i = 0; i < scaledPart(ctx, 'backlogScale', 2); i++) {
    const seed = rng.pick(TOPIC_SEEDS);
    const place = rng.pick(PLACES);
    accepted.push({ record: make('accepted', 5, 25, { seed, place }), seed, place });
  }
  for (let i = 0; i < scaledPart(ctx, 'backlogScale', 2); i++) {
    make('returned', 10, 150, { returnReason: rng.pick(RETURN_REASONS) });
  }
  const targets = [...accepted, ...scheduled];
  for (let i = 0; i < scaledPart(ctx, 'backlogScale', 2); i++) {
    const target = rng.pick(targets);
    // The same matter reported again by another unit: merged into the earlier topic.
    const other = target.seed.related.find((k) => k !== target.seed.submitter) ?? 'group';
    const submittedOn = Math.min(today - 1, parseDay(target.record.submittedOn) + rng.int(1, 6));
    const t = topicRecord(ctx, {
      seed: target.seed,
      place: target.place,
      submittedOn,
      state: 'merged',
      stateDay: Math.min(today - 1, submittedOn + 1),
      mergedIntoTopicId: target.record.id,
      submitter: other,
    });
    out.push(t);
  }
  return out;
}
