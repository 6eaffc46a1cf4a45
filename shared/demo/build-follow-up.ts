import type { Attendance, Minutes, Person, Resolution, TaskEvent, Unit } from '../domain';
import {
  CANNOT_COMPLETE_REASONS,
  COMMENT_TEXTS,
  DONE_TEXTS,
  GENERAL_RESOLUTIONS,
  PROGRESS_TEXTS,
  REMINDER_TEXTS,
  VERIFICATION_TEXTS,
} from './catalog-matters';
import { UNIT_KEYS, type UnitKey } from './catalog-units';
import { clampDay, compact, fill, type GenContext, scaled } from './context';
import { chineseDate, type DayNumber, formatDay, onOrAfterWeekday, timestamp, yearOf } from './dates';
import type { MeetingRecords } from './build-meetings';
import { minutesParagraphs, tiptapDoc } from './build-minutes';
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

interface ResolutionDraft {
  meeting: PlannedMeeting;
  agendaItemId: string;
  content: string;
  lead: UnitKey;
  co: readonly UnitKey[];
  minutesId?: string;
}

/** Minutes for every meeting past 'held', the resolutions of signed and issued minutes, and their follow-up. */
export function buildFollowUp(
  ctx: GenContext,
  planned: readonly PlannedMeeting[],
  rec: MeetingRecords,
): FollowUpRecords {
  const { rng, today } = ctx;
  const out: FollowUpRecords = { minutes: [], resolutions: [], taskEvents: [] };
  const peopleById = new Map<string, Person>(ctx.people.map((p) => [p.id, p]));
  const unitsById = new Map<string, Unit>(UNIT_KEYS.map((k) => [ctx.units[k].id, ctx.units[k]]));
  const attendanceByMeeting = new Map<string, Attendance[]>();
  for (const a of rec.attendance) {
    const list = attendanceByMeeting.get(a.meetingId);
    if (list) list.push(a);
    else attendanceByMeeting.set(a.meetingId, [a]);
  }
  const titleById = new Map(rec.meetings.map((m) => [m.id, m.title ?? '']));

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

  const issuedDrafts: ResolutionDraft[] = [];
  let draftingCount = 0;
  for (const m of planned) {
    if (m.state !== 'drafting' && m.state !== 'signed' && m.state !== 'issued') continue;
    const agenda = rec.agendaByMeeting.get(m.id) ?? [];
    const sections = new Map<string, string>();
    const drafts: ResolutionDraft[] = [];
    for (const item of agenda) {
      if (item.kind === 'topic') {
        const t = m.topics.find((x) => x.record.id === item.topicId);
        if (!t) continue;
        if (t.record.state === 'deferred') {
          sections.set(item.id, '会议指出：该议题有关情况尚需进一步核实，暂缓研究，顺延至下次会议。');
          continue;
        }
        if (t.record.state === 'escalated') {
          sections.set(item.id, '会议指出：该事项在联席会议层面难以解决，提交镇党政联席会议研究决定。');
          continue;
        }
        const texts = t.seed.resolutions.map((r) => fill(r.text, { place: t.place }));
        sections.set(item.id, `会议议定：${texts.join('')}`);
        t.seed.resolutions.forEach((r, i) => {
          drafts.push({ meeting: m, agendaItemId: item.id, content: texts[i] ?? r.text, lead: r.lead, co: r.co });
        });
      } else if (item.kind === 'summary') {
        const content = fill(rng.pick(GENERAL_RESOLUTIONS), { date: chineseDate(onOrAfterWeekday(m.day + 30)) });
        sections.set(item.id, `会议议定：${content}`);
        drafts.push({
          meeting: m,
          agendaItemId: item.id,
          content,
          lead: 'team',
          co: ['amr', 'eco', 'nr', 'housing', 'agri'],
        });
      }
    }

    const state: Minutes['state'] =
      m.state === 'issued'
        ? 'issued'
        : m.state === 'signed'
          ? 'signed'
          : draftingCount++ % 2 === 0
            ? 'draft'
            : 'review';
    const createdDay = Math.min(m.day + 1, today);
    const minutesId = rng.uuid();
    for (const d of drafts) d.minutesId = minutesId;
    out.minutes.push(
      compact({
        id: minutesId,
        createdAt: timestamp(createdDay, 9, rng.int(0, 59)),
        updatedAt: timestamp(Math.max(createdDay, Math.min(m.stateDay, today)), 17, rng.int(0, 59)),
        meetingId: m.id,
        issueNumber: issueNumber.get(m.id),
        issueYear: issueNumber.has(m.id) ? yearOf(m.issuedOn ?? m.day) : undefined,
        state,
        signedByName: state === 'signed' || state === 'issued' ? m.chair.name : undefined,
        signedOn: state === 'signed' || state === 'issued' ? formatDay(Math.min(m.stateDay, today)) : undefined,
        content: tiptapDoc(
          minutesParagraphs({
            meeting: m,
            title: titleById.get(m.id) ?? '',
            agenda,
            attendance: attendanceByMeeting.get(m.id) ?? [],
            sections,
            peopleById,
            unitsById,
          }),
        ),
        version: state === 'issued' ? 1 : rng.int(1, 3),
        issuedOn: m.state === 'issued' && m.issuedOn !== undefined ? formatDay(m.issuedOn) : undefined,
      }),
    );

    if (m.state === 'signed') {
      // Not issued yet: deadlines count in working days from issuance.
      for (const d of drafts) {
        const stamp = timestamp(createdDay, 10, rng.int(0, 59));
        out.resolutions.push({
          id: rng.uuid(),
          createdAt: stamp,
          updatedAt: stamp,
          meetingId: m.id,
          minutesId,
          agendaItemId: d.agendaItemId,
          content: d.content,
          leadUnitId: ctx.units[d.lead].id,
          coUnitIds: d.co.filter((k) => k !== d.lead).map((k) => ctx.units[k].id),
          deadlineRule: { kind: 'working_days', days: rng.pick([5, 10, 15, 20]) },
          state: 'draft',
        });
      }
    } else if (m.state === 'issued') {
      issuedDrafts.push(...drafts);
    }
  }

  // Newest first, so the cycles put work in progress on recent meetings and verified work on old ones.
  issuedDrafts.sort((a, b) => b.meeting.day - a.meeting.day);
  const recent = scaled(ctx, RECENT_CYCLE.length);
  let nearDueDone = false;
  issuedDrafts.forEach((d, i) => {
    const state = (
      i < recent ? RECENT_CYCLE[i % RECENT_CYCLE.length] : OLD_CYCLE[(i - recent) % OLD_CYCLE.length]
    ) as ResolutionState;
    const nearDue = !nearDueDone && state === 'in_progress';
    if (nearDue) nearDueDone = true;
    const { resolution, events } = issuedResolution(ctx, d, state, nearDue);
    out.resolutions.push(resolution);
    out.taskEvents.push(...events);
  });
  return out;
}

