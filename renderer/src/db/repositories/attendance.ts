import { z } from 'zod';
import {
  ATTENDANCE_EDITABLE_MEETING_STATES,
  DomainError,
  MEETING_ROLES,
  MEETING_STATE_LABELS,
  attendanceGuestInputSchema,
  attendanceSchema,
  businessDate,
  idSchema,
  isGuestAttendance,
  signInWindow,
  type Attendance,
  type Meeting,
  type Person,
} from '../../../../shared/domain';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { AttendanceMark, AttendanceRepository } from '../types';
import { parseOrThrow, type FieldLabels } from '../validation';
import { withoutUndefined, zhCollator } from './list-helpers';
import { mustGetMeeting } from './meetings';

const LABELS: FieldLabels = {
  status: '出席情况',
  reason: '请假原因',
  substitutePersonId: '代会人员',
  substituteName: '代会人员',
  guestName: '姓名',
  guestUnitName: '单位',
  guestPost: '职务',
};

/**
 * Attendance is recorded while the meeting is prepared, on the day and while the minutes are drafted
 * (the overview paragraph lists who came); once the minutes are signed it is part of the record.
 */
const EDITABLE = ATTENDANCE_EDITABLE_MEETING_STATES;

const markSchema = z.enum(['invited', 'present', 'leave', 'absent'], { message: '出席情况不正确' });
const reasonSchema = z.string().trim().max(200, '请假原因不能超过 200 个字').optional();
const substituteSchema = z.object({
  substitutePersonId: idSchema.optional(),
  substituteName: z.string().trim().max(20, '代会人员姓名不能超过 20 个字').optional(),
  reason: reasonSchema,
});

export function createAttendanceRepository(ctx: DataLayerContext): AttendanceRepository {
  const { db } = ctx;
  const tables = [db.attendance, db.meetings, db.people];

  return {
    async list(meetingId) {
      const [rows, people] = await db.transaction('r', [db.attendance, db.people], () =>
        Promise.all([db.attendance.where('meetingId').equals(meetingId).toArray(), db.people.toArray()]),
      );
      const byId = new Map(people.map((p) => [p.id, p]));
      return rows.sort((a, b) => compareAttendance(a, b, byId));
    },

    addObserver: (meetingId, personId) => add(meetingId, personId, true),
    addInvitee: (meetingId, personId) => add(meetingId, personId, false),

    async addGuest(meetingId, input) {
      const guest = parseOrThrow(attendanceGuestInputSchema, input, LABELS);
      return auditedWrite(ctx, tables, async (audit) => {
        guard(audit, 'attendance.mark');
        assertEditable(await mustGetMeeting(db, meetingId), '添加列席人员');
        const same = await db.attendance
          .where('meetingId')
          .equals(meetingId)
          .filter(
            (a) => isGuestAttendance(a) && a.guestName === guest.guestName && a.guestUnitName === guest.guestUnitName,
          )
          .first();
        if (same) throw new DomainError('conflict', `“${guest.guestUnitName}${guest.guestName}”已在本次会议列席名单中`);
        const at = ctx.now().toISOString();
        const row = toRecord({
          id: ctx.newId(),
          createdAt: at,
          updatedAt: at,
          meetingId,
          observer: true,
          status: 'invited',
          ...guest,
        });
        await db.attendance.add(row);
        audit.record({
          entity: 'attendance',
          entityId: row.id,
          action: 'create',
          before: null,
          after: row,
          reason: '列席来宾',
        });
        return row;
      });
    },

    async remove(id) {
      return auditedWrite(ctx, tables, async (audit) => {
        guard(audit, 'attendance.mark');
        const before = await mustGet(db, id);
        assertEditable(await mustGetMeeting(db, before.meetingId), '调整参会人员');
        if (before.signedInAt)
          throw new DomainError('validation', '该人员已签到，不能移出参会名单；如签到有误，请先改为“未到”');
        await db.attendance.delete(id);
        audit.record({ entity: 'attendance', entityId: id, action: 'delete', before, after: null });
      });
    },

    async setStatus(id, status, reason) {
      const mark: AttendanceMark = parseOrThrow(markSchema, status, LABELS);
      const why = parseOrThrow(reasonSchema, reason, LABELS) || undefined;
      if (mark === 'leave' && !why) throw new DomainError('validation', '请填写请假原因');
      return change(
        id,
        '记录出席情况',
        (before) => ({
          ...clearMarks(before),
          status: mark,
          leaveReason: mark === 'leave' ? why : undefined,
        }),
        mark === 'leave' ? why : undefined,
      );
    },

    async setSubstitute(id, sub) {
      const parsed = parseOrThrow(substituteSchema, sub, LABELS);
      const typed = parsed.substituteName || undefined;
      if (!parsed.substitutePersonId && !typed) throw new DomainError('validation', '请选择或填写代会人员');
      return auditedWrite(ctx, tables, async (audit) => {
        const before = await mustGet(db, id);
        assertEditable(await mustGetMeeting(db, before.meetingId), '记录代会');
        if (isGuestAttendance(before)) throw new DomainError('validation', '列席来宾不能由他人代会');
        let substituteName = typed;
        if (parsed.substitutePersonId) {
          const p = await db.people.get(parsed.substitutePersonId);
          if (!p) throw new DomainError('not-found', '代会人员：找不到该人员，可能已被删除');
          if (p.id === before.personId) throw new DomainError('validation', '代会人员不能是本人');
          if (p.archived) throw new DomainError('validation', `代会人员：“${p.name}”已归档，请选择其他人员`);
          const listed = await db.attendance.where('[meetingId+personId]').equals([before.meetingId, p.id]).first();
          if (listed) throw new DomainError('conflict', `代会人员：“${p.name}”已在本次会议参会名单中`);
          substituteName = p.name;
        }
        const row = toRecord({
          ...clearMarks(before),
          status: 'substituted',
          substitutePersonId: parsed.substitutePersonId,
          substituteName,
          leaveReason: parsed.reason || undefined,
          updatedAt: ctx.now().toISOString(),
        });
        await db.attendance.put(row);
        audit.record({ entity: 'attendance', entityId: id, action: 'update', before, after: row, reason: '代会' });
        return row;
      });
    },

    async signIn(id, o = {}) {
      const before = await mustGet(db, id);
      const meeting = await mustGetMeeting(db, before.meetingId);
      const window = signInWindow(meeting, businessDate(ctx.now()));
      if (!window.open) throw new DomainError('invalid-transition', window.reason);
      // Signing in someone on leave changes the record: only when the office confirmed, and it says so.
      if (before.status === 'leave' && !o.confirmLeave) {
        throw new DomainError(
          'conflict',
          `该人员已请假${before.leaveReason ? `（${before.leaveReason}）` : ''}；确认改为出席后再签到`,
        );
      }
      const reason =
        before.status === 'leave' ? `请假改为出席并签到（原请假原因：${before.leaveReason ?? '未填写'}）` : undefined;
      return change(
        id,
        '签到',
        (b) =>
          b.signedInAt && (b.status === 'present' || b.status === 'substituted')
            ? b
            : b.status === 'substituted'
              ? { ...b, signedInAt: ctx.now().toISOString() }
              : { ...clearMarks(b), status: 'present', signedInAt: ctx.now().toISOString() },
        reason,
      );
    },
  };

  async function add(meetingId: string, personId: string, observer: boolean): Promise<Attendance> {
    return auditedWrite(ctx, tables, async (audit) => {
      guard(audit, 'attendance.mark');
      assertEditable(await mustGetMeeting(db, meetingId), observer ? '添加列席人员' : '添加参会人员');
      const p = await db.people.get(personId);
      if (!p) throw new DomainError('not-found', '找不到该人员，可能已被删除');
      if (p.archived) throw new DomainError('validation', `“${p.name}”已归档，不能添加`);
      const listed = await db.attendance.where('[meetingId+personId]').equals([meetingId, personId]).first();
      if (listed) throw new DomainError('conflict', `“${p.name}”已在本次会议参会名单中`);
      const substituting = await db.attendance
        .where('meetingId')
        .equals(meetingId)
        .filter((a) => a.substitutePersonId === personId)
        .first();
      if (substituting) throw new DomainError('conflict', `“${p.name}”已作为代会人员参会`);
      const at = ctx.now().toISOString();
      const row = toRecord({
        id: ctx.newId(),
        createdAt: at,
        updatedAt: at,
        meetingId,
        personId,
        observer,
        status: 'invited',
      });
      await db.attendance.add(row);
      audit.record({ entity: 'attendance', entityId: row.id, action: 'create', before: null, after: row });
      return row;
    });
  }

  async function change(
    id: string,
    what: string,
    fn: (before: Attendance) => Attendance,
    reason?: string,
  ): Promise<Attendance> {
    return auditedWrite(ctx, tables, async (audit: AuditWriter) => {
      guard(audit, 'attendance.mark');
      const before = await mustGet(db, id);
      assertEditable(await mustGetMeeting(db, before.meetingId), what);
      const next = fn(before);
      if (next === before) return before;
      const row = toRecord({ ...next, updatedAt: ctx.now().toISOString() });
      await db.attendance.put(row);
      audit.record({
        entity: 'attendance',
        entityId: id,
        action: 'update',
        before,
        after: row,
        ...(reason ? { reason } : {}),
      });
      return row;
    });
  }
}

