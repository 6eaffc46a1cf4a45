import {
  AlignmentType,
  BorderStyle,
  type Document,
  type FileChild,
  HeightRule,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { chineseNumber, formatChineseDate } from '../../domain/format';
import type { DeadlineRule } from '../../editor/document';
import { officialDocument } from './document';
import { BODY_WIDTH, CH4, type FontScheme, RED, schemeFonts, SIZE } from './layout';
import { breakTitle, docNumberText, type MeetingDocOffice } from './meeting-doc-model';
import { blankLine, exact, KEEP_PUNCTUATION, run, spacedWidth } from './primitives';
import { sanitizeText, toParagraphTexts } from './text';

/**
 * 督办通知单 (DOCX-FORMAT §2.4): a one-page form per 议定事项 — title, 编号 / 交办日期 line, a two-column
 * table (督办事项来源, 督办事项, 牵头单位, 配合单位, 办理时限, 督办要求, 反馈要求, 联系人及电话, 签发) —
 * followed on a second page by the 督办事项办理情况反馈单 the lead unit fills in and returns.
 */
export interface SupervisionNoticeInput {
  office: Pick<MeetingDocOffice, 'name' | 'jointMeetingName' | 'docNumberPrefix'>;
  /** 编号 〔year〕N号, numbered per year by the caller. */
  number: { year: number; number: number };
  /** 督办代字 before 〔year〕; default the office's 机关代字 + 督 (城综执联办督〔2026〕3号). */
  numberPrefix?: string;
  /** 交办日期, YYYY-MM-DD. */
  date: string;
  resolution: {
    content: string;
    /** YYYY-MM-DD. */
    deadline?: string;
    deadlineProvisional?: boolean;
    /** The rule as the minutes wrote it: a working-day rule is added in brackets. */
    deadlineRule?: DeadlineRule;
  };
  leadUnitName: string;
  coUnitNames: string[];
  source: {
    /** The meeting as named in its minutes, e.g. 城关镇综合行政执法协调联席会议2026年第一次会议. */
    meetingName: string;
    /** 期号 of the minutes, e.g. 2026年第3期. */
    issueText?: string;
    /** 1-based position of the resolution in the minutes (第一项). */
    itemNumber?: number;
  };
  /** 督办要求 (催办内容). */
  requirement: string;
  /** 反馈时限, YYYY-MM-DD; default “办理时限届满前”. */
  feedbackBy?: string;
  contact?: { name?: string; phone?: string };
  scheme: FontScheme;
  /** Red title like a 红头 (default black: the form is usually printed in black). */
  redTitle?: boolean;
  /** Append the 办理情况反馈单 page (default true). */
  feedbackForm?: boolean;
  auditAnchor?: { seq: number; hash: string };
}

/** Label column: 35 mm, so a 6-字 4号 label (督办事项来源) stays on one line (§2.4 suggests 30 mm). */
export const NOTICE_LABEL_WIDTH = 1985;
/** Exact line pitch in the form's cells: 22 pt (§2.4: 20–24 pt). */
export const NOTICE_CELL_LINE = 440;
const CELL_MARGIN = 80;

/** 城综执联办督〔2026〕3号 */
export function supervisionNumberText(input: Pick<SupervisionNoticeInput, 'office' | 'number' | 'numberPrefix'>) {
  const prefix = input.numberPrefix?.trim() || `${input.office.docNumberPrefix.trim()}督`;
  return docNumberText(prefix, input.number.year, input.number.number);
}

/** 城关镇综合行政执法协调联席会议纪要（2026年第3期）第一项 */
export function supervisionSourceText(source: SupervisionNoticeInput['source']): string {
  const name = source.meetingName.trim();
  const issue = source.issueText?.trim();
  const n = source.itemNumber;
  const item = n !== undefined && Number.isInteger(n) && n > 0 && n <= 9999 ? `第${chineseNumber(n)}项` : '';
  return `${name}${name.endsWith('纪要') ? '' : '纪要'}${issue ? `（${issue}）` : ''}${item}`;
}

/** 2026年3月20日前（暂定）（纪要印发后10个工作日内）; “见会议纪要” without a date. */
export function supervisionDeadlineText(r: SupervisionNoticeInput['resolution']): string {
  if (!r.deadline || !/^\d{4}-\d{2}-\d{2}$/.test(r.deadline)) return '见会议纪要';
  const rule = r.deadlineRule?.kind === 'working_days' ? `（纪要印发后${r.deadlineRule.days}个工作日内）` : '';
  return `${formatChineseDate(r.deadline)}前${r.deadlineProvisional ? '（暂定）' : ''}${rule}`;
}

/** §2.4 反馈要求, with the feedback date when given. */
export function feedbackRequirementText(feedbackBy?: string): string {
  const when =
    feedbackBy && /^\d{4}-\d{2}-\d{2}/.test(feedbackBy) ? `${formatChineseDate(feedbackBy)}前` : '办理时限届满前';
  return (
    `请于${when}将办理情况书面反馈联席会议办公室（加盖单位公章）；` +
    '确需延期的，应在期限届满前书面说明原因、进展及预计完成时间。'
  );
}

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

interface FormRow {
  label: string;
  /** Paragraph texts of the value cell (empty: a blank cell). */
  lines: string[];
  /** Minimum row height in twips (the row grows with its text). */
  minHeight?: number;
  /** Right-aligned last paragraph, e.g. “年 月 日” under a signature. */
  trailer?: string;
  align?: 'left' | 'center';
}

function formCell(paragraphs: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    children: paragraphs.length > 0 ? paragraphs : [new Paragraph({ spacing: exact(NOTICE_CELL_LINE), children: [] })],
  });
}