/** An issued resolution in `state` with the progress, reminders, comments and verification that led there. */
function issuedResolution(
  ctx: GenContext,
  d: ResolutionDraft,
  state: ResolutionState,
  nearDue: boolean,
): { resolution: Resolution; events: TaskEvent[] } {
  const { rng, today } = ctx;
  const issuedOn = d.meeting.issuedOn ?? d.meeting.day;
  const last = today - 1;
  let deadline = issuedOn + rng.pick([10, 15, 20, 30, 45, 60]);
  const id = rng.uuid();
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
  const progress = (n: number, until: DayNumber) => {
    const days = Array.from({ length: n }, () => between(issuedOn + 1, until)).sort((a, b) => a - b);
    for (const day of days) event('progress', day, d.lead, ctx.liaison[d.lead], rng.pick(PROGRESS_TEXTS));
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
        const newDeadline = onOrAfterWeekday(today + 2);
        if (deadline < newDeadline) {
          event(
            'extension',
            between(deadline - 3, deadline),
            d.lead,
            ctx.liaison[d.lead],
            '因需补充调查取证，申请延期办理。',
            {
              newDeadline: formatDay(newDeadline),
              approved: true,
            },
          );
        }
        deadline = newDeadline;
        event('reminder', between(last - 2, last), 'team', office, REMINDER_TEXTS[0]);
      } else if (deadline < last) {
        event('extension', between(deadline - 4, deadline), d.lead, ctx.liaison[d.lead], '申请延期15日办理。', {
          newDeadline: formatDay(deadline + 15),
          approved: false,
        });
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
          newDeadline: formatDay(deadline + rng.int(15, 30)),
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
      event('progress', doneDay, d.lead, ctx.liaison[d.lead], rng.pick(DONE_TEXTS));
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
  const createdStamp = timestamp(Math.min(d.meeting.day + 1, issuedOn), 10, rng.int(0, 59));
  const resolution: Resolution = compact({
    id,
    createdAt: createdStamp,
    updatedAt: lastStamp,
    meetingId: d.meeting.id,
    agendaItemId: d.agendaItemId,
    content: d.content,
    leadUnitId: ctx.units[d.lead].id,
    coUnitIds: d.co.filter((k) => k !== d.lead).map((k) => ctx.units[k].id),
    minutesId: d.minutesId,
    deadline: formatDay(deadline),
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
