import { z } from 'zod';
import {
  DomainError,
  TOPIC_STATE_LABELS,
  agendaBacklog,
  agendaItemSchema,
  deferredFromMeeting,
  proposeStandingItems,
  requiredText,
  type AgendaItem,
  type Meeting,
  type Topic,
} from '../../../../shared/domain';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { AgendaProposals, AgendaRepository, BacklogEntry, StandingAgendaKind } from '../types';
import { parseOrThrow, type FieldLabels } from '../validation';
import { withoutUndefined } from './list-helpers';
import { readStandingSource, readingMoment, rowsInStates, standingViews } from './agenda-standing';
import { assertPreparing, mustGetMeeting } from './meetings';
import { writeTopicTransition } from './topic-transition';

const LABELS: FieldLabels = {
  title: '议程事项',
  presenterUnitId: '汇报单位',
  minutes: '时长',
  kind: '议程类型',
};

/** Usual titles of standing items the office adds by hand (the proposals carry their own). */
export const STANDING_TITLES: Record<Exclude<StandingAgendaKind, 'other'>, string> = {
  last_resolutions: '上次会议议定事项落实情况通报',
  disputes_review: '研究未结执法争议',
  instructions: '传达上级有关会议和文件精神',
  summary: '阶段性工作总结及下阶段工作部署',
};

/**
 * Where an item usually sits: instructions first, then the report on the last meeting's resolutions,
 * the topics, the disputes review, and the summary last. A new item goes after the last item of its rank
 * or lower, so the agenda comes out in the customary order without the office dragging every item.
 */
const RANK: Record<AgendaItem['kind'], number> = {
  instructions: 0,
  last_resolutions: 1,
  topic: 2,
  disputes_review: 3,
  other: 3,
  summary: 4,
};

const standingKindSchema = z.enum(['last_resolutions', 'disputes_review', 'instructions', 'summary', 'other'], {
  message: '请选择议程类型',
});
const patchSchema = z.object({
  title: requiredText('议程事项', 200).optional(),
  presenterUnitId: z.string().min(1).max(64).nullable().optional(),
  minutes: z
    .number({ error: '时长应为分钟数' })
    .int('时长应为整数分钟')
    .min(0, '时长不能为负数')
    .max(600, '时长不能超过 600 分钟')
    .nullable()
    .optional(),
});
const idsSchema = z.array(z.string().min(1).max(64)).max(500);

/** The topic states the proposals draw on: 暂缓 (carried over) and 已受理 (the backlog). */
const PROPOSAL_TOPIC_STATES: readonly Topic['state'][] = ['deferred', 'accepted'];

