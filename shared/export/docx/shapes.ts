import { type BaseXmlComponent, FileChild, type IContext, type IXmlableObject, TableRow } from 'docx';
import type { RichRun } from './primitives';
import { sanitizeText } from './text';

/**
 * Paragraphs and table rows that differ only in their text, built and turned into docx's XML objects once.
 *
 * A 200-row 落实情况通报 or a 30-page 纪要 repeats a handful of shapes (a body paragraph, a row of six cells
 * with one or two lines each) hundreds of times. Building each with docx's `Paragraph`/`TextRun`/`TableCell`
 * and letting docx walk those objects costs most of an export. Here a shape's builder runs once, with slots
 * (private-use placeholders) where its texts go; docx turns that into its XML object, and each use is a copy of
 * that object with the slots replaced by the texts. docx then writes it exactly as it writes the built one, so
 * the document's XML is byte for byte what building every paragraph would give.
 *
 * A key names everything the builder's output depends on except the texts (marks, alignment, widths, the
 * number of runs); whether each text is empty is added to it.
 */
export class XmlShapes {
  private readonly fills = new Map<string, Fill>();

  /** The XML object of `build(texts)`, from the shape built once per `key` with slots for the texts. */
  xml(key: string, texts: readonly string[], build: (texts: readonly string[]) => BaseXmlComponent): IXmlableObject {
    const k = `${key}\u0000${texts.map((t) => (t === '' ? '0' : '1')).join('')}`;
    let fill = this.fills.get(k);
    if (!fill) {
      const slots = texts.map((t, i) => (t === '' ? '' : slot(i)));
      const template = build(slots).prepForXml(BARE_CONTEXT);
      if (!template) throw new Error(`shape ${key} writes no XML`);
      fill = filler(template) ?? (() => template);
      this.fills.set(k, fill);
    }
    return fill(texts) as IXmlableObject;
  }

  /** A body element (paragraph) of the shape: see `xml`. */
  child(key: string, texts: readonly string[], build: (texts: readonly string[]) => FileChild): FileChild {
    return new PreparedChild(this.xml(key, texts, build));
  }

  /** A paragraph of `runs` (their texts sanitized): `build` gets runs with the same marks and slots for texts. */
  runs(key: string, runs: readonly RichRun[], build: (runs: RichRun[]) => FileChild): FileChild {
    return this.child(`${key}|${marksKey(runs)}`, runTexts(runs), (t) => build(withTexts(runs, t)));
  }

  /**
   * A table row of the shape, for a `Table`'s rows: see `xml`. The table sees no cells in it, so give each cell
   * its width (the table would give a built row's cells without one the grid's), and build a table with row spans
   * (the table adds cells to the rows under a span) from built rows.
   */
  row(key: string, texts: readonly string[], build: (texts: readonly string[]) => TableRow): TableRow {
    return new PreparedRow(this.xml(key, texts, build));
  }
}

/** The marks of `runs` (and how many there are), for a shape's key. */
export function marksKey(runs: readonly RichRun[]): string {
  const marks = runs.map(
    (r) => `${r.bold ? 'b' : ''}${r.italics ? 'i' : ''}${r.underline ? 'u' : ''}${r.break ? 'n' : ''}`,
  );
  return `${runs.length}:${marks.join('.')}`;
}

/** The texts of `runs`, sanitized, to fill a shape. */
export const runTexts = (runs: readonly RichRun[]) => runs.map((r) => sanitizeText(r.text));

/** `runs` with the texts `t` (slots when building a shape). */
export const withTexts = (runs: readonly RichRun[], t: readonly string[]): RichRun[] =>
  runs.map((r, i) => ({ ...r, text: t[i]! }));

type Fill = (texts: readonly string[]) => unknown;

const SLOT_MARK = 0xe000;
const SLOT_BASE = 0xe100;
const slot = (i: number) => String.fromCharCode(SLOT_MARK, SLOT_BASE + (i >> 12), SLOT_BASE + (i & 0xfff));
const slotIndex = (s: string) =>
  s.length === 3 && s.charCodeAt(0) === SLOT_MARK
    ? ((s.charCodeAt(1) - SLOT_BASE) << 12) + s.charCodeAt(2) - SLOT_BASE
    : -1;

/**
 * Paragraphs and rows of plain text use no part of the context (no numbering, images, links or nested tables,
 * which would need the document): docx's own `Formatter` default is the same bare stack.
 */
const BARE_CONTEXT = { stack: [] } as unknown as IContext;

/**
 * How to copy `x` with its slots filled; undefined when it has none (the copy then shares it as it is). Copies share
 * their parts without slots with the shape and each other: docx only reads them when writing, except that a table of
 * contents makes it bookmark the headings it lists in place — so no shapes in a document with one.
 */
function filler(x: unknown): Fill | undefined {
  if (typeof x === 'string') {
    const i = slotIndex(x);
    return i < 0 ? undefined : (t) => t[i];
  }
  if (Array.isArray(x)) {
    const parts = x.map(filler);
    if (parts.every((p) => p === undefined)) return undefined;
    return (t) => x.map((v, k) => (parts[k] ? parts[k](t) : v));
  }
  if (x !== null && typeof x === 'object') {
    const entries = Object.entries(x).map(([k, v]) => [k, v, filler(v)] as const);
    if (entries.every(([, , f]) => f === undefined)) return undefined;
    return (t) => {
      const o: Record<string, unknown> = {};
      for (const [k, v, f] of entries) o[k] = f ? f(t) : v;
      return o;
    };
  }
  return undefined;
}

class PreparedChild extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super('');
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

class PreparedRow extends TableRow {
  constructor(private readonly xml: IXmlableObject) {
    super({ children: [] });
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}
