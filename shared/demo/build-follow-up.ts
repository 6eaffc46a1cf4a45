import type { AgendaItem, Attendance, Meeting, Minutes, Person, Resolution, TaskEvent, Unit } from '../domain';
import { meetingStateForMinutes } from '../domain/meeting-rules';
import { placeResolutions, recordFieldsOf, type PlacedResolution } from '../domain/minutes-rules';
import { buildMinutesDraft } from '../domain/minutes-template';
import { type DeadlineResult, resolveDeadline } from '../domain/working-days';
import type { BlockNode, ResolutionNode } from '../editor/document';
import { minutesContentHash } from '../editor/hash';
import {
  CANNOT_COMPLETE_REASONS,
  COMMENT_TEXTS,
  DONE_TEXTS,
  GENERAL_RESOLUTIONS,
  PROGRESS_TEXTS,
  REMINDER_TEXTS,
  VERIFICATION_TEXTS,
} from './catalog-matters';
import type { TopicSeed } from './catalog-matters';
import { UNIT_KEYS, type UnitKey } from './catalog-units';
import { BACKGROUND_OPENERS, DISTRICT_VIEWS, FOLLOW_UP_DECISIONS } from './catalog-district';
import { clampDay, compact, type DistrictProfile, fill, type GenContext, scaledPart } from './context';
import {
  addWorkDays,
  chineseDate,
  type DayNumber,
  formatDay,
  onOrAfterWorkDay,
  onOrBeforeWorkDay,
  parseDay,
  timestamp,
  yearOf,
} from './dates';
import type { MeetingRecords } from './build-meetings';
import {
  deadlineRuleFor,
  feedbackFor,
  type NodeDraft,
  resolutionNode,
  sectionBlocks,
  type SectionInput,
} from './build-minutes';
import type { PlannedMeeting } from './plan-meetings';

export interface FollowUpRecords {
  minutes: Minutes[];
  resolutions: Resolution[];
  taskEvents: TaskEvent[];
}

/** Demo cycle entries: main states plus the two side-record cases (stored as in_progress + side record). */
type ResolutionState = Resolution['state'] | 'extension_requested' | 'cannot_complete';

/** States of issued resolutions, newest first: recent ones are under way, older ones mostly verified. */
const RECENT_CYCLE: readonly ResolutionState[] = [
  'in_progress',
  'extension_requested',
  'not_started',
  'done_pending_verification',
  'in_progress',
  'verified',
  'in_progress',
  'not_started',
];
const OLD_CYCLE: readonly ResolutionState[] = [
  'verified',
  'verified',
  'cannot_complete',
  'verified',
  'in_progress',
  'verified',
  'done_pending_verification',
  'verified',
  'verified',
  'not_started',
];

/**
 * The district's older tasks: nearly all verified long ago, a few left open (reported cannot-complete,
 * still in hand, waiting for verification) — ten years of the township's cycle would leave thousands open.
 */
const DISTRICT_OLD_CYCLE: readonly ResolutionState[] = Array.from({ length: 100 }, (_, i) =>
  i === 17 ? 'cannot_complete' : i === 53 ? 'in_progress' : i === 89 ? 'done_pending_verification' : 'verified',
);

/** The township's joint meeting, as the 导语 names it (the app's setting 联席会议名称). */
export const DEMO_JOINT_MEETING_NAME = '城关镇综合行政执法协调联席会议';
export const DEMO_OFFICE_NAME = `${DEMO_JOINT_MEETING_NAME}办公室`;

/** A resolution of issued minutes, placed in its document, before its follow-up is written. */
interface IssuedDraft {
  meeting: PlannedMeeting;
  minutesId: string;
  placed: PlacedResolution;
  lead: UnitKey;
  createdDay: DayNumber;
}

/**
 * Minutes for every meeting past 'held' (generated from the app's template, the sections written as the
 * office would, 议定事项 as resolution nodes), one resolution record per node (draft until issued, then a
 * task with its deadline by the working-day calendar) and the follow-up of issued ones.
 */
