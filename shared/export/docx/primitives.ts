import {
  AlignmentType,
  BorderStyle,
  Footer,
  OverlapType,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  TableAnchorType,
  TabStopType,
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
  type FileChild,
} from 'docx';
import {
  BODY_WIDTH,
  CH3,
  CH4,
  type FontScheme,
  LINE,
  RED,
  type RunFonts,
  schemeFonts,
  SIZE,
  TRACK,
  widthTwips,
} from './layout';
import { sanitizeText, toParagraphTexts } from './text';

/**
 * Written on every text paragraph. Without `w:overflowPunct`, LibreOffice (7.4) drops a full-width ；，。
 * that falls just past a full 28-字 line: the glyph is neither hung in the margin nor wrapped, it vanishes
 * from the page and the PDF. With it, LibreOffice wraps the last character and the mark together, and
 * Word keeps its default (hang the mark in the margin).
 */
export const KEEP_PUNCTUATION = { overflowPunctuation: true } as const;

/** Exact line spacing (§3.4: `LineRuleType.EXACT`, never `EXACTLY`). */
export const exact = (line = LINE, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

export interface RunOptions {
  font?: RunFonts;
  size?: number;
  color?: string;
  /** Font scheme for the default (body) font; `standard` unless given. */
  scheme?: FontScheme;
}

/** A run of 三号 text (tracked to 28 字 per line) unless another size is given. */
export function run(text: string, o: RunOptions = {}): TextRun {
  const size = o.size ?? SIZE.san;
  return new TextRun({
    text: sanitizeText(text),
    font: o.font ?? schemeFonts(o.scheme).body,
    size,
    color: o.color,
    characterSpacing: size === SIZE.san ? TRACK : undefined,
  });
}

/** 标题: 2号小标宋, centred; `lines` break at meaning boundaries. */
export function title(lines: string[], before = 0, scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(lines.length > 1 ? 700 : LINE, before, 0),
    children: lines.map(
      (l, i) =>
        new TextRun({
          text: sanitizeText(l),
          font: schemeFonts(scheme).title,
          size: SIZE.er,
          break: i > 0 ? 1 : undefined,
        }),
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
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    children: [run(text, o)],
  });
}

/** User text as one or more 正文 paragraphs. */
export function bodyParagraphs(text: string, scheme: FontScheme = 'standard'): Paragraph[] {
  return toParagraphTexts(text).map((t) => body(t, { scheme }));
}

/** A 正文 paragraph that starts with a label in another font (e.g. 黑体 “一、会议时间” followed by 仿宋 text). */
export function labelled(
  label: string,
  text: string,
  labelFont?: RunFonts,
  scheme: FontScheme = 'standard',
): Paragraph {
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    children: [run(label, { font: labelFont ?? schemeFonts(scheme).h1 }), run(text, { scheme })],
  });
}

/**
 * 层次标题: level 1 黑体 (一、), level 2 楷体 (（一）), levels 3–4 仿宋; same indent as 正文. Kept with the
 * next paragraph so a heading never ends a page alone.
 */
export function heading(
  text: string,
  level: 1 | 2 | 3 | 4,
  o: { keepNext?: boolean; scheme?: FontScheme } = {},
): Paragraph {
  const font = headingFont(level, o.scheme);
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    keepNext: o.keepNext ?? true,
    outlineLevel: level - 1,
    children: [run(text, { font })],
  });
}

/** 层次标题 typeface: level 1 黑体, level 2 楷体, levels 3–4 the body 仿宋 (GB §7.3.3). */
export function headingFont(level: 1 | 2 | 3 | 4, scheme: FontScheme = 'standard'): RunFonts {
  const f = schemeFonts(scheme);
  return level === 1 ? f.h1 : level === 2 ? f.h2 : f.body;
}

/** 主送机关: flush left, full-width colon. */
export function addressee(text: string, scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    spacing: exact(),
    indent: { firstLine: 0 },
    children: [run(text, { scheme })],
  });
}