/** Two-column form: 黑体 4号 labels centred, 仿宋 4号 values, exact 22 pt lines, widths in grid and cells (WPS). */
function formTable(rows: FormRow[], scheme: FontScheme): Table {
  const fonts = schemeFonts(scheme);
  const valueWidth = BODY_WIDTH - NOTICE_LABEL_WIDTH;
  const para = (text: string, o: { font?: typeof fonts.body; align?: 'left' | 'center' | 'right' } = {}) =>
    new Paragraph({
      ...KEEP_PUNCTUATION,
      alignment:
        o.align === 'center'
          ? AlignmentType.CENTER
          : o.align === 'right'
            ? AlignmentType.RIGHT
            : AlignmentType.JUSTIFIED,
      spacing: exact(NOTICE_CELL_LINE),
      indent: { firstLine: 0 },
      children: [run(text, { size: SIZE.si, font: o.font ?? fonts.body })],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [NOTICE_LABEL_WIDTH, valueWidth],
    borders: {
      top: LINE_BORDER,
      bottom: LINE_BORDER,
      left: LINE_BORDER,
      right: LINE_BORDER,
      insideHorizontal: LINE_BORDER,
      insideVertical: LINE_BORDER,
    },
    rows: rows.map((r) => {
      const value = r.lines.flatMap(toParagraphTexts).map((t) => para(t, { align: r.align }));
      if (r.trailer) value.push(para(r.trailer, { align: 'right' }));
      return new TableRow({
        height: { value: r.minHeight ?? 600, rule: HeightRule.ATLEAST },
        children: [
          formCell([para(r.label, { font: fonts.h1, align: 'center' })], NOTICE_LABEL_WIDTH),
          formCell(value, valueWidth),
        ],
      });
    }),
  });
}

/**
 * “编号：……” 左空一字 and, at a right tab, “交办日期：……” 右空一字, in 4号仿宋. Like issuerDateLine: under
 * 1.5 字 of gap the side spaces go, under 1 字 the right part moves to a second line.
 */
function metaLine(left: string, right: string | undefined, scheme: FontScheme): Paragraph {
  const font = schemeFonts(scheme).body;
  const l = sanitizeText(left).trim();
  const r = sanitizeText(right ?? '').trim();
  const gap = BODY_WIDTH - spacedWidth(l, SIZE.si) - spacedWidth(r, SIZE.si);
  const sides = gap - 2 * CH4 >= 1.5 * CH4;
  return new Paragraph({
    spacing: exact(),
    indent: { left: 0, right: 0, firstLine: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: sides ? BODY_WIDTH - CH4 : BODY_WIDTH }],
    children: [
      run(sides ? `\u3000${l}` : l, { size: SIZE.si, font }),
      ...(r
        ? [new TextRun({ children: [new Tab()], break: gap < CH4 ? 1 : undefined }), run(r, { size: SIZE.si, font })]
        : []),
    ],
  });
}

