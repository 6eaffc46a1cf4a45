import Dexie from 'dexie';
import { z } from 'zod';
import {
  assertAllowed,
  DomainError,
  fieldError,
  TOPIC_STATE_LABELS,
  mergeTargetProblem,
  complainantFields,
  complainantSchema,
  disputeDraftFromTopic,
  disputeInputSchema,
  disputeSchema,
  hasComplainantData,
  idNumberProblem,
  idSchema,
  isoDateOf,
  maskedTopic,
  PHONE_RULE_TEXT,
  sealedTopic,
  topicHasComplainant,
  phoneSchema,
  topicInputSchema,
  topicSchema,
  transitionTopic,
  type Complainant,
  type Dispute,
  type Topic,
  type TopicAction,
  type TopicInput,
} from '../../../../shared/domain';
import { auditedWrite, readCurrentProfile, type AuditWriter, type DataLayerContext } from '../audited-write';
import type { PiiKeySource } from '../pii';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { TopicListFilter, TopicTriageAction, TopicsRepository } from '../types';
import { parseOrThrow, type FieldLabels } from '../validation';
import { prepareAttachment, storeAttachment, type PreparedAttachment } from './attachments';
import { DISPUTE_FIELD_LABELS, nextNumber as nextDisputeNumber } from './disputes';
import { isObject, pickInput, stripInput } from './input-patch';
import { matchesSearch, withoutUndefined } from './list-helpers';
import { createTopicPaging, topicsNewestFirst } from './topics-page';

export const TOPIC_FIELD_LABELS: FieldLabels = {
  title: '议题名称',
  submittingUnitId: '提交单位',
  submitterPersonId: '提交人',
  submittedOn: '提交日期',
  category: '议题类别',
  description: '情况说明',
  urgency: '紧急程度',
  relatedUnitIds: '相关单位',
  proposedHandling: '拟处理意见',
  'complainant.name': '投诉举报人姓名',
  'complainant.phone': '投诉举报人电话',
  'complainant.idNumber': '投诉举报人身份证号',
  'complainant.address': '投诉举报人地址',
  reason: '原因',
  intoTopicId: '合并到的议题',
  otherPartyUnitIds: '争议另一方',
};

/** The intake form's schema plus the formats of a complainant's phone and ID number. */
export const topicSubmitSchema = topicInputSchema.superRefine((v, ctx) => {
  const c = v.complainant;
  if (c?.phone && !phoneSchema.safeParse(c.phone).success) {
    ctx.addIssue({
      code: 'custom',
      path: ['complainant', 'phone'],
      message: `电话号码格式不正确（${PHONE_RULE_TEXT}）`,
    });
  }
  const idProblem = c?.idNumber ? idNumberProblem(c.idNumber) : undefined;
  if (idProblem) ctx.addIssue({ code: 'custom', path: ['complainant', 'idNumber'], message: idProblem });
});

/** The triage actions the screen sends, checked before the pure transition sees them. */
export const topicTriageActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({
    type: z.literal('return'),
    reason: z.string().trim().min(1, '请填写退回原因').max(500, '退回原因不能超过 500 个字'),
  }),
  z.object({ type: z.literal('resubmit') }),
  z.object({ type: z.literal('merge'), intoTopicId: idSchema }),
  z.object({ type: z.literal('convert'), otherPartyUnitIds: z.array(idSchema).max(20).optional() }),
  z.object({ type: z.literal('defer') }),
  z.object({ type: z.literal('escalate') }),
]);

/** States in which the submitter's text may still change (a returned topic is corrected, then resubmitted). */
const EDITABLE_STATES: readonly Topic['state'][] = ['submitted', 'returned'];
/** A survivor must still be handled as a topic of its own. */

/**
 * Topics. Every record that leaves this repository, and every audit snapshot it writes, has the
 * complainant masked (`maskedTopic`): the audit trail is append-only and travels into backups, so clear
 * personal data written there could never be taken back. At rest the clear values exist only sealed to
 * the installation's public key (`complainantSealed`, PII-1); the key is fetched before the transaction
 * (it may mean IPC or a passphrase prompt) and sealing inside it is synchronous. Only `reveal` returns the
 * clear values: it opens them through the key source, then audits the look, and hands them out only once
 * that entry is committed.
 */
