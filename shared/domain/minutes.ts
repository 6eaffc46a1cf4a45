import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, recordMetaSchema, requiredText } from './common';

/** 起草 → 送审 → 签发 → 印发 (送审 may be 退回修改 back to 起草, with a comment). */
export const MINUTES_STATES = ['draft', 'review', 'signed', 'issued'] as const;
export const minutesStateSchema = z.enum(MINUTES_STATES);
export type MinutesState = z.infer<typeof minutesStateSchema>;

/** Minutes states in which the text may still be edited (退回修改 returns to 'draft'). */
export const MINUTES_EDITABLE_STATES: readonly MinutesState[] = ['draft'];

/** A reviewer's comment when returning minutes (退回修改) or a chair's note at sign-off. */
export const minutesCommentSchema = z.object({
  on: isoDateTimeSchema,
  byProfileId: idSchema,
  byName: z.string(),
  text: requiredText('意见', 2000),
  kind: z.enum(['return', 'sign', 'correction']),
});
export type MinutesComment = z.infer<typeof minutesCommentSchema>;

export const minutesSchema = recordMetaSchema.extend({
  meetingId: idSchema,
  /** 第×期, numbered per `issueYear`; fixed at 印发. */
  issueNumber: z.number().int().positive().optional(),
  issueYear: z.number().int().optional(),
  state: minutesStateSchema,
  /** Tiptap JSON document (MinutesDoc, validated by shared/editor/schema.ts). */
  content: z.unknown(),
  /** Current version number (a MinutesVersion row exists for each). */
  version: z.number().int().positive(),
  /** SHA-256 (hex) of the canonical JSON of `content`: audited instead of a copy per keystroke. */
  contentHash: z.string().optional(),
  signedByProfileId: idSchema.optional(),
  signedByName: z.string().optional(),
  signedOn: isoDateSchema.optional(),
  issuedOn: isoDateSchema.optional(),
  comments: z.array(minutesCommentSchema).optional(),
  /** Set after issuance when a corrected version is being prepared/re-issued. */
  correctionReason: optionalText('更正原因', 500),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const minutesVersionSchema = z.object({
  id: idSchema,
  minutesId: idSchema,
  version: z.number().int().positive(),
  content: z.unknown(),
  contentHash: z.string().optional(),
  /** Why the version was made: 'state' (a state change), 'manual' (保存版本), 'restore', 'correction'. */
  cause: z.enum(['created', 'state', 'manual', 'restore', 'correction']).optional(),
  /** Short human summary (e.g. "送审", "恢复自第 3 版"). */
  summary: optionalText('摘要', 200),
  reason: optionalText('修改原因', 500),
  authorProfileId: idSchema.optional(),
  authorName: z.string().optional(),
  /** Minutes state when the version was taken. */
  state: minutesStateSchema.optional(),
  createdAt: z.string(),
});
export type MinutesVersion = z.infer<typeof minutesVersionSchema>;

/**
 * Resolution main states. 'draft' = a 议定事项 in minutes not yet issued (not a task yet);
 * 未启动 → 办理中 → 已办结待核验 → 已核验办结 after issuance. Extension requests and
 * cannot-complete are side records (never overwrite the main state); 逾期 is derived, never stored.
 */
export const RESOLUTION_STATES = [
  'draft',
  'not_started',
  'in_progress',
  'done_pending_verification',
  'verified',
] as const;
export const resolutionStateSchema = z.enum(RESOLUTION_STATES);
export type ResolutionState = z.infer<typeof resolutionStateSchema>;

/** "Open" resolution (a follow-up task not yet verified): the one definition everyone imports. */
export const OPEN_RESOLUTION_STATES: readonly ResolutionState[] = [
  'not_started',
  'in_progress',
  'done_pending_verification',
];
export function isOpenResolution(r: { state: ResolutionState }): boolean {
  return OPEN_RESOLUTION_STATES.includes(r.state);
}

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({
    kind: z.literal('working_days'),
    days: z.number().int().min(1, '工作日数至少为 1').max(365, '工作日数不能超过 365'),
  }),
]);

