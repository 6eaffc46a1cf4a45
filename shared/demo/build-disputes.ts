import type { Dispute, DisputeState, NegotiationRound, Topic, TopicCategory } from '../domain';
import { DISPUTE_SEEDS, type DisputeSeed, PLACES, type TopicSeed } from './catalog-matters';
import { compact, fill, type GenContext, scaledPart } from './context';
import { type DayNumber, formatDay, parseDay, timestamp, yearOf } from './dates';
import { topicRecord } from './build-topics';
import type { PlannedMeeting } from './plan-meetings';

/** How many disputes of each state at scale 1, and how long ago they were registered (days). */
const PLAN: readonly { state: DisputeState; count: number; age: [number, number]; rounds: [number, number] }[] = [
  { state: 'registered', count: 1, age: [3, 20], rounds: [0, 0] },
  { state: 'negotiating', count: 2, age: [20, 90], rounds: [1, 2] },
  { state: 'agreed', count: 2, age: [60, 400], rounds: [1, 3] },
  { state: 'escalated', count: 1, age: [40, 150], rounds: [2, 3] },
  { state: 'designated', count: 1, age: [90, 400], rounds: [2, 3] },
  { state: 'closed', count: 2, age: [150, 650], rounds: [1, 3] },
];

const TOPIC_CATEGORY: Record<DisputeSeed['type'], TopicCategory> = {
  jurisdiction: 'jurisdiction_dispute',
  responsibility: 'responsibility_boundary',
  law_application: 'law_application',
  transfer: 'case_transfer',
  assistance: 'enforcement_assistance',
};

/**
 * Disputes in every state with their negotiation rounds; agreements point at the minutes of a later
 * meeting, escalations carry the application and designations the district government's decision.
 * Every other dispute started as a topic that the office converted (转争议).
 */
