import { fc } from '@fast-check/vitest';
import { DOMParser } from '@xmldom/xmldom';
import { createRequire } from 'node:module';

/** sax (strict mode) has no bundled types; it comes with the dev tools like xmldom. */
interface SaxParser {
  onerror: (e: Error) => void;
  error: Error | null;
  resume(): SaxParser;
  write(s: string): SaxParser;
  close(): SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, o: object): SaxParser };

/** Characters outside the XML 1.0 Char production (lone surrogates included, thanks to the u flag). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Strict well-formedness, three ways (as in the 会议纪要 mapper test): legal characters only and no “]]>”
 * in text; sax in strict mode (tags, entities, bare &); xmldom without any error or warning.
 */
export function assertWellFormed(name: string, xml: string): void {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) throw new Error(`${name}: illegal XML character U+${bad[0].codePointAt(0)!.toString(16)}`);
  if (xml.includes(']]>')) throw new Error(`${name}: “]]>” in character data`);
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);
  const strict = sax.parser(true, {});
  strict.onerror = (e: Error) => {
    fail(e.message);
    strict.error = null;
    strict.resume();
  };
  strict.write(xml).close();
  const dom = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    xml,
    'text/xml',
  );
  if (problems.length > 0 || !dom.documentElement) throw new Error(`${name}: ${problems.join('; ')}`);
}

/** Strings of single UTF-16 units biased toward what breaks XML: U+FFFE/FFFF, surrogates, C0 controls. */
export const hostileString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0008', '\u000B', '\u001F'),
    fc.constantFrom('<', '>', '&', '"', "'", ']]>', '𠮷', '\u3000', '\r', '\n', '\t'),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('督', '办', '通', '报'),
  ),
  maxLength: 24,
});

/** Each `<w:p>` of a part with its XML and its text. */
export function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  }));
}

/** Rows of every table as arrays of cell texts (paragraphs joined by “|”), with each row's XML. */
export function tableRows(xml: string): { xml: string; cells: string[] }[] {
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => ({
    xml: m[1]!,
    cells: [...m[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) =>
      paragraphs(c[1]!)
        .map((p) => p.text)
        .join('|'),
    ),
  }));
}

/** The `<w:r>` whose text is exactly `text`. */
export function runOf(xml: string, text: string): string {
  const r = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].find((m) => m[1]!.includes(`>${text}</w:t>`));
  if (!r) throw new Error(`no run “${text}”`);
  return r[1]!;
}

export const eastAsia = (runXml: string): string | undefined => /w:eastAsia="([^"]+)"/.exec(runXml)?.[1];

/**
 * How the run holding `text` looks: its East Asian font and size (half-points) from its own properties, else
 * from its paragraph's style in styles.xml (report table cells carry their look in a paragraph style).
 */
export function runLook(documentXml: string, stylesXml: string, text: string): { eastAsia?: string; size?: number } {
  const para = [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].find((m) => m[1]!.includes(`>${text}</w:t>`));
  if (!para) throw new Error(`no paragraph with “${text}”`);
  const run = runOf(para[1]!, text);
  const styleId = /<w:pStyle w:val="([^"]+)"\/>/.exec(para[1]!)?.[1];
  const style = styleId
    ? new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>(.*?)</w:style>`, 's').exec(stylesXml)?.[1]
    : undefined;
  if (styleId && style === undefined) throw new Error(`paragraph style ${styleId} is not in styles.xml`);
  const size = (x: string | undefined) => {
    const m = x ? /<w:sz w:val="(\d+)"\/>/.exec(x) : null;
    return m ? Number(m[1]) : undefined;
  };
  const font = eastAsia(run) ?? (style !== undefined ? eastAsia(style) : undefined);
  const sz = size(run) ?? size(style);
  return { ...(font !== undefined ? { eastAsia: font } : {}), ...(sz !== undefined ? { size: sz } : {}) };
}