export function buildFollowUp(
  ctx: GenContext,
  planned: readonly PlannedMeeting[],
  rec: MeetingRecords,
): FollowUpRecords {
  const { rng, today } = ctx;
  const out: FollowUpRecords = { minutes: [], resolutions: [], taskEvents: [] };
  const units: Unit[] = UNIT_KEYS.map((k) => ctx.units[k]);
  const unitKeyById = new Map<string, UnitKey>(UNIT_KEYS.map((k) => [ctx.units[k].id, k]));
  const unitsById = new Map<string, Unit>(units.map((u) => [u.id, u]));
  const attendanceByMeeting = new Map<string, Attendance[]>();
  for (const a of rec.attendance) {
    const list = attendanceByMeeting.get(a.meetingId);
    if (list) list.push(a);
    else attendanceByMeeting.set(a.meetingId, [a]);
  }
  const meetingById = new Map<string, Meeting>(rec.meetings.map((m) => [m.id, m]));

  // Issue numbers (第×期) count issued minutes per year in order of issue.
  const issueNumber = new Map<string, number>();
  const issued = planned.filter((m) => m.state === 'issued').sort((a, b) => (a.issuedOn ?? 0) - (b.issuedOn ?? 0));
  const perYear = new Map<number, number>();
  for (const m of issued) {
    const y = yearOf(m.issuedOn ?? m.day);
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    issueNumber.set(m.id, n);
  }

  const issuedDrafts: IssuedDraft[] = [];
  let draftingCount = 0;
  let unfinishedNode = false;
  for (const m of planned) {
    if (m.state !== 'drafting' && m.state !== 'signed' && m.state !== 'issued') continue;
    const meeting = meetingById.get(m.id);
    if (!meeting) throw new Error(`demo minutes: no meeting record ${m.id}`);
    const state: Minutes['state'] =
      m.state === 'issued'
        ? 'issued'
        : m.state === 'signed'
          ? 'signed'
          : draftingCount++ % 2 === 0
            ? 'draft'
            : 'review';
    const agenda = rec.agendaByMeeting.get(m.id) ?? [];
    const { sections, intended } = writeSections(ctx, m, agenda, unitsById);
    if (state === 'draft' && !unfinishedNode) {
      // A draft the office is still writing: its last decision has no 完成时限 yet.
      const last = [...intended.values()].at(-1);
      if (last) {
        last.node.attrs.deadline = null;
        unfinishedNode = true;
      }
    }

    const content = buildMinutesDraft({
      meeting,
      agenda,
      attendance: attendanceByMeeting.get(m.id) ?? [],
      people: ctx.people,
      units,
      chair: m.chair,
      officeName: DEMO_OFFICE_NAME,
      jointMeetingName: DEMO_JOINT_MEETING_NAME,
      sections,
    });
    const placed = placeResolutions(content, agenda);
    for (const p of placed) {
      if (intended.get(p.attrs.id)?.agendaItemId !== p.agendaItemId) {
        throw new Error(`demo minutes: resolution ${p.attrs.id} is not placed under its agenda item`);
      }
    }

    const createdDay = Math.min(m.day + 1, today);
    const minutesId = rng.uuid();
    const issuedOn = state === 'issued' ? m.issuedOn : undefined;
    const signedDay =
      state === 'signed'
        ? m.issuedOn
        : issuedOn !== undefined
          ? Math.max(m.day, onOrBeforeWorkDay(issuedOn - rng.int(1, 3)))
          : undefined;
    out.minutes.push(
      compact({
        id: minutesId,
        createdAt: timestamp(createdDay, 9, rng.int(0, 59)),
        updatedAt: timestamp(Math.max(createdDay, Math.min(m.stateDay, today)), 17, rng.int(0, 59)),
        meetingId: m.id,
        issueNumber: issueNumber.get(m.id),
        issueYear: issueNumber.has(m.id) ? yearOf(m.issuedOn ?? m.day) : undefined,
        state,
        content,
        version: 1,
        contentHash: minutesContentHash(content),
        signedByName: signedDay !== undefined ? m.chair.name : undefined,
        signedOn: signedDay !== undefined ? formatDay(Math.min(signedDay, today)) : undefined,
        issuedOn: issuedOn !== undefined ? formatDay(issuedOn) : undefined,
      }),
    );
    // The meeting's state follows its minutes (one lifecycle).
    meeting.state = meetingStateForMinutes(state);

    for (const p of placed) {
      const lead = unitKeyById.get(p.attrs.leadUnitId);
      if (!lead) throw new Error(`demo minutes: unknown lead unit ${p.attrs.leadUnitId}`);
      if (state === 'issued') {
        issuedDrafts.push({ meeting: m, minutesId, placed: p, lead, createdDay });
        continue;
      }
      // Not issued yet: a 'draft' record mirroring the node (no task, no computed deadline).
      const stamp = timestamp(createdDay, 10, rng.int(0, 59));
      const fields = recordFieldsOf(p);
      out.resolutions.push(
        compact({
          id: p.attrs.id,
          createdAt: stamp,
          updatedAt: stamp,
          meetingId: m.id,
          minutesId,
          ...fields,
          deadline: fields.deadlineRule?.kind === 'date' ? fields.deadlineRule.date : undefined,
          state: 'draft' as const,
        }),
      );
    }
  }

  // Newest first, so the cycles put work in progress on recent meetings and verified work on old ones.
  issuedDrafts.sort((a, b) => b.meeting.day - a.meeting.day);
  const recent = scaledPart(ctx, 'recentScale', RECENT_CYCLE.length);
  let nearDueDone = false;
  const oldCycle = ctx.district ? DISTRICT_OLD_CYCLE : OLD_CYCLE;
  issuedDrafts.forEach((d, i) => {
    const state = (
      i < recent ? RECENT_CYCLE[i % RECENT_CYCLE.length] : oldCycle[(i - recent) % oldCycle.length]
    ) as ResolutionState;
    // One task under way made nearly due: extended (if its own deadline has passed) to just after today.
    const nearDue = !nearDueDone && state === 'in_progress' && parseDay(dueOf(d).date) <= onOrAfterWorkDay(today + 5);
    if (nearDue) nearDueDone = true;
    const { resolution, events } = issuedResolution(ctx, d, state, nearDue);
    out.resolutions.push(resolution);
    out.taskEvents.push(...events);
  });
  return out;
}

