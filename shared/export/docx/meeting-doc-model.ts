import { z } from 'zod';
import { chineseNumber, formatChineseDate, formatChineseDateTime } from '../../domain/format';
import { meetingOfficialName, meetingSessionName } from '../../domain/meeting-names';
import type { MeetingKind } from '../../domain/meeting';
import { optionalText, optionalPhoneSchema, requiredText } from '../../domain/common';
import { BODY_WIDTH, type FontScheme, SIZE, widthTwips } from './layout';

/**
 * The data the three per-meeting documents (会议通知, 会议议程, 签到表) are made from. Plain strings in
 * the words the documents print, so the mappers stay pure and the renderer decides where they come from.
 */

/** The issuing office, kept as a settings record (it rarely changes). */
export const meetingDocOfficeSchema = z.object({
  /** 发文机关标志, e.g. 城关镇综合行政执法协调联席会议办公室. */
  name: requiredText('发文机关（联席会议办公室）名称', 40),
  /** e.g. 城关镇综合行政执法协调联席会议. */
  jointMeetingName: requiredText('联席会议名称', 40),
  /** 发文字号 prefix (机关代字), e.g. 城综执联办 → 城综执联办〔2026〕3号. */
  docNumberPrefix: z
    .string()
    .trim()
    .min(1, '请填写发文字号前缀（机关代字）')
    .max(20, '发文字号前缀不能超过 20 个字')
    .regex(/^[^〔〕[\]\d]+$/u, '发文字号前缀只写机关代字，不含年份、括号和序号'),
  contactName: optionalText('联系人姓名', 20),
  contactPhone: optionalPhoneSchema,
  /**
   * Fonts named in the documents: `standard` = 仿宋_GB2312/方正小标宋简体/黑体/楷体_GB2312, `windows` = the
   * fonts every Windows has (仿宋/宋体/黑体/楷体). A .docx has no font fallback, so offices whose recipients
   * lack the GB fonts choose `windows`. Absent = `standard`.
   */
  fontScheme: z.enum(['standard', 'windows']).optional(),
});
export type MeetingDocOffice = z.infer<typeof meetingDocOfficeSchema>;

/** The office's font scheme (default `standard`). */
export function officeScheme(office: Pick<MeetingDocOffice, 'fontScheme'>): FontScheme {
  return office.fontScheme ?? 'standard';
}

export type AttendeeStatus = '出席' | '列席' | '请假';

export interface MeetingDocAttendee {
  unit: string;
  post?: string;
  name: string;
  phone?: string;
  status: AttendeeStatus;
  leaveReason?: string;
  /** Someone attends for this invitee (代会): the sign-in sheet lists the substitute. */
  substitute?: { name: string; post?: string; phone?: string };
}

export interface MeetingDocAgendaItem {
  title: string;
  presenterUnit?: string;
  minutes?: number;
}

