import {
  DomainError,
  HELD_OR_LATER_MEETING_STATES,
  PREPARING_MEETING_STATES,
  MEETING_STATE_LABELS,
  attendanceSchema,
  hasJointMeetingRole,
  meetingInputSchema,
  meetingSchema,
  nextMeetingSequence,
  transitionMeeting,
  type Attendance,
  type Meeting,
  type MeetingKind,
  type Topic,
} from '../../../../shared/domain';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { MeetingsRepository } from '../types';
import { parseOrThrow, type FieldLabels } from '../validation';
import { patchOverStored } from './input-patch';
import { freezeStandingItems } from './agenda-standing';
import { withoutUndefined } from './list-helpers';
import { writeTopicTransition } from './topic-transition';

export const MEETING_FIELD_LABELS: FieldLabels = {
  kind: '会议类型',
  title: '会议名称',
  startsAt: '会议时间',
  place: '会议地点',
  chairPersonId: '主持人',
  cancelReason: '取消原因',
};

/** States in which the meeting is still being prepared: details, agenda and invitations may change. */
export const PREPARING_STATES = PREPARING_MEETING_STATES;
/** States of a meeting that has taken place (the previous meeting of the next one). */
export const HELD_OR_LATER = HELD_OR_LATER_MEETING_STATES;

export function createMeetingsRepository(ctx: DataLayerContext): MeetingsRepository {
  const { db } = ctx;

  return {
    async list(filter = {}) {
      const rows =
        filter.year !== undefined && filter.kind
          ? await db.meetings.where('[year+kind]').equals([filter.year, filter.kind]).toArray()
          : filter.year !== undefined
            ? await db.meetings.where('year').equals(filter.year).toArray()
            : await db.meetings.toArray();
      const states = filter.states && filter.states.length > 0 ? new Set(filter.states) : undefined;
      return rows
        .filter((m) => !filter.kind || m.kind === filter.kind)
        .filter((m) => !states || states.has(m.state))
        .sort(newestFirst);
    },

    get: (id) => db.meetings.get(id),

    nextSequence: (year, kind) => db.transaction('r', [db.meetings], () => sequenceFor(db, year, kind)),

    async create(input) {
      const parsed = parseOrThrow(meetingInputSchema, input, MEETING_FIELD_LABELS);
      return auditedWrite(ctx, [db.meetings, db.people, db.attendance], async (audit) => {
        guard(audit, 'meeting.create');
        if (parsed.chairPersonId) await assertChair(db, parsed.chairPersonId);
        const at = ctx.now().toISOString();
        const year = yearOf(parsed.startsAt);
        // Numbered inside the write transaction, so two meetings created at once cannot share a 第N次.
        const sequence = await sequenceFor(db, year, parsed.kind);
        const meeting = toRecord({
          ...parsed,
          title: parsed.title || undefined,
          id: ctx.newId(),
          createdAt: at,
          updatedAt: at,
          year,
          sequence,
          state: 'planning',
        });
        await db.meetings.add(meeting);
        audit.record({ entity: 'meeting', entityId: meeting.id, action: 'create', before: null, after: meeting });

        const people = await db.people.toArray();
        for (const p of people) {
          if (p.archived || !hasJointMeetingRole(p.role)) continue;
          const row = toAttendance({
            id: ctx.newId(),
            createdAt: at,
            updatedAt: at,
            meetingId: meeting.id,
            personId: p.id,
            observer: false,
            status: 'invited',
          });
          await db.attendance.add(row);
          audit.record({ entity: 'attendance', entityId: row.id, action: 'create', before: null, after: row });
        }
        return meeting;
      });
    },

    async update(id, patch) {
      return auditedWrite(ctx, [db.meetings, db.people], async (audit) => {
        guard(audit, 'meeting.update');
        const before = await mustGetMeeting(db, id);
        assertPreparing(before, '修改会议信息');
        const parsed = parseOrThrow(
          meetingInputSchema,
          patchOverStored(meetingInputSchema, before, patch),
          MEETING_FIELD_LABELS,
        );
        if (parsed.chairPersonId && parsed.chairPersonId !== before.chairPersonId)
          await assertChair(db, parsed.chairPersonId);
        const year = yearOf(parsed.startsAt);
        let sequence = before.sequence;
        if (year !== before.year || parsed.kind !== before.kind) {
          // A notice already sent carries the number; renumbering it would contradict the paper.
          if (before.state !== 'planning') {
            throw new DomainError('invalid-transition', '会议已通知，不能更改会议类型或年份；如确需更改，请先退回筹备');
          }
          sequence = await sequenceFor(db, year, parsed.kind);
        }
        const { title: _t, chairPersonId: _c, ...kept } = before;
        const meeting = toRecord({
          ...kept,
          ...parsed,
          title: parsed.title || undefined,
          year,
          sequence,
          updatedAt: ctx.now().toISOString(),
        });
        await db.meetings.put(meeting);
        audit.record({ entity: 'meeting', entityId: id, action: 'update', before, after: meeting });
        return meeting;
      });
    },

    async transition(id, to, reason) {
      // At 已召开 the standing items are frozen: the 落实情况通报 reads resolutions, their events, minutes and units.
      const tables = [
        db.meetings,
        db.topics,
        db.agendaItems,
        db.resolutions,
        db.taskEvents,
        db.minutes,
        db.units,
        db.disputes,
      ];
      return auditedWrite(ctx, tables, async (audit) => {
        guard(audit, to === 'cancelled' ? 'meeting.cancel' : 'meeting.transition');
        const before = await mustGetMeeting(db, id);
        const next = transitionMeeting(before, to, { reason });
        const meeting = toRecord({ ...next, updatedAt: ctx.now().toISOString() });
        await db.meetings.put(meeting);
        const why = to === 'cancelled' ? meeting.cancelReason : reason?.trim() || undefined;
        audit.record({
          entity: 'meeting',
          entityId: id,
          action: 'transition',
          before,
          after: meeting,
          ...(why ? { reason: why } : {}),
        });
        // A cancelled meeting will not discuss its topics: they go back to the backlog of the next one.
        if (to === 'cancelled') await unscheduleTopics(db, ctx, audit, meeting);
        // Held: its topics were discussed (已上会), and its standing items become the record of that day.
        if (to === 'held') {
          await markTopicsDiscussed(ctx, audit, meeting);
          await freezeStandingItems(ctx, audit, meeting);
        }
        return meeting;
      });
    },
  };
}

