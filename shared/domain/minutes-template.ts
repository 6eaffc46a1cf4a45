/**
 * The generated 会议纪要 draft: 导语 in the official wording, one section per agenda item ("关于……"; the
 * 一、 numbering is computed by the editor and the mapper, never written), then the 出席/请假/列席 lines.
 * Pure: no clock, no storage. The wording is configurable (settings 'minutes.template').
 */
import { z } from 'zod';
import type { AttendanceLineNode, BlockNode, HeadingNode, MinutesDoc, ParagraphNode } from '../editor/document';
import { formatChineseDate } from './format';
import { meetingDisplayName } from './meeting-names';
import { attendeeIdentity, isGuestAttendance, type AgendaItem, type Attendance, type Meeting } from './meeting';
import type { Person } from './person';
import type { Unit } from './unit';

/** Placeholders the 导语 pattern may use. */
export const MINUTES_PLACEHOLDERS = ['日期', '时段', '主持人', '会议名称', '地点', '出席单位', '听取事项'] as const;
export type MinutesPlaceholder = (typeof MINUTES_PLACEHOLDERS)[number];

export const MINUTES_PLACEHOLDER_HINTS: Record<MinutesPlaceholder, string> = {
  日期: '会议日期，如 2026年3月9日',
  时段: '上午 / 下午',
  主持人: '主持人职务和姓名',
  会议名称: '如 ××镇综合行政执法协调联席会议2026年第一次会议',
  地点: '会议地点',
  出席单位: '出席单位简称，以“、”分隔',
  听取事项: '各议程事项名称，以“、”分隔',
};

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;

function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(MINUTES_PLACEHOLDERS);
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

const label = (name: string) => z.string().trim().min(1, `${name}不能为空`).max(10, `${name}不能超过 10 个字`);

export const minutesTemplateWordingSchema = z.object({
  intro: z
    .string()
    .trim()
    .min(1, '导语不能为空')
    .max(500, '导语不能超过 500 个字')
    .superRefine((text, ctx) => {
      const bad = unknownPlaceholders(text);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `导语中有未知的占位符：${bad.map((b) => `{${b}}`).join('、')}（可用：${MINUTES_PLACEHOLDERS.map((p) => `{${p}}`).join('')}）`,
        });
      }
    }),
  closing: z.string().trim().max(100, '结束语不能超过 100 个字'),
  presentLabel: label('出席标签'),
  leaveLabel: label('请假标签'),
  observerLabel: label('列席标签'),
});
export type MinutesTemplateWording = z.infer<typeof minutesTemplateWordingSchema>;

export const DEFAULT_MINUTES_WORDING: MinutesTemplateWording = {
  intro:
    '{日期}{时段}，{主持人}在{地点}主持召开{会议名称}，{出席单位}等成员单位负责同志参加会议。会议听取了{听取事项}。',
  closing: '现将会议议定事项纪要如下：',
  presentLabel: '出席',
  leaveLabel: '请假',
  observerLabel: '列席',
};

/** The agenda item as the template reads it: a frozen snapshot (once held) wins over the live title. */
export type MinutesTemplateAgendaItem = Pick<AgendaItem, 'id' | 'title' | 'kind'> & {
  snapshot?: { title?: string } | null;
};

export interface MinutesTemplateInput {
  meeting: Pick<Meeting, 'startsAt' | 'place' | 'year' | 'sequence' | 'kind' | 'title'>;
  /** In agenda order. */
  agenda: readonly MinutesTemplateAgendaItem[];
  attendance: readonly Attendance[];
  people: readonly Person[];
  units: readonly Unit[];
  chair: Person | undefined;
  officeName: string;
  /** e.g. 城关镇综合行政执法协调联席会议; when absent the office name stands in. */
  jointMeetingName?: string;
  wording?: MinutesTemplateWording;
  /** Body blocks per agenda item id (the demo fills them); otherwise one empty paragraph. */
  sections?: ReadonlyMap<string, readonly BlockNode[]>;
}

export { meetingDisplayName, meetingSessionName } from './meeting-names';

/** Calendar date and 上午/下午 of an ISO date-time in Asia/Shanghai (no offset = already local). */
export function shanghaiDateAndHalf(startsAt: string): { date: string; half: '上午' | '下午' } {
  let date: string;
  let hour: number;
  if (/(Z|[+-]\d{2}:\d{2})$/.test(startsAt)) {
    const t = new Date(new Date(startsAt).getTime() + 8 * 3600_000);
    date = t.toISOString().slice(0, 10);
    hour = t.getUTCHours();
  } else {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})/.exec(startsAt);
    if (!m) throw new Error(`时间格式不正确：${startsAt}`);
    date = m[1]!;
    hour = Number(m[2]);
  }
  return { date, half: hour < 12 ? '上午' : '下午' };
}

