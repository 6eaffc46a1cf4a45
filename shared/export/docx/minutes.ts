import {
  AlignmentType,
  BorderStyle,
  type Document,
  type FileChild,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatChineseDate } from '../../domain/format';
import type {
  AttendanceLineNode,
  AttendanceRole,
  BlockNode,
  BulletListNode,
  InlineNode,
  MinutesDoc,
  MinutesHeaderData,
  OrderedListNode,
  ResolutionAttrs,
  TableNode,
} from '../../editor/document';
import { headingNumbers } from '../../editor/numbering';
import { resolutionText } from '../../editor/text';
import { officialDocument } from './document';
import { BODY_WIDTH, CH3, type FontScheme, schemeFonts, SIZE } from './layout';
import {
  blankLine,
  exact,
  hangingLine,
  imprint,
  issuerDateLine,
  issuerMark,
  KEEP_PUNCTUATION,
  numberedHeading,
  richRuns,
  run,
  type RichRun,
} from './primitives';
import { marksKey, runTexts, withTexts, XmlShapes } from './shapes';
import { sanitizeText } from './text';

export interface MinutesDocxInput {
  doc: MinutesDoc;
  header: MinutesHeaderData;
  /** Unit id → name, for the resolutions' 牵头/配合 units (an unknown id prints nothing). */
  unitNames: Record<string, string>;
  scheme: FontScheme;
  /**
   * 纪要标志 without “纪要”, e.g. 城关镇综合行政执法协调联席会议; defaults to the issuing office without
   * a trailing 办公室.
   */
  jointMeetingName?: string;
  /** 分送 names (the 版记's first row); none → only the 印发 row. */
  distribution?: string;
  /** 印发机关 (defaults to the issuing office). */
  printedBy?: string;
  /** 印发日期, YYYY-MM-DD. */
  printedOn: string;
  /** Draft preview: “（草稿）” after 第×期. */
  draft?: boolean;
  auditAnchor?: { seq: number; hash: string };
}

const ROLE_LABEL: Record<AttendanceRole, string> = { present: '出席', leave: '请假', observer: '列席' };

/** 第3期, 第（两个全角空格）期 while unnumbered (filled in at 印发), with （草稿） for a draft. */
export function minutesIssueText(header: Pick<MinutesHeaderData, 'issueNumber'>, draft = false): string {
  const n = header.issueNumber;
  const number = n !== undefined && Number.isInteger(n) && n > 0 ? String(n) : '\u3000\u3000';
  return `第${number}期${draft ? '（草稿）' : ''}`;
}

/** ××联席会议纪要: the 纪要标志 (GB §10.3). */
export function minutesMarkText(input: Pick<MinutesDocxInput, 'jointMeetingName' | 'header'>): string {
  const name = (input.jointMeetingName ?? input.header.issuingOffice.replace(/办公室$/u, '')).trim();
  return `${name}纪要`;
}

/**
 * The date a resolution's deadline prints as: 3月20日 within the minutes' year, 2027年1月10日 otherwise;
 * '' for a working-day rule (resolutionSentence then writes 于纪要印发后N个工作日内完成) or a bad date.
 */
export function resolutionDeadlineText(attrs: ResolutionAttrs, minutesDate: string): string {
  const d = attrs.deadline;
  if (d?.kind !== 'date' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return '';
  const full = formatChineseDate(d.date);
  return d.date.slice(0, 4) === minutesDate.slice(0, 4) ? full.replace(/^\d{4}年/, '') : full;
}

/** Tiptap inline content → rich runs (marks kept; links print as their text; hardBreak → line break). */
function inlineRuns(content: InlineNode[] | undefined): RichRun[] {
  const out: RichRun[] = [];
  for (const n of content ?? []) {
    if (n.type === 'hardBreak') {
      out.push({ text: '', break: true });
    } else if (n.type === 'text' && typeof n.text === 'string') {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      out.push({
        text: n.text,
        bold: marks.has('bold'),
        italics: marks.has('italic'),
        underline: marks.has('underline'),
      });
    }
  }
  return out;
}

function isEmpty(runs: RichRun[]): boolean {
  return runs.every((r) => !r.break && sanitizeText(r.text).trim() === '');
}

/** 正文 paragraph with marks: 左空二字, justified, wrapped lines flush left. */
function richBody(shapes: XmlShapes, runs: RichRun[], scheme: FontScheme, leftIndent = 0): FileChild {
  return shapes.runs(
    `body:${scheme}:${leftIndent}`,
    runs,
    (r) =>
      new Paragraph({
        ...KEEP_PUNCTUATION,
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact(),
        indent: leftIndent ? { left: leftIndent, firstLine: 2 * CH3 } : { firstLineChars: 200, firstLine: 2 * CH3 },
        children: richRuns(r, { scheme }),
      }),
  );
}

function listMarker(ordered: boolean, n: number, depth: number): string {
  if (!ordered) return depth === 0 ? '•' : '◦';
  return depth === 0 ? `${n}.` : depth === 1 ? `（${n}）` : `${n})`;
}

/** Lists as 正文 paragraphs with their marker; each nesting level 2 字 further in. */
function listParagraphs(
  shapes: XmlShapes,
  node: BulletListNode | OrderedListNode,
  scheme: FontScheme,
  depth = 0,
): FileChild[] {
  const ordered = node.type === 'orderedList';
  const start = ordered ? ((node as OrderedListNode).attrs?.start ?? 1) : 1;
  const out: FileChild[] = [];
  (node.content ?? []).forEach((item, i) => {
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === 'paragraph') {
        const runs = inlineRuns(child.content);
        const marker = first ? [{ text: listMarker(ordered, start + i, depth) }] : [];
        out.push(richBody(shapes, [...marker, ...runs], scheme, depth * 2 * CH3));
        first = false;
      } else if (child.type === 'bulletList' || child.type === 'orderedList') {
        out.push(...listParagraphs(shapes, child, scheme, depth + 1));
      }
    }
  });
  return out;
}

