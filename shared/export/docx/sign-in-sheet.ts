import { type Document } from 'docx';
import { formatChineseDateTime } from '../../domain/format';
import { officialDocument } from './document';
import { SIZE } from './layout';
import {
  breakTitle,
  officeScheme,
  sessionName,
  type MeetingDocAttendee,
  type MeetingDocInput,
} from './meeting-doc-model';
import { blankLine, formTable, plainLine, title, type TableColumn } from './primitives';

/** 11 mm: inside the 10–12 mm §2.3 asks for, so a hand signature fits. */
export const SIGN_IN_ROW_HEIGHT = 624;
/** Rows left empty for people not on the list (§2.3: about 5). */
export const SIGN_IN_EMPTY_ROWS = 5;

/** 序号 | 单位 | 职务 | 姓名 | 联系电话 | 签名 at 7/28/16/14/17/18 % of the 版心 (§2.3). */
export const SIGN_IN_COLUMNS: readonly TableColumn[] = [
  { header: '序号', share: 0.07 },
  { header: '单位', share: 0.28, fit: true },
  { header: '职务', share: 0.16, fit: true },
  { header: '姓名', share: 0.14, fit: true },
  { header: '联系电话', share: 0.17, fit: true },
  { header: '签名', share: 0.18, fit: true },
];

export function signInTitleLines(input: Pick<MeetingDocInput, 'office' | 'meeting'>): string[] {
  return breakTitle([input.office.jointMeetingName, `${sessionName(input.meeting)}签到表`]);
}

/**
 * Who is on the sheet, in order: 出席 then 列席, then those on leave. People on leave stay on the sheet
 * with 请假 in the signature cell: the archived sheet then accounts for every invitee (应到/实到) and
 * agrees with the 请假 list of the minutes, and nobody signs in a row meant for someone else.
 */
export function signInRows(attendees: readonly MeetingDocAttendee[]): string[][] {
  const order: Record<MeetingDocAttendee['status'], number> = { 出席: 0, 列席: 1, 请假: 2 };
  const sorted = attendees
    .map((a, i) => ({ a, i }))
    .sort((x, y) => order[x.a.status] - order[y.a.status] || x.i - y.i)
    .map((x) => x.a);
  return sorted.map((a) => {
    const s = a.status !== '请假' ? a.substitute : undefined;
    // A substitute signs for the invitee; without a known post the row says whom they stand in for.
    const post = s ? s.post?.trim() || `代${a.name}` : (a.post ?? '');
    return [a.unit, post, s ? s.name : a.name, (s ? s.phone : a.phone) ?? '', a.status === '请假' ? '请假' : ''];
  });
}

/**
 * 签到表 (DOCX-FORMAT §2.3): title, 时间/地点 line, and a full-width table with exact 11 mm rows and a
 * header repeated on every page; pre-filled from the invitees, then empty rows.
 */
export function signInSheetDocument(input: MeetingDocInput, o: { emptyRows?: number } = {}): Document {
  const { meeting } = input;
  const titleLines = signInTitleLines(input);
  const filled = signInRows(input.attendees);
  const empty = Array.from({ length: o.emptyRows ?? SIGN_IN_EMPTY_ROWS }, () => ['', '', '', '', '']);
  const rows = [...filled, ...empty].map((r, i) => [String(i + 1), ...r]);
  const scheme = officeScheme(input.office);
  return officialDocument(
    [
      title(titleLines, 0, scheme),
      blankLine(),
      // 4号 like the table (§2.3 allows 4号 or 3号): a long place name then still fits on the line.
      plainLine(`时间：${formatChineseDateTime(meeting.startsAt)}\u3000\u3000地点：${meeting.place.trim()}`, {
        size: SIZE.si,
        scheme,
      }),
      formTable([...SIGN_IN_COLUMNS], rows, { rowHeight: SIGN_IN_ROW_HEIGHT, scheme }),
    ],
    { title: titleLines.join(''), creator: input.office.name, auditAnchor: input.auditAnchor, scheme },
  );
}
