import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  AlignmentType,
  type FileChild,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { exact, officialDocument, packDocx, richRuns, type RichRun } from '../../../../../shared/export/docx';
import { XmlShapes } from '../../../../../shared/export/docx/shapes';
import { readDocxParts } from '../../../../helpers/docx-xml';

async function documentXml(children: FileChild[]): Promise<string> {
  const parts = await readDocxParts(await packDocx(officialDocument(children, { title: 't', pageNumbers: false })));
  return parts['word/document.xml']!;
}

const bodyParagraph = (runs: readonly RichRun[]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { firstLineChars: 200, firstLine: 630 },
    children: richRuns(runs),
  });

const WIDTHS = [1000, 2000, 3000];

/** A row of three cells, each with its lines as paragraphs (the 通报's table in small). */
const tableRow = (cells: readonly (readonly string[])[]) =>
  new TableRow({
    cantSplit: true,
    children: cells.map(
      (lines, c) =>
        new TableCell({
          width: { size: WIDTHS[c]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: lines.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(t)] })),
        }),
    ),
  });

const table = (rows: TableRow[]) =>
  new Table({ layout: TableLayoutType.FIXED, columnWidths: WIDTHS, width: { size: 6000, type: WidthType.DXA }, rows });

// Texts with what XML escapes or drops, CJK, lone surrogates, control characters, tab and newline, a slot's
// private-use character, and the empty text.
const text = fc.oneof(
  fc.constantFrom('', ' ', '关于占道经营', 'a & b < c > "d" \'e\'', '\uD800x', 'x\u0001y', '\uE000', 'a\tb\nc'),
  fc.string({ maxLength: 12 }),
);
const richRun = fc.record({
  text,
  bold: fc.boolean(),
  italics: fc.boolean(),
  underline: fc.boolean(),
  break: fc.boolean(),
});

describe('XmlShapes', () => {
  fcTest.prop([fc.array(fc.array(richRun, { maxLength: 4 }), { minLength: 1, maxLength: 6 })], { numRuns: 25 })(
    'paragraphs from a shape write the same XML as building each one',
    async (paragraphs) => {
      const shapes = new XmlShapes();
      const shaped = paragraphs.map((runs) => shapes.runs('body', runs, bodyParagraph));
      expect(await documentXml(shaped)).toBe(await documentXml(paragraphs.map(bodyParagraph)));
    },
  );

  fcTest.prop(
    [
      fc.array(fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }), {
        minLength: 1,
        maxLength: 8,
      }),
    ],
    { numRuns: 25 },
  )('table rows from a shape write the same XML as building each one', async (rows) => {
    const shapes = new XmlShapes();
    const shaped = rows.map((cells) => {
      const counts = cells.map((c) => c.length);
      return shapes.row(counts.join(','), cells.flat(), (t) => {
        let k = 0;
        return tableRow(counts.map((n) => t.slice(k, (k += n))));
      });
    });
    expect(await documentXml([table(shaped)])).toBe(await documentXml([table(rows.map(tableRow))]));
  });

  it('builds a shape once and gives each use its own texts', async () => {
    const shapes = new XmlShapes();
    let builds = 0;
    const build = (runs: readonly RichRun[]) => {
      builds++;
      return bodyParagraph(runs);
    };
    const texts = ['第一段', '第二段', '第三段'];
    const xml = await documentXml(texts.map((t) => shapes.runs('body', [{ text: t }], build)));
    expect(builds).toBe(1);
    expect([...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(texts);
    // Other marks, or an empty text, are another shape.
    shapes.runs('body', [{ text: '加粗', bold: true }], build);
    shapes.runs('body', [{ text: '' }], build);
    expect(builds).toBe(3);
  });
});
