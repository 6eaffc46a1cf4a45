import {
  AlignmentType,
  BorderStyle,
  type Document,
  type FileChild,
  type IParagraphStyleOptions,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { chineseNumber, formatChineseDate } from '../../domain/format';
import {
  percentText,
  reportTotalsText,
  type ReportItem,
  type ReportSelection,
} from '../../domain/implementation-report';
import type { BlockNode, ParagraphNode, TableCellNode, TableNode } from '../../editor/document';
import { officialDocument } from './document';
import { BODY_WIDTH, type FontScheme, type RunFonts, schemeFonts, SIZE, widthTwips } from './layout';
import { breakTitle, docNumberText, type MeetingDocOffice } from './meeting-doc-model';
import {
  addressee,
  blankLine,
  body,
  CELL_MARGIN_X,
  columnMargin,
  docNumberLine,
  exact,
  issuerMark,
  KEEP_PUNCTUATION,
  numberedHeading,
  signature,
  title,
} from './primitives';
import { XmlShapes } from './shapes';
import { sanitizeText, toParagraphTexts } from './text';

/**
 * 落实情况通报 (DOCX-FORMAT §2.5): an ordinary 通报 — title, 主送, a lead paragraph with the figures, one
 * section per state group (未启动 / 办理中 / 已办结待核验 / 已核验办结) each with its table, the next steps
 * (naming the units whose items are overdue), and the unsealed signature. The table (序号 / 议定事项 /
 * 牵头单位 / 完成时限 / 办理情况 / 状态) repeats its header row on every page; the print is black, so 逾期
 * is marked “★逾期” and extensions “已延期”, never by colour. {@link reportTableBlocks} gives the same
 * table as editor JSON for meeting N's minutes.
 */
export interface ImplementationReportInput {
  office: Pick<MeetingDocOffice, 'name' | 'jointMeetingName' | 'docNumberPrefix'>;
  /**
   * What the title reports on, e.g. 城关镇综合行政执法协调联席会议2026年第一次会议 → “关于……第一次会议
   * 议定事项落实情况的通报”.
   */
  meetingName: string;
  /** 成文日期 (the signature's date), YYYY-MM-DD; the figures are “截至” the selection's `on`. */
  date: string;
  selection: ReportSelection;
  /** Unit id → name (an unknown id prints nothing). */
  unitNames: Record<string, string>;
  scheme: FontScheme;
  /** With a 发文字号: printed as a 红头 通报 (发文机关标志, 〔year〕N号, red rule). */
  number?: { year: number; number: number };
  /** 主送 (default 联席会议各成员单位). */
  addressee?: string;
  auditAnchor?: { seq: number; hash: string };
}

/** 序号 / 议定事项 / 牵头单位 / 完成时限 / 办理情况 / 状态, in twips (sum = 版心 8845; §2.5 widths, rebalanced). */
export const REPORT_COLUMNS = [
  { header: '序号', width: 600 },
  { header: '议定事项', width: 2245 },
  { header: '牵头单位', width: 1500 },
  { header: '完成时限', width: 1200 },
  { header: '办理情况', width: 2100 },
  { header: '状态', width: 1200 },
] as const;

/**
 * Column widths (twips) of the editor table: the 纪要 mapper prints table cells in 4号 with 80-twip margins,
 * so 序号 and 完成时限 need more room there than in the 小四 report table to keep their headers on one line.
 */
export const REPORT_MINUTES_COLUMN_WIDTHS = [760, 2080, 1450, 1320, 1955, 1280] as const;

/** Cap on one progress/finding text in a cell: the table summarises, the 台账 keeps the whole history. */
export const REPORT_TEXT_CAP = 150;
/** Cell text: 小四 仿宋 on exact 18 pt lines; header 4号 黑体 (§3.10). */
const BODY_SIZE = SIZE.xiaosi;
const BODY_LINE = 360;
const HEADER_LINE = 400;

function capped(s: string, n = REPORT_TEXT_CAP): string {
  const t = sanitizeText(s).replace(/\s+/g, ' ').trim();
  const chars = [...t];
  return chars.length > n ? `${chars.slice(0, n).join('')}……` : t;
}

/** 4月30日 within `year`, else 2027年 / 1月10日 on two lines (a full date does not fit the column). */
function dateLines(iso: string, year: string): string[] {
  const full = formatChineseDate(iso);
  if (iso.slice(0, 4) === year) return [full.replace(/^\d{4}年/, '')];
  const m = /^(\d{4}年)(.*)$/.exec(full)!;
  return [m[1]!, m[2]!];
}

function shortDate(iso: string, year: string): string {
  return dateLines(iso, year).join('');
}

/** 2026年第3期 of the item's minutes, when known. */
function issueOf(item: ReportItem): string | undefined {
  const { issueYear, issueNumber } = item.source;
  return issueYear !== undefined && issueNumber !== undefined ? `${issueYear}年第${issueNumber}期` : undefined;
}

/**
 * The cells of one item as paragraph texts per column (shared by the .docx table and the editor table).
 * `withSource`: name the item's minutes (when the report covers several meetings).
 */
export function reportRowCells(
  item: ReportItem,
  n: number,
  unitNames: Record<string, string>,
  year: string,
  withSource: boolean,
): string[][] {
  const name = (id: string) => (unitNames[id] ?? '').trim();
  const content = capped(item.content, 2000);
  const issue = withSource ? issueOf(item) : undefined;
  const co = item.coUnitIds.map(name).filter(Boolean);

  const deadline: string[] = [];
  if (item.deadline) deadline.push(...dateLines(item.deadline, year));
  else deadline.push('见会议纪要');
  if (item.deadlineProvisional) deadline.push('（暂定）');
  if (item.originalDeadline) deadline.push(`（原定${shortDate(item.originalDeadline, year)}）`);
  if (item.extension?.state === 'pending') {
    deadline.push(`（申请延至${shortDate(item.extension.proposedDeadline, year)}）`);
  }

  const progress: string[] = [];
  const p = item.latestProgress;
  if (p) {
    const pct = p.percent !== undefined && p.kind === 'progress' ? `（${p.percent}%）` : '';
    progress.push(`${shortDate(p.on, year)}${p.kind === 'completion' ? '报办结' : ''}：${capped(p.text)}${pct}`);
  } else {
    progress.push('暂无进展报告');
  }
  const v = item.verification;
  if (v) progress.push(`${v.passed ? '核验' : '核验未通过'}（${shortDate(v.on, year)}）：${capped(v.text)}`);
  const cc = item.cannotComplete;
  if (cc) {
    const escalated = cc.escalated
      ? `；已提交党政联席会议${cc.escalatedOn ? `（${shortDate(cc.escalatedOn, year)}）` : ''}`
      : '';
    progress.push(`不能办结：${capped(cc.reason)}${escalated}`);
  }

  const state: string[] = [item.stateLabel];
  // One short line each: the column holds 4 字 (小四) / 4 字 (4号 in the minutes).
  if (item.overdue) state.push('★逾期', ...(item.overdueDays > 0 ? [`${item.overdueDays}天`] : []));
  if (item.extension?.state === 'approved') state.push('已延期');
  if (item.extension?.state === 'pending') state.push('申请延期');
  // The 办理情况 cell says where it was escalated and when.
  if (cc) state.push('不能办结', ...(cc.escalated ? ['已提请'] : []));

  return [
    [String(n)],
    issue ? [content, `（${issue}纪要）`] : [content],
    [name(item.leadUnitId), ...(co.length > 0 ? [`配合：${co.join('、')}`] : [])].filter(Boolean),
    deadline,
    progress,
    state,
  ];
}

/** Whether the items come from more than one minutes (then each names its source). */
function severalSources(items: readonly ReportItem[]): boolean {
  return new Set(items.map((i) => i.source.minutesId ?? i.source.meetingId)).size > 1;
}

/** Estimated height of a row (twips), to let only short rows refuse to split across pages. */
function rowHeight(cells: string[][]): number {
  let lines = 1;
  cells.forEach((paras, c) => {
    const room = REPORT_COLUMNS[c]!.width - 2 * columnMargin(REPORT_COLUMNS[c]!.width, REPORT_COLUMNS[c]!.header);
    const n = paras.reduce((a, t) => a + Math.max(1, Math.ceil(widthTwips(t, BODY_SIZE, 0) / room)), 0);
    lines = Math.max(lines, n);
  });
  return lines * BODY_LINE + 80;
}

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Paragraph style ids of the report table's cells (styles.xml; 表头 in the heading font). */
const CELL_STYLE = 'JDReportCell';
const HEADER_CELL_STYLE = 'JDReportHeader';

/**
 * The cells' font, size and spacing as two paragraph styles, written once: a 200-row table has some 3,000
 * cell paragraphs, and spelling these out on each paragraph and run made the table most of the file and of the
 * time to build it (document.xml 1.09 MB → well under half).
 */
function reportCellStyles(scheme: FontScheme): IParagraphStyleOptions[] {
  const fonts = schemeFonts(scheme);
  const style = (
    id: string,
    name: string,
    o: { line: number; font: RunFonts; size: number; center: boolean },
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: false,
    paragraph: {
      ...KEEP_PUNCTUATION,
      alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: exact(o.line),
      indent: { firstLine: 0 },
    },
    run: { font: o.font, size: o.size },
  });
  return [
    style(CELL_STYLE, '通报表格正文', { line: BODY_LINE, font: fonts.body, size: BODY_SIZE, center: false }),
    style(HEADER_CELL_STYLE, '通报表格表头', { line: HEADER_LINE, font: fonts.h1, size: SIZE.si, center: true }),
  ];
}

