import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { BODY_WIDTH, CH3, CH4, FONT, LINE, type RunFonts, SIZE, TRACK, widthTwips } from './layout';
import { sanitizeText, toParagraphTexts } from './text';

/** Exact line spacing (§3.4: `LineRuleType.EXACT`, never `EXACTLY`). */
export const exact = (line = LINE, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

interface RunOptions {
  font?: RunFonts;
  size?: number;
  color?: string;
}

/** A run of 三号 text (tracked to 28 字 per line) unless another size is given. */
export function run(text: string, o: RunOptions = {}): TextRun {
  const size = o.size ?? SIZE.san;
  return new TextRun({
    text: sanitizeText(text),
    font: o.font ?? FONT.fangsong,
    size,
    color: o.color,
    characterSpacing: size === SIZE.san ? TRACK : undefined,
  });
}

/** 标题: 2号小标宋, centred; `lines` break at meaning boundaries. */
export function title(lines: string[], before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(lines.length > 1 ? 700 : LINE, before, 0),
    children: lines.map(
      (l, i) =>
        new TextRun({ text: sanitizeText(l), font: FONT.xbs, size: SIZE.er, break: i > 0 ? 1 : undefined }),
    ),
  });
}

/** An empty 579-line (空一行). */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exact(), children: [] });
}

/** 正文 paragraph: 左空二字, justified. */
export function body(text: string, o: RunOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    children: [run(text, o)],
  });
}

/** User text as one or more 正文 paragraphs. */
export function bodyParagraphs(text: string): Paragraph[] {
  return toParagraphTexts(text).map((t) => body(t));
}

/** A 正文 paragraph that starts with a label in another font (e.g. 黑体 “一、会议时间” followed by 仿宋 text). */
export function labelled(label: string, text: string, labelFont: RunFonts = FONT.hei): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    children: [run(label, { font: labelFont }), run(text)],
  });
}

/** 层次标题: level 1 黑体 (一、), level 2 楷体 (（一）), levels 3–4 仿宋; same indent as 正文. */
export function heading(text: string, level: 1 | 2 | 3 | 4): Paragraph {
  const font = level === 1 ? FONT.hei : level === 2 ? FONT.kai : FONT.fangsong;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    outlineLevel: level - 1,
    children: [run(text, { font })],
  });
}

/** 主送机关: flush left, full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ spacing: exact(), indent: { firstLine: 0 }, children: [run(text)] });
}

/** Centred 楷体 题注 under a title, e.g. “（2026年3月6日上午9:00 镇政府三楼会议室）” (with a full-width space). */
export function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(text, { font: FONT.kai })] });
}

/**
 * 署名 and 日期, unsealed (§7.3.5.2, §3.11): name 右空二字, the date starting 2 字 right of the name's first
 * character; if the date is longer, the date is 右空二字 and the name moves left.
 */
export function signature(name: string, date: string): Paragraph[] {
  const wN = widthTwips(name);
  const wD = widthTwips(date);
  let nameRight: number;
  let dateRight: number;
  if (wN - wD >= 2 * CH3) {
    nameRight = 2 * CH3;
    dateRight = wN - wD;
  } else {
    dateRight = 2 * CH3;
    nameRight = Math.max(0, 4 * CH3 + wD - wN);
  }
  const p = (t: string, right: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(), indent: { right }, children: [run(t)] });
  return [p(name, nameRight), p(date, dateRight)];
}

/** 页码 footers: “— 1 —” in 4号宋体, odd pages 右空一字, even pages 左空一字 (§3.6). */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const pageNo = (odd: boolean) =>
    new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      indent: odd ? { right: CH4 } : { left: CH4 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.song, size: SIZE.si })],
    });
  return { default: new Footer({ children: [pageNo(true)] }), even: new Footer({ children: [pageNo(false)] }) };
}

export interface TableColumn {
  header: string;
  /** Share of the 版心 width, 0–1; shares should add up to 1. */
  share: number;
  align?: 'left' | 'center';
}

/**
 * A form table across the full 版心 (§3.10): fixed layout, widths in both tblGrid and cells (WPS reads the
 * grid), 黑体 4号 header repeated on every page, 仿宋 4号 cells, rows that do not split.
 */
export function formTable(columns: TableColumn[], rows: string[][], o: { rowHeight?: number } = {}): Table {
  const widths = columns.map((c) => Math.floor(c.share * BODY_WIDTH));
  const diff = BODY_WIDTH - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + diff;
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: toCellParagraphs(text).map(
        (t) =>
          new Paragraph({
            alignment:
              header || columns[i]?.align !== 'left' ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: exact(400),
            indent: { firstLine: 0 },
            children: [run(t, { size: SIZE.si, font: header ? FONT.hei : FONT.fangsong })],
          }),
      ),
    });
  const height = o.rowHeight ? { value: o.rowHeight, rule: HeightRule.EXACT } : undefined;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, height, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

function toCellParagraphs(text: string): string[] {
  const parts = toParagraphTexts(text);
  return parts.length > 0 ? parts : [''];
}

/** A thin black rule (版记分隔线 style) as an empty 1-pt paragraph with a bottom border. */
export function rule(thick = true): Paragraph {
  return new Paragraph({
    spacing: exact(20),
    border: { bottom: { style: BorderStyle.SINGLE, size: thick ? 8 : 6, color: '000000', space: 0 } },
    children: [],
  });
}