export function buildDisputes(
  ctx: GenContext,
  planned: readonly PlannedMeeting[],
): { disputes: Dispute[]; topics: Topic[] } {
  const { rng, today } = ctx;
  const last = today - 1;
  const minuted = planned.filter((m) => m.state === 'signed' || m.state === 'issued'); // sorted by day
  const firstMinutedOnOrAfter = (day: DayNumber): PlannedMeeting | undefined => {
    let lo = 0;
    let hi = minuted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((minuted[mid]?.day ?? 0) < day) lo = mid + 1;
      else hi = mid;
    }
    return minuted[lo];
  };
  const member = (k: keyof GenContext['units']) =>
    ctx.peopleByUnit[k].find((p) => p.role === 'member') ?? ctx.liaison[k];
  const short = (k: keyof GenContext['units']) => ctx.units[k].shortName ?? ctx.units[k].name;

  const drafts: { dispute: Omit<Dispute, 'number'>; seed: DisputeSeed; place: string }[] = [];
  let seedIndex = rng.int(0, DISPUTE_SEEDS.length - 1);
  let closedCount = 0;
  for (const plan of PLAN) {
    for (let i = 0; i < scaledPart(ctx, 'disputeScale', plan.count); i++) {
      const seed = DISPUTE_SEEDS[seedIndex++ % DISPUTE_SEEDS.length] as DisputeSeed;
      const place = rng.pick(PLACES);
      const values = { place, year: String(yearOf(today)), n: String(rng.int(10, 99)) };
      const matter = fill(seed.matter, values);
      // Over a district's years, settled disputes spread back through the ledger; open ones stay recent.
      const settled = plan.state === 'closed' || plan.state === 'agreed' || plan.state === 'designated';
      const age =
        ctx.district && settled ? Math.max(plan.age[0], Math.round(plan.age[1] * ctx.district.ageFactor)) : plan.age[1];
      const registeredOn = Math.max(ctx.start, today - rng.int(plan.age[0], age));
      // Closed disputes ended either by agreement or by designation.
      const path: DisputeState =
        plan.state === 'closed' ? (closedCount++ % 2 === 0 ? 'agreed' : 'designated') : plan.state;

      const rounds: NegotiationRound[] = [];
      let day = registeredOn;
      const n = rng.int(plan.rounds[0], plan.rounds[1]);
      const participants = [
        ...seed.parties.map((k) => `${short(k)}${member(k).name}`),
        `司法所${member('justice').name}`,
      ].join('、');
      for (let r = 0; r < n; r++) {
        day = Math.min(day + rng.int(5, 20), last);
        const final = r === n - 1;
        rounds.push(
          compact({
            date: formatDay(day),
            participants,
            content:
              r === 0
                ? seed.parties.map((k, j) => `${short(k)}认为：${seed.positions[j] ?? ''}`).join('')
                : `各方补充了有关证据材料，就${seed.focus}进一步交换意见。`,
            outcome: !final
              ? '未达成一致，约定补充材料后再次协商。'
              : path === 'agreed'
                ? '达成一致意见。'
                : path === 'negotiating'
                  ? '未达成一致，约定补充材料后再次协商。'
                  : '协商不成，拟提请区政府协调。',
          }),
        );
      }
      const lastRound = day;
      let stateSince = lastRound;
      const d: Omit<Dispute, 'number'> = {
        id: rng.uuid(),
        createdAt: timestamp(registeredOn, 10, rng.int(0, 59)),
        updatedAt: '',
        matter,
        type: seed.type,
        place,
        partyUnitIds: seed.parties.map((k) => ctx.units[k].id),
        positions: Object.fromEntries(seed.parties.map((k, j) => [ctx.units[k].id, seed.positions[j] ?? ''])),
        firstHandlingUnitId: ctx.units[seed.first].id,
        relatedCase: seed.relatedCase ? fill(seed.relatedCase, values) : undefined,
        registeredOn: formatDay(registeredOn),
        state: plan.state,
        stateSince: '',
        rounds,
      };
      if (path === 'agreed') {
        d.agreement = seed.agreement;
        const meeting = firstMinutedOnOrAfter(lastRound);
        if (meeting) {
          d.agreementMeetingId = meeting.id;
          d.relatedMeetingId = meeting.id;
          stateSince = Math.max(lastRound, meeting.day);
        }
      } else if (path === 'escalated' || path === 'designated') {
        const escalatedOn = Math.min(lastRound + rng.int(3, 10), last);
        d.escalatedOn = formatDay(escalatedOn);
        d.escalation = {
          matter,
          negotiation: `经${rounds.length}轮协商，各方未能达成一致。`,
          focus: seed.focus,
          reasons: seed.parties.map((k, j) => `${short(k)}：${seed.positions[j] ?? ''}`).join(''),
        };
        stateSince = escalatedOn;
        if (path === 'designated') {
          const designatedOn = Math.min(escalatedOn + rng.int(10, 30), last);
          d.decisionNumber = `区政指〔${yearOf(designatedOn)}〕${rng.int(1, 30)}号`;
          d.designatedUnitId = ctx.units[seed.designated].id;
          d.designatedOn = formatDay(designatedOn);
          stateSince = designatedOn;
        }
      }
      if (plan.state === 'closed') {
        const closedOn = Math.min(stateSince + rng.int(10, 60), last);
        d.closedOn = formatDay(closedOn);
        stateSince = closedOn;
      }
      d.stateSince = formatDay(stateSince);
      d.updatedAt = timestamp(stateSince, 16, rng.int(0, 59));
      drafts.push({ dispute: compact(d), seed, place });
    }
  }

  drafts.sort((a, b) =>
    a.dispute.registeredOn < b.dispute.registeredOn ? -1 : a.dispute.registeredOn > b.dispute.registeredOn ? 1 : 0,
  );
  const perYear = new Map<string, number>();
  const topics: Topic[] = [];
  const disputes = drafts.map((x, i) => {
    const year = x.dispute.registeredOn.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const dispute: Dispute = { ...x.dispute, number: `城关执争〔${year}〕${n}号` };
    if (i % 2 === 0) {
      // The matter was first submitted as a topic and converted into this dispute.
      const submitter = x.seed.parties[0] ?? x.seed.first;
      const others = x.seed.parties.slice(1);
      const topicSeed: TopicSeed = {
        category: TOPIC_CATEGORY[x.seed.type],
        title: `关于${dispute.matter}的争议`,
        description: `${dispute.matter}。${x.seed.parties.map((k, j) => `${short(k)}认为：${x.seed.positions[j] ?? ''}`).join('')}`,
        proposedHandling: '转为执法争议，由联席会议办公室组织相关单位协商。',
        submitter,
        related: others,
        resolutions: [],
      };
      const topicId = rng.uuid();
      const regDay = parseDay(dispute.registeredOn);
      topics.push(
        topicRecord(
          ctx,
          {
            seed: topicSeed,
            place: x.place,
            submittedOn: Math.max(ctx.start, regDay - rng.int(1, 5)),
            state: 'converted',
            stateDay: regDay,
            disputeId: dispute.id,
            title: topicSeed.title,
          },
          topicId,
        ),
      );
      dispute.relatedTopicId = topicId;
    }
    return dispute;
  });
  return { disputes, topics };
}
