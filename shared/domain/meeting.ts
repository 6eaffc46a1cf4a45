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
export const attendanceSchema = recordMetaSchema.extend({
  meetingId: idSchema,
  personId: idSchema,
  observer: z.boolean(),
  status: z.enum(ATTENDANCE_STATUSES),
  leaveReason: optionalText('请假原因', 200),
  substitutePersonId: idSchema.optional(),
  substituteName: optionalText('代会人', 20),
  signedInAt: isoDateTimeSchema.optional(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

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