/** The record without any mark: what every new mark starts from. */
function clearMarks(a: Attendance): Attendance {
  const { leaveReason: _l, substitutePersonId: _p, substituteName: _n, signedInAt: _s, ...rest } = a;
  return { ...rest, status: 'invited' };
}

function assertEditable(m: Meeting, what: string): void {
  if (!EDITABLE.includes(m.state)) {
    throw new DomainError('invalid-transition', `会议处于“${MEETING_STATE_LABELS[m.state]}”状态，不能${what}`);
  }
}

/** Invitees before observers; then by joint-meeting role (总召集人 first; guests last) and name. */
export function compareAttendance(a: Attendance, b: Attendance, people: ReadonlyMap<string, Person>): number {
  if (a.observer !== b.observer) return a.observer ? 1 : -1;
  const pa = a.personId ? people.get(a.personId) : undefined;
  const pb = b.personId ? people.get(b.personId) : undefined;
  // Guests (no person) come after the registered observers, by name.
  const ra = pa ? MEETING_ROLES.indexOf(pa.role) : MEETING_ROLES.length;
  const rb = pb ? MEETING_ROLES.indexOf(pb.role) : MEETING_ROLES.length;
  return (
    ra - rb ||
    zhCollator.compare(pa?.name ?? a.guestName ?? '', pb?.name ?? b.guestName ?? '') ||
    a.id.localeCompare(b.id)
  );
}

async function mustGet(db: JointDeskDB, id: string): Promise<Attendance> {
  const a = await db.attendance.get(id);
  if (!a) throw new DomainError('not-found', '找不到该参会记录，可能已被移出名单');
  return a;
}

function toRecord(candidate: Attendance): Attendance {
  return withoutUndefined(parseOrThrow(attendanceSchema, withoutUndefined(candidate), LABELS));
}
