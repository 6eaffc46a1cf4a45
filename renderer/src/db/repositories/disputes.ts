import Dexie from 'dexie';
import { z } from 'zod';
import { maskedTopic } from '../../../../shared/domain/topic-privacy';
import {
  HELD_OR_LATER_MEETING_STATES,
  PREPARING_MEETING_STATES,
  DEFAULT_STUCK_THRESHOLDS,
  DISPUTE_STATES,
  assessDispute,
  chairReviewRows,
  compareReviewOrder,
  DomainError,
  REVIEW_DISPUTE_STATES,
  stuckStateSinceCutoffs,
  disputeInputSchema,
  disputeSchema,
  formatChineseDate,
  idSchema,
  isoDateOf,
  isoDateSchema,
  negotiationRoundSchema,
  transitionDispute,
  type Dispute,
  type DisputeAction,
  type DisputeInput,
  type DisputeState,
  type Meeting,
  type StuckThresholds,
} from '../../../../shared/domain';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { Action } from '../../../../shared/domain/permissions';

const DISPUTE_ACTION_PERMISSION: Record<DisputeAction['type'], Action> = {
  'add-round': 'dispute.add_round',
  agree: 'dispute.agree',
  escalate: 'dispute.escalate',
  designate: 'dispute.designate',
  close: 'dispute.close',
  reopen: 'dispute.reopen',
};
import type { JointDeskDB } from '../database';
import type { DisputesRepository } from '../types';
import { parseOrThrow, type FieldLabels } from '../validation';
import { isObject, pickInput, stripInput } from './input-patch';
import { matchesSearch, withoutUndefined, zhCollator } from './list-helpers';

/** Setting key of the chair's-review thresholds. */
export const DISPUTE_THRESHOLDS_KEY = 'disputes.thresholds';

/** Audit entity id of ledger exports (entity 'system'). */
export const DISPUTE_LEDGER_EXPORT_ID = 'disputes.ledger';

/** Prefix of a new number when the office has no numbered dispute yet: 争〔2026〕1号. */
export const DEFAULT_DISPUTE_NUMBER_PREFIX = '争';

export const DISPUTE_FIELD_LABELS: FieldLabels = {
  matter: '争议事项',
  type: '争议类型',
  place: '地点',
  partyUnitIds: '争议各方',
  positions: '各方意见',
  firstHandlingUnitId: '先行处理单位',
  relatedTopicId: '关联议题',
  relatedMeetingId: '关联会议',
  relatedCase: '关联案件',
  registeredOn: '登记日期',
  'round.date': '协商日期',
  'round.participants': '参加人员',
  'round.content': '协商内容',
  'round.outcome': '协商结果',
  agreement: '协商一致内容',
  'application.matter': '争议事项',
  'application.negotiation': '协商情况',
  'application.focus': '争议焦点',
  'application.reasons': '各方理由和依据',
  decisionNumber: '决定文号',
  unitId: '指定管辖单位',
  agreementMeetingId: '记载协议的会议',
  reason: '原因',
  on: '日期',
};

const THRESHOLD_LABELS: FieldLabels = {
  registeredDays: '登记后未协商天数',
  negotiatingDays: '协商未果天数',
  sinceLastRoundDays: '距上次协商天数',
  escalatedDays: '等待指定管辖天数',
  toCloseDays: '待结案天数',
};

const days = z
  .number({ error: '请填写天数' })
  .int('天数应为整数')
  .min(1, '天数至少为 1')
  .max(3650, '天数不能超过 3650');
export const stuckThresholdsSchema = z.object({
  registeredDays: days,
  negotiatingDays: days,
  sinceLastRoundDays: days,
  escalatedDays: days,
  toCloseDays: days,
});

/** The actions the UI sends, checked before the pure transition sees them. */
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
export const disputeActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add-round'), round: negotiationRoundSchema }),
  z.object({ type: z.literal('agree'), agreement: text(5000), on: isoDateSchema }),
  z.object({
    type: z.literal('escalate'),
    on: isoDateSchema,
    application: z.object({ matter: text(500), negotiation: text(5000), focus: text(5000), reasons: text(10000) }),
    applicantUnitId: idSchema.optional(),
  }),
  z.object({ type: z.literal('designate'), decisionNumber: text(60), unitId: idSchema, on: isoDateSchema }),
  z.object({ type: z.literal('close'), on: isoDateSchema, agreementMeetingId: idSchema.optional() }),
  z.object({ type: z.literal('reopen'), reason: text(500), on: isoDateSchema }),
]);