/** Centred 楷体 题注 under a title, e.g. “（2026年3月6日上午9:00 镇政府三楼会议室）” (with a full-width space). */
export function caption(text: string, scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(),
    children: [run(text, { font: schemeFonts(scheme).h2 })],
  });
}

/**
 * 署名 and 日期, unsealed (§7.3.5.2, §3.11): name 右空二字, the date starting 2 字 right of the name's first
 * character; if the date is longer, the date is 右空二字 and the name moves left.
 */
export function signature(name: string, date: string, scheme: FontScheme = 'standard'): Paragraph[] {
  const wN = spacedWidth(name);
  const wD = spacedWidth(date);
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
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(),
      indent: { right },
      children: [run(t, { scheme })],
    });
  return [p(name, nameRight), p(date, dateRight)];
}

/**
 * {@link widthTwips} plus the gap Word and LibreOffice put between Chinese and Latin/digit runs
 * (autoSpaceDE/DN, on by default): measured 3.2–3.3 pt at 三号, i.e. 0.2 em per transition. Without it a
 * date like 2026年3月2日 is estimated 16 pt short and the unsealed signature drifts by one 字.
 */
export function spacedWidth(s: string, halfPt: number = SIZE.san): number {
  let transitions = 0;
  let prev: boolean | undefined;
  for (const ch of s) {
    const isCjk = /[\u2E80-\uFFEF\u3000-\u303F]/.test(ch);
    if (prev !== undefined && prev !== isCjk) transitions++;
    prev = isCjk;
  }
  return widthTwips(s, halfPt) + transitions * halfPt * 2;
}

/**
 * 页码 footers: “— 1 —” in 4号半角宋体, odd pages 右空一字, even pages 左空一字 (§3.6). Use with the
 * document's `evenAndOddHeaderAndFooters` (officialDocument sets it), else Word shows only the odd footer.
 */
export function pageNumberFooters(scheme: FontScheme = 'standard'): { default: Footer; even: Footer } {
  const pageNo = (odd: boolean) =>
    new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      indent: odd ? { right: CH4 } : { left: CH4 },
      children: [
        new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: schemeFonts(scheme).song, size: SIZE.si }),
      ],
    });
  return { default: new Footer({ children: [pageNo(true)] }), even: new Footer({ children: [pageNo(false)] }) };
}

export interface TableColumn {
  header: string;
  /** Share of the 版心 width, 0–1; shares should add up to 1. */
  share: number;
  align?: 'left' | 'center';
  /**
   * Keep body text inside an exact-height row: 4号, else 小四, else 五号 on one line, else two tight
   * 五号 lines. Without it a long unit name wraps and an exact row clips the second line.
   */
  fit?: boolean;
}

/** Horizontal cell margins of {@link formTable} (each side), and of columns with `fit`. */
export const CELL_MARGIN_X = 80;
const FIT_MARGIN_X = 40;

/**
 * Horizontal margin of a column: the usual 80 twips, less when the 4号 header would otherwise wrap (序号 in
 * a 7 % column is 560 twips of text in 619).
 */
export function columnMargin(width: number, header: string): number {
  const need = widthTwips(header, SIZE.si, 0) + 20;
  return Math.max(10, Math.min(CELL_MARGIN_X, Math.floor((width - need) / 2)));
}

/** Size and line pitch that keep `text` inside a cell `width` twips wide (see {@link TableColumn.fit}). */
export function fitCellText(text: string, width: number, margin = CELL_MARGIN_X): { size: number; line: number } {
  // Slack for renderer metrics differing from the 1-em / half-em estimate.
  const room = width - 2 * margin - 20;
  for (const [size, line] of [
    [SIZE.si, 400],
    [SIZE.xiaosi, 360],
    [21, 300],
  ] as const) {
    if (widthTwips(text, size, 0) <= room) return { size, line };
  }
  return { size: 21, line: 250 };
}

