import type { Document, FileChild } from 'docx';
import { formatChineseDate } from '../../domain/format';
import { officialDocument } from './document';
import type { FontScheme } from './layout';
import { breakTitle, type MeetingDocOffice } from './meeting-doc-model';
import { addressee, attachmentNote, blankLine, body, formTable, numberedHeading, signature, title } from './primitives';

/**
 * 督办任务通知 to one member unit (an ordinary 通知, DOCX-FORMAT §1 and §2.4's 反馈要求): title, 主送 the unit, a
 * lead paragraph with the counts, 一、the unit's open tasks as a table (序号 / 议定事项及来源 / 承办方式 / 完成时限 /
 * 反馈要求, header repeated on every page), 二、how to report back (the attached .xlsx 反馈表: 报送进展 or 申报办结,
 * dated), the contact, 附件说明 and the unsealed signature of the office with the date. Goes out with the
 * unit's 督办事项办理情况反馈表 (renderer/src/lib/xlsx/feedback-form-workbook.ts).
 */
export interface UnitTaskNoticeInput {
  office: Pick<MeetingDocOffice, 'name' | 'jointMeetingName'>;
  /** 主送. */
  unitName: string;
  /** 成文日期 (YYYY-MM-DD). */
  date: string;
  /** 反馈截止日期 (YYYY-MM-DD); default “各项任务完成时限届满前”. */
  feedbackBy?: string;
  tasks: readonly UnitTaskLine[];
  contact?: { name?: string; phone?: string };
  /** Name of the attached form (附件说明), default 督办事项办理情况反馈表. */
  attachmentName?: string;
  scheme: FontScheme;
  auditAnchor?: { seq: number; hash: string };
}

export interface UnitTaskLine {
  content: string;
  /** e.g. 城关镇……联席会议2026年第一次会议纪要（2026年第3期） */
  sourceText: string;
  role: 'lead' | 'co';
  /** The lead unit, named on a 配合 row. */
  leadUnitName?: string;
  /** e.g. 2026年12月4日前（暂定） */
  deadlineText: string;
  /** The task's 反馈要求 as the minutes wrote it (empty: the standard one applies). */
  feedbackText?: string;
}

/** 序号 / 议定事项及来源 / 承办方式 / 完成时限 / 反馈要求, shares of the 版心 (§3.10; six columns fit at 4号). */
export const UNIT_NOTICE_COLUMNS = [
  { header: '序号', share: 0.07 },
  { header: '议定事项及来源', share: 0.39, align: 'left' as const },
  { header: '承办方式', share: 0.13 },
  { header: '完成时限', share: 0.19 },
  { header: '反馈要求', share: 0.22, align: 'left' as const },
];

/** 关于报送××联席会议议定事项办理情况的通知 */
export function unitNoticeTitleLines(office: Pick<MeetingDocOffice, 'jointMeetingName'>): string[] {
  return breakTitle(['关于报送', office.jointMeetingName, '议定事项', '办理情况的通知']);
}

/** The lead paragraph: how many tasks the unit leads and co-handles that are not done yet. */
export function unitNoticeLeadText(input: Pick<UnitTaskNoticeInput, 'office' | 'tasks' | 'date'>): string {
  const lead = input.tasks.filter((t) => t.role === 'lead').length;
  const co = input.tasks.length - lead;
  const parts = [lead > 0 ? `牵头办理${lead}项` : '', co > 0 ? `配合办理${co}项` : ''].filter(Boolean).join('、');
  if (input.tasks.length === 0)
    return `截至${formatChineseDate(input.date)}，你单位承办的${input.office.jointMeetingName}议定事项均已报告办结。`;
  return (
    `根据${input.office.jointMeetingName}纪要，截至${formatChineseDate(input.date)}，` +
    `你单位承办的议定事项中尚有${input.tasks.length}项未办结（其中${parts}）。为抓好议定事项落实，现将有关事项通知如下：`
  );
}

export function unitNoticeRows(tasks: readonly UnitTaskLine[]): string[][] {
  return tasks.map((t, i) => [
    String(i + 1),
    `${t.content}\n（${t.sourceText}）`,
    t.role === 'lead' ? '牵头' : `配合${t.leadUnitName ? `\n（牵头：${t.leadUnitName}）` : ''}`,
    // “2026年” on its own line: a full date does not fit the column on one line at 4号.
    t.deadlineText.replace(/^(\d{4}年)(?=\d)/u, '$1\n'),
    t.feedbackText?.trim() || '办理时限届满前书面反馈办理情况',
  ]);
}

export function unitNoticeRequirements(input: Pick<UnitTaskNoticeInput, 'feedbackBy' | 'attachmentName'>): string[] {
  const when = input.feedbackBy ? `${formatChineseDate(input.feedbackBy)}前` : '各项任务完成时限届满前';
  const form = input.attachmentName ?? '督办事项办理情况反馈表';
  return [
    `（一）请于${when}填写随本通知下发的《${form}》（电子表格），加盖单位公章后报送联席会议办公室，电子表格一并报送。`,
    '（二）反馈表每项任务一行：“反馈类型”选择“报送进展”或“申报办结”（申报办结仅限牵头单位），“反馈日期”填写实际日期，' +
      '“办理情况”写明已采取的措施、取得的成效和下一步安排。请勿修改任务编号和其他列，勿增删行。',
    '（三）牵头单位申报办结的，应一并报送办结佐证材料，由纪工委、司法所按程序核验后办结销号；配合单位应主动对接牵头单位，及时反馈配合情况。',
    '（四）确需延期的，应在完成时限届满前书面说明原因、进展及预计完成时间。',
  ];
}

/** The 督办任务通知 .docx (see the module comment). */
export function unitTaskNoticeDocument(input: UnitTaskNoticeInput): Document {
  const { scheme } = input;
  const titleLines = unitNoticeTitleLines(input.office);
  const contact = [
    input.contact?.name?.trim() ? `联系人：${input.contact.name.trim()}` : '',
    input.contact?.phone?.trim() ? `联系电话：${input.contact.phone.trim()}` : '',
  ].filter(Boolean);
  const children: FileChild[] = [
    title(titleLines, 0, scheme),
    blankLine(),
    addressee(`${input.unitName.trim().replace(/[：:]$/u, '')}：`, scheme),
    body(unitNoticeLeadText(input), { scheme }),
  ];
  if (input.tasks.length > 0) {
    children.push(
      numberedHeading('一、', '待办议定事项', 1, scheme),
      formTable(UNIT_NOTICE_COLUMNS, unitNoticeRows(input.tasks), { scheme }),
      numberedHeading('二、', '反馈要求', 1, scheme),
      ...unitNoticeRequirements(input).map((t) => body(t, { scheme })),
    );
    if (contact.length > 0) children.push(body(`${contact.join('，')}。`, { scheme }));
    children.push(blankLine(), attachmentNote(input.attachmentName ?? '督办事项办理情况反馈表', scheme));
  }
  children.push(blankLine(), ...signature(input.office.name, formatChineseDate(input.date), scheme));
  return officialDocument(children, {
    title: titleLines.join(''),
    creator: input.office.name,
    auditAnchor: input.auditAnchor,
    scheme,
  });
}