/** Meeting states in which the meeting has been held, so its minutes can record an agreement. */
const HELD_STATES = HELD_OR_LATER_MEETING_STATES;
/** Meeting states whose agenda is still open: the “next meeting” of the chair's review. */
const UPCOMING_STATES = PREPARING_MEETING_STATES;
/** At most this many topics are offered at once by the dispute form's topic picker (search for others). */
export const TOPIC_OPTION_LIMIT = 50;
/** Every state but 已结案: the chair's review reads these through the state index. */
const OPEN_STATES = DISPUTE_STATES.filter((s) => s !== 'closed');

export function createDisputesRepository(ctx: DataLayerContext): DisputesRepository {
  const { db } = ctx;
  const today = () => isoDateOf(ctx.now());

  const repo: DisputesRepository = {
    async list(filter = {}) {
      const states = filter.states && filter.states.length > 0 ? [...new Set(filter.states)] : undefined;
      // Through the state index when states are asked for; the rest of the filter is on those rows only.
      const [all, units] = await db.transaction('r', [db.disputes, db.units], () =>
        Promise.all([
          states ? db.disputes.where('state').anyOf(states).toArray() : db.disputes.toArray(),
          filter.search ? db.units.toArray() : [],
        ]),
      );
      const names = new Map(units.map((u) => [u.id, u.name]));
      return all
        .filter((d) => !filter.type || d.type === filter.type)
        .filter((d) =>
          matchesSearch(filter.search, [
            d.number,
            d.matter,
            d.place,
            d.relatedCase,
            ...d.partyUnitIds.map((id) => names.get(id)),
          ]),
        )
        .sort(newestFirst);
    },

    async page(filter, { offset, limit }, order = 'newest') {
      const filtered = (filter.states?.length ?? 0) > 0 || filter.type !== undefined || !!filter.search;
      if (filtered || order === 'rounds-asc' || order === 'rounds-desc') {
        const all = await repo.list(filter);
        if (order === 'oldest') all.reverse();
        else if (order !== 'newest') {
          const sign = order === 'rounds-asc' ? 1 : -1;
          // Stable: equal rounds keep the list's order (newest first).
          all.sort((a, b) => sign * (a.rounds.length - b.rounds.length));
        }
        return { rows: all.slice(offset, offset + limit), total: all.length };
      }
      return db.transaction('r', [db.disputes], () => registeredPage(db, offset, limit, order === 'oldest'));
    },

    async stateCounts() {
      const counts = await db.transaction('r', [db.disputes], () =>
        Promise.all(DISPUTE_STATES.map((s) => db.disputes.where('state').equals(s).count())),
      );
      return Object.fromEntries(DISPUTE_STATES.map((s, i) => [s, counts[i] ?? 0])) as Record<DisputeState, number>;
    },

    get: (id) => db.disputes.get(id),

    async review() {
      const [open, row] = await db.transaction('r', [db.disputes, db.settings], () =>
        Promise.all([db.disputes.where('state').anyOf(OPEN_STATES).toArray(), db.settings.get(DISPUTE_THRESHOLDS_KEY)]),
      );
      const on = today();
      const thresholds = readThresholds(row?.value);
      return { today: on, thresholds, ...chairReviewRows(open, on, thresholds) };
    },

    async reviewPage({ offset, limit }) {
      const on = today();
      const { rows, total, stuck, thresholds } = await db.transaction('r', [db.disputes, db.settings], async () => {
        const thresholds = readThresholds((await db.settings.get(DISPUTE_THRESHOLDS_KEY))?.value);
        const [order, stuck] = await Promise.all([openInReviewOrder(db), countStuck(db, on, thresholds)]);
        const ids = order.slice(offset, offset + Math.max(0, limit)).map((k) => k.id);
        const rows = (await db.disputes.bulkGet(ids)).filter((d): d is Dispute => d !== undefined);
        return { rows, total: order.length, stuck, thresholds };
      });
      // Only the page's rows are assessed (the stuck count came from the index).
      return {
        today: on,
        thresholds,
        rows: rows.map((dispute) => ({ dispute, assessment: assessDispute(dispute, on, thresholds) })),
        total,
        stuck,
      };
    },

    async register(input) {
      const parsed = parseOrThrow(disputeInputSchema, input, DISPUTE_FIELD_LABELS);
      assertNotFuture(parsed.registeredOn, today(), '登记日期');
      return auditedWrite(ctx, [db.disputes, db.units, db.meetings, db.topics], async (audit) => {
        guard(audit, 'dispute.register');
        await assertReferences(db, parsed, []);
        const at = ctx.now().toISOString();
        const dispute = toRecord({
          ...cleanInput(parsed),
          id: ctx.newId(),
          createdAt: at,
          updatedAt: at,
          number: await nextNumber(db, parsed.registeredOn.slice(0, 4)),
          state: 'registered',
          stateSince: parsed.registeredOn,
          rounds: [],
        });
        await db.disputes.add(dispute);
        audit.record({ entity: 'dispute', entityId: dispute.id, action: 'create', before: null, after: dispute });
        return dispute;
      });
    },

    async update(id, patch) {
      return auditedWrite(ctx, [db.disputes, db.units, db.meetings, db.topics], async (audit) => {
        guard(audit, 'dispute.update');
        const before = await mustGet(db, id);
        if (before.state === 'closed')
          throw new DomainError('invalid-transition', '已结案的争议不能修改，如需更正请先重新打开');
        const merged = { ...pickInput(disputeInputSchema, before), ...(isObject(patch) ? patch : {}) };
        const parsed = parseOrThrow(disputeInputSchema, merged, DISPUTE_FIELD_LABELS);
        assertNotFuture(parsed.registeredOn, today(), '登记日期');
        const firstRound = before.rounds[0];
        if (firstRound && parsed.registeredOn > firstRound.date) {
          throw new DomainError('validation', '登记日期：不能晚于第一次协商日期');
        }
        await assertReferences(db, parsed, before.partyUnitIds);
        const dispute = toRecord({
          ...stripInput(disputeInputSchema, before),
          ...cleanInput(parsed),
          // A dispute still only registered has been in that state since its registration date.
          stateSince: before.state === 'registered' ? parsed.registeredOn : before.stateSince,
          updatedAt: ctx.now().toISOString(),
        });
        await db.disputes.put(dispute);
        audit.record({ entity: 'dispute', entityId: id, action: 'update', before, after: dispute });
        return dispute;
      });
    },

    async act(id, action, reason) {
      const parsedAction = parseOrThrow(disputeActionSchema, action, DISPUTE_FIELD_LABELS) as DisputeAction;
      const on = parsedAction.type === 'add-round' ? parsedAction.round.date : parsedAction.on;
      assertNotFuture(on, today(), '日期');
      const auditReason = (parsedAction.type === 'reopen' ? parsedAction.reason : reason)?.trim() || undefined;
      return auditedWrite(ctx, [db.disputes, db.units, db.meetings], async (audit) => {
        guard(audit, DISPUTE_ACTION_PERMISSION[parsedAction.type]);
        const before = await mustGet(db, id);
        const next = transitionDispute(before, parsedAction);
        if (parsedAction.type !== 'add-round') {
          // A step cannot predate the state it leaves or the last negotiation round.
          const lastRound = before.rounds[before.rounds.length - 1]?.date ?? before.registeredOn;
          const floor = lastRound > before.stateSince ? lastRound : before.stateSince;
          if (on < floor) throw new DomainError('validation', `日期：不能早于${formatChineseDate(floor)}`);
        }
        if (parsedAction.type === 'designate') {
          const unit = await db.units.get(parsedAction.unitId);
          if (!unit) throw new DomainError('not-found', '指定管辖单位：找不到该单位');
        }
        if (next.state === 'closed' && before.state === 'agreed') {
          await assertMinutesMeeting(db, next.agreementMeetingId);
        }
        const dispute = toRecord({ ...next, updatedAt: ctx.now().toISOString() });
        await db.disputes.put(dispute);
        audit.record({
          entity: 'dispute',
          entityId: id,
          action: 'transition',
          before,
          after: dispute,
          ...(auditReason !== undefined ? { reason: auditReason } : {}),
        });
        return dispute;
      });
    },

    nextMeeting: (on) => db.transaction('r', [db.meetings], () => findNextMeeting(db, on ?? today())),

    async putOnAgenda(id, meetingId) {
      return auditedWrite(ctx, [db.disputes, db.meetings], async (audit) => {
        guard(audit, 'dispute.put_on_agenda');
        const before = await mustGetOpen(db, id);
        const meeting = await db.meetings.get(meetingId);
        if (!meeting) throw new DomainError('not-found', '找不到该会议，可能已被删除');
        if (!UPCOMING_STATES.includes(meeting.state)) {
          throw new DomainError('invalid-transition', '只能列入筹备中或已通知、尚未召开的会议议程');
        }
        return { dispute: await assignAgenda(before, meeting, audit), meeting };
      });
    },

    async putOnNextAgenda(id) {
      return auditedWrite(ctx, [db.disputes, db.meetings], async (audit) => {
        guard(audit, 'dispute.put_on_agenda');
        const before = await mustGetOpen(db, id);
        const meeting = await findNextMeeting(db, today());
        if (!meeting) {
          throw new DomainError(
            'not-found',
            '没有待召开的会议（筹备中或已通知、会议日期不早于今天）。请先在“会议”中新建下次会议，再列入议程',
          );
        }
        return { dispute: await assignAgenda(before, meeting, audit), meeting };
      });
    },

    async onAgenda(meetingId) {
      const on = await db.disputes.where('agendaMeetingId').equals(meetingId).toArray();
      return on.filter((d) => d.state !== 'closed').sort(oldestFirst);
    },

    async lookups() {
      // Meetings only (tens a year): topics are looked up by id or searched (topicOptions), never all loaded.
      const meetings = await db.meetings.orderBy('startsAt').reverse().toArray();
      return { meetings };
    },

    async topicOptions(query = {}) {
      return db.transaction('r', [db.topics], async () => {
        const term = query.search?.trim().toLocaleLowerCase('zh-CN');
        // Newest first through the submittedOn index; the cursor stops at the limit.
        const found = await db.topics
          .orderBy('submittedOn')
          .reverse()
          .filter((t) => !term || t.title.toLocaleLowerCase('zh-CN').includes(term))
          .limit(TOPIC_OPTION_LIMIT)
          .toArray();
        const chosen =
          query.includeId && !found.some((t) => t.id === query.includeId)
            ? await db.topics.get(query.includeId)
            : undefined;
        // Only id and title leave: no complainant data in a picker.
        return [...(chosen ? [chosen] : []), ...found].map((t) => ({ id: t.id, title: maskedTopic(t).title }));
      });
    },

    async recordExport(target, fileName) {
      return auditedWrite(ctx, [db.disputes], async (audit) => {
        if (target === 'ledger') {
          const count = await db.disputes.count();
          audit.record({
            entity: 'system',
            entityId: DISPUTE_LEDGER_EXPORT_ID,
            action: 'export',
            before: null,
            after: { document: '执法争议台账', fileName, rows: count },
          });
          return;
        }
        const d = await mustGet(db, target.disputeId);
        audit.record({
          entity: 'dispute',
          entityId: d.id,
          action: 'export',
          before: null,
          after: { document: '提请协调申请', fileName, number: d.number, state: d.state },
        });
      });
    },

    async thresholds() {
      const row = await db.settings.get(DISPUTE_THRESHOLDS_KEY);
      return readThresholds(row?.value);
    },

    async setThresholds(input) {
      const parsed = parseOrThrow(stuckThresholdsSchema, input, THRESHOLD_LABELS);
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'dispute.thresholds');
        const row = await db.settings.get(DISPUTE_THRESHOLDS_KEY);
        const before = readThresholds(row?.value);
        await db.settings.put({ key: DISPUTE_THRESHOLDS_KEY, value: parsed });
        audit.record({ entity: 'settings', entityId: DISPUTE_THRESHOLDS_KEY, action: 'update', before, after: parsed });
        return parsed;
      });
    },
  };
  return repo;

  /** Both agenda paths write and word the change the same way; a repeat is a no-op. */
  async function assignAgenda(before: Dispute, meeting: Meeting, audit: AuditWriter): Promise<Dispute> {
    if (before.agendaMeetingId === meeting.id) return before;
    const dispute = toRecord({ ...before, agendaMeetingId: meeting.id, updatedAt: ctx.now().toISOString() });
    await db.disputes.put(dispute);
    audit.record({
      entity: 'dispute',
      entityId: dispute.id,
      action: 'update',
      before,
      after: dispute,
      reason: '列入会议议程',
    });
    return dispute;
  }
}

