import { z } from 'zod';
import { MAX_SEALED_CHARS } from '../security/pii-seal';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common';

export const TOPIC_CATEGORIES = [
  'jurisdiction_dispute', // 管辖争议
  'responsibility_boundary', // 职责边界
  'case_transfer', // 案件移送
  'enforcement_assistance', // 执法协助
  'information_sharing', // 信息共享
  'joint_enforcement', // 联合执法
  'law_application', // 法律适用
  'major_case_lead', // 重大案件线索
  'work_report', // 工作汇报
  'other', // 其他
] as const;
export const topicCategorySchema = z.enum(TOPIC_CATEGORIES, { message: '请选择议题类别' });
export type TopicCategory = z.infer<typeof topicCategorySchema>;

export const TOPIC_STATES = [
  'submitted', // 待审核
  'accepted', // 已受理
  'returned', // 退回
  'merged', // 已合并
  'converted', // 转争议
  'scheduled', // 已排入议程
  'discussed', // 已上会
  'resolved', // 已议定
  'deferred', // 暂缓
  'escalated', // 提交党政联席会议
] as const;
export const topicStateSchema = z.enum(TOPIC_STATES);
export type TopicState = z.infer<typeof topicStateSchema>;

/** 投诉举报人信息 — kept in its own object, masked by default. */
export const complainantSchema = z.object({
  name: optionalText('投诉举报人姓名', 20),
  phone: optionalText('投诉举报人电话', 30),
  idNumber: optionalText('身份证号', 18),
  address: optionalText('地址', 200),
});
export type Complainant = z.infer<typeof complainantSchema>;

export const topicInputSchema = z.object({
  title: requiredText('议题名称', 100),
  submittingUnitId: idSchema,
  submitterPersonId: idSchema.optional(),
  submittedOn: isoDateSchema,
  category: topicCategorySchema,
  description: requiredText('情况说明', 5000),
  urgency: z.enum(['normal', 'urgent']),
  relatedUnitIds: z.array(idSchema).max(50),
  proposedHandling: optionalText('拟处理意见', 2000),
  complainant: complainantSchema.optional(),
});
export type TopicInput = z.infer<typeof topicInputSchema>;

export const topicSchema = recordMetaSchema.extend(topicInputSchema.shape).extend({
  state: topicStateSchema,
  returnReason: optionalText('退回原因', 500),
  mergedIntoTopicId: idSchema.optional(),
  disputeId: idSchema.optional(),
  meetingId: idSchema.optional(),
  /**
   * Stored form of the complainant (PII-1): the masked values, for lists, details and audit snapshots,
   * and the clear values sealed to the installation's public key (shared/security/pii-seal.ts). A stored
   * row never has `complainant` in clear; `complainant` is what the form sends and the masked form the
   * repository returns.
   */
  complainantMasked: complainantSchema.optional(),
  complainantSealed: z
    .string()
    .max(MAX_SEALED_CHARS)
    .regex(/^pii\d+:[A-Za-z0-9+/=]+$/, '投诉举报人信息的加密格式不正确')
    .optional(),
});
export type Topic = z.infer<typeof topicSchema>;

export const attachmentSchema = z.object({
  id: idSchema,
  ownerType: z.enum(['topic', 'dispute', 'resolution', 'progress']),
  ownerId: idSchema,
  fileName: requiredText('文件名', 200),
  mimeType: z.string().max(100),
  size: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** Blob in IndexedDB; absent in exported JSON where it is base64 elsewhere. */
  data: z.unknown().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