/**
 * The section bodies of one meeting's minutes, by agenda item id, and each resolution node with the agenda
 * item it is written under.
 */
function writeSections(
  ctx: GenContext,
  m: PlannedMeeting,
  agenda: readonly AgendaItem[],
  unitsById: ReadonlyMap<string, Unit>,
): {
  sections: Map<string, BlockNode[]>;
  intended: Map<string, { agendaItemId: string; node: ResolutionNode }>;
} {
  const { rng } = ctx;
  const sections = new Map<string, BlockNode[]>();
  const intended = new Map<string, { agendaItemId: string; node: ResolutionNode }>();
  const presenterOf = (item: AgendaItem) => {
    const u = item.presenterUnitId ? unitsById.get(item.presenterUnitId) : undefined;
    return u ? u.shortName?.trim() || u.name : '联席会议办公室';
  };
  const nodesOf = (item: AgendaItem, drafts: NodeDraft[]) =>
    drafts.map((d) => {
      const node = resolutionNode(ctx, d);
      intended.set(d.id, { agendaItemId: item.id, node });
      return node;
    });
  for (const item of agenda) {
    const input: SectionInput = { item, presenter: presenterOf(item), nodes: [] };
    if (item.kind === 'topic') {
      const t = m.topics.find((x) => x.record.id === item.topicId);
      if (!t) continue;
      if (t.record.state === 'deferred' || t.record.state === 'escalated') {
        input.outcome = t.record.state;
      } else {
        input.outcome = 'decided';
        const drafts: NodeDraft[] = t.seed.resolutions.map((r) => {
          const content = fill(r.text, { place: t.place });
          return {
            id: rng.uuid(),
            content,
            lead: r.lead,
            co: r.co,
            deadline: deadlineRuleFor(ctx, content),
            feedback: feedbackFor(ctx),
          };
        });
        if (ctx.district) {
          drafts.push(...furtherDecisions(ctx, ctx.district, t.seed, t.place));
          input.background = `${rng.pick(BACKGROUND_OPENERS)}${fill(t.seed.description, { place: t.place })}`;
          input.emphasis = rng.pick(DISTRICT_VIEWS);
          input.proposal = `${input.presenter}提出的处理建议是：${fill(t.seed.proposedHandling, { place: t.place })}`;
        }
        input.nodes = nodesOf(item, drafts);
      }
    } else if (item.kind === 'summary') {
      const due = onOrAfterWorkDay(m.day + 30);
      const template = rng.pick(GENERAL_RESOLUTIONS);
      const content = fill(template, { date: chineseDate(due) });
      input.nodes = nodesOf(item, [
        {
          id: rng.uuid(),
          content,
          lead: 'team',
          co: ['amr', 'eco', 'nr', 'housing', 'agri'],
          deadline: deadlineRuleFor(ctx, content, template.includes('{date}') ? due : undefined),
          feedback: feedbackFor(ctx),
        },
      ]);
    }
    sections.set(item.id, sectionBlocks(ctx, input));
  }
  return { sections, intended };
}

