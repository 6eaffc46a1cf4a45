import { z } from 'zod';
import { hygienicText, idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common';

export const DISPUTE_TYPES = ['jurisdiction', 'responsibility', 'law_application', 'transfer', 'assistance'] as const;
export const DISPUTE_STATES = ['registered', 'negotiating', 'agreed', 'escalated', 'designated', 'closed'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const negotiationRoundSchema = z.object({
  date: isoDateSchema,
  participants: requiredText('参加人员', 500),
  content: requiredText('协商内容', 5000),
  outcome: optionalText('协商结果', 2000),
});
export type NegotiationRound = z.infer<typeof negotiationRoundSchema>;

export const disputeSchema = recordMetaSchema.extend({
  number: requiredText('编号', 40),
  matter: requiredText('争议事项', 200),
  type: z.enum(DISPUTE_TYPES),
  place: optionalText('地点', 200),
  partyUnitIds: z.array(idSchema).min(2, '争议各方至少两个单位'),
  positions: z.record(z.string(), z.string().max(5000)),
  firstHandlingUnitId: idSchema,
  relatedTopicId: idSchema.optional(),
  relatedMeetingId: idSchema.optional(),
  relatedCase: optionalText('关联案件', 200),
  registeredOn: isoDateSchema,
  state: z.enum(DISPUTE_STATES),
  stateSince: isoDateSchema,
  rounds: z.array(negotiationRoundSchema),
  agreement: optionalText('协商一致内容', 5000),
  agreementMeetingId: idSchema.optional(),
  escalatedOn: isoDateSchema.optional(),
  escalation: z
    .object({
      matter: z.string(),
      negotiation: z.string(),
      focus: z.string(),
      reasons: z.string(),
      /** The party that applies (any party may, 建阳 §4); the 提请协调申请 is issued in its name. */
      applicantUnitId: idSchema.optional(),
    })
    .optional(),
  decisionNumber: optionalText('决定文号', 60),
  designatedUnitId: idSchema.optional(),
  designatedOn: isoDateSchema.optional(),
  closedOn: isoDateSchema.optional(),
  reopenReason: optionalText('重新打开原因', 500),
  /** Meeting whose agenda takes this dispute up (the chair's “列入下次会议议程”). Not indexed. */
  agendaMeetingId: idSchema.optional(),
});
export type Dispute = z.infer<typeof disputeSchema>;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

/**
 * What the office enters when registering (or editing) a dispute; the data layer adds the number,
 * state and dates. Cross-field rules: distinct parties, the first-handling unit is one of them, and
 * positions are keyed by party.
 */
export const disputeInputSchema = z
  .object({
    matter: requiredText('争议事项', 200),
    type: z.enum(DISPUTE_TYPES, { error: '请选择争议类型' }),
    place: optionalText('地点', 200),
    partyUnitIds: z.array(idSchema, { error: '请选择争议各方' }).min(2, '争议各方至少两个单位'),
    positions: z.record(z.string(), hygienicText('各方意见', 5000)).default({}),
    firstHandlingUnitId: z.string({ error: '请选择先行处理单位' }).min(1, '请选择先行处理单位').max(64),
    relatedTopicId: idSchema.optional(),
    relatedMeetingId: idSchema.optional(),
    relatedCase: optionalText('关联案件', 200),
    registeredOn: isoDateSchema,
  })
  .superRefine((v, ctx) => {
    if (new Set(v.partyUnitIds).size !== v.partyUnitIds.length) {
      ctx.addIssue({ code: 'custom', path: ['partyUnitIds'], message: '争议各方不能重复选择同一单位' });
    }
    if (!v.partyUnitIds.includes(v.firstHandlingUnitId)) {
      ctx.addIssue({ code: 'custom', path: ['firstHandlingUnitId'], message: '先行处理单位必须是争议一方' });
    }
    for (const key of Object.keys(v.positions)) {
      if (!v.partyUnitIds.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['positions', key], message: '只能填写争议各方的意见' });
      }
    }
  });
export type DisputeInput = z.infer<typeof disputeInputSchema>;