/**
 * A form table across the full 版心 (§3.10): fixed layout, widths in both tblGrid and cells (WPS reads the
 * grid), 黑体 4号 header repeated on every page, 仿宋 4号 cells, rows that do not split.
 */
export function formTable(
  columns: TableColumn[],
  rows: string[][],
  o: { rowHeight?: number; scheme?: FontScheme } = {},
): Table {
  const fonts = schemeFonts(o.scheme);
  const widths = columns.map((c) => Math.floor(c.share * BODY_WIDTH));
  const diff = BODY_WIDTH - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + diff;
  const cell = (text: string, i: number, header: boolean) => {
    // Fitted columns trade some padding for text size (a 6-字 post stays on one 五号 line in 16 %).
    const margin = Math.min(
      columnMargin(widths[i]!, columns[i]?.header ?? ''),
      columns[i]?.fit ? FIT_MARGIN_X : CELL_MARGIN_X,
    );
    const fitted = !header && columns[i]?.fit ? fitCellText(text, widths[i]!, margin) : { size: SIZE.si, line: 400 };
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: margin, right: margin },
      children: toCellParagraphs(text).map(
        (t) =>
          new Paragraph({
            alignment: header || columns[i]?.align !== 'left' ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: exact(fitted.line),
            indent: { firstLine: 0 },
            children: [run(t, { size: fitted.size, font: header ? fonts.h1 : fonts.body })],
          }),
      ),
    });
  };
  const height = o.rowHeight ? { value: o.rowHeight, rule: HeightRule.EXACT } : undefined;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, height, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) }),
      ),
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

/** Size (half-points) and horizontal scale (%) of a 发文机关标志 that fits the 版心 (§3.8). */
export function markFit(text: string): { size: number; scale: number } {
  const room = Math.floor(0.95 * BODY_WIDTH);
  let last = { size: 52, scale: 100 };
  // Largest size that needs at most 25 % condensing; the reference 纪要标志 (16 字) lands on 30 pt × 85 %.
  for (const size of [84, 72, 60, 52]) {
    const w = widthTwips(text, size, 0);
    if (w <= room) return { size, scale: 100 };
    const scale = Math.floor((room / w) * 100);
    last = { size, scale: Math.max(60, scale) };
    if (scale >= 75) return last;
  }
  // Still too wide at 26 pt × 60 %: the name wraps, which GB allows for long issuers.
  return last;
}

/**
 * 发文机关标志: red 小标宋, centred, top edge 35 mm below the 版心 top (§3.8: `before` 1984 and an exact
 * line only 2 pt taller than the font so the glyph top is the line top).
 */
export function issuerMark(text: string, scheme: FontScheme = 'standard'): Paragraph {
  const { size, scale } = markFit(text);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(size * 10 + 40, 1984),
    children: [
      new TextRun({
        text: sanitizeText(text),
        font: schemeFonts(scheme).title,
        size,
        color: RED,
        scale: scale < 100 ? scale : undefined,
      }),
    ],
  });
}

/**
 * 发文字号 with the 版头红色分隔线 under it (§3.7): a bottom border on the centred paragraph, which must
 * have zero indents so the rule spans the whole 版心.
 */
export function docNumberLine(text: string, scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(),
    indent: { left: 0, right: 0, firstLine: 0 },
    border: { bottom: RED_RULE },
    children: [run(text, { scheme })],
  });
}

/** 附件说明 for one attachment: 左空二字 “附件：”, a wrapped name aligned with its first character (§3.11). */
export function attachmentNote(name: string, scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { left: 5 * CH3, hanging: 3 * CH3 },
    children: [run(`附件：${name}`, { scheme })],
  });
}

