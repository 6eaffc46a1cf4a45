import dayjs from 'dayjs';
import {
  MEETING_ROLES,
  UNIT_KINDS,
  addDays,
  agendaItemTitle,
  attendeeIdentity,
  type Attendance,
  type Meeting,
  type Person,
  type Unit,
} from '../../../../../shared/domain';
import type {
  MeetingDocAttendee,
  MeetingDocInput,
  MeetingDocOffice,
} from '../../../../../shared/export/docx/meeting-doc-model';
import type { MeetingDocumentSources, NoticeNumberRecord } from '../../../db/repositories/document-settings';

/** What the office chooses for the notice before printing it. */
export interface NoticeOptions {
  /** 成文日期, YYYY-MM-DD. */
  noticeDate: string;
  noticeNumber?: number;
  /** `YYYY-MM-DDTHH:mm`. */
  replyDeadline?: string;
}

const zh = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Invitees in the order the documents list them: by joint-meeting role (总召集人 first), then grouped by
 * unit at the unit's first appearance, so a unit's people stand together on the notice and the sheet.
 */
function orderAttendance(
  rows: readonly Attendance[],
  people: ReadonlyMap<string, Person>,
  units: ReadonlyMap<string, Unit>,
): Attendance[] {
  const rank = (a: Attendance) => {
    const p = a.personId ? people.get(a.personId) : undefined;
    const u = p ? units.get(p.unitId) : undefined;
    // A guest (列席来宾) has no role or registered unit: after the registered people, by the unit typed.
    return {
      role: p ? MEETING_ROLES.indexOf(p.role) : MEETING_ROLES.length,
      kind: u ? UNIT_KINDS.indexOf(u.kind) : UNIT_KINDS.length,
      unit: u?.name ?? a.guestUnitName ?? '',
      name: p?.name ?? a.guestName ?? '',
    };
  };
  const sorted = [...rows].sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x.role - y.role || x.kind - y.kind || zh.compare(x.unit, y.unit) || zh.compare(x.name, y.name);
  });
  const unitOf = (a: Attendance) =>
    (a.personId ? people.get(a.personId)?.unitId : a.guestUnitName && `guest:${a.guestUnitName}`) ?? '';
  const firstSeen = new Map<string, number>();
  sorted.forEach((a, i) => {
    if (!firstSeen.has(unitOf(a))) firstSeen.set(unitOf(a), i);
  });
  return sorted
    .map((a, i) => ({ a, i }))
    .sort((x, y) => firstSeen.get(unitOf(x.a))! - firstSeen.get(unitOf(y.a))! || x.i - y.i)
    .map((x) => x.a);
}

function attendee(
  a: Attendance,
  people: ReadonlyMap<string, Person>,
  units: ReadonlyMap<string, Unit>,
): MeetingDocAttendee {
  const who = attendeeIdentity(
    a,
    (id) => people.get(id),
    (id) => units.get(id),
  );
  const base: MeetingDocAttendee = {
    unit: who.unitName,
    name: who.missing ? '（已删除人员）' : who.name,
    ...(who.post ? { post: who.post } : {}),
    ...(who.phone ? { phone: who.phone } : {}),
    status: a.observer ? '列席' : a.status === 'leave' ? '请假' : '出席',
    ...(a.leaveReason ? { leaveReason: a.leaveReason } : {}),
  };
  if (a.status === 'substituted') {
    const s = a.substitutePersonId ? people.get(a.substitutePersonId) : undefined;
    const name = s?.name ?? a.substituteName?.trim();
    if (name) {
      base.substitute = { name, ...(s?.post ? { post: s.post } : {}), ...(s?.phone ? { phone: s.phone } : {}) };
    }
  }
  return base;
}

