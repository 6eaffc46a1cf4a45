import { isoDateSchema } from '../domain/common';
import { DomainError } from '../domain/errors';
import { buildDisputes } from './build-disputes';
import { buildFollowUp } from './build-follow-up';
import { buildMeetingRecords } from './build-meetings';
import { buildOrganisation } from './build-organisation';
import { addStandingSnapshots } from './build-snapshots';
import { assignMeetingTopics, backlogTopics } from './build-topics';
import { UNIT_KEYS } from './catalog-units';
import type { DistrictProfile, GenContext } from './context';
import { parseDay } from './dates';
import { planMeetings, quarterStart, windowQuarters } from './plan-meetings';
import { Random } from './random';
import type { Dataset, DemoOptions } from './types';

/** Default options (the seed is the date the product's demo township was first shown). */
export const DEMO_DEFAULTS: Readonly<Pick<DemoOptions, 'seed' | 'scale'>> = Object.freeze({ seed: 20260309, scale: 1 });

/** Largest accepted scale: ~1,000× a township is far beyond any benchmark and still generates in seconds. */
export const MAX_DEMO_SCALE = 1000;

/** Most years the district profile generates (scale 3 = thirty years). */
export const MAX_DISTRICT_YEARS = 30;

/**
 * The knobs of ten years of a busy district (`scale` 1), proportionally fewer years at smaller scales:
 * one regular meeting a quarter with 38–58 matters, special (18–28) and consultation (14–22) meetings,
 * each decided matter with 2–3 further decisions, tasks with 1–3 more progress reports; 60 disputes a year.
 */
export function districtProfile(scale: number): DistrictProfile {
  const years = Math.max(1, Math.round(10 * scale));
  if (years > MAX_DISTRICT_YEARS) {
    throw new DomainError(
      'validation',
      `十年区县档案的规模最多为 ${MAX_DISTRICT_YEARS / 10}（${MAX_DISTRICT_YEARS} 年）`,
    );
  }
  return {
    years,
    topicsPerMeeting: { regular: [38, 58], special: [18, 28], consultation: [14, 22] },
    extraResolutions: [2, 3],
    extraProgress: [1, 3],
    disputeScale: (60 / 9) * years,
    backlogScale: 2 * years,
    recentScale: 4 * years,
    ageFactor: years / 2,
  };
}

/**
 * A realistic township joint meeting (联席会议) as a complete {@link Dataset}: ~15 member units, ~40
 * people, two years of meetings before `today` with attendance, agendas, minutes, resolutions and
 * their follow-up, topics and disputes in every state. Deterministic: the same options give a
 * deep-equal dataset (seeded PRNG; no clock, no Math.random). `scale` multiplies meetings, topics,
 * disputes and resolutions (units and people stay the same); generation is linear in `scale`.
 *
 * @throws DomainError('validation') when `today` is not a real `YYYY-MM-DD` date or `scale`/`seed` is unusable.
 */
export function generateDemoDataset(opts: DemoOptions): Dataset {
  if (!isoDateSchema.safeParse(opts.today).success) {
    throw new DomainError('validation', `演示数据的日期“${String(opts.today)}”不正确，应为 YYYY-MM-DD 格式的有效日期`);
  }
  if (!Number.isFinite(opts.scale) || opts.scale <= 0 || opts.scale > MAX_DEMO_SCALE) {
    throw new DomainError('validation', `演示数据规模应大于 0 且不超过 ${MAX_DEMO_SCALE}`);
  }
  if (!Number.isFinite(opts.seed)) throw new DomainError('validation', '演示数据的随机种子应为数字');

  const profile = opts.profile ?? 'township';
  if (profile !== 'township' && profile !== 'district-10y') {
    throw new DomainError('validation', `演示数据的档案“${String(profile)}”不存在，应为 township 或 district-10y`);
  }
  const district = profile === 'district-10y' ? districtProfile(opts.scale) : undefined;

  const rng = new Random(Math.trunc(opts.seed));
  const today = parseDay(opts.today);
  const start = quarterStart(today, windowQuarters({ district }));
  const org = buildOrganisation(rng, start - 30);
  const ctx: GenContext = { rng, today, start, scale: opts.scale, ...(district ? { district } : {}), ...org };

  const planned = planMeetings(ctx);
  assignMeetingTopics(ctx, planned);
  const meetingRecords = buildMeetingRecords(ctx, planned);
  const followUp = buildFollowUp(ctx, planned, meetingRecords);
  const { disputes, topics: convertedTopics } = buildDisputes(ctx, planned);
  addStandingSnapshots({
    meetings: meetingRecords.meetings,
    agendaItems: meetingRecords.agendaItems,
    disputes,
    resolutions: followUp.resolutions,
    taskEvents: followUp.taskEvents,
    minutes: followUp.minutes,
    units: Object.values(org.units),
  });
  const meetingTopics = planned.flatMap((m) => m.topics);
  const backlog = backlogTopics(
    ctx,
    meetingTopics.filter((t) => t.record.state === 'scheduled'),
  );

  const topics = [...meetingTopics.map((t) => t.record), ...convertedTopics, ...backlog];
  // Oldest first, as a ledger lists them; ties keep generation order (Array.prototype.sort is stable).
  topics.sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));

  return {
    units: UNIT_KEYS.map((k) => org.units[k]),
    people: org.people,
    meetings: meetingRecords.meetings,
    attendance: meetingRecords.attendance,
    agendaItems: meetingRecords.agendaItems,
    topics,
    disputes,
    minutes: followUp.minutes,
    resolutions: followUp.resolutions,
    taskEvents: followUp.taskEvents,
  };
}