export function fillPattern(pattern: string, values: Record<MinutesPlaceholder, string>): string {
  return pattern.replace(PLACEHOLDER_RE, (whole, name: string) =>
    name in values ? values[name as MinutesPlaceholder] : whole,
  );
}

/**
 * The agenda title as the 导语 and a section heading say it: the figures a standing item carries on the
 * agenda (“（共14项，已办结3项）”, “（8件）”) belong to the agenda, not to the 纪要's heading.
 */
function agendaTitle(item: MinutesTemplateAgendaItem): string {
  return (item.snapshot?.title ?? item.title).trim().replace(/（(?:共\d+项[^（）]*|\d+件)）$/u, '');
}

function textBlock(text: string): ParagraphNode {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

/**
 * The 出席/请假/列席 name lists: "单位简称+姓名", 代会 as "代会人（代原参会人）", a 列席来宾 (not registered)
 * as typed, "单位+职务+姓名".
 */
export function attendanceNames(input: Pick<MinutesTemplateInput, 'attendance' | 'people' | 'units'>): {
  present: string[];
  leave: string[];
  observers: string[];
  presentUnits: string[];
} {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const units = new Map(input.units.map((u) => [u.id, u]));
  const unitOf = (p: Person | undefined) => {
    const u = p ? units.get(p.unitId) : undefined;
    return u ? u.shortName?.trim() || u.name : '';
  };
  const nameOf = (a: Attendance): string => {
    // A guest (列席来宾) as typed: 单位 + 职务 + 姓名.
    if (isGuestAttendance(a)) {
      const g = attendeeIdentity(
        a,
        () => undefined,
        () => undefined,
      );
      return `${g.unitName}${g.post ?? ''}${g.name}`;
    }
    const p = a.personId ? people.get(a.personId) : undefined;
    const own = p ? `${unitOf(p)}${p.name}` : '';
    if (a.status !== 'substituted') return own;
    const sub = a.substitutePersonId ? people.get(a.substitutePersonId) : undefined;
    const subName = sub?.name ?? a.substituteName?.trim();
    if (!subName) return own;
    return `${unitOf(sub ?? p)}${subName}（代${p?.name ?? ''}）`;
  };
  const attended = (a: Attendance) => a.status === 'present' || a.status === 'substituted';
  const presentRows = input.attendance.filter((a) => !a.observer && attended(a));
  const presentUnits = [
    ...new Set(presentRows.map((a) => unitOf(a.personId ? people.get(a.personId) : undefined)).filter(Boolean)),
  ];
  return {
    present: presentRows.map(nameOf).filter(Boolean),
    leave: input.attendance
      .filter((a) => a.status === 'leave')
      .map(nameOf)
      .filter(Boolean),
    observers: input.attendance
      .filter((a) => a.observer && attended(a))
      .map(nameOf)
      .filter(Boolean),
    presentUnits,
  };
}

/** The 导语 (intro + closing) for a meeting. */
export function composeIntro(input: MinutesTemplateInput): string {
  const wording = input.wording ?? DEFAULT_MINUTES_WORDING;
  const { date, half } = shanghaiDateAndHalf(input.meeting.startsAt);
  const names = attendanceNames(input);
  const chair = input.chair ? `${input.chair.post?.trim() ?? ''}${input.chair.name}` : '';
  const text = fillPattern(wording.intro, {
    日期: formatChineseDate(date),
    时段: half,
    主持人: chair,
    会议名称: meetingDisplayName(input.meeting, input.jointMeetingName ?? input.officeName),
    地点: input.meeting.place.trim(),
    出席单位: names.presentUnits.join('、'),
    听取事项: input.agenda.map(agendaTitle).join('、'),
  });
  return `${text}${wording.closing}`;
}

/** The generated draft document. */
export function buildMinutesDraft(input: MinutesTemplateInput): MinutesDoc {
  const wording = input.wording ?? DEFAULT_MINUTES_WORDING;
  const content: BlockNode[] = [textBlock(composeIntro(input))];
  for (const item of input.agenda) {
    const title = agendaTitle(item);
    const heading: HeadingNode = {
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: title.startsWith('关于') ? title : `关于${title}` }],
    };
    content.push(heading);
    const body = input.sections?.get(item.id);
    content.push(...(body && body.length > 0 ? body : [textBlock('')]));
  }
  const names = attendanceNames(input);
  const line = (role: AttendanceLineNode['attrs']['role'], lbl: string, list: string[]): AttendanceLineNode => ({
    type: 'attendanceLine',
    attrs: { role, label: lbl },
    ...(list.length > 0 ? { content: [{ type: 'text', text: list.join('、') }] } : {}),
  });
  content.push(line('present', wording.presentLabel, names.present));
  if (names.leave.length > 0) content.push(line('leave', wording.leaveLabel, names.leave));
  if (names.observers.length > 0) content.push(line('observer', wording.observerLabel, names.observers));
  return { type: 'doc', content };
}