async function unscheduleTopics(
  db: JointDeskDB,
  ctx: DataLayerContext,
  audit: AuditWriter,
  meeting: Meeting,
): Promise<void> {
  const topics = await db.topics.where('meetingId').equals(meeting.id).toArray();
  for (const before of topics) {
    if (before.state !== 'scheduled') continue;
    await writeTopicTransition(ctx, audit, before, { type: 'unschedule' }, '会议已取消，议题退回待排议程');
  }
}

/** Every topic on the held meeting's agenda still 已排入议程 moves to 已上会, audited with the reason. */
async function markTopicsDiscussed(ctx: DataLayerContext, audit: AuditWriter, meeting: Meeting): Promise<void> {
  const { db } = ctx;
  const items = await db.agendaItems.where('meetingId').equals(meeting.id).toArray();
  const ids = [...new Set(items.map((i) => i.topicId).filter((t): t is string => t !== undefined))];
  for (const before of await db.topics.bulkGet(ids)) {
    if (!before || before.state !== 'scheduled' || before.meetingId !== meeting.id) continue;
    await writeTopicTransition(ctx, audit, before, { type: 'discuss' }, '会议已召开');
  }
}

/**
 * 已上会 → 已议定 for the topics of `meetingId` that got a resolution, inside the caller's transaction
 * (which must cover `topics` and be guarded by the caller: the minutes repository calls it at 印发).
 * A topic still 已排入议程 (a meeting held before topics moved with it) is first marked 已上会, both audited.
 * Topics already 已议定, 暂缓 or 提交党政联席会议 keep their outcome, so issuing (or re-issuing a corrected
 * version) never fails on them; a missing topic or one of another meeting is refused (DomainError), which
 * rolls the caller's write back. Returns the topics it moved.
 */
export async function markTopicsResolved(
  ctx: DataLayerContext,
  audit: AuditWriter,
  meetingId: string,
  topicIds: readonly string[],
): Promise<Topic[]> {
  const { db } = ctx;
  const ids = [...new Set(topicIds)];
  const out: Topic[] = [];
  for (const [i, found] of (await db.topics.bulkGet(ids)).entries()) {
    if (!found) throw new DomainError('not-found', `找不到议题（${ids[i]}），可能已被删除`);
    if (found.meetingId !== meetingId) {
      throw new DomainError('validation', `议题“${found.title}”不在本次会议的议程中`);
    }
    let before = found;
    if (before.state === 'scheduled') {
      before = await writeTopicTransition(ctx, audit, before, { type: 'discuss' }, '会议已召开');
    }
    if (before.state !== 'discussed') continue;
    out.push(await writeTopicTransition(ctx, audit, before, { type: 'resolve' }, '会议纪要已印发，议题已议定'));
  }
  return out;
}

/** 第N次 for (year, kind), from the rows in the database (call inside the write transaction). */
async function sequenceFor(db: JointDeskDB, year: number, kind: MeetingKind): Promise<number> {
  const same = await db.meetings.where('[year+kind]').equals([year, kind]).toArray();
  return nextMeetingSequence(same, year, kind);
}

async function assertChair(db: JointDeskDB, personId: string): Promise<void> {
  const p = await db.people.get(personId);
  if (!p) throw new DomainError('not-found', '主持人：找不到该人员，可能已被删除');
  if (p.archived) throw new DomainError('validation', `主持人：“${p.name}”已归档，请选择其他人员`);
}

export async function mustGetMeeting(db: JointDeskDB, id: string): Promise<Meeting> {
  const m = await db.meetings.get(id);
  if (!m) throw new DomainError('not-found', '找不到该会议，可能已被删除');
  return m;
}

/** Refuses `what` unless the meeting is still in planning or notified. */
export function assertPreparing(m: Meeting, what: string): void {
  if (!PREPARING_STATES.includes(m.state)) {
    throw new DomainError('invalid-transition', `会议处于“${MEETING_STATE_LABELS[m.state]}”状态，不能${what}`);
  }
}

export function yearOf(startsAt: string): number {
  return Number(startsAt.slice(0, 4));
}

function newestFirst(a: Meeting, b: Meeting): number {
  return b.startsAt.localeCompare(a.startsAt) || b.sequence - a.sequence;
}

function toRecord(candidate: Meeting): Meeting {
  return withoutUndefined(parseOrThrow(meetingSchema, candidate, MEETING_FIELD_LABELS));
}

function toAttendance(candidate: Attendance): Attendance {
  return withoutUndefined(attendanceSchema.parse(candidate));
}
