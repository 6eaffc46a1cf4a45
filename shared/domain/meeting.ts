import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, recordMetaSchema, requiredText } from './common';

/** 定期联席会议 / 专题会议 / 联动会商会议 */
export const MEETING_KINDS = ['regular', 'special', 'consultation'] as const;
export const meetingKindSchema = z.enum(MEETING_KINDS, { message: '请选择会议类型' });
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** 筹备 → 已通知 → 已召开 → 纪要起草 → 已签发 → 已印发; 已取消 */
export const MEETING_STATES = ['planning', 'notified', 'held', 'drafting', 'signed', 'issued', 'cancelled'] as const;
export const meetingStateSchema = z.enum(MEETING_STATES);
export type MeetingState = z.infer<typeof meetingStateSchema>;

export const meetingInputSchema = z.object({
  kind: meetingKindSchema,
  title: optionalText('会议名称', 100),
  startsAt: isoDateTimeSchema,
  place: requiredText('会议地点', 100),
  chairPersonId: idSchema.optional(),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const meetingSchema = recordMetaSchema.extend(meetingInputSchema.shape).extend({
  year: z.number().int(),
  /** 第N次 within (year, kind). */
  sequence: z.number().int().positive(),
  state: meetingStateSchema,
  cancelReason: optionalText('取消原因', 500),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** 出席 / 列席 / 请假 / 缺席 / 代会 */
export const ATTENDANCE_STATUSES = ['invited', 'present', 'leave', 'absent', 'substituted'] as const;

/**
 * 列席来宾: someone the office invites who is not registered under 单位与人员 (a district department's
 * deputy head, an invited expert). Named as the 纪要's 列席 lines name people: 单位 + 职务 + 姓名.
 */
export const attendanceGuestInputSchema = z.object({
  guestName: requiredText('姓名', 20),
  guestUnitName: requiredText('单位', 100),
  guestPost: optionalText('职务', 40),
});
export type AttendanceGuestInput = z.infer<typeof attendanceGuestInputSchema>;

export const attendanceSchema = recordMetaSchema
  .extend({
    meetingId: idSchema,
    /** The registered person; absent on a guest's row (that row is then not in the personId indexes). */
    personId: idSchema.optional(),
    observer: z.boolean(),
    status: z.enum(ATTENDANCE_STATUSES),
    leaveReason: optionalText('请假原因', 200),
    substitutePersonId: idSchema.optional(),
    substituteName: optionalText('代会人', 20),
    signedInAt: isoDateTimeSchema.optional(),
    guestName: attendanceGuestInputSchema.shape.guestName.optional(),
    guestUnitName: attendanceGuestInputSchema.shape.guestUnitName.optional(),
    guestPost: attendanceGuestInputSchema.shape.guestPost,
  })
  .superRefine((a, ctx) => {
    for (const message of attendanceIdentityProblems(a)) ctx.addIssue({ code: 'custom', message });
  });
export type Attendance = z.infer<typeof attendanceSchema>;

/** A row for a guest (列席来宾, not a registered person). */
export function isGuestAttendance(a: Pick<Attendance, 'personId' | 'guestName'>): boolean {
  return !a.personId && !!a.guestName;
}

/**
 * Who a row is for: a registered person or a named guest, never both, never neither. A guest is always
 * 列席 (observer) and nobody attends in a guest's place (代会 is for invitees).
 */
export function attendanceIdentityProblems(
  a: Pick<
    Attendance,
    | 'personId'
    | 'guestName'
    | 'guestUnitName'
    | 'guestPost'
    | 'observer'
    | 'status'
    | 'substitutePersonId'
    | 'substituteName'
  >,
): string[] {
  const guest = a.guestName !== undefined || a.guestUnitName !== undefined || a.guestPost !== undefined;
  if (a.personId && guest) return ['参会人员不能既是登记人员又是列席来宾'];
  if (a.personId) return [];
  if (!a.guestName) return ['请选择参会人员或填写列席人员姓名'];
  const problems: string[] = [];
  if (!a.guestUnitName) problems.push('请填写单位');
  if (!a.observer) problems.push('非登记人员只能列席');
  if (a.status === 'substituted' || a.substitutePersonId || a.substituteName) problems.push('列席来宾不能由他人代会');
  return problems;
}

/** What the documents say of a row's attendee: their name, unit and post as registered or as typed. */
export interface AttendeeIdentity {
  name: string;
  /** The registered person's unit; absent for a guest. */
  unitId?: string;
  /** Full unit name (a guest's as typed). */
  unitName: string;
  /** 简称 when the unit has one (a guest's typed unit otherwise). */
  unitShortName: string;
  post?: string;
  phone?: string;
  guest: boolean;
  /** The row names a person who is no longer in the register. */
  missing: boolean;
}

/**
 * The one lookup of an attendance row's attendee, for every reader (table, sign-in, 纪要, 签到表, 台账):
 * a guest by typed name, unit and post; a person through the register (never a lookup by an absent id).
 */
export function attendeeIdentity(
  a: Pick<Attendance, 'personId' | 'guestName' | 'guestUnitName' | 'guestPost'>,
  person: (id: string) => { name: string; unitId: string; post?: string; phone?: string } | undefined,
  unit: (id: string) => { name: string; shortName?: string } | undefined,
): AttendeeIdentity {
  if (!a.personId) {
    const unitName = a.guestUnitName?.trim() ?? '';
    return {
      name: a.guestName?.trim() ?? '',
      unitName,
      unitShortName: unitName,
      ...(a.guestPost?.trim() ? { post: a.guestPost.trim() } : {}),
      guest: true,
      missing: false,
    };
  }
  const p = person(a.personId);
  if (!p) return { name: '', unitName: '', unitShortName: '', guest: false, missing: true };
  const u = unit(p.unitId);
  return {
    name: p.name,
    unitId: p.unitId,
    unitName: u?.name ?? '',
    unitShortName: u ? u.shortName?.trim() || u.name : '',
    ...(p.post?.trim() ? { post: p.post.trim() } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    guest: false,
    missing: false,
  };
}

/**
 * What a standing agenda item (通报, 研究未结执法争议 …) said when its meeting was held: its title and the
 * list it covered, frozen at the 已召开 transition so that later data (a dispute registered afterwards)
 * cannot rewrite the record of a past meeting. Optional and not indexed: rows written before it existed
 * still parse and need no migration.
 */
export const agendaSnapshotSchema = z.object({
  /** Business date (Asia/Shanghai) the snapshot was taken. */
  takenOn: isoDateSchema,
  title: requiredText('议程事项', 200),
  /** One line per covered record (e.g. “XZ-2026-003 解放路夜市噪声”), in agenda order. */
  lines: z.array(z.string().max(500)).max(1000),
});
export type AgendaSnapshot = z.infer<typeof agendaSnapshotSchema>;

export const agendaItemSchema = recordMetaSchema.extend({
  meetingId: idSchema,
  order: z.number().int().nonnegative(),
  kind: z.enum(['topic', 'last_resolutions', 'disputes_review', 'instructions', 'summary', 'other']),
  title: requiredText('议程事项', 200),
  topicId: idSchema.optional(),
  presenterUnitId: idSchema.optional(),
  minutes: z.number().int().min(0).max(600).optional(),
  /** Set for standing items when the meeting is held; from then on it is what the item shows. */
  snapshot: agendaSnapshotSchema.optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;