export interface MeetingDocInput {
  office: MeetingDocOffice;
  meeting: {
    kind: MeetingKind;
    year: number;
    /** 第N次 within (year, kind). */
    sequence: number;
    /** Local `YYYY-MM-DDTHH:mm`. */
    startsAt: string;
    place: string;
    chairName?: string;
    chairPost?: string;
  };
  /** In agenda order. */
  agenda: MeetingDocAgendaItem[];
  /** Invitees in the order they should be listed. */
  attendees: MeetingDocAttendee[];
  /** 成文日期 of the notice, YYYY-MM-DD. */
  noticeDate: string;
  /** 发文字号 sequence (〔year〕N号); left blank for a handwritten number when absent. */
  noticeNumber?: number;
  /** 回执 deadline, `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  replyDeadline?: string;
  auditAnchor?: { seq: number; hash: string };
}

/** “2026年第三次会议” / “2026年第一次专题会议” (shared/domain/meeting-names.ts, the one formatter). */
export const sessionName: (m: MeetingDocInput['meeting']) => string = meetingSessionName;

/** “2026年第三次定期联席会议”: the meeting as the office files it (file names). */
export const sessionFileLabel: (m: MeetingDocInput['meeting']) => string = meetingOfficialName;

/** 城关镇综合行政执法协调联席会议2026年第三次会议 */
export function fullMeetingName(input: Pick<MeetingDocInput, 'office' | 'meeting'>): string {
  return `${input.office.jointMeetingName.trim()}${sessionName(input.meeting)}`;
}

/** 城综执联办〔2026〕3号 (GB §7.2.5: full year in 〔〕, no 第, no leading zeros); blank slot when unnumbered. */
export function docNumberText(prefix: string, year: number, n: number | undefined): string {
  return `${prefix.trim()}〔${year}〕${n === undefined ? '\u3000\u3000' : String(n)}号`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** 星期五 for 2026-03-06 (the calendar date; no time zone involved). */
export function chineseWeekday(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!}`;
}

/** 2026年3月6日（星期五）上午9:00 — the notice's 会议时间. */
export function meetingTimeWithWeekday(startsAt: string): string {
  const date = formatChineseDate(startsAt);
  const time = formatChineseDateTime(startsAt).slice(date.length);
  return `${date}（${chineseWeekday(startsAt)}）${time}`;
}

/** 2026年3月4日 or 2026年3月4日下午5:00, for deadlines given with or without a time. */
export function deadlineText(iso: string): string {
  return /T\d{2}:\d{2}/.test(iso) ? formatChineseDateTime(iso) : formatChineseDate(iso);
}

/** Agenda items print without end punctuation (无主句, §2.2); titles typed with a full stop lose it. */
export function withoutEndPunctuation(s: string): string {
  return s.trim().replace(/[。；;，,、.：:！!\s]+$/u, '');
}

/** （汇报单位：区市场监督管理局，约10分钟）, or the half that is known; empty when neither is. */
export function agendaNote(item: MeetingDocAgendaItem): string {
  const parts: string[] = [];
  if (item.presenterUnit?.trim()) parts.push(`汇报单位：${item.presenterUnit.trim()}`);
  if (item.minutes !== undefined && item.minutes > 0) parts.push(`约${item.minutes}分钟`);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/** 一、 二、 … for agenda items. */
export function agendaMarker(i: number): string {
  return `${chineseNumber(i + 1)}、`;
}

/**
 * Break a title into lines at meaning boundaries (GB §7.3.1): `segments` are the units that must not be
 * split (e.g. 关于召开 | 联席会议名称 | 2026年第三次会议 | 的通知); they are packed greedily, which gives
 * the longer line on top (the 梯形 shape). A segment wider than the line is cut by characters.
 */
export function breakTitle(
  segments: readonly string[],
  halfPt: number = SIZE.er,
  maxWidth: number = BODY_WIDTH,
): string[] {
  const fits = (s: string) => widthTwips(s, halfPt, 0) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  const pushChars = (seg: string) => {
    for (const ch of seg) {
      if (!fits(current + ch)) {
        lines.push(current);
        current = '';
      }
      current += ch;
    }
  };
  for (const raw of segments) {
    const seg = raw.trim();
    if (!seg) continue;
    if (fits(current + seg)) current += seg;
    else if (fits(seg)) {
      if (current) lines.push(current);
      current = seg;
    } else pushChars(seg);
  }
  if (current) lines.push(current);
  return lines;
}

/** Invitees as the notice lists them: grouped by unit in first-appearance order, 职务 before the name. */
export function groupedNames(attendees: readonly MeetingDocAttendee[]): string {
  const byUnit = new Map<string, string[]>();
  for (const a of attendees) {
    const list = byUnit.get(a.unit) ?? [];
    list.push(`${a.post?.trim() ?? ''}${a.name}`);
    byUnit.set(a.unit, list);
  }
  return [...byUnit].map(([unit, names]) => joinOverlap(unit, names.join('、'))).join('；');
}

/**
 * `城关镇纪工委` + `纪工委书记徐华` → `城关镇纪工委书记徐华`: a post that repeats the end of its unit's
 * name is not written twice. At least two characters must overlap, so a one-character coincidence
 * (…镇 + 镇长…) is left as written.
 */
export function joinOverlap(unit: string, rest: string): string {
  for (let k = Math.min(unit.length, rest.length); k >= 2; k--) {
    if (unit.endsWith(rest.slice(0, k))) return unit + rest.slice(k);
  }
  return unit + rest;
}