export function createAgendaRepository(ctx: DataLayerContext): AgendaRepository {
  const { db } = ctx;
  const readTables = [
    db.agendaItems,
    db.meetings,
    db.topics,
    db.resolutions,
    db.taskEvents,
    db.minutes,
    db.units,
    db.disputes,
  ];
  const writeTables = readTables;

  return {
    list: (meetingId) => db.transaction('r', [db.agendaItems], () => itemsOf(db, meetingId)),

    proposals: (meetingId) =>
      db.transaction('r', readTables, async () => computeProposals(db, await mustGetMeeting(db, meetingId))),

    async addTopic(meetingId, topicId) {
      return auditedWrite(ctx, writeTables, async (audit) => {
        guard(audit, 'agenda.edit');
        const meeting = await mustGetMeeting(db, meetingId);
        assertPreparing(meeting, '调整议程');
        const before = await db.topics.get(topicId);
        if (!before) throw new DomainError('not-found', '找不到该议题，可能已被删除');
        if (before.state !== 'accepted' && before.state !== 'deferred') {
          throw new DomainError(
            'invalid-transition',
            `议题“${before.title}”处于“${TOPIC_STATE_LABELS[before.state]}”状态，只有已受理或暂缓的议题可以排入议程`,
          );
        }
        const topic = await writeTopicTransition(ctx, audit, before, { type: 'schedule', meetingId }, '排入议程');
        return insertItem(audit, meetingId, {
          kind: 'topic',
          title: topic.title,
          topicId: topic.id,
          // The submitting unit usually reports its own topic; the office can change it.
          presenterUnitId: topic.submittingUnitId,
        });
      });
    },

    async addStanding(meetingId, kind, title) {
      const k = parseOrThrow(standingKindSchema, kind, LABELS);
      const given = title === undefined ? undefined : parseOrThrow(requiredText('议程事项', 200), title, LABELS);
      if (k === 'other' && !given) throw new DomainError('validation', '请填写议程事项');
      return auditedWrite(ctx, writeTables, async (audit) => {
        guard(audit, 'agenda.edit');
        const meeting = await mustGetMeeting(db, meetingId);
        assertPreparing(meeting, '调整议程');
        const items = await itemsOf(db, meetingId);
        if ((k === 'last_resolutions' || k === 'disputes_review') && items.some((i) => i.kind === k)) {
          throw new DomainError('conflict', '议程中已有该事项');
        }
        let defaultTitle = k === 'other' ? '' : STANDING_TITLES[k];
        if (k === 'last_resolutions' || k === 'disputes_review') {
          const proposal = (await computeProposals(db, meeting)).standing.find((s) => s.kind === k);
          if (proposal) defaultTitle = proposal.title;
        }
        return insertItem(audit, meetingId, { kind: k, title: given ?? defaultTitle }, items);
      });
    },

    async remove(id) {
      return auditedWrite(ctx, writeTables, async (audit) => {
        guard(audit, 'agenda.edit');
        const before = await mustGetItem(db, id);
        const meeting = await mustGetMeeting(db, before.meetingId);
        assertPreparing(meeting, '调整议程');
        if (before.kind === 'last_resolutions') {
          const { resolutions } = await computeProposals(db, meeting);
          if (resolutions.open > 0) {
            throw new DomainError(
              'validation',
              `还有 ${resolutions.open} 项议定事项未办结，“${before.title}”是必备议程，不能删除`,
            );
          }
        }
        await db.agendaItems.delete(id);
        audit.record({ entity: 'agendaItem', entityId: id, action: 'delete', before, after: null });
        if (before.topicId) await unschedule(audit, before.topicId, before.meetingId);
      });
    },

    async reorder(meetingId, orderedIds) {
      const ids = parseOrThrow(idsSchema, orderedIds, LABELS);
      return auditedWrite(ctx, writeTables, async (audit) => {
        guard(audit, 'agenda.edit');
        assertPreparing(await mustGetMeeting(db, meetingId), '调整议程');
        const items = await itemsOf(db, meetingId);
        const byId = new Map(items.map((i) => [i.id, i]));
        if (ids.length !== items.length || new Set(ids).size !== ids.length || ids.some((i) => !byId.has(i))) {
          throw new DomainError('conflict', '议程已被修改，请刷新后重新排序');
        }
        const out: AgendaItem[] = [];
        for (const [order, itemId] of ids.entries()) {
          const before = byId.get(itemId)!;
          out.push(before.order === order ? before : await putItem(audit, before, { order }));
        }
        return out;
      });
    },

    async update(id, patch) {
      const p = parseOrThrow(patchSchema, patch, LABELS);
      return auditedWrite(ctx, writeTables, async (audit) => {
        guard(audit, 'agenda.edit');
        const before = await mustGetItem(db, id);
        assertPreparing(await mustGetMeeting(db, before.meetingId), '调整议程');
        if (p.presenterUnitId) {
          const unit = await db.units.get(p.presenterUnitId);
          if (!unit) throw new DomainError('not-found', '汇报单位：找不到该单位，可能已被删除');
          if (unit.archived && unit.id !== before.presenterUnitId) {
            throw new DomainError('validation', `汇报单位：“${unit.name}”已归档，请选择其他单位`);
          }
        }
        const next: Partial<AgendaItem> = {};
        if (p.title !== undefined) next.title = p.title;
        if (p.presenterUnitId !== undefined) next.presenterUnitId = p.presenterUnitId ?? undefined;
        if (p.minutes !== undefined) next.minutes = p.minutes ?? undefined;
        return putItem(audit, before, next);
      });
    },
  };

  /** Writes `before` with `change`, audited; unchanged items are not written. */
  async function putItem(audit: AuditWriter, before: AgendaItem, change: Partial<AgendaItem>): Promise<AgendaItem> {
    const candidate = { ...before, ...change };
    if (JSON.stringify(withoutUndefined(candidate)) === JSON.stringify(before)) return before;
    const item = toRecord({ ...candidate, updatedAt: ctx.now().toISOString() });
    await db.agendaItems.put(item);
    audit.record({ entity: 'agendaItem', entityId: item.id, action: 'update', before, after: item });
    return item;
  }

  /** Adds an item at its customary place, moving the items after it down by one (each move audited). */
  async function insertItem(
    audit: AuditWriter,
    meetingId: string,
    fields: Pick<AgendaItem, 'kind' | 'title'> & Partial<Pick<AgendaItem, 'topicId' | 'presenterUnitId' | 'minutes'>>,
    current?: AgendaItem[],
  ): Promise<AgendaItem> {
    const items = current ?? (await itemsOf(db, meetingId));
    let at = 0;
    items.forEach((it, i) => {
      if (RANK[it.kind] <= RANK[fields.kind]) at = i + 1;
    });
    for (const [i, it] of items.entries()) {
      const order = i < at ? i : i + 1;
      if (it.order !== order) await putItem(audit, it, { order });
    }
    const now = ctx.now().toISOString();
    const item = toRecord({ ...fields, id: ctx.newId(), createdAt: now, updatedAt: now, meetingId, order: at });
    await db.agendaItems.add(item);
    audit.record({ entity: 'agendaItem', entityId: item.id, action: 'create', before: null, after: item });
    return item;
  }

  /** A topic taken off the agenda goes back to the backlog (accepted), audited with its reason. */
  async function unschedule(audit: AuditWriter, topicId: string, meetingId: string): Promise<void> {
    const before = await db.topics.get(topicId);
    if (!before || before.state !== 'scheduled' || before.meetingId !== meetingId) return;
    await writeTopicTransition(ctx, audit, before, { type: 'unschedule' }, '移出议程');
  }
}