/** “附件” (or “附件1”) 3号黑体 flush left on line 1 of a new page (§1.4 附件). */
export function attachmentLabel(text = '附件', scheme: FontScheme = 'standard'): Paragraph {
  return new Paragraph({
    pageBreakBefore: true,
    spacing: exact(),
    indent: { firstLine: 0 },
    children: [run(text, { font: schemeFonts(scheme).h1 })],
  });
}

/** A flush-left line with no indent (meta lines of forms: “时间：…… 地点：……”). */
export function plainLine(text: string, o: RunOptions = {}): Paragraph {
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    spacing: exact(),
    indent: { firstLine: 0 },
    children: [run(text, o)],
  });
}

/** The 版头红色分隔线 (§3.7): 1.5 pt red, 6 pt below the text (≈ 4 mm below the glyphs at a 28.95 pt line). */
export const RED_RULE = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } as const;

/** A piece of inline text with the marks a document may carry (bold/italic/underline), or a line break. */
export interface RichRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** A manual line break before `text`. */
  break?: boolean;
}

/** Runs for `parts` in one font and size (三号 tracked to 28 字 per line, like {@link run}). */
export function richRuns(parts: string | readonly RichRun[], o: RunOptions = {}): TextRun[] {
  const size = o.size ?? SIZE.san;
  const font = o.font ?? schemeFonts(o.scheme).body;
  const list: readonly RichRun[] = typeof parts === 'string' ? [{ text: parts }] : parts;
  return list.map(
    (p) =>
      new TextRun({
        text: sanitizeText(p.text),
        font,
        size,
        color: o.color,
        characterSpacing: size === SIZE.san ? TRACK : undefined,
        bold: p.bold || undefined,
        italics: p.italics || undefined,
        underline: p.underline ? {} : undefined,
        break: p.break ? 1 : undefined,
      }),
  );
}

/**
 * 层次标题 with its official number (一、 （一） 1. （1）, from shared/editor/numbering's headingLabel):
 * number and text in the level's typeface (黑体 / 楷体 / 仿宋 / 仿宋), 左空二字 like 正文, kept with the
 * next paragraph, outline level for the navigation pane.
 */
export function numberedHeading(
  label: string,
  content: string | readonly RichRun[],
  level: 1 | 2 | 3 | 4,
  scheme: FontScheme = 'standard',
  o: { keepNext?: boolean } = {},
): Paragraph {
  const font = headingFont(level, scheme);
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 2 * CH3 },
    keepNext: o.keepNext ?? true,
    outlineLevel: level - 1,
    children: richRuns([{ text: label }, ...(typeof content === 'string' ? [{ text: content }] : content)], { font }),
  });
}

/**
 * A labelled line with a hanging indent (出席/请假/列席, GB §10.3): the label (e.g. “出席：”, in 黑体 by
 * default) starts 左空二字, the text follows in 仿宋, and wrapped lines align with the first character
 * after the label: `left = 2字 + w(label)`, `hanging = w(label)` (“出席：” → 1575 / 945).
 */
export function hangingLine(
  label: string,
  content: string | readonly RichRun[],
  scheme: FontScheme = 'standard',
  o: { labelFont?: RunFonts } = {},
): Paragraph {
  const hanging = widthTwips(sanitizeText(label));
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { left: 2 * CH3 + hanging, hanging },
    children: [...richRuns(label, { font: o.labelFont ?? schemeFonts(scheme).h1 }), ...richRuns(content, { scheme })],
  });
}

/**
 * 编发机关 / 日期 line over the red rule (纪要, 简报; §1.6, §3.11): the office 左空一字 (a leading U+3000),
 * the date 右空一字 at a right tab, and the red bottom border. Zero indents so the rule spans the 版心.
 * A long office name would run into the date: under 1.5 字 of gap the side spaces go, and under 1 字
 * the date moves to a second line (still right-aligned at the tab).
 */