/** Registration order, newest first: the list screen's order. */
function newestFirst(a: Dispute, b: Dispute): number {
  return b.registeredOn.localeCompare(a.registeredOn) || zhCollator.compare(b.number, a.number);
}

function oldestFirst(a: Dispute, b: Dispute): number {
  return -newestFirst(a, b);
}

/**
 * Rows `offset`… of all disputes by registration (newest first, or oldest with `oldest`), exactly as `list()`
 * orders them, reading only the page: the index gives the registration days at the page's two ends; every row of
 * those days and between is read (the page and its ties, which list() orders by number) and sorted, and the rows
 * before the newer end's day are counted on the index.
 */
async function registeredPage(
  db: JointDeskDB,
  offset: number,
  limit: number,
  oldest: boolean,
): Promise<{ rows: Dispute[]; total: number }> {
  const byDay = () => (oldest ? db.disputes.orderBy('registeredOn') : db.disputes.orderBy('registeredOn').reverse());
  const [total, days] = await Promise.all([
    db.disputes.count(),
    limit > 0 ? byDay().offset(offset).limit(limit).keys() : Promise.resolve([]),
  ]);
  const first = days[0] as string | undefined;
  const last = days.at(-1) as string | undefined;
  if (first === undefined || last === undefined) return { rows: [], total };
  const [lo, hi] = oldest ? [first, last] : [last, first];
  const [span, before] = await Promise.all([
    db.disputes.where('registeredOn').between(lo, hi, true, true).toArray(),
    oldest ? db.disputes.where('registeredOn').below(lo).count() : db.disputes.where('registeredOn').above(hi).count(),
  ]);
  span.sort(oldest ? oldestFirst : newestFirst);
  return { rows: span.slice(offset - before, offset - before + limit), total };
}

