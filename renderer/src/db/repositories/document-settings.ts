import { z } from 'zod';
import {
  DomainError,
  businessDate,
  isoDateSchema,
  type AgendaItem,
  type Attendance,
  type Meeting,
  type Person,
  type StandingItemView,
  type Unit,
} from '../../../../shared/domain';
import { meetingDocOfficeSchema, type MeetingDocOffice } from '../../../../shared/export/docx/meeting-doc-model';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import { parseOrThrow, type FieldLabels } from '../validation';
import { readReportSelection, readStandingSource, standingViews, type ReportRead } from './agenda-standing';
import { withoutUndefined } from './list-helpers';

/** Setting key of the issuing office of meeting documents. */
export const DOCUMENT_OFFICE_KEY = 'documents.office';
/** Setting key of the 发文字号 given to each meeting's notice: `{ [meetingId]: NoticeNumberRecord }`. */
export const NOTICE_NUMBERS_KEY = 'documents.noticeNumbers';

export const DOCUMENT_OFFICE_LABELS: FieldLabels = {
  name: '发文机关',
  jointMeetingName: '联席会议名称',
  docNumberPrefix: '发文字号前缀',
  contactName: '联系人',
  contactPhone: '联系电话',
};

/** The per-meeting documents: 会议通知, 会议议程, 签到表 and the 落实情况通报 of the earlier meetings' resolutions. */
export const MEETING_DOCUMENTS = ['notice', 'agenda', 'signIn', 'report'] as const;
export type MeetingDocumentKind = (typeof MEETING_DOCUMENTS)[number];
const DOCUMENT_NAMES: Record<MeetingDocumentKind, string> = {
  notice: '会议通知',
  agenda: '会议议程',
  signIn: '签到表',
  report: '落实情况通报',
};

export const noticeNumberSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  number: z.number().int().min(1, '发文字号序号应为正整数').max(9999, '发文字号序号过大'),
  date: isoDateSchema,
});
export type NoticeNumberRecord = z.infer<typeof noticeNumberSchema>;

/** Everything the meeting documents are made from, read in one transaction so they agree. */
export interface MeetingDocumentSources {
  meeting: Meeting;
  /** In agenda order. */
  agenda: AgendaItem[];
  attendance: Attendance[];
  /** All people and units, archived ones included (an archived invitee still has a name). */
  people: Person[];
  units: Unit[];
  /** Notice numbers already given, by meeting id. */
  noticeNumbers: Record<string, NoticeNumberRecord>;
  /** The other meetings of the same year (for a first 发文字号 guess). */
  yearMeetings: Meeting[];
  /** Title and lines of each standing agenda item by id (live from the same read, or its snapshot once held). */
  standing: Record<string, StandingItemView>;
  /**
   * The 落实情况通报 selection with its unit names: 逾期 judged on today while the meeting day is still ahead
   * (the 通报 is dated today and says “截至” today), else on the meeting day — the agenda item's selection.
   */
  report?: ReportRead;
  /** Meeting N-1, whose resolutions the report is named after (absent before the first meeting held). */
  previousMeeting?: Meeting;
}

export interface DocumentSettingsRepository {
  /** The saved issuing office, or undefined until the office has been filled in. */
  office(): Promise<MeetingDocOffice | undefined>;
  /** Validates with `meetingDocOfficeSchema`; audited as entity 'settings', id 'documents.office'. */
  saveOffice(input: unknown): Promise<MeetingDocOffice>;
  /** Refused with DomainError('not-found') when the meeting is gone. */
  meetingSources(meetingId: string): Promise<MeetingDocumentSources>;
  /**
   * Audits a saved document (AUD-1) as entity 'meeting', action 'export'. For the notice, the 发文字号
   * used is remembered in the same transaction so a re-export suggests the same number.
   */
  recordExport(
    meetingId: string,
    kind: MeetingDocumentKind,
    fileName: string,
    notice?: NoticeNumberRecord,
  ): Promise<void>;
}

export function createDocumentSettingsRepository(ctx: DataLayerContext): DocumentSettingsRepository {
  const { db } = ctx;

  const readNumbers = async (): Promise<Record<string, NoticeNumberRecord>> => {
    const parsed = z
      .record(z.string(), noticeNumberSchema)
      .safeParse((await db.settings.get(NOTICE_NUMBERS_KEY))?.value);
    return parsed.success ? parsed.data : {};
  };

  return {
    async office() {
      const parsed = meetingDocOfficeSchema.safeParse((await db.settings.get(DOCUMENT_OFFICE_KEY))?.value);
      return parsed.success ? parsed.data : undefined;
    },

    async saveOffice(input) {
      const parsed = withoutUndefined(parseOrThrow(meetingDocOfficeSchema, input, DOCUMENT_OFFICE_LABELS));
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'document.settings');
        const before = (await db.settings.get(DOCUMENT_OFFICE_KEY))?.value ?? null;
        await db.settings.put({ key: DOCUMENT_OFFICE_KEY, value: parsed });
        audit.record({ entity: 'settings', entityId: DOCUMENT_OFFICE_KEY, action: 'update', before, after: parsed });
        return parsed;
      });
    },

    meetingSources(meetingId) {
      return db.transaction(
        'r',
        [
          db.meetings,
          db.agendaItems,
          db.attendance,
          db.people,
          db.units,
          db.settings,
          db.resolutions,
          db.taskEvents,
          db.minutes,
          db.disputes,
        ],
        async () => {
          const meeting = await db.meetings.get(meetingId);
          if (!meeting) throw new DomainError('not-found', '找不到该会议，可能已被删除');
          const [agenda, attendance, people, units, noticeNumbers, yearMeetings] = await Promise.all([
            db.agendaItems.where('meetingId').equals(meetingId).toArray(),
            db.attendance.where('meetingId').equals(meetingId).toArray(),
            db.people.toArray(),
            db.units.toArray(),
            readNumbers(),
            db.meetings
              .where('year')
              .equals(meeting.year)
              .filter((m) => m.id !== meeting.id)
              .toArray(),
          ]);
          agenda.sort((a, b) => a.order - b.order);
          const read = await readStandingSource(db, meeting);
          const standing = standingViews(agenda, read.source);
          const today = businessDate(ctx.now());
          const report =
            today < read.report.selection.on
              ? await readReportSelection(db, meeting, read.previous, today)
              : read.report;
          return {
            meeting,
            agenda,
            attendance,
            people,
            units,
            noticeNumbers,
            yearMeetings,
            standing,
            report,
            ...(read.previous ? { previousMeeting: read.previous } : {}),
          };
        },
      );
    },

    async recordExport(meetingId, kind, fileName, notice) {
      const number = notice
        ? parseOrThrow(noticeNumberSchema, notice, { number: '发文字号序号', date: '成文日期' })
        : undefined;
      await auditedWrite(ctx, [db.meetings], async (audit) => {
        const meeting = await db.meetings.get(meetingId);
        if (!meeting) throw new DomainError('not-found', '找不到该会议，可能已被删除');
        if (number) {
          const numbers = await readNumbers();
          await db.settings.put({ key: NOTICE_NUMBERS_KEY, value: { ...numbers, [meetingId]: number } });
        }
        audit.record({
          entity: 'meeting',
          entityId: meetingId,
          action: 'export',
          before: null,
          after: { document: DOCUMENT_NAMES[kind], fileName, ...(number ? { noticeNumber: number } : {}) },
        });
      });
    },
  };
}