/** The district profile's further decisions on a matter, led by one of the units the matter concerns. */
function furtherDecisions(ctx: GenContext, d: DistrictProfile, seed: TopicSeed, place: string): NodeDraft[] {
  const { rng } = ctx;
  const concerned = [...new Set<UnitKey>([...seed.resolutions.map((r) => r.lead), seed.submitter, ...seed.related])];
  return rng.sample(FOLLOW_UP_DECISIONS, rng.int(...d.extraResolutions)).map((template) => {
    const lead = rng.pick(concerned);
    const content = fill(template, { place });
    return {
      id: rng.uuid(),
      content,
      lead,
      co: rng.sample(
        concerned.filter((k) => k !== lead),
        rng.int(0, 2),
      ),
      deadline: deadlineRuleFor(ctx, content),
      feedback: feedbackFor(ctx),
    };
  });
}

/** 印发 turns the node's rule into a due date by the working-day calendar (暂定 beyond the known years). */
function dueOf(d: IssuedDraft): DeadlineResult {
  const rule = d.placed.attrs.deadline;
  if (!rule) throw new Error(`demo minutes: issued resolution ${d.placed.attrs.id} has no deadline`);
  return resolveDeadline(rule, formatDay(d.meeting.issuedOn ?? d.meeting.day));
}

