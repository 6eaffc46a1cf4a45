import type { Meeting } from '../../domain/meeting';
import { distinctTitle, meetingOfficialName } from '../../domain/meeting-names';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS } from '../../domain/meeting-rules';
import type { Minutes } from '../../domain/minutes';
import { docNumberText } from '../docx/meeting-doc-model';
import { dateCell, dateTimeCell, type LedgerSheet, safeCell } from './cells';

export const MEETING_LEDGER_SHEET = '会议台账';

/** 应到 (invitees, not 列席), 出席 (in person or by substitute), 请假, 缺席, 列席, and the units present in order. */
export interface LedgerAttendance {
  expected: number;
  present: number;
  leave: number;
  absent: number;
  observers: number;
  unitIds: readonly string[];
}

/** One meeting as the ledger needs it, read by the caller. */
export interface LedgerMeeting {
  meeting: Meeting;
  /** 议题 items on its agenda. */
  topicCount: number;
  /** The sign-in board's figures (features/meetings/attendance/counts.ts) and the units of those present. */
  attendance: LedgerAttendance;
  /** The 发文字号 given to its 会议通知 and the notice's 成文日期, when the notice was saved with one. */
  notice?: { year: number; number: number; date: string };
  minutes?: Pick<Minutes, 'state' | 'issueYear' | 'issueNumber' | 'issuedOn'>;
  /** Issued 议定事项 (drafts not counted). */
  resolutionCount: number;
}

export interface MeetingLedgerOptions {
  unitNames: ReadonlyMap<string, string>;
  /** Names of the people who may chair (archived people included). */
  people: ReadonlyMap<string, { name: string }>;
  /** The office's 发文字号 prefix (机关代字); without it the notice number column shows 〔year〕N号. */
  docNumberPrefix?: string;
}

/** 状态, with the reason of a cancelled meeting. */
function stateText(m: Meeting): string {
  const label = MEETING_STATE_LABELS[m.state];
  return m.state === 'cancelled' && m.cancelReason ? `${label}（${m.cancelReason}）` : label;
}

/** Ledger order: by date and time, then kind and 第N次. */
function meetingOrder(a: LedgerMeeting, b: LedgerMeeting): number {
  return (
    a.meeting.startsAt.localeCompare(b.meeting.startsAt) ||
    a.meeting.kind.localeCompare(b.meeting.kind) ||
    a.meeting.sequence - b.meeting.sequence ||
    a.meeting.id.localeCompare(b.meeting.id)
  );
}

/**
 * 会议台账: one row per meeting — the name as the office files it, kind, time, place, chair, state, topics
 * on its agenda, attendance, the documents issued (会议通知 and 会议纪要) and the 议定事项 it produced.
 * Before a meeting is held its attendance columns count the invitations answered so far.
 */
export function meetingLedger(meetings: readonly LedgerMeeting[], options: MeetingLedgerOptions): LedgerSheet {
  const unit = (id: string) => options.unitNames.get(id) ?? '（未知单位）';
  const prefix = options.docNumberPrefix ?? '';
  return {
    name: MEETING_LEDGER_SHEET,
    columns: [
      { header: '序号', width: 7 },
      { header: '会议名称', width: 30 },
      { header: '会议类型', width: 14 },
      { header: '召开时间', width: 20, kind: 'datetime' },
      { header: '会议地点', width: 22 },
      { header: '主持人', width: 10 },
      { header: '状态', width: 12 },
      { header: '议题数', width: 8 },
      { header: '应到', width: 7 },
      { header: '出席', width: 7 },
      { header: '请假', width: 7 },
      { header: '缺席', width: 7 },
      { header: '列席', width: 7 },
      { header: '出席单位', width: 40 },
      { header: '会议通知文号', width: 22 },
      { header: '通知日期', width: 16, kind: 'date' },
      { header: '纪要期号', width: 14 },
      { header: '纪要印发日期', width: 16, kind: 'date' },
      { header: '议定事项数', width: 10 },
    ],
    rows: [...meetings].sort(meetingOrder).map((x, i) => {
      const m = x.meeting;
      const a = x.attendance;
      const title = distinctTitle(m);
      const chair = m.chairPersonId ? options.people.get(m.chairPersonId)?.name : undefined;
      // A corrected version in preparation keeps the number and date it was first issued with.
      const issued = x.minutes?.issuedOn !== undefined && x.minutes.issueNumber !== undefined;
      return [
        i + 1,
        safeCell(title ? `${meetingOfficialName(m)}（${title}）` : meetingOfficialName(m)),
        MEETING_KIND_LABELS[m.kind],
        dateTimeCell(m.startsAt),
        safeCell(m.place),
        safeCell(chair ?? ''),
        safeCell(stateText(m)),
        x.topicCount,
        a.expected,
        a.present,
        a.leave,
        a.absent,
        a.observers,
        safeCell(a.unitIds.map(unit).join('、')),
        x.notice ? safeCell(docNumberText(prefix, x.notice.year, x.notice.number)) : '',
        x.notice ? dateCell(x.notice.date) : '',
        issued ? `${x.minutes!.issueYear ?? m.year}年第${x.minutes!.issueNumber}期` : '',
        issued ? dateCell(x.minutes!.issuedOn) : '',
        x.resolutionCount,
      ];
    }),
  };
}