/**
 * Every open dispute's id in the chair's review order (registration day, then number: compareReviewOrder, as
 * openDisputesByAge), from the keys of the `[state+registeredOn+number]` index alone — no row is read.
 */
async function openInReviewOrder(db: JointDeskDB): Promise<{ id: string; registeredOn: string; number: string }[]> {
  const perState = await Promise.all(
    REVIEW_DISPUTE_STATES.map(async (s) => {
      const range = db.disputes
        .where('[state+registeredOn+number]')
        .between([s, Dexie.minKey, Dexie.minKey], [s, Dexie.maxKey, Dexie.maxKey]);
      const [keys, ids] = await Promise.all([range.keys(), range.primaryKeys()]);
      return keys.map((k, i) => {
        const [, registeredOn, number] = k as unknown as [string, string, string];
        return { id: ids[i] as string, registeredOn, number };
      });
    }),
  );
  return perState.flat().sort(compareReviewOrder);
}

/**
 * How many open disputes are stuck on `today`, counted on the `[state+stateSince]` index (stuckStateSinceCutoffs):
 * per state, those in it since before the cutoff; of the negotiating ones in it more recently, the rows are read
 * (a recent state, so few) and assessed, since a last round that is too old also makes one stuck.
 */
async function countStuck(db: JointDeskDB, today: string, t: StuckThresholds): Promise<number> {
  const { cutoffs, alsoStuckOnRounds } = stuckStateSinceCutoffs(today, t);
  const index = db.disputes.where('[state+stateSince]');
  const [counts, recent] = await Promise.all([
    Promise.all(
      REVIEW_DISPUTE_STATES.map((s) => index.between([s, Dexie.minKey], [s, cutoffs[s]], true, false).count()),
    ),
    index
      .between([alsoStuckOnRounds, cutoffs[alsoStuckOnRounds]], [alsoStuckOnRounds, Dexie.maxKey], true, true)
      .toArray(),
  ]);
  const byRounds = recent.filter((d) => assessDispute(d, today, t).stuck).length;
  return counts.reduce((n, c) => n + c, 0) + byRounds;
}