/** The report table for rows of {@link reportRowCells}, header repeated on every page. */
function reportTable(rows: string[][][], shapes: XmlShapes): Table {
  // The usual cell margins once for the table (tblCellMar); only a narrow column's own on its cells.
  const margins = REPORT_COLUMNS.map((col) => columnMargin(col.width, col.header));
  const cell = (paras: readonly string[], c: number, header: boolean) => {
    const col = REPORT_COLUMNS[c]!;
    const margin = margins[c]!;
    // 序号, 完成时限 and 状态 are centred; the styles centre the header and align the rest left.
    const center = !header && (c === 0 || c === 3 || c === 5);
    return new TableCell({
      width: { size: col.width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(margin !== CELL_MARGIN_X ? { margins: { left: margin, right: margin } } : {}),
      children: paras.map(
        (t) =>
          new Paragraph({
            style: header ? HEADER_CELL_STYLE : CELL_STYLE,
            ...(center ? { alignment: AlignmentType.CENTER } : {}),
            children: [new TextRun(t)],
          }),
      ),
    });
  };
  // A row's shape is whether it may split and how many lines each cell has; its texts fill the slots.
  const row = (cells: string[][]) => {
    // A row taller than half a page may split (a long 议定事项); shorter ones stay whole.
    const cantSplit = rowHeight(cells) < 6000 ? true : undefined;
    const paras = cells.map((p) => (p.length > 0 ? p : ['']));
    const counts = paras.map((p) => p.length);
    return shapes.row(`${cantSplit ? 'whole' : 'split'}:${counts.join(',')}`, paras.flat().map(sanitizeText), (t) => {
      let k = 0;
      return new TableRow({
        cantSplit,
        children: counts.map((n, i) => cell(t.slice(k, (k += n)), i, false)),
      });
    });
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: REPORT_COLUMNS.map((c) => c.width),
    margins: { top: 40, bottom: 40, left: CELL_MARGIN_X, right: CELL_MARGIN_X },
    borders: {
      top: LINE_BORDER,
      bottom: LINE_BORDER,
      left: LINE_BORDER,
      right: LINE_BORDER,
      insideHorizontal: LINE_BORDER,
      insideVertical: LINE_BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: REPORT_COLUMNS.map((c, i) => cell([sanitizeText(c.header)], i, true)),
      }),
      ...rows.map(row),
    ],
  });
}

