import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, recordMetaSchema, requiredText } from './common';

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
    .object({ matter: z.string(), negotiation: z.string(), focus: z.string(), reasons: z.string() })
    .optional(),
  decisionNumber: optionalText('决定文号', 60),
  designatedUnitId: idSchema.optional(),
  designatedOn: isoDateSchema.optional(),
  closedOn: isoDateSchema.optional(),
  reopenReason: optionalText('重新打开原因', 500),
});
export type Dispute = z.infer<typeof disputeSchema>;