export function createTopicsRepository(ctx: DataLayerContext, pii: PiiKeySource): TopicsRepository {
  const { db } = ctx;
  const today = () => isoDateOf(ctx.now());

  return {
    ...createTopicPaging(ctx),

    async list(filter = {}) {
      const [all, units] = await db.transaction('r', [db.topics, db.units], () =>
        Promise.all([readTopicCandidates(db, filter), filter.search?.trim() ? db.units.toArray() : []]),
      );
      const names = new Map(units.map((u) => [u.id, u.name]));
      const states = filter.states && filter.states.length > 0 ? new Set(filter.states) : undefined;
      return (
        all
          .filter((t) => !states || states.has(t.state))
          .filter((t) => !filter.category || t.category === filter.category)
          .filter(
            (t) => !filter.unitId || t.submittingUnitId === filter.unitId || t.relatedUnitIds.includes(filter.unitId),
          )
          .filter((t) => !filter.from || t.submittedOn >= filter.from)
          .filter((t) => !filter.to || t.submittedOn <= filter.to)
          // Never the complainant's fields: a search that finds them would reveal them by inference.
          .filter((t) =>
            matchesSearch(filter.search, [t.title, t.description, t.proposedHandling, names.get(t.submittingUnitId)]),
          )
          .sort(newestFirst)
          .map(maskedTopic)
      );
    },

    async get(id) {
      const t = await db.topics.get(id);
      return t ? maskedTopic(t) : undefined;
    },

    async submit(input, files = []) {
      const parsed = cleanInput(parseOrThrow(topicSubmitSchema, input, TOPIC_FIELD_LABELS));
      assertNotFuture(parsed.submittedOn, today());
      // Files are read and checked before the transaction opens (it would commit while a Blob is read).
      const prepared: PreparedAttachment[] = [];
      for (const f of files) prepared.push(await prepareAttachment(f));
      const publicKey = parsed.complainant ? await pii.publicKey() : undefined;
      return auditedWrite(ctx, [db.topics, db.units, db.people, db.attachments], async (audit) => {
        guard(audit, 'topic.submit');
        await assertReferences(db, parsed, undefined);
        const at = ctx.now().toISOString();
        const topic = sealedTopic(
          toRecord({ ...parsed, id: ctx.newId(), createdAt: at, updatedAt: at, state: 'submitted' }),
          publicKey,
        );
        await db.topics.add(topic);
        audit.record({
          entity: 'topic',
          entityId: topic.id,
          action: 'create',
          before: null,
          after: maskedTopic(topic),
        });
        for (const file of prepared) await storeAttachment(ctx, audit, { type: 'topic', id: topic.id }, file);
        return maskedTopic(topic);
      });
    },

    async update(id, patch) {
      const p = isObject(patch) ? patch : {};
      const replacing = 'complainant' in p;
      // Only a new complainant needs the key (fetched now: no IPC or prompt inside the transaction).
      const publicKey =
        replacing && hasComplainantData(p.complainant as Complainant | undefined) ? await pii.publicKey() : undefined;
      return auditedWrite(ctx, [db.topics, db.units, db.people], async (audit) => {
        guard(audit, 'topic.update');
        const before = await mustGet(db, id);
        if (!EDITABLE_STATES.includes(before.state)) {
          throw new DomainError(
            'invalid-transition',
            `议题处于“${TOPIC_STATE_LABELS[before.state]}”状态，不能再修改；只有待审核或退回的议题可以修改`,
          );
        }
        // The screen never holds the clear complainant data: left out, the stored (sealed) one is kept.
        const merged = {
          ...pickInput(topicInputSchema, before),
          ...p,
          complainant: replacing ? (p.complainant ?? undefined) : undefined,
        };
        const parsed = cleanInput(
          parseOrThrow(topicSubmitSchema, isObject(patch) ? merged : patch, TOPIC_FIELD_LABELS),
        );
        assertNotFuture(parsed.submittedOn, today());
        await assertReferences(db, parsed, before);
        const { complainantMasked, complainantSealed, ...kept } = stripInput(topicInputSchema, before) as Topic;
        const record = toRecord({
          ...kept,
          // Kept as stored unless replaced: then the new values (if any) are sealed below.
          ...(replacing ? {} : withoutUndefined({ complainantMasked, complainantSealed })),
          ...parsed,
          updatedAt: ctx.now().toISOString(),
        });
        const topic = replacing ? sealedTopic(record, publicKey) : record;
        await db.topics.put(topic);
        audit.record({
          entity: 'topic',
          entityId: id,
          action: 'update',
          before: maskedTopic(before),
          after: maskedTopic(topic),
        });
        return maskedTopic(topic);
      });
    },

    async act(id, action, reason) {
      const a = parseOrThrow(topicTriageActionSchema, action, TOPIC_FIELD_LABELS) as TopicTriageAction;
      const note = reason?.trim() || undefined;
      return auditedWrite(ctx, [db.topics, db.disputes, db.units], async (audit) => {
        guard(audit, `topic.${a.type}`);
        const before = await mustGet(db, id);
        let next: Topic;
        let auditReason = a.type === 'return' ? a.reason.trim() : note;
        switch (a.type) {
          case 'merge': {
            const survivor = await db.topics.get(a.intoTopicId);
            if (!survivor) throw new DomainError('not-found', '合并到的议题：找不到该议题，可能已被删除');
            const problem = mergeTargetProblem(before, survivor);
            if (problem) throw new DomainError('validation', problem);
            next = transitionTopic(before, { type: 'merge', intoTopicId: survivor.id });
            auditReason = note ?? `合并至《${survivor.title}》`;
            break;
          }
          case 'convert': {
            const disputeId = ctx.newId();
            next = transitionTopic(before, { type: 'convert', disputeId });
            const dispute = await createDispute(disputeId, before, a.otherPartyUnitIds ?? [], audit);
            auditReason = note ?? `转为争议 ${dispute.number}`;
            break;
          }
          default:
            next = transitionTopic(before, a as TopicAction);
        }
        const topic = toRecord({ ...next, updatedAt: ctx.now().toISOString() });
        await db.topics.put(topic);
        audit.record({
          entity: 'topic',
          entityId: id,
          action: 'transition',
          before: maskedTopic(before),
          after: maskedTopic(topic),
          ...(auditReason !== undefined ? { reason: auditReason } : {}),
        });
        return maskedTopic(topic);
      });
    },

    async reveal(id, reason) {
      const note = reason?.trim() || undefined;
      // 1. May this user look, and is there anything to open? (No passphrase is asked of someone refused.)
      const sealed = await db.transaction('r', [db.topics, db.settings, db.profiles], async () => {
        const actor = await readCurrentProfile(db);
        if (!actor) throw new DomainError('no-profile', '请先选择当前用户');
        assertAllowed(actor, 'topic.reveal_complainant', { reason: note ?? '' });
        return sealedComplainantOf(await mustGet(db, id));
      });
      // 2. Open it outside any transaction (IPC to main, or the passphrase in the web build).
      const clear = parseComplainant(
        await pii.open(sealed, { topicId: id, ...(note !== undefined ? { reason: note } : {}) }),
      );
      // 3. The look is audited; the values leave only once the entry is committed.
      return auditedWrite(ctx, [db.topics], async (audit) => {
        guard(audit, 'topic.reveal_complainant', { reason: note ?? '' });
        const t = await mustGet(db, id);
        if (sealedComplainantOf(t) !== sealed) {
          throw new DomainError('conflict', '投诉举报人信息刚被修改，请重新查看');
        }
        // The entry says who looked at which fields of which topic — never the values themselves.
        audit.record({
          entity: 'topic',
          entityId: id,
          action: 'reveal',
          before: null,
          after: { title: t.title, fields: complainantFields(clear) },
          ...(note !== undefined ? { reason: note } : {}),
        });
        return clear;
      });
    },
  };

  /**
   * 转为争议: the pre-filled registration, numbered like any other dispute, inside the caller's
   * transaction so the topic and its dispute exist together or not at all.
   */
  async function createDispute(
    id: string,
    topic: Topic,
    otherPartyUnitIds: readonly string[],
    audit: AuditWriter,
  ): Promise<Dispute> {
    const on = today();
    const input = parseOrThrow(
      disputeInputSchema,
      disputeDraftFromTopic(topic, { today: on, otherPartyUnitIds }),
      DISPUTE_FIELD_LABELS,
    );
    for (const unitId of input.partyUnitIds) {
      const unit = await db.units.get(unitId);
      if (!unit) throw new DomainError('not-found', '争议各方：找不到所选单位，可能已被删除');
      if (unit.archived) throw new DomainError('validation', `争议各方：“${unit.name}”已归档，不能作为争议一方`);
    }
    const at = ctx.now().toISOString();
    const dispute = withoutUndefined(
      parseOrThrow(
        disputeSchema,
        {
          ...input,
          id,
          createdAt: at,
          updatedAt: at,
          number: await nextDisputeNumber(db, on.slice(0, 4)),
          state: 'registered',
          stateSince: on,
          rounds: [],
        },
        DISPUTE_FIELD_LABELS,
      ),
    );
    await db.disputes.add(dispute);
    audit.record({
      entity: 'dispute',
      entityId: id,
      action: 'create',
      before: null,
      after: dispute,
      reason: `由议题《${topic.title}》转为争议`,
    });
    return dispute;
  }
}