/** 关于……议定事项落实情况的通报, broken after the joint meeting's name when the title needs two lines. */
export function reportTitleLines(input: Pick<ImplementationReportInput, 'office' | 'meetingName'>): string[] {
  const name = input.meetingName.trim();
  const joint = input.office.jointMeetingName.trim();
  const parts =
    joint && name.startsWith(joint) && name.length > joint.length ? [joint, name.slice(joint.length)] : [name];
  return breakTitle(['关于', ...parts, '议定事项', '落实情况的通报']);
}

/**
 * “截至2026年6月10日，纳入本次通报的议定事项……共6项，其中……。现将有关情况通报如下：”. The date is the
 * selection's `on` (the day 逾期 was judged on), so the figures and the date always agree.
 */
export function reportLeadText(selection: ReportSelection): string {
  const asOf = `截至${formatChineseDate(selection.on)}`;
  if (selection.totals.total === 0) return `${asOf}，上次会议以来无需通报的议定事项。`;
  const scope = selection.since
    ? '（上次会议时尚未办结的事项，以及此后印发或有新进展的事项）'
    : '（已印发会议纪要确定的全部事项）';
  return `${asOf}，纳入本次通报的议定事项${scope}${reportTotalsText(selection.totals)}。现将有关情况通报如下：`;
}

/** The units leading an overdue item, in report order, once each. */
function overdueUnits(selection: ReportSelection, unitNames: Record<string, string>): string[] {
  const out: string[] = [];
  for (const i of selection.items) {
    const n = (unitNames[i.leadUnitId] ?? '').trim();
    if (i.overdue && n && !out.includes(n)) out.push(n);
  }
  return out;
}