export { previousHeldMeeting } from './agenda-standing';

/**
 * Everything the agenda builder proposes for `meeting`. The 落实情况通报 reports every resolution of an
 * earlier meeting that is still open, or that changed since the previous meeting (DOMAIN.md
 * "Implementation report") — not only the previous meeting's own, which may have none (a 联动会商 held
 * last week) while older resolutions are still being carried out. Standing items' titles and lists come
 * from the same read ({@link standingViews}); once the meeting is held, from their snapshots. The report's
 * figures are the implementation-report selection (selectReportItems), read through the indexes
 * (readReportSelection), never the whole resolutions or events tables.
 */
export async function computeProposals(db: JointDeskDB, meeting: Meeting): Promise<AgendaProposals> {
  // Only what one meeting needs, through the indexes: the deferred and accepted topics (state index), the
  // meetings those deferred topics were deferred at (by id), the previous held meeting (startsAt index)
  // and the disputes open on the meeting's day (readDisputesOpenOn) — never the whole tables.
  const [topics, items, read] = await Promise.all([
    rowsInStates(db.topics, PROPOSAL_TOPIC_STATES),
    itemsOf(db, meeting.id),
    // 'lines': the standing items' figures and lines, without the open tasks' events (ReportDetail).
    readStandingSource(db, meeting, readingMoment(meeting), {}, 'lines'),
  ]);
  const deferredAt = [...new Set(topics.flatMap((t) => (t.state === 'deferred' && t.meetingId ? [t.meetingId] : [])))];
  const byId = new Map<string, Meeting>();
  for (const m of await db.meetings.bulkGet(deferredAt)) if (m) byId.set(m.id, m);
  const { previous, summary } = read;
  const counts = { total: summary.total, open: summary.open };
  const views = standingViews(items, read.source);

  const carriedFromPrevious = deferredFromMeeting(topics, previous?.id);
  const proposals = proposeStandingItems({
    previousMeeting: previous
      ? {
          sequenceLabel: '上次',
          resolutions: summary.total,
          openResolutions: summary.open,
          verifiedResolutions: summary.verified,
        }
      : undefined,
    openDisputes: read.disputes.length,
    deferredTopics: carriedFromPrevious,
  });
  const itemFor = (p: { kind: string; topicId?: string }) =>
    p.kind === 'topic' ? items.find((i) => i.topicId === p.topicId) : items.find((i) => i.kind === p.kind);

  // Deferred topics of any earlier meeting stay visible (the previous meeting's first), so none is lost
  // when a meeting in between did not take it up.
  const olderDeferred = topics
    .filter((t) => t.state === 'deferred' && t.meetingId && t.meetingId !== previous?.id)
    .filter((t) => {
      const at = byId.get(t.meetingId!);
      return at !== undefined && at.startsAt < meeting.startsAt;
    })
    .sort((a, b) => byId.get(b.meetingId!)!.startsAt.localeCompare(byId.get(a.meetingId!)!.startsAt));
  const backlog: BacklogEntry[] = [
    ...carriedFromPrevious.map((topic: Topic) => ({
      topic,
      carried: { meetingId: topic.meetingId!, previous: true, meeting: byId.get(topic.meetingId!) ?? previous! },
    })),
    ...olderDeferred.map((topic) => ({
      topic,
      carried: { meetingId: topic.meetingId!, previous: false, meeting: byId.get(topic.meetingId!)! },
    })),
    ...agendaBacklog(topics).map((topic) => ({ topic })),
  ];

  return {
    previousMeeting: previous,
    resolutions: counts,
    standing: proposals.map((p) => {
      const item = itemFor(p);
      // A frozen item is the record of what the meeting had: the proposal says what the item said.
      const frozen = item ? views[item.id] : undefined;
      return { ...p, ...(frozen?.frozen ? { title: frozen.title } : {}), added: item !== undefined };
    }),
    backlog,
    disputes: read.disputes,
    requiredItemIds: counts.open > 0 ? items.filter((i) => i.kind === 'last_resolutions').map((i) => i.id) : [],
    views,
  };
}

async function itemsOf(db: JointDeskDB, meetingId: string): Promise<AgendaItem[]> {
  const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
  return items.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
}

async function mustGetItem(db: JointDeskDB, id: string): Promise<AgendaItem> {
  const item = await db.agendaItems.get(id);
  if (!item) throw new DomainError('not-found', '找不到该议程事项，可能已被删除');
  return item;
}

function toRecord(candidate: AgendaItem): AgendaItem {
  return withoutUndefined(parseOrThrow(agendaItemSchema, withoutUndefined(candidate), LABELS));
}