/** The document model of one meeting from what the database holds (pure: no reads, no clock). */
export function toMeetingDocInput(
  src: MeetingDocumentSources,
  office: MeetingDocOffice,
  notice: NoticeOptions,
  auditAnchor?: { seq: number; hash: string },
): MeetingDocInput {
  const people = new Map(src.people.map((p) => [p.id, p]));
  const units = new Map(src.units.map((u) => [u.id, u]));
  const m = src.meeting;
  const chair = m.chairPersonId ? people.get(m.chairPersonId) : undefined;
  return {
    office,
    meeting: {
      kind: m.kind,
      year: m.year,
      sequence: m.sequence,
      startsAt: m.startsAt.slice(0, 16),
      place: m.place,
      ...(chair ? { chairName: chair.name } : {}),
      ...(chair?.post ? { chairPost: chair.post } : {}),
    },
    agenda: src.agenda.map((item) => {
      const unit = item.presenterUnitId ? units.get(item.presenterUnitId)?.name : undefined;
      return {
        // A standing item's live title (its count agreeing with its list) or, once held, its snapshot's.
        title: src.standing[item.id]?.title ?? agendaItemTitle(item),
        ...(unit ? { presenterUnit: unit } : {}),
        ...(item.minutes !== undefined ? { minutes: item.minutes } : {}),
      };
    }),
    attendees: orderAttendance(src.attendance, people, units).map((a) => attendee(a, people, units)),
    noticeDate: notice.noticeDate,
    ...(notice.noticeNumber !== undefined ? { noticeNumber: notice.noticeNumber } : {}),
    ...(notice.replyDeadline ? { replyDeadline: notice.replyDeadline } : {}),
    ...(auditAnchor ? { auditAnchor } : {}),
  };
}

/** Saturday/Sunday move back to Friday: a reply deadline on a weekend helps no one. */
function previousWeekday(iso: string): string {
  const day = dayjs(iso).day();
  return day === 6 ? addDays(iso, -1) : day === 0 ? addDays(iso, -2) : iso;
}

/**
 * First suggestion for the notice: the number and date it was issued with before; otherwise the next
 * free number of the year (the year's meetings held before this one, or one after the highest number
 * used), dated today (or four days before a meeting already past), reply two days before the meeting.
 */
export function defaultNoticeOptions(src: MeetingDocumentSources, today: string): NoticeOptions {
  const m: Meeting = src.meeting;
  const meetingDay = m.startsAt.slice(0, 10);
  const issued: NoticeNumberRecord | undefined = src.noticeNumbers[m.id];
  const noticeDate = issued?.date ?? (today < meetingDay ? today : addDays(meetingDay, -4));
  const year = Number(noticeDate.slice(0, 4));
  let noticeNumber = issued?.number;
  if (noticeNumber === undefined) {
    const used = Object.values(src.noticeNumbers)
      .filter((n) => n.year === year)
      .map((n) => n.number);
    const earlier = src.yearMeetings.filter((x) => x.state !== 'cancelled' && x.startsAt < m.startsAt).length;
    noticeNumber = used.length > 0 ? Math.max(...used) + 1 : earlier + 1;
  }
  let reply = previousWeekday(addDays(meetingDay, -2));
  if (reply < noticeDate) reply = noticeDate;
  return { noticeDate, noticeNumber, replyDeadline: `${reply}T17:00` };
}

/** 城关镇: the township (or street) a unit or profile name starts with, for default office names. */
export function placeOf(name: string): string | undefined {
  return /^(.+?(?:镇|乡|街道))/u.exec(name.trim())?.[1];
}

/**
 * Office defaults from what the database knows: the township unit's short name (else the current profile's
 * unit), e.g. 城关镇 → 城关镇综合行政执法协调联席会议办公室, 发文字号 prefix 城综执联办, the profile as contact.
 */
export function defaultOffice(
  units: readonly Unit[],
  profile?: { name: string; unitName: string },
  people: readonly Person[] = [],
): MeetingDocOffice {
  const town = units.find((u) => u.kind === 'township' && !u.archived);
  const place = placeOf(town?.shortName ?? '') ?? placeOf(town?.name ?? '') ?? placeOf(profile?.unitName ?? '') ?? '';
  const joint = `${place}综合行政执法协调联席会议`;
  const me = profile ? people.find((p) => p.name === profile.name && !p.archived) : undefined;
  return {
    name: `${joint}办公室`,
    jointMeetingName: joint,
    docNumberPrefix: `${place.slice(0, 1)}综执联办`,
    ...(profile ? { contactName: profile.name } : {}),
    ...(me?.phone ? { contactPhone: me.phone } : {}),
  };
}