export function issuerDateLine(office: string, date: string, scheme: FontScheme = 'standard'): Paragraph {
  const name = sanitizeText(office).trim();
  const gap = BODY_WIDTH - spacedWidth(name) - spacedWidth(date);
  const sides = gap - 2 * CH3 >= 1.5 * CH3;
  return new Paragraph({
    spacing: exact(),
    indent: { left: 0, right: 0, firstLine: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: sides ? BODY_WIDTH - CH3 : BODY_WIDTH }],
    border: { bottom: RED_RULE },
    children: [
      run(sides ? `\u3000${name}` : name, { scheme }),
      new TextRun({ children: [new Tab()], break: gap < CH3 ? 1 : undefined }),
      run(date, { scheme }),
    ],
  });
}

export interface ImprintOptions {
  /** 分送/抄送 names without the label; omitted or blank → no such row. */
  distribution?: string;
  /** “分送” (纪要) or “抄送”. */
  distributionLabel?: string;
  /** 印发机关. */
  printedBy: string;
  /** 印发日期 as printed, e.g. 2026年3月9日 (“印发” is appended). */
  printedOn: string;
  scheme?: FontScheme;
}

const IMPRINT_THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const; // 0.35 mm
const IMPRINT_THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // ≈ 0.25 mm
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/**
 * 版记 (GB §7.4, §3.9): 分送/抄送 (4号仿宋, 左右各空一字, wrapped names under the first name, full stop)
 * and 印发机关 左空一字 / “2026年3月9日印发” 右空一字, between a thick first rule, thin middle rules and a
 * thick last rule, all 版心 wide. It is a table floating at the bottom of the text area so the last rule
 * coincides with the 版心 bottom of the last page in Word/WPS; LibreOffice 7.4 ignores the anchor and
 * sets it right after the text (U2). The trailing 1-pt paragraph carries the float's anchor.
 */
export function imprint(o: ImprintOptions): FileChild[] {
  const fonts = schemeFonts(o.scheme);
  const cell = (p: Paragraph) =>
    new TableCell({
      width: { size: BODY_WIDTH, type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      children: [p],
    });
  const rows: TableRow[] = [];
  const names = sanitizeText(o.distribution ?? '').trim();
  if (names) {
    const label = `${o.distributionLabel ?? '分送'}：`;
    const text = /[。.]$/.test(names) ? names : `${names.replace(/[，,；;、]$/, '')}。`;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            new Paragraph({
              ...KEEP_PUNCTUATION,
              alignment: AlignmentType.JUSTIFIED,
              spacing: exact(),
              indent: { left: CH4 + widthTwips(label, SIZE.si), right: CH4, hanging: widthTwips(label, SIZE.si) },
              children: [
                run(label, { size: SIZE.si, font: fonts.body }),
                run(text, { size: SIZE.si, font: fonts.body }),
              ],
            }),
          ),
        ],
      }),
    );
  }
  rows.push(
    new TableRow({
      cantSplit: true,
      children: [
        cell(
          new Paragraph({
            spacing: exact(),
            indent: { left: 0, right: 0, firstLine: 0 },
            tabStops: [{ type: TabStopType.RIGHT, position: BODY_WIDTH - CH4 }],
            children: [
              run(`\u3000${o.printedBy}`, { size: SIZE.si, font: fonts.body }),
              new TextRun({ children: [new Tab()] }),
              run(`${o.printedOn}印发`, { size: SIZE.si, font: fonts.body }),
            ],
          }),
        ),
      ],
    }),
  );
  return [
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: BODY_WIDTH, type: WidthType.DXA },
      columnWidths: [BODY_WIDTH],
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        overlap: OverlapType.NEVER,
      },
      borders: {
        top: IMPRINT_THICK,
        bottom: IMPRINT_THICK,
        insideHorizontal: IMPRINT_THIN,
        left: NO_BORDER,
        right: NO_BORDER,
        insideVertical: NO_BORDER,
      },
      rows,
    }),
    new Paragraph({ spacing: exact(20), children: [] }),
  ];
}
