import { Document, type FileChild, type IParagraphStyleOptions, Packer, type ISectionOptions } from 'docx';
import { type FontScheme, LINE, MARGIN, PAGE, type RunFonts, schemeFonts, SIZE } from './layout';
import { pageNumberFooters } from './primitives';
import { sanitizeText } from './text';
import { LineRuleType } from 'docx';

export interface OfficialDocumentOptions {
  title: string;
  /** Document creator shown in file properties (the issuing office). */
  creator?: string;
  /** Audit chain head written as a custom property so a printed/exported document can be matched to the trail. */
  auditAnchor?: { seq: number; hash: string };
  /** Page numbers (default true). */
  pageNumbers?: boolean;
  /** Font scheme of the default run and the page numbers (default `standard`). */
  scheme?: FontScheme;
  /** Default 正文 font (defaults to the scheme's body font, 仿宋_GB2312 in `standard`). */
  bodyFont?: RunFonts;
  /**
   * Paragraph styles of the document, for content repeated hundreds of times (a report table's cells): their
   * font, size and spacing are written once in styles.xml instead of on every paragraph and run.
   */
  paragraphStyles?: readonly IParagraphStyleOptions[];
}

/**
 * A GB/T 9704-2012 document: A4, 37/35/28/26 mm margins, 3号仿宋 with exact 28.95 pt lines, odd/even page
 * numbers. Every exported document goes through here so the layout lives in one place.
 */
export function officialDocument(children: FileChild[], o: OfficialDocumentOptions): Document {
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...MARGIN },
      },
      grid: { linePitch: LINE },
    },
    footers: o.pageNumbers === false ? undefined : pageNumberFooters(o.scheme),
    children,
  };
  return new Document({
    title: sanitizeText(o.title),
    creator: sanitizeText(o.creator ?? '联席会议工作台'),
    evenAndOddHeaderAndFooters: o.pageNumbers !== false,
    customProperties: o.auditAnchor
      ? [
          { name: 'JointDeskAuditSeq', value: String(o.auditAnchor.seq) },
          { name: 'JointDeskAuditHash', value: o.auditAnchor.hash },
        ]
      : [],
    styles: {
      default: {
        document: {
          run: {
            font: o.bodyFont ?? schemeFonts(o.scheme).body,
            size: SIZE.san,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
      ...(o.paragraphStyles ? { paragraphStyles: o.paragraphStyles } : {}),
    },
    sections: [section],
  });
}

/** Pack a document to bytes (works in the browser, Electron and Node). */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