/**
 * A bordered table across the 版心 (§3.10): fixed layout with widths in tblGrid and cells (WPS), 4号仿宋
 * cells and 黑体 header cells, exact 20 pt lines, header rows repeated, colspan/rowspan kept. Column widths
 * follow the editor's colwidth where every column has one, else equal shares.
 */
function minutesTable(node: TableNode, scheme: FontScheme, shapes: XmlShapes): Table | undefined {
  const rows = (node.content ?? []).filter((r) => (r.content ?? []).length > 0);
  if (rows.length === 0) return undefined;
  const span = (c: { attrs?: { colspan?: number } }) => Math.max(1, Math.min(63, Math.floor(c.attrs?.colspan ?? 1)));
  const first = rows[0]!.content;
  const columns = Math.max(
    1,
    Math.min(
      63,
      first.reduce((a, c) => a + span(c), 0),
    ),
  );
  let px: number[] | undefined = first.flatMap((c) => {
    const w = c.attrs?.colwidth;
    return Array.from({ length: span(c) }, (_, k) => w?.[k] ?? NaN);
  });
  if (px.length !== columns || px.some((w) => !(w > 0))) px = undefined;
  const total = px ? px.reduce((a, b) => a + b, 0) : columns;
  const widths = Array.from({ length: columns }, (_, i) => Math.floor(((px?.[i] ?? 1) / total) * BODY_WIDTH));
  widths[columns - 1]! += BODY_WIDTH - widths.reduce((a, b) => a + b, 0);
  const fonts = schemeFonts(scheme);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

  const rowSpan = (c: { attrs?: { rowspan?: number } }, r: number) =>
    (c.attrs?.rowspan ?? 1) > 1 ? Math.min(Math.floor(c.attrs!.rowspan!), rows.length - r) : undefined;
  // A row span makes the table add cells to the rows under it, which then have to be built (shapes.ts).
  const spans = rows.some((row, r) => row.content.some((c) => rowSpan(c, r) !== undefined));

  interface CellShape {
    span: number;
    width: number;
    isHeader: boolean;
    rowSpan: number | undefined;
    paragraphs: RichRun[][];
  }
  const buildRow = (cells: readonly CellShape[], tableHeader: boolean) =>
    new TableRow({
      tableHeader: tableHeader ? true : undefined,
      cantSplit: true,
      children: cells.map((c) => {
        const paragraphs = c.paragraphs.map(
          (runs) =>
            new Paragraph({
              ...KEEP_PUNCTUATION,
              alignment: c.isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
              spacing: exact(400),
              indent: { firstLine: 0 },
              children: richRuns(runs, { size: SIZE.si, font: c.isHeader ? fonts.h1 : fonts.body }),
            }),
        );
        return new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          columnSpan: c.span > 1 ? c.span : undefined,
          rowSpan: c.rowSpan,
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: paragraphs.length > 0 ? paragraphs : [new Paragraph({ spacing: exact(400), children: [] })],
        });
      }),
    });

  const tableRows = rows.map((row, r) => {
    let col = 0;
    const tableHeader = r === 0 && row.content.every((c) => c.type === 'tableHeader');
    const cells = row.content.map((c): CellShape => {
      const s = Math.min(span(c), Math.max(1, columns - col));
      const width = widths.slice(col, col + s).reduce((a, b) => a + b, 0) || widths[columns - 1]!;
      col += s;
      return {
        span: s,
        width,
        isHeader: c.type === 'tableHeader',
        rowSpan: rowSpan(c, r),
        paragraphs: (c.content ?? []).map((p) => inlineRuns(p.content)),
      };
    });
    if (spans) return buildRow(cells, tableHeader);
    const key = cells
      .map(
        (c) =>
          `${c.span},${c.width},${c.isHeader ? 'h' : 'd'},${c.paragraphs.length}/${c.paragraphs.map(marksKey).join('/')}`,
      )
      .join(';');
    return shapes.row(
      `cells:${scheme}:${tableHeader}:${key}`,
      runTexts(cells.flatMap((c) => c.paragraphs.flat())),
      (t) => {
        let k = 0;
        const take = (runs: RichRun[]) => withTexts(runs, t.slice(k, (k += runs.length)));
        return buildRow(
          cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(take) })),
          tableHeader,
        );
      },
    );
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: tableRows,
  });
}

