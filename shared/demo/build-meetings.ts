import type { AgendaItem, Attendance, Meeting, Person } from '../domain';
import { meetingOfficialName } from '../domain/meeting-names';
import { CANCEL_REASONS, INSTRUCTION_TITLES, LEAVE_REASONS } from './catalog-matters';
import type { UnitKey } from './catalog-units';
import { compact, type GenContext } from './context';
import { localDateTime, timestamp } from './dates';
import type { PlannedMeeting } from './plan-meetings';

export interface MeetingRecords {
  meetings: Meeting[];
  attendance: Attendance[];
  agendaItems: AgendaItem[];
  /** Agenda of each meeting, in order. */
  agendaByMeeting: Map<string, AgendaItem[]>;
}

const INVITED_ROLES = new Set<Person['role']>(['chief_convener', 'convener', 'member', 'office_staff']);

function meetingTitle(m: PlannedMeeting): string {
  const topic = m.topics[0]?.record.title;
  if (m.kind === 'special' && topic) return `关于${topic}的专题会议`;
  if (m.kind === 'consultation' && topic) return `${topic}联动会商会议`;
  return meetingOfficialName(m);
}

/** Who is invited (出席) and who sits in (列席). */
function invitees(ctx: GenContext, m: PlannedMeeting): { present: Person[]; observers: Person[] } {
  const { rng } = ctx;
  if (m.kind === 'regular') {
    const present = ctx.people.filter((p) => INVITED_ROLES.has(p.role));
    const observers = rng.chance(0.5) ? ctx.peopleByUnit.gov.filter((p) => p.role === 'none') : [];
    return { present, observers };
  }
  const keys = new Set<UnitKey>(['justice', 'discipline']);
  if (m.kind === 'consultation') keys.add('police');
  for (const t of m.topics) {
    keys.add(t.seed.submitter);
    for (const k of t.seed.related) keys.add(k);
    for (const r of t.seed.resolutions) keys.add(r.lead);
  }
  const present: Person[] = [m.chair];
  for (const p of ctx.people) if (p.role === 'office_staff') present.push(p);
  for (const k of keys) {
    const member = ctx.peopleByUnit[k].find((p) => p.role === 'member');
    if (member && !present.includes(member)) present.push(member);
  }
  const spare = [...keys].flatMap((k) => ctx.peopleByUnit[k].filter((p) => p.role === 'none'));
  const observers = spare.length > 0 && rng.chance(0.6) ? [rng.pick(spare)] : [];
  return { present, observers };
}

function attendanceFor(ctx: GenContext, m: PlannedMeeting, meetingCreatedAt: string): Attendance[] {
  const { rng } = ctx;
  const { present, observers } = invitees(ctx, m);
  const happened = m.state !== 'planning' && m.state !== 'notified' && m.state !== 'cancelled';
  const updatedAt = happened ? timestamp(m.day, m.hour + 2, m.minute) : meetingCreatedAt;
  const invitedIds = new Set(present.map((p) => p.id));
  const rows: Attendance[] = [];
  const add = (p: Person, observer: boolean) => {
    let status: Attendance['status'] = happened ? 'present' : 'invited';
    let leaveReason: string | undefined;
    let substitute: Person | undefined;
    if (happened && !observer && p !== m.chair) {
      const r = rng.float();
      if (r < 0.08) {
        status = 'leave';
        leaveReason = rng.pick(LEAVE_REASONS);
      } else if (r < 0.11) {
        const colleagues = ctx.people.filter((c) => c.unitId === p.unitId && !invitedIds.has(c.id));
        if (colleagues.length > 0) {
          status = 'substituted';
          substitute = rng.pick(colleagues);
          leaveReason = rng.pick(LEAVE_REASONS);
        }
      } else if (r < 0.12) {
        status = 'absent';
      }
    }
    const signedIn = status === 'present' || status === 'substituted';
    rows.push(
      compact({
        id: rng.uuid(),
        createdAt: meetingCreatedAt,
        updatedAt,
        meetingId: m.id,
        personId: p.id,
        observer,
        status,
        leaveReason,
        substitutePersonId: substitute?.id,
        substituteName: substitute?.name,
        signedInAt: signedIn ? timestamp(m.day, m.hour, m.minute - rng.int(3, 20)) : undefined,
      }),
    );
  };
  for (const p of present) add(p, false);
  for (const p of observers) if (!invitedIds.has(p.id)) add(p, true);
  return rows;
}