/**
 * The rows a topic list filter can match, through the most selective index it names: a unit (submitting
 * or related, two index reads), the category, the states with the date range (`[state+submittedOn]`),
 * or the date range alone. The caller still applies the whole filter; only an empty filter reads every row.
 */
export async function readTopicCandidates(db: JointDeskDB, filter: TopicListFilter): Promise<Topic[]> {
  const from = filter.from ?? Dexie.minKey;
  const to = filter.to ?? Dexie.maxKey;
  if (filter.unitId) {
    const [submitted, related] = await Promise.all([
      db.topics.where('submittingUnitId').equals(filter.unitId).toArray(),
      db.topics.where('relatedUnitIds').equals(filter.unitId).toArray(),
    ]);
    const seen = new Set(submitted.map((t) => t.id));
    return [...submitted, ...related.filter((t) => !seen.has(t.id) && seen.add(t.id))];
  }
  if (filter.category) return db.topics.where('category').equals(filter.category).toArray();
  if (filter.states && filter.states.length > 0) {
    const parts = await Promise.all(
      [...new Set(filter.states)].map((s) =>
        db.topics.where('[state+submittedOn]').between([s, from], [s, to], true, true).toArray(),
      ),
    );
    return parts.flat();
  }
  if (filter.from || filter.to) return db.topics.where('submittedOn').between(from, to, true, true).toArray();
  return db.topics.toArray();
}