function attendanceParagraph(node: AttendanceLineNode, scheme: FontScheme): Paragraph {
  const label = sanitizeText(node.attrs?.label ?? '')
    .trim()
    .replace(/[：:]+$/u, '');
  const text = label || ROLE_LABEL[node.attrs?.role] || ROLE_LABEL.present;
  return hangingLine(`${text}：`, inlineRuns(node.content), scheme);
}

function bodyBlocks(input: MinutesDocxInput): FileChild[] {
  const { doc, scheme } = input;
  const numbers = headingNumbers(doc);
  const unitName = (id: string) => input.unitNames[id] ?? '';
  // Body paragraphs, headings and blank lines repeat a few shapes; each is built once (shapes.ts).
  const shapes = new XmlShapes();
  const blank = () => shapes.child('blank', [], blankLine);
  const out: FileChild[] = [];
  let previous: BlockNode['type'] | undefined;
  doc.content.forEach((node, i) => {
    switch (node.type) {
      case 'paragraph': {
        const runs = inlineRuns(node.content);
        out.push(isEmpty(runs) ? blank() : richBody(shapes, runs, scheme));
        break;
      }
      case 'heading': {
        const level = node.attrs.level;
        const runs = [{ text: numbers.get(i) ?? '' }, ...inlineRuns(node.content)];
        out.push(
          shapes.runs(`heading:${scheme}:${level}`, runs, ([label, ...content]) =>
            numberedHeading(label!.text, content, level, scheme),
          ),
        );
        break;
      }
      case 'bulletList':
      case 'orderedList':
        out.push(...listParagraphs(shapes, node, scheme));
        break;
      case 'table': {
        const t = minutesTable(node, scheme, shapes);
        if (t) out.push(t);
        break;
      }
      case 'resolution': {
        const text = resolutionText(node.attrs, unitName, resolutionDeadlineText(node.attrs, input.header.date));
        out.push(richBody(shapes, [{ text }], scheme));
        break;
      }
      case 'attendanceLine':
        // GB §10.3: one blank line between the body and the 出席/请假/列席 lists.
        if (previous !== undefined && previous !== 'attendanceLine') out.push(blank());
        out.push(attendanceParagraph(node, scheme));
        break;
      default:
        return; // a node type this mapper does not know (stored by a newer version): skipped
    }
    previous = node.type;
  });
  return out;
}

/**
 * 会议纪要 (GB/T 9704-2012 §10.3, DOCX-FORMAT §1.5–1.6): red 纪要标志 35 mm below the 版心 top, 第×期,
 * the office / date line over the red rule, then the body (numbered 层次标题, 正文 with marks, lists, tables,
 * 议定事项 in the official phrasing, 出席/请假/列席 with hanging indents), odd/even “— N —” page numbers
 * and the 版记 (分送, 印发) at the end. No seal and no 署名 (纪要不加盖印章).
 */
export function minutesDocument(input: MinutesDocxInput): Document {
  const { header, scheme } = input;
  const mark = minutesMarkText(input);
  const issue = minutesIssueText(header, input.draft);
  const children: FileChild[] = [
    issuerMark(mark, scheme),
    blankLine(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(issue, { scheme })] }),
    issuerDateLine(header.issuingOffice, formatChineseDate(header.date), scheme),
    blankLine(),
    blankLine(),
    ...bodyBlocks(input),
    blankLine(),
    ...imprint({
      distribution: input.distribution,
      printedBy: input.printedBy?.trim() || header.issuingOffice,
      printedOn: formatChineseDate(input.printedOn),
      scheme,
    }),
  ];
  return officialDocument(children, {
    title: `${mark}${issue}`,
    creator: header.issuingOffice,
    auditAnchor: input.auditAnchor,
    scheme,
  });
}