function agendaFor(ctx: GenContext, m: PlannedMeeting, firstRegular: boolean, createdAt: string): AgendaItem[] {
  const { rng } = ctx;
  const items: Omit<AgendaItem, 'id' | 'createdAt' | 'updatedAt' | 'meetingId' | 'order'>[] = [];
  const unit = (k: UnitKey) => ctx.units[k].id;
  if (m.state === 'cancelled') {
    items.push({ kind: 'other', title: '研究部署近期执法协作工作', presenterUnitId: unit('team'), minutes: 20 });
  } else if (m.kind === 'regular') {
    items.push({
      kind: 'instructions',
      title: rng.pick(INSTRUCTION_TITLES),
      presenterUnitId: unit('town'),
      minutes: 10,
    });
    if (!firstRegular) {
      items.push({
        kind: 'last_resolutions',
        title: '上次会议议定事项落实情况通报',
        presenterUnitId: unit('team'),
        minutes: 15,
      });
    }
  }
  for (const t of m.topics) {
    items.push({
      kind: 'topic',
      title: t.record.title,
      topicId: t.record.id,
      presenterUnitId: t.record.submittingUnitId,
      minutes: rng.pick([15, 20, 30]),
    });
  }
  if (m.state !== 'cancelled') {
    if (m.kind === 'regular') {
      if (!firstRegular) {
        items.push({
          kind: 'disputes_review',
          title: '执法争议协调情况通报',
          presenterUnitId: unit('justice'),
          minutes: 15,
        });
      }
      items.push({
        kind: 'summary',
        title: '阶段性工作总结及下阶段工作部署',
        presenterUnitId: unit('team'),
        minutes: 15,
      });
    } else {
      items.push({ kind: 'other', title: '研究部署下一步工作', presenterUnitId: unit('team'), minutes: 10 });
    }
  }
  return items.map((it, order) =>
    compact({ id: rng.uuid(), createdAt, updatedAt: createdAt, meetingId: m.id, order, ...it }),
  );
}

/** Meeting records, their attendance (出席 / 列席 / 请假 / 代会) and agendas. */
export function buildMeetingRecords(ctx: GenContext, planned: readonly PlannedMeeting[]): MeetingRecords {
  const { rng } = ctx;
  const out: MeetingRecords = { meetings: [], attendance: [], agendaItems: [], agendaByMeeting: new Map() };
  let sawRegular = false;
  for (const m of planned) {
    const createdAt = timestamp(m.createdDay, 9, rng.int(0, 59));
    out.meetings.push(
      compact({
        id: m.id,
        createdAt,
        updatedAt: timestamp(m.stateDay, 17, rng.int(0, 59)),
        kind: m.kind,
        title: meetingTitle(m),
        startsAt: localDateTime(m.day, m.hour, m.minute),
        place: m.place,
        chairPersonId: m.chair.id,
        year: m.year,
        sequence: m.sequence,
        state: m.state,
        cancelReason:
          m.cancelReasonIndex === undefined ? undefined : CANCEL_REASONS[m.cancelReasonIndex % CANCEL_REASONS.length],
      }),
    );
    out.attendance.push(...attendanceFor(ctx, m, createdAt));
    const firstRegular = m.kind === 'regular' && m.state !== 'cancelled' && !sawRegular;
    if (firstRegular) sawRegular = true;
    const agenda = agendaFor(ctx, m, firstRegular, createdAt);
    out.agendaByMeeting.set(m.id, agenda);
    out.agendaItems.push(...agenda);
  }
  return out;
}