/** An issued resolution in `state` with the progress, reminders, comments and verification that led there. */
function issuedResolution(
  ctx: GenContext,
  d: IssuedDraft,
  state: ResolutionState,
  nearDue: boolean,
): { resolution: Resolution; events: TaskEvent[] } {
  const { rng, today } = ctx;
  const issuedOn = d.meeting.issuedOn ?? d.meeting.day;
  const last = today - 1;
  const fields = recordFieldsOf(d.placed);
  const due = dueOf(d);
  let deadline = parseDay(due.date);
  let provisional = due.provisional;
  const id = d.placed.attrs.id;
  const events: TaskEvent[] = [];
  const between = (from: DayNumber, to: DayNumber) => {
    const lo = clampDay(from, issuedOn + 1, last);
    const hi = clampDay(to, lo, last);
    return rng.int(lo, hi);
  };
  const person = (k: UnitKey, role?: Person['role']) =>
    ctx.peopleByUnit[k].find((p) => p.role === role) ?? ctx.liaison[k];
  const event = (
    kind: TaskEvent['kind'],
    on: DayNumber,
    unit: UnitKey,
    who: Person,
    text: string,
    extra: Partial<TaskEvent> = {},
  ) => {
    events.push(
      compact({
        id: rng.uuid(),
        resolutionId: id,
        kind,
        on: formatDay(on),
        unitId: ctx.units[unit].id,
        personName: who.name,
        text,
        ...extra,
        createdAt: timestamp(on, rng.int(9, 17), rng.int(0, 59)),
      }),
    );
  };
  const office = person('team', 'office_staff');
  const supervisor = () => rng.pick(['justice', 'discipline'] as const);
  const district = ctx.district;
  const progress = (n: number, until: DayNumber) => {
    // A district's lead units report more often, each report with how far the work has got.
    const count = district ? n + rng.int(...district.extraProgress) : n;
    const days = Array.from({ length: count }, () => between(issuedOn + 1, until)).sort((a, b) => a - b);
    days.forEach((day, i) =>
      event(
        'progress',
        day,
        d.lead,
        ctx.liaison[d.lead],
        rng.pick(PROGRESS_TEXTS),
        district ? { percent: Math.min(90, Math.round(((i + 1) / (count + 1)) * 10) * 10) } : {},
      ),
    );
    return days[days.length - 1] ?? issuedOn;
  };

  let cannotCompleteReason: string | undefined;
  let cannotCompleteOn: string | undefined;
  let escalatedOn: string | undefined;
  let extension: Resolution['extension'];
  switch (state) {
    case 'not_started':
      if (deadline < last) event('reminder', between(deadline + 1, deadline + 5), 'team', office, REMINDER_TEXTS[1]);
      break;
    case 'in_progress': {
      progress(rng.int(1, 3), Math.min(deadline + 20, last));
      if (nearDue) {
        // Due within the warning window: extended once, now close to its new deadline.
        const newDeadline = onOrAfterWorkDay(today + 2);
        if (deadline < newDeadline) {
          const reason = '因需补充调查取证，申请延期办理。';
          event('extension', between(deadline - 3, deadline), d.lead, ctx.liaison[d.lead], reason, {
            newDeadline: formatDay(newDeadline),
            approved: true,
          });
          const req = events[events.length - 1]!;
          extension = {
            state: 'approved',
            requestedOn: req.on,
            proposedDeadline: formatDay(newDeadline),
            reason,
            decidedOn: req.on,
            decidedByName: d.meeting.chair.name,
          };
          deadline = newDeadline;
          provisional = false;
        }
        event('reminder', between(last - 2, last), 'team', office, REMINDER_TEXTS[0]);
      } else if (deadline < last) {
        const reason = '申请延期10个工作日办理。';
        const proposed = formatDay(addWorkDays(deadline, 10));
        event('extension', between(deadline - 4, deadline), d.lead, ctx.liaison[d.lead], reason, {
          newDeadline: proposed,
          approved: false,
        });
        const req = events[events.length - 1]!;
        extension = {
          state: 'refused',
          requestedOn: req.on,
          proposedDeadline: proposed,
          reason,
          decidedOn: req.on,
          decidedByName: d.meeting.chair.name,
          decisionNote: '延期理由不充分，请按原时限办理。',
        };
        event('reminder', between(deadline + 1, deadline + 5), 'team', office, REMINDER_TEXTS[1]);
        const k = supervisor();
        if (rng.chance(0.5))
          event('comment', between(deadline + 5, deadline + 15), k, person(k, 'member'), rng.pick(COMMENT_TEXTS));
      }
      break;
    }
    case 'extension_requested': {
      const lastProgress = progress(1, Math.min(deadline, last));
      event(
        'extension',
        between(lastProgress, deadline),
        d.lead,
        ctx.liaison[d.lead],
        '因涉及多部门配合，申请延期办理。',
        {
          newDeadline: formatDay(addWorkDays(deadline, rng.int(10, 20))),
        },
      );
      const req = events[events.length - 1]!;
      extension = {
        state: 'pending',
        requestedOn: req.on,
        proposedDeadline: req.newDeadline!,
        reason: '因涉及多部门配合，申请延期办理。',
      };
      break;
    }
    case 'done_pending_verification':
    case 'verified': {
      const lastProgress = progress(rng.int(1, 2), Math.min(deadline - 2, last));
      const doneDay = between(lastProgress, deadline);
      event('progress', doneDay, d.lead, ctx.liaison[d.lead], rng.pick(DONE_TEXTS), district ? { percent: 100 } : {});
      if (state === 'verified') {
        const k = supervisor();
        event('verification', between(doneDay + 2, doneDay + 7), k, person(k, 'member'), rng.pick(VERIFICATION_TEXTS));
      }
      break;
    }
    case 'cannot_complete': {
      const lastProgress = progress(1, Math.min(deadline, last));
      cannotCompleteReason = rng.pick(CANNOT_COMPLETE_REASONS);
      const reported = between(lastProgress, deadline);
      event('progress', reported, d.lead, ctx.liaison[d.lead], `申请按不能办结处理：${cannotCompleteReason}`);
      event(
        'comment',
        between(reported + 1, reported + 5),
        'discipline',
        person('discipline', 'member'),
        '已核实情况，同意按不能办结处理，提请党政联席会议研究。',
      );
      cannotCompleteOn = formatDay(reported);
      escalatedOn = events[events.length - 1]!.on;
      break;
    }
  }

  const lastStamp = events.reduce((acc, e) => (e.createdAt > acc ? e.createdAt : acc), timestamp(issuedOn, 17, 0));
  const createdStamp = timestamp(Math.min(d.createdDay, issuedOn), 10, rng.int(0, 59));
  const resolution: Resolution = compact({
    id,
    createdAt: createdStamp,
    updatedAt: lastStamp,
    meetingId: d.meeting.id,
    minutesId: d.minutesId,
    ...fields,
    deadline: formatDay(deadline),
    deadlineProvisional: provisional || undefined,
    state: state === 'extension_requested' || state === 'cannot_complete' ? 'in_progress' : state,
    issuedOn: formatDay(issuedOn),
    extension,
    cannotComplete:
      cannotCompleteReason && cannotCompleteOn
        ? { reason: cannotCompleteReason, on: cannotCompleteOn, escalated: true, escalatedOn }
        : undefined,
  });
  return { resolution, events };
}