function formTitle(lines: string[], scheme: FontScheme, red: boolean, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore,
    spacing: exact(lines.length > 1 ? 700 : 579),
    children: lines.map(
      (l, i) =>
        new TextRun({
          text: sanitizeText(l),
          font: schemeFonts(scheme).title,
          size: SIZE.er,
          color: red ? RED : undefined,
          break: i > 0 ? 1 : undefined,
        }),
    ),
  });
}

/** ××联席会议议定事项督办通知单, broken after the joint meeting's name when it does not fit one line. */
export function supervisionTitleLines(office: Pick<MeetingDocOffice, 'jointMeetingName'>): string[] {
  return breakTitle([office.jointMeetingName, '议定事项督办通知单']);
}

/** The 督办通知单 (and its 办理情况反馈单) as a GB/T 9704 page (A4, 37/35/28/26 mm, — N — page numbers). */
export function supervisionNoticeDocument(input: SupervisionNoticeInput): Document {
  const { scheme } = input;
  const number = supervisionNumberText(input);
  const titleLines = supervisionTitleLines(input.office);
  const date = formatChineseDate(input.date);
  const contact = [
    input.contact?.name?.trim(),
    input.contact?.phone?.trim() ? `联系电话：${input.contact.phone.trim()}` : '',
  ]
    .filter(Boolean)
    .join('\u3000');
  const co = input.coUnitNames.map((n) => n.trim()).filter(Boolean);

  const children: FileChild[] = [
    formTitle(titleLines, scheme, input.redTitle === true),
    blankLine(),
    metaLine(`编号：${number}`, `交办日期：${date}`, scheme),
    formTable(
      [
        { label: '督办事项来源', lines: [supervisionSourceText(input.source)] },
        { label: '督办事项', lines: [input.resolution.content], minHeight: 4 * NOTICE_CELL_LINE + 80 },
        { label: '牵头单位', lines: [input.leadUnitName] },
        { label: '配合单位', lines: [co.length > 0 ? co.join('、') : '无'] },
        { label: '办理时限', lines: [supervisionDeadlineText(input.resolution)] },
        { label: '督办要求', lines: [input.requirement], minHeight: 3 * NOTICE_CELL_LINE + 80 },
        { label: '反馈要求', lines: [feedbackRequirementText(input.feedbackBy)] },
        { label: '联系人及电话', lines: [contact] },
        { label: '签发', lines: [], trailer: '年\u3000\u3000月\u3000\u3000日', minHeight: 3 * NOTICE_CELL_LINE + 80 },
      ],
      scheme,
    ),
  ];

  if (input.feedbackForm !== false) {
    children.push(
      formTitle(['督办事项办理情况反馈单'], scheme, false, true),
      blankLine(),
      metaLine(`编号：${number}`, undefined, scheme),
      formTable(
        [
          { label: '督办事项', lines: [input.resolution.content], minHeight: 2 * NOTICE_CELL_LINE + 80 },
          { label: '承办单位', lines: [input.leadUnitName] },
          { label: '办理情况', lines: [], minHeight: 9 * NOTICE_CELL_LINE },
          {
            label: '办理状态',
            lines: [
              '□已办结',
              '□正在办理（预计完成时间：\u3000\u3000年\u3000\u3000月\u3000\u3000日）',
              '□需协调（请说明）',
            ],
          },
          { label: '负责人签字', lines: [], minHeight: 2 * NOTICE_CELL_LINE + 80 },
          { label: '单位盖章', lines: [], trailer: '（盖章）', minHeight: 3 * NOTICE_CELL_LINE + 80 },
          { label: '反馈日期', lines: [], trailer: '年\u3000\u3000月\u3000\u3000日' },
        ],
        scheme,
      ),
    );
  }

  return officialDocument(children, {
    title: `${titleLines.join('')}${number}`,
    creator: input.office.name,
    auditAnchor: input.auditAnchor,
    scheme,
  });
}