function nextSteps(selection: ReportSelection, unitNames: Record<string, string>): string[] {
  const t = selection.totals;
  const out: string[] = [];
  const units = overdueUnits(selection, unitNames);
  if (t.overdue > 0) {
    out.push(
      `逾期未办结事项${t.overdue}项${units.length > 0 ? `，涉及${units.join('、')}` : ''}。` +
        '请相关牵头单位书面说明原因，明确完成时间，抓紧办理，配合单位要主动对接、形成合力。',
    );
  }
  if (t.open > 0) {
    out.push(
      '尚未办结的事项，请各牵头单位对照议定事项和完成时限加快推进，及时向联席会议办公室反馈办理情况；' +
        '确需延期的，应在期限届满前书面申请。',
    );
  }
  if (t.byState.done_pending_verification > 0) {
    out.push(`已办结待核验的${t.byState.done_pending_verification}项，由纪工委、司法所按程序核验后办结销号。`);
  }
  if (out.length === 0) out.push('请各成员单位巩固落实成果，建立长效机制，防止问题反弹。');
  return out;
}

/** The 落实情况通报 .docx (see the module comment). */
export function implementationReportDocument(input: ImplementationReportInput): Document {
  const { selection, scheme, unitNames } = input;
  const year = input.date.slice(0, 4);
  const titleLines = reportTitleLines(input);
  const withSource = severalSources(selection.items);
  const numbers = new Map(selection.items.map((i, k) => [i.resolutionId, k + 1]));
  const shapes = new XmlShapes();

  const children: FileChild[] = [];
  if (input.number) {
    children.push(
      issuerMark(input.office.name, scheme),
      blankLine(),
      blankLine(),
      docNumberLine(docNumberText(input.office.docNumberPrefix, input.number.year, input.number.number), scheme),
      blankLine(),
      blankLine(),
    );
  }
  children.push(
    title(titleLines, 0, scheme),
    blankLine(),
    addressee(`${(input.addressee ?? '联席会议各成员单位').trim().replace(/[：:]$/u, '')}：`, scheme),
    body(reportLeadText(selection), { scheme }),
  );

  let section = 0;
  for (const g of selection.groups) {
    if (g.items.length === 0) continue;
    section++;
    const share =
      selection.totals.total > 0
        ? `，占${percentText(Math.round((g.items.length / selection.totals.total) * 1000) / 10)}`
        : '';
    children.push(
      numberedHeading(`${chineseNumber(section)}、`, `${g.label}事项（${g.items.length}项${share}）`, 1, scheme),
      reportTable(
        g.items.map((i) => reportRowCells(i, numbers.get(i.resolutionId)!, unitNames, year, withSource)),
        shapes,
      ),
    );
  }
  section++;
  children.push(
    numberedHeading(`${chineseNumber(section)}、`, '下一步工作要求', 1, scheme),
    ...nextSteps(selection, unitNames).map((t) => body(t, { scheme })),
    blankLine(),
    ...signature(input.office.name, formatChineseDate(input.date), scheme),
  );

  return officialDocument(children, {
    title: titleLines.join(''),
    creator: input.office.name,
    auditAnchor: input.auditAnchor,
    scheme,
    paragraphStyles: reportCellStyles(scheme),
  });
}

const textPara = (t: string): ParagraphNode =>
  t ? { type: 'paragraph', content: [{ type: 'text', text: t }] } : { type: 'paragraph' };

/**
 * The same table as editor JSON (shared/editor/document.ts), for meeting N's minutes template: a header
 * row of tableHeader cells, one row per item in report order (the 状态 column names its group), the same
 * cell texts as the .docx, column widths in px (twips ÷ 10, {@link REPORT_MINUTES_COLUMN_WIDTHS}). No items →
 * no blocks (the template writes its own sentence).
 */
export function reportTableBlocks(
  selection: ReportSelection,
  unitNames: Record<string, string>,
  o: { year?: string } = {},
): BlockNode[] {
  if (selection.items.length === 0) return [];
  const year = o.year ?? selection.on.slice(0, 4);
  const withSource = severalSources(selection.items);
  const colwidth = (c: number) => [Math.round(REPORT_MINUTES_COLUMN_WIDTHS[c]! / 10)];
  const cellOf = (type: TableCellNode['type'], paras: string[], c: number): TableCellNode => ({
    type,
    attrs: { colspan: 1, rowspan: 1, colwidth: colwidth(c) },
    content: (paras.length > 0 ? paras : ['']).map((t) => textPara(sanitizeText(t))),
  });
  const table: TableNode = {
    type: 'table',
    content: [
      { type: 'tableRow', content: REPORT_COLUMNS.map((c, i) => cellOf('tableHeader', [c.header], i)) },
      ...selection.items.map((item, k) => ({
        type: 'tableRow' as const,
        content: reportRowCells(item, k + 1, unitNames, year, withSource).map((paras, i) =>
          cellOf(
            'tableCell',
            paras.flatMap((p) => toParagraphTexts(p)),
            i,
          ),
        ),
      })),
    ],
  };
  return [table];
}