function readThresholds(value: unknown): StuckThresholds {
  const merged = { ...DEFAULT_STUCK_THRESHOLDS, ...(isObject(value) ? value : {}) };
  const r = stuckThresholdsSchema.safeParse(merged);
  return r.success ? r.data : { ...DEFAULT_STUCK_THRESHOLDS };
}

/** Earliest meeting still to be held (planning or notified) on or after `on`. */
async function findNextMeeting(db: JointDeskDB, on: string): Promise<Meeting | undefined> {
  return db.meetings
    .where('startsAt')
    .aboveOrEqual(on)
    .filter((m) => UPCOMING_STATES.includes(m.state) && m.startsAt.slice(0, 10) >= on)
    .first();
}

const NUMBER_PATTERN = /^(.*)〔(\d{4})〕(\d+)号$/u;

/**
 * 争〔2026〕N号: N continues the year's highest number. The prefix follows the office's latest numbered
 * dispute (demo data and earlier records may use their own, e.g. 城关执争), so a register stays uniform.
 */
export async function nextNumber(db: JointDeskDB, year: string): Promise<string> {
  const all = await db.disputes.toArray();
  let max = 0;
  let prefix = DEFAULT_DISPUTE_NUMBER_PREFIX;
  let latest = '';
  for (const d of all) {
    const m = NUMBER_PATTERN.exec(d.number);
    if (!m) continue;
    if (m[2] === year) max = Math.max(max, Number(m[3]));
    if (d.createdAt >= latest && m[1]) {
      latest = d.createdAt;
      prefix = m[1];
    }
  }
  return `${prefix}〔${year}〕${max + 1}号`;
}