/** 延期申请: pending, then approved (with the new deadline) or refused. */
export const extensionRequestSchema = z.object({
  state: z.enum(['pending', 'approved', 'refused']),
  requestedOn: isoDateSchema,
  proposedDeadline: isoDateSchema,
  reason: requiredText('延期原因', 1000),
  decidedOn: isoDateSchema.optional(),
  decidedByName: z.string().optional(),
  decisionNote: optionalText('审批意见', 1000),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/** 不能办结: the reason, and whether it was escalated (提交党政联席会议). */
export const cannotCompleteSchema = z.object({
  reason: requiredText('不能办结原因', 1000),
  on: isoDateSchema,
  escalated: z.boolean(),
  escalatedOn: isoDateSchema.optional(),
});
export type CannotComplete = z.infer<typeof cannotCompleteSchema>;

export const resolutionSchema = recordMetaSchema
  .extend({
    meetingId: idSchema,
    /** The minutes whose node this record mirrors (absent only for records migrated without minutes). */
    minutesId: idSchema.optional(),
    agendaItemId: idSchema.optional(),
    /** May be empty only while 'draft' (a node the office has not filled in yet); required from 印发 on. */
    content: z.string().trim().max(2000, '议定事项内容不能超过 2000 个字'),
    /** Empty only while 'draft' (牵头单位 not chosen yet). */
    leadUnitId: z.string().max(64, '编号过长'),
    coUnitIds: z.array(idSchema),
    /** The rule as written in the minutes. */
    deadlineRule: deadlineRuleSchema.optional(),
    /** The computed due date (set at issuance for working-day rules); extensions move it. */
    deadline: isoDateSchema.optional(),
    /** Computed beyond the known holiday calendar (Mon–Fri assumed): shown as 暂定. */
    deadlineProvisional: z.boolean().optional(),
    /** Legacy v1 field: N working days after issuance (kept for old rows; deadlineRule is the source). */
    deadlineWorkingDays: z.number().int().positive().optional(),
    feedback: optionalText('反馈要求', 500),
    state: resolutionStateSchema,
    extension: extensionRequestSchema.optional(),
    cannotComplete: cannotCompleteSchema.optional(),
    /** Set when the minutes are issued (the task exists from then). */
    issuedOn: isoDateSchema.optional(),
    /** Legacy v1 field (moved into cannotComplete by the v2 upgrade). */
    cannotCompleteReason: optionalText('不能办结原因', 1000),
  })
  .superRefine((r, issue) => {
    if (r.state === 'draft') return;
    if (!r.content) issue.addIssue({ code: 'custom', path: ['content'], message: '请填写议定事项内容' });
    if (!r.leadUnitId) issue.addIssue({ code: 'custom', path: ['leadUnitId'], message: '请选择牵头单位' });
  });
export type Resolution = z.infer<typeof resolutionSchema>;

/** Progress updates, reminders (催办), supervisor comments, extension requests and verification (核验). */
export const taskEventSchema = z.object({
  id: idSchema,
  resolutionId: idSchema,
  kind: z.enum([
    'progress',
    'reminder',
    'comment',
    'extension',
    'verification',
    'deadline_change',
    'completion',
    'cannot_complete',
  ]),
  on: isoDateSchema,
  unitId: idSchema.optional(),
  personName: optionalText('人员', 20),
  text: requiredText('内容', 5000),
  newDeadline: isoDateSchema.optional(),
  approved: z.boolean().optional(),
  percent: z.number().int().min(0).max(100).optional(),
  /** 催办: the 督办通知单 number (per year) issued with the reminder. */
  notice: z.object({ year: z.number().int(), number: z.number().int().positive() }).optional(),
  /**
   * Recorded from a member unit's 督办事项反馈表 (.xlsx): form id + task id + content hash of the row, so a
   * re-imported form records nothing twice (shared/import/feedback-form.ts). Looked up per task through
   * [resolutionId+on], so no index of its own.
   */
  importKey: z.string().min(1).max(160).optional(),
  createdAt: z.string(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;
