import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common';

/** 起草 → 送审 → 签发 → 印发 */
export const MINUTES_STATES = ['draft', 'review', 'signed', 'issued'] as const;

export const minutesSchema = recordMetaSchema.extend({
  meetingId: idSchema,
  issueNumber: z.number().int().positive().optional(), // 第×期
  state: z.enum(MINUTES_STATES),
  /** Tiptap JSON document (validated by shared/editor when that lands). */
  content: z.unknown(),
  version: z.number().int().positive(),
  issuedOn: isoDateSchema.optional(),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const minutesVersionSchema = z.object({
  id: idSchema,
  minutesId: idSchema,
  version: z.number().int().positive(),
  content: z.unknown(),
  reason: optionalText('修改原因', 500),
  createdAt: z.string(),
});
export type MinutesVersion = z.infer<typeof minutesVersionSchema>;

/** 未启动 → 办理中 → 已办结待核验 → 已核验办结; side states. 逾期 is derived, never stored. */
export const RESOLUTION_STATES = [
  'not_started',
  'in_progress',
  'done_pending_verification',
  'verified',
  'extension_requested',
  'cannot_complete',
] as const;

export const resolutionSchema = recordMetaSchema.extend({
  meetingId: idSchema,
  agendaItemId: idSchema.optional(),
  content: requiredText('议定事项内容', 2000),
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema),
  deadline: isoDateSchema.optional(),
  deadlineWorkingDays: z.number().int().positive().optional(),
  state: z.enum(RESOLUTION_STATES),
  cannotCompleteReason: optionalText('不能办结原因', 1000),
});
export type Resolution = z.infer<typeof resolutionSchema>;

/** Progress updates, reminders (催办), supervisor comments, extension requests and verification (核验). */
export const taskEventSchema = z.object({
  id: idSchema,
  resolutionId: idSchema,
  kind: z.enum(['progress', 'reminder', 'comment', 'extension', 'verification']),
  on: isoDateSchema,
  unitId: idSchema.optional(),
  personName: optionalText('人员', 20),
  text: requiredText('内容', 5000),
  newDeadline: isoDateSchema.optional(),
  approved: z.boolean().optional(),
  createdAt: z.string(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;