/** Parties exist (new ones not archived); related topic and meeting exist. */
async function assertReferences(
  db: JointDeskDB,
  input: DisputeInput,
  previousParties: readonly string[],
): Promise<void> {
  for (const id of input.partyUnitIds) {
    const unit = await db.units.get(id);
    if (!unit) throw new DomainError('not-found', '争议各方：找不到所选单位，可能已被删除');
    if (unit.archived && !previousParties.includes(id)) {
      throw new DomainError('validation', `争议各方：“${unit.name}”已归档，不能作为争议一方`);
    }
  }
  if (input.relatedTopicId && !(await db.topics.get(input.relatedTopicId))) {
    throw new DomainError('not-found', '关联议题：找不到该议题');
  }
  if (input.relatedMeetingId && !(await db.meetings.get(input.relatedMeetingId))) {
    throw new DomainError('not-found', '关联会议：找不到该会议');
  }
}

/** Closing an agreed dispute needs the meeting whose minutes record the agreement — one that was held. */
async function assertMinutesMeeting(db: JointDeskDB, meetingId: string | undefined): Promise<void> {
  if (!meetingId) throw new DomainError('invalid-transition', '协商一致的争议须关联记载该协议的会议纪要后才能结案');
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new DomainError('not-found', '记载协议的会议：找不到该会议');
  if (!HELD_STATES.includes(meeting.state)) {
    throw new DomainError('validation', '记载协议的会议：该会议尚未召开，没有会议纪要可以记载协议');
  }
}

function assertNotFuture(date: string, today: string, label: string): void {
  if (date > today) throw new DomainError('validation', `${label}：不能晚于今天`);
}

async function mustGet(db: JointDeskDB, id: string): Promise<Dispute> {
  const d = await db.disputes.get(id);
  if (!d) throw new DomainError('not-found', '找不到该争议，可能已被删除');
  return d;
}

async function mustGetOpen(db: JointDeskDB, id: string): Promise<Dispute> {
  const d = await mustGet(db, id);
  if (d.state === 'closed') throw new DomainError('invalid-transition', '已结案的争议无需列入会议议程');
  return d;
}

/** Positions only for parties, without blanks, so the record holds what the parties said. */
function cleanInput(input: DisputeInput): DisputeInput {
  const positions = Object.fromEntries(
    Object.entries(input.positions).filter(([k, v]) => input.partyUnitIds.includes(k) && v.trim() !== ''),
  );
  return { ...input, positions };
}

/** Full record, checked against the stored shape so nothing malformed reaches the table. */
function toRecord(candidate: Dispute): Dispute {
  return withoutUndefined(parseOrThrow(disputeSchema, candidate, DISPUTE_FIELD_LABELS));
}