/** Newest submission first, then the latest entered, then id: the order topics.page reads on its indexes. */
const newestFirst = topicsNewestFirst;

function assertNotFuture(date: string, today: string): void {
  if (date > today) throw fieldError(['submittedOn'], '提交日期', '不能晚于今天');
}

/**
 * The submitting unit and person exist and belong together; units newly named are not archived
 * (ones the topic already had may have been archived since).
 */
async function assertReferences(db: JointDeskDB, input: TopicInput, before: Topic | undefined): Promise<void> {
  const known = new Set(before ? [before.submittingUnitId, ...before.relatedUnitIds] : []);
  const check = async (unitId: string, field: string, label: string) => {
    const unit = await db.units.get(unitId);
    if (!unit) throw new DomainError('not-found', `${label}：找不到所选单位，可能已被删除`);
    if (unit.archived && !known.has(unitId)) throw fieldError([field], label, `“${unit.name}”已归档，请选择其他单位`);
  };
  await check(input.submittingUnitId, 'submittingUnitId', '提交单位');
  for (const id of input.relatedUnitIds) await check(id, 'relatedUnitIds', '相关单位');
  if (input.submitterPersonId) {
    const person = await db.people.get(input.submitterPersonId);
    if (!person) throw new DomainError('not-found', '提交人：找不到所选人员，可能已被删除');
    if (person.unitId !== input.submittingUnitId)
      throw fieldError(['submitterPersonId'], '提交人', `${person.name}不是提交单位的人员`);
  }
}

/** Related units without the submitting unit or repeats; blank optional texts and complainant fields dropped. */
function cleanInput(input: TopicInput): TopicInput {
  const relatedUnitIds = [...new Set(input.relatedUnitIds)].filter((id) => id !== input.submittingUnitId);
  const complainant = input.complainant ? cleanComplainant(input.complainant) : undefined;
  return withoutUndefined({
    ...input,
    relatedUnitIds,
    proposedHandling: input.proposedHandling || undefined,
    complainant,
  });
}

function cleanComplainant(c: Complainant): Complainant | undefined {
  const out = withoutUndefined({
    name: c.name || undefined,
    phone: c.phone || undefined,
    idNumber: c.idNumber?.toUpperCase() || undefined,
    address: c.address || undefined,
  });
  return hasComplainantData(out) ? out : undefined;
}

/** Full record, checked against the stored shape so nothing malformed reaches the table. */
function toRecord(candidate: Topic): Topic {
  return withoutUndefined(parseOrThrow(topicSchema, withoutUndefined(candidate), TOPIC_FIELD_LABELS));
}

/** The sealed complainant of a stored topic, or a not-found error when it has none. */
function sealedComplainantOf(t: Topic): string {
  if (!topicHasComplainant(t) || !t.complainantSealed) {
    throw new DomainError('not-found', '该议题没有投诉举报人信息');
  }
  return t.complainantSealed;
}

/** What the key source opened, checked as a complainant (a value sealed elsewhere must still be one). */
function parseComplainant(json: string): Complainant {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = complainantSchema.safeParse(value);
  if (!parsed.success) throw new DomainError('validation', '投诉举报人信息解密后格式不正确');
  return withoutUndefined(parsed.data);
}

async function mustGet(db: JointDeskDB, id: string): Promise<Topic> {
  const t = await db.topics.get(id);
  if (!t) throw new DomainError('not-found', '找不到该议题，可能已被删除');
  return t;
}
