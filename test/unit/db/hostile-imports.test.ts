import { deflateRawSync } from 'node:zlib';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type { DataLayer } from '../../../renderer/src/db/types';
import { readFilledFeedbackForm } from '../../../renderer/src/features/followup/unit-exchange';
import { buildUnitsPeopleTemplate, MAX_XLSX_BYTES, readUnitsPeopleWorkbook } from '../../../renderer/src/lib/xlsx';
import type ExcelJS from '../../../renderer/src/lib/xlsx/exceljs';
import type { CellValue } from '../../../renderer/src/lib/xlsx/exceljs';
import { buildFeedbackFormWorkbook } from '../../../renderer/src/lib/xlsx/feedback-form-workbook';
import { crc32, ZIP_LIMITS } from '../../../renderer/src/lib/xlsx/zip-guard';
import { DomainError } from '../../../shared/domain';
import {
  FEEDBACK_HEADER_ROW,
  FEEDBACK_META_SHEET,
  feedbackCheckToken,
  formatFeedbackIssue,
  type FeedbackFormInput,
} from '../../../shared/import/feedback-form';
import { formatImportIssue, validateUnitsPeople } from '../../../shared/import/units-people';
import {
  feedbackColumn,
  feedbackFormInput,
  feedbackTask,
  fillFeedbackRow,
  GOOD_FEEDBACK,
  openFeedbackForm,
  type FeedbackFill,
} from '../../helpers/feedback-form-fixture';
import { PERSON_HEADER_ROW, UNIT_HEADER_ROW, workbookBytes } from '../lib/xlsx/build-workbook';
import { freshDatabase, snapshotTables } from './helpers';

/**
 * RELIABILITY-SECURITY.md IMP-3: a deterministic corpus of 200 malformed or hostile files, each run through
 * the entry the UI uses — units/people: `readUnitsPeopleWorkbook` (lib/xlsx) → `validateUnitsPeople` →
 * `importer.unitsAndPeople` (use-units-people-import.ts); feedback forms: `readFilledFeedbackForm`
 * (unit-exchange.ts) → `previewFeedbackForm` → `importFeedbackForm` (unit-exchange-modal.tsx), the import also
 * tried directly, as a caller skipping the preview would. Each must end in a clear Chinese error naming what
 * (and, for a cell, where), with the database digest unchanged and Object.prototype untouched.
 */

// ---------------------------------------------------------------------------------------------------------
// Messages

const NOT_XLSX = /^无法读取该文件：不是有效的 \.xlsx 工作簿$/;
const REFUSED_ZIP = /^文件解压后过大或结构异常，已拒绝读取（可能是损坏或恶意构造的文件）$/;
const CORRUPT = /^文件已损坏（压缩数据校验不符），无法读取，请重新获取原文件$/;
const TOO_LARGE = /^文件过大（\d+\.\d MB）：导入文件不能超过 10 MB$/;
const SHEET_TOO_BIG = /^工作表过大（超过 100000 行或每行 500 个单元格）/;
const DAMAGED = new RegExp(`${NOT_XLSX.source}|${CORRUPT.source}|${REFUSED_ZIP.source}`);
/** IMP-2 refusals that name the file (the importers below pass the name the UI passes) and the entry. */
const FILE = 'hostile.xlsx';
const ratioRefused = (entry: string) =>
  new RegExp(
    `^文件“${escape(FILE)}”中的“${escape(entry)}”压缩比异常（解压后超过压缩数据的 100 倍），已拒绝读取（可能是压缩炸弹或恶意构造的文件）$`,
  );
const nestedRefused = (entry: string) =>
  new RegExp(`^文件“${escape(FILE)}”中的“${escape(entry)}”是压缩包，已拒绝读取：导入的文件中不能再套压缩文件$`);
/** A bomb refused by whichever limit it meets first: the ratio (counted as it inflates) or a size limit. */
const BOMB = new RegExp(`${REFUSED_ZIP.source}|压缩比异常（解压后超过压缩数据的 100 倍）`);
const noSheet = (name: string) => new RegExp(`^文件中没有名为“${name}”的工作表$`);
/** A units/people issue: sheet, row and (usually) column named. */
const unitsIssue = (sheet: '单位' | '人员', row: number, rest: string) => new RegExp(`“${sheet}”表第 ${row} 行${rest}`);
/** A feedback form issue: row and column named. */
const formIssue = (row: number, column: string, rest: string) =>
  new RegExp(`第 ${row} 行“${escape(column)}”列：${rest}`);
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------
// Byte-level generators (deterministic)

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function randomBytes(n: number, seed: number): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}
const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
};

interface RawEntry {
  name: string;
  /** Bytes as stored (already compressed for method 8). */
  body: Uint8Array;
  method: number;
  /** Declared uncompressed size and CRC. */
  size: number;
  crc: number;
  flags?: number;
}
const deflated = (name: string, data: Uint8Array): RawEntry => ({
  name,
  body: new Uint8Array(deflateRawSync(data)),
  method: 8,
  size: data.byteLength,
  crc: crc32(data),
});

/**
 * A zip written by hand, so headers can lie. `aliases` adds central-directory records that point at the
 * local header of entry 0 (overlapping entries: one compressed kernel, many files).
 */
function rawZip(
  entries: RawEntry[],
  o: { aliases?: number; aliasSize?: number; count?: number; cdOffset?: number } = {},
): Uint8Array {
  const locals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc(e.name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, e.flags ?? 0, true);
    h.setUint16(8, e.method, true);
    h.setUint32(14, e.crc, true);
    h.setUint32(18, e.body.byteLength, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, name.byteLength, true);
    offsets.push(offset);
    const part = concat(new Uint8Array(h.buffer), name, e.body);
    locals.push(part);
    offset += part.byteLength;
  }
  const central: Uint8Array[] = [];
  const record = (e: RawEntry, name: string, at: number, size = e.size) => {
    const n = enc(name);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, e.flags ?? 0, true);
    c.setUint16(10, e.method, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.body.byteLength, true);
    c.setUint32(24, size, true);
    c.setUint16(28, n.byteLength, true);
    c.setUint32(42, at, true);
    central.push(concat(new Uint8Array(c.buffer), n));
  };
  entries.forEach((e, i) => record(e, e.name, offsets[i]!));
  for (let i = 0; i < (o.aliases ?? 0); i++) record(entries[0]!, `xl/media/alias${i}.xml`, 0, o.aliasSize);
  const cd = concat(...central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  const count = o.count ?? central.length;
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, cd.byteLength, true);
  end.setUint32(16, o.cdOffset ?? offset, true);
  return concat(...locals, cd, new Uint8Array(end.buffer));
}

/** An entry list that is a plausible workbook skeleton plus `extra`. */
function skeleton(extra: RawEntry[]): RawEntry[] {
  return [deflated('[Content_Types].xml', enc('<?xml version="1.0"?><Types/>')), ...extra];
}

const zeros = (n: number) => new Uint8Array(n);
let bombKernel: Uint8Array | undefined;
/** 8 MiB of zeros, deflated (~8 KB). */
const kernel8 = () => (bombKernel ??= new Uint8Array(deflateRawSync(zeros(8 * 1024 * 1024))));

/** The file-level corpus: the same hostile bytes for either importer (`base` is a good file of that kind). */
function fileLevelCases(base: () => Promise<Uint8Array>, tag: number): [string, () => Promise<Uint8Array>, RegExp][] {
  const mutate = (f: (b: Uint8Array) => Uint8Array) => async () => f((await base()).slice());
  const entriesOf = (b: Uint8Array) => {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let eocd = b.byteLength - 22;
    while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const list: { name: string; cd: number; local: number; dataStart: number; compressed: number }[] = [];
    let o = v.getUint32(eocd + 16, true);
    for (let i = 0; i < v.getUint16(eocd + 10, true); i++) {
      const n = v.getUint16(o + 28, true);
      const local = v.getUint32(o + 42, true);
      const name = new TextDecoder().decode(b.subarray(o + 46, o + 46 + n));
      const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      list.push({ name, cd: o, local, dataStart, compressed: v.getUint32(o + 20, true) });
      o += 46 + n + v.getUint16(o + 30, true) + v.getUint16(o + 32, true);
    }
    return { v, eocd, list };
  };
  const sheetEntry = (b: Uint8Array) => entriesOf(b).list.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const R = (seed: number) => seed * 7919 + tag;
  return [
    ['an empty file', async () => new Uint8Array(0), NOT_XLSX],
    ['a PDF renamed .xlsx', async () => enc('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), NOT_XLSX],
    [
      'a PNG renamed .xlsx',
      async () => concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200, R(1))),
      NOT_XLSX,
    ],
    [
      'a JPEG renamed .xlsx',
      async () => concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200, R(2))),
      NOT_XLSX,
    ],
    [
      'a Windows .exe renamed .xlsx',
      async () => concat(enc('MZ'), zeros(58), enc('PE\0\0'), randomBytes(400, R(4))),
      NOT_XLSX,
    ],
    [
      'an old binary .xls (OLE2) renamed .xlsx',
      async () => concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), zeros(504)),
      NOT_XLSX,
    ],
    ['a CSV file renamed .xlsx', async () => enc('单位名称,单位类别\n城关镇人民政府,乡镇/街道\n'), NOT_XLSX],
    [
      'UTF-16 text with a BOM',
      async () =>
        new Uint8Array([
          0xff,
          0xfe,
          ...Array.from('单位名称\t单位类别', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat(),
        ]),
      NOT_XLSX,
    ],
    [
      'GBK-encoded text',
      async () => new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0, 0x0a]),
      NOT_XLSX,
    ],
    [
      'an HTML table saved as .xlsx',
      async () => enc('<html><body><table><tr><td>单位名称</td></tr></table><script>alert(1)</script></body></html>'),
      NOT_XLSX,
    ],
    [
      'an XML Spreadsheet 2003 file',
      async () =>
        enc(
          '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="单位"/></Workbook>',
        ),
      NOT_XLSX,
    ],
    ['a gzip file', async () => concat(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), randomBytes(100, R(6))), NOT_XLSX],
    ['a RAR archive', async () => concat(enc('Rar!\x1a\x07\x01\x00'), randomBytes(100, R(7))), NOT_XLSX],
    [
      'a 7z archive',
      async () => concat(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), randomBytes(100, R(8))),
      NOT_XLSX,
    ],
    ['4 KB of random bytes', async () => randomBytes(4096, R(9)), NOT_XLSX],
    [
      'a zip signature followed by zeros',
      async () => concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), zeros(100)),
      NOT_XLSX,
    ],
    ['a zip holding only a text file', async () => rawZip([deflated('readme.txt', enc('hello'))]), NOT_XLSX],
    [
      'a .docx renamed .xlsx',
      async () => rawZip(skeleton([deflated('word/document.xml', enc('<w:document/>'))])),
      NOT_XLSX,
    ],
    ['a file just over 10 MB', async () => zeros(MAX_XLSX_BYTES + 1), TOO_LARGE],
    [
      'a 10.5 MB zip of random data',
      async () =>
        rawZip([
          {
            name: 'xl/media/x.bin',
            body: randomBytes(10.5 * 1024 * 1024, R(10)),
            method: 0,
            size: 10.5 * 1024 * 1024,
            crc: 0,
          },
        ]),
      TOO_LARGE,
    ],
    ...[0.1, 0.25, 0.5, 0.75, 0.99].map((f): [string, () => Promise<Uint8Array>, RegExp] => [
      `truncated to ${f * 100}%`,
      mutate((b) => b.slice(0, Math.floor(b.byteLength * f))),
      NOT_XLSX,
    ]),
    ['truncated by one byte', mutate((b) => b.slice(0, b.byteLength - 1)), NOT_XLSX],
    [
      'a central directory offset past the end',
      mutate((b) => {
        const { v, eocd } = entriesOf(b);
        v.setUint32(eocd + 16, b.byteLength + 100, true);
        return b;
      }),
      NOT_XLSX,
    ],
    ...[1, 2, 3].map((k): [string, () => Promise<Uint8Array>, RegExp] => [
      `a byte flipped inside the worksheet's compressed data (${k})`,
      mutate((b) => {
        const e = sheetEntry(b);
        const at = e.dataStart + Math.floor(prng(R(20 + k))() * e.compressed);
        b[at] = b[at]! ^ (1 << k);
        return b;
      }),
      DAMAGED,
    ]),
    [
      'a CRC that does not match the worksheet',
      mutate((b) => {
        const { v } = entriesOf(b);
        const e = sheetEntry(b);
        v.setUint32(e.cd + 16, v.getUint32(e.cd + 16, true) ^ 0x1, true);
        return b;
      }),
      CORRUPT,
    ],
    [
      'a zip bomb with an honest header (one 50 MB entry)',
      async () =>
        rawZip(
          skeleton([
            {
              ...deflated('xl/sharedStrings.xml', zeros(0)),
              body: new Uint8Array(deflateRawSync(zeros(ZIP_LIMITS.maxEntryBytes + 1))),
              size: ZIP_LIMITS.maxEntryBytes + 1,
            },
          ]),
        ),
      REFUSED_ZIP,
    ],
    [
      'a zip bomb with a lying header (declares 1,000 bytes, inflates to 8 MiB)',
      async () => rawZip(skeleton([{ name: 'xl/sharedStrings.xml', body: kernel8(), method: 8, size: 1000, crc: 0 }])),
      REFUSED_ZIP,
    ],
    [
      'a zip bomb declaring 0 bytes',
      async () => rawZip(skeleton([{ name: 'xl/worksheets/sheet1.xml', body: kernel8(), method: 8, size: 0, crc: 0 }])),
      REFUSED_ZIP,
    ],
    [
      'entries within the per-entry limit adding up to more than 100 MB (honest)',
      async () => {
        const body = new Uint8Array(deflateRawSync(zeros(40 * 1024 * 1024)));
        return rawZip(
          skeleton(
            [1, 2, 3].map((i) => ({
              name: `xl/worksheets/sheet${i}.xml`,
              body,
              method: 8,
              size: 40 * 1024 * 1024,
              crc: 0,
            })),
          ),
        );
      },
      BOMB,
    ],
    [
      'overlapping entries (one kernel, 20 files, honest sizes: 160 MiB)',
      async () =>
        rawZip(
          [
            {
              name: 'xl/sharedStrings.xml',
              body: kernel8(),
              method: 8,
              size: 8 * 1024 * 1024,
              crc: crc32(zeros(8 * 1024 * 1024)),
            },
          ],
          { aliases: 20 },
        ),
      BOMB,
    ],
    [
      'overlapping entries with lying sizes',
      async () =>
        rawZip([{ name: 'xl/sharedStrings.xml', body: kernel8(), method: 8, size: 1000, crc: 0 }], {
          aliases: 20,
          aliasSize: 1000,
        }),
      REFUSED_ZIP,
    ],
    [
      '1,001 entries',
      async () =>
        rawZip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => deflated(`xl/media/f${i}.xml`, enc('x')))),
      REFUSED_ZIP,
    ],
    ['a zip64 marker', async () => rawZip(skeleton([]), { count: 0xffff }), REFUSED_ZIP],
    [
      'an entry named ../../evil.xml',
      async () => rawZip(skeleton([deflated('../../evil.xml', enc('x'))])),
      REFUSED_ZIP,
    ],
    ['an absolute entry name', async () => rawZip(skeleton([deflated('/etc/cron.d/evil', enc('x'))])), REFUSED_ZIP],
    [
      'a drive-letter entry name with backslashes',
      async () => rawZip(skeleton([deflated('C:\\Windows\\evil.xml', enc('x'))])),
      REFUSED_ZIP,
    ],
    [
      'two entries with the same name',
      async () =>
        rawZip(skeleton([deflated('xl/workbook.xml', enc('<a/>')), deflated('xl/workbook.xml', enc('<b/>'))])),
      REFUSED_ZIP,
    ],
    [
      'an encrypted entry',
      async () => rawZip(skeleton([{ ...deflated('xl/workbook.xml', enc('<a/>')), flags: 1 }])),
      NOT_XLSX,
    ],
    [
      'an entry compressed with bzip2 (method 12)',
      async () => rawZip(skeleton([{ ...deflated('xl/workbook.xml', enc('<a/>')), method: 12 }])),
      NOT_XLSX,
    ],
    [
      'an AES-encrypted entry (method 99)',
      async () => rawZip(skeleton([{ ...deflated('xl/workbook.xml', enc('<a/>')), method: 99 }])),
      NOT_XLSX,
    ],
    [
      'an entry whose data runs past the end of the file',
      async () => {
        const z = rawZip(skeleton([deflated('xl/workbook.xml', enc('<workbook/>'.repeat(50)))]));
        const { v, list } = entriesOf(z);
        v.setUint32(list[1]!.cd + 20, 1_000_000, true);
        return z;
      },
      NOT_XLSX,
    ],
    [
      'a local header offset pointing nowhere',
      async () => {
        const z = rawZip(skeleton([deflated('xl/workbook.xml', enc('<workbook/>'))]));
        const { v, list } = entriesOf(z);
        v.setUint32(list[1]!.cd + 42, 7, true);
        return z;
      },
      NOT_XLSX,
    ],
    [
      'a deflate stream of garbage',
      async () =>
        rawZip(skeleton([{ name: 'xl/workbook.xml', body: randomBytes(500, R(30)), method: 8, size: 5000, crc: 0 }])),
      DAMAGED,
    ],
    // IMP-2: ratio over 100:1 past the 1 MiB floor (counted on bytes inflated), archives inside the archive.
    [
      'an entry inflating ~1,000:1 past the floor, honest header (2 MiB of zeros)',
      async () => rawZip(skeleton([deflated('xl/worksheets/sheet2.xml', zeros(2 * 1024 * 1024))])),
      ratioRefused('xl/worksheets/sheet2.xml'),
    ],
    [
      'a ratio bomb declaring its full size with a wrong CRC (refused while inflating, before the CRC)',
      async () => rawZip(skeleton([{ ...deflated('xl/sharedStrings.xml', zeros(6 * 1024 * 1024)), crc: 0x12345678 }])),
      ratioRefused('xl/sharedStrings.xml'),
    ],
    [
      'a zip inside the workbook (xl/embeddings/inner.zip)',
      async () => rawZip(skeleton([deflated('xl/embeddings/inner.zip', rawZip([deflated('a.txt', enc('x'))]))])),
      nestedRefused('xl/embeddings/inner.zip'),
    ],
    [
      'a workbook inside the workbook (an embedded .xlsx)',
      async () => rawZip(skeleton([deflated('xl/embeddings/Microsoft_Excel_Worksheet.xlsx', await base())])),
      nestedRefused('xl/embeddings/Microsoft_Excel_Worksheet.xlsx'),
    ],
    [
      'a zip hidden under another name (xl/embeddings/oleObject1.bin)',
      async () =>
        rawZip(skeleton([deflated('xl/embeddings/oleObject1.bin', rawZip([deflated('payload.xml', enc('<a/>'))]))])),
      nestedRefused('xl/embeddings/oleObject1.bin'),
    ],
    [
      'a gzip stored uncompressed as an image (xl/media/image1.png)',
      async () => {
        const gz = concat(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), randomBytes(200, R(40)));
        return rawZip(
          skeleton([{ name: 'xl/media/image1.png', body: gz, method: 0, size: gz.byteLength, crc: crc32(gz) }]),
        );
      },
      nestedRefused('xl/media/image1.png'),
    ],
    [
      'a 7z archive as a data part (xl/customData/item1.dat)',
      async () =>
        rawZip(
          skeleton([
            deflated(
              'xl/customData/item1.dat',
              concat(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), randomBytes(300, R(41))),
            ),
          ]),
        ),
      nestedRefused('xl/customData/item1.dat'),
    ],
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Workbook-level generators

/** Replaces (string) or removes (null) parts of an .xlsx; JSZip writes correct sizes and CRCs. */
async function withParts(bytes: Uint8Array, parts: Record<string, string | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, text] of Object.entries(parts)) {
    if (text === null) zip.remove(name);
    else zip.file(name, text);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + colName(i % 26);
/** A worksheet part with inline strings; `head`/`tail` go before/after sheetData (e.g. mergeCells). */
function sheetXml(rows: string[][], o: { head?: string; tail?: string; rowsXml?: string } = {}): string {
  const body =
    o.rowsXml ??
    rows
      .map(
        (r, i) =>
          `<row r="${i + 1}">${r
            .map((v, j) => `<c r="${colName(j)}${i + 1}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`)
            .join('')}</row>`,
      )
      .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${o.head ?? ''}<sheetData>${body}</sheetData>${o.tail ?? ''}</worksheet>`;
}
const SST_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const GOOD_UNITS: CellValue[][] = [
  ['城关镇人民政府', '城关镇', '乡镇/街道', '陈立新', 13905991234, null],
  ['区生态环境局', '', '区直执法部门', '林雅琴', '0599-5823456', '派驻'],
];
const GOOD_PEOPLE: CellValue[][] = [
  ['陈立新', '城关镇人民政府', '副镇长', '召集人', 13905991234],
  ['林雅琴', '区生态环境局', '科员', '联络员', '0599-5823456'],
];
const EXISTING_UNIT = '区市场监督管理局';
const upBook = (units: (CellValue[] | null)[] = GOOD_UNITS, people: (CellValue[] | null)[] = GOOD_PEOPLE) =>
  workbookBytes({ 单位: [UNIT_HEADER_ROW, ...units], 人员: [PERSON_HEADER_ROW, ...people] });
const unitRow = (over: Partial<Record<number, CellValue>>): CellValue[] => {
  const r = [...GOOD_UNITS[0]!];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
  return r;
};
const personRow = (over: Partial<Record<number, CellValue>>): CellValue[] => {
  const r = [...GOOD_PEOPLE[0]!];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
  return r;
};
const textRows = (rows: CellValue[][]) =>
  rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/xlsx/${name}`, import.meta.url))));

type Case = [name: string, make: () => Promise<Uint8Array>, expected: RegExp];

const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
  '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol9 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>';

function unitsPeopleCases(): Case[] {
  const S1 = 'xl/worksheets/sheet1.xml';
  const S2 = 'xl/worksheets/sheet2.xml';
  const viaXml = async (units: string[][], o: Parameters<typeof sheetXml>[1] = {}) =>
    withParts(await upBook(), { [S1]: sheetXml([UNIT_HEADER_ROW, ...units], o) });
  const kind = (label: string) =>
    new RegExp(`${unitsIssue('单位', 2, '“单位类别”').source}：单位类别“${escape(label)}”不正确`);
  const unitOf = (name: string) =>
    new RegExp(`${unitsIssue('人员', 2, '“所属单位”').source}：所属单位“${escape(name)}”不存在`);
  const role = (label: string) =>
    new RegExp(`${unitsIssue('人员', 2, '“联席会议职务”').source}：联席会议职务“${escape(label)}”不正确`);
  const phone = (sheet: '单位' | '人员', field: string) =>
    new RegExp(`${unitsIssue(sheet, 2, `“${field}”`).source}：电话号码格式不正确`);
  const many = (n: number, make: (i: number) => CellValue[]) => Array.from({ length: n }, (_, i) => make(i));
  return [
    // Wrong sheets
    [
      'sheets named Sheet1 and Sheet2',
      async () => workbookBytes({ Sheet1: [UNIT_HEADER_ROW], Sheet2: [PERSON_HEADER_ROW] }),
      noSheet('单位'),
    ],
    ['no 人员 sheet', async () => workbookBytes({ 单位: [UNIT_HEADER_ROW, ...GOOD_UNITS] }), noSheet('人员')],
    [
      'sheets named 单位表 and 人员表',
      async () => workbookBytes({ 单位表: [UNIT_HEADER_ROW], 人员表: [PERSON_HEADER_ROW] }),
      noSheet('单位'),
    ],
    [
      'a feedback form given to the units import',
      async () => buildFeedbackFormWorkbook(sampleFormInput()),
      noSheet('单位'),
    ],
    // Headers
    [
      'no header row (data in row 1)',
      async () => workbookBytes({ 单位: GOOD_UNITS, 人员: [PERSON_HEADER_ROW] }),
      /“单位”表第 1 行“单位名称”：缺少“单位名称”列/,
    ],
    [
      'a misspelt header',
      async () =>
        workbookBytes({ 单位: [['单位名', ...UNIT_HEADER_ROW.slice(1)], ...GOOD_UNITS], 人员: [PERSON_HEADER_ROW] }),
      /“单位”表第 1 行“单位名称”：缺少“单位名称”列/,
    ],
    [
      'a header given twice',
      async () => workbookBytes({ 单位: [[...UNIT_HEADER_ROW, '单位名称'], ...GOOD_UNITS], 人员: [PERSON_HEADER_ROW] }),
      /“单位”表第 1 行“单位名称”：表头“单位名称”出现了多次/,
    ],
    [
      'headers __proto__ / constructor / prototype only',
      async () =>
        workbookBytes({
          单位: [
            ['__proto__', 'constructor', 'prototype'],
            ['城关镇', '乡镇/街道', 'x'],
          ],
          人员: [PERSON_HEADER_ROW],
        }),
      /“单位”表第 1 行“单位名称”：缺少“单位名称”列/,
    ],
    [
      '人员 headers __proto__ and hasOwnProperty',
      async () =>
        workbookBytes({
          单位: [UNIT_HEADER_ROW],
          人员: [
            ['__proto__', 'hasOwnProperty'],
            ['陈立新', '城关镇人民政府'],
          ],
        }),
      /“人员”表第 1 行“姓名”：缺少“姓名”列/,
    ],
    // Prototype keys as cell values (through shared strings, as Excel writes them)
    ['单位类别 __proto__', async () => upBook([unitRow({ 0: '__proto__', 2: '__proto__' })]), kind('__proto__')],
    ['单位类别 constructor', async () => upBook([unitRow({ 2: 'constructor' })]), kind('constructor')],
    ['单位类别 toString', async () => upBook([unitRow({ 2: 'toString' })]), kind('toString')],
    ['所属单位 constructor', async () => upBook(GOOD_UNITS, [personRow({ 1: 'constructor' })]), unitOf('constructor')],
    ['所属单位 __proto__', async () => upBook(GOOD_UNITS, [personRow({ 1: '__proto__' })]), unitOf('__proto__')],
    ['所属单位 toString', async () => upBook(GOOD_UNITS, [personRow({ 1: 'toString' })]), unitOf('toString')],
    [
      '联席会议职务 constructor',
      async () => upBook(GOOD_UNITS, [personRow({ 3: 'constructor' })]),
      role('constructor'),
    ],
    ['联席会议职务 __proto__', async () => upBook(GOOD_UNITS, [personRow({ 3: '__proto__' })]), role('__proto__')],
    [
      '联系电话 {"__proto__":{"polluted":1}}',
      async () => upBook(GOOD_UNITS, [personRow({ 4: '{"__proto__":{"polluted":1}}' })]),
      phone('人员', '联系电话'),
    ],
    [
      '联络电话 constructor.prototype',
      async () => upBook([unitRow({ 4: 'constructor.prototype' })]),
      phone('单位', '联络电话'),
    ],
    [
      'a unit named __proto__ twice',
      async () => upBook([unitRow({ 0: '__proto__' }), unitRow({ 0: '__proto__' })]),
      /“单位”表第 3 行“单位名称”：单位名称“__proto__”与第 2 行重复/,
    ],
    [
      '__proto__ in a raw shared-strings part',
      async () =>
        withParts(await upBook([unitRow({ 2: 'PLACEHOLDER' })]), {
          'xl/sharedStrings.xml': (await sharedStrings(await upBook([unitRow({ 2: 'PLACEHOLDER' })]))).replace(
            '<t>PLACEHOLDER</t>',
            '<r><t>__pro</t></r><r><t>to__</t></r>',
          ),
        }),
      kind('__proto__'),
    ],
    // Bad rows
    [
      'the committed bad-row fixture',
      async () => fixture('units-people-bad-row.xlsx'),
      unitsIssue('人员', 5, '“联系电话”：电话号码格式不正确'),
    ],
    ['an unknown 单位类别', async () => upBook([unitRow({ 2: '乡镇' })]), kind('乡镇')],
    ['an empty 单位类别', async () => upBook([unitRow({ 2: null })]), /“单位”表第 2 行“单位类别”：请填写单位类别/],
    [
      'an empty 单位名称 with other cells filled',
      async () => upBook([unitRow({ 0: null })]),
      /“单位”表第 2 行“单位名称”：/,
    ],
    [
      'a 61-character unit name',
      async () => upBook([unitRow({ 0: '城'.repeat(61) })]),
      /“单位”表第 2 行“单位名称”：.*60/,
    ],
    [
      'a 10,000-character unit name',
      async () => upBook([unitRow({ 0: 'x'.repeat(10_000) })]),
      /“单位”表第 2 行“单位名称”：.*60/,
    ],
    [
      'a cell of 40,000 characters',
      async () => viaXml([textRows([unitRow({ 5: 'y'.repeat(40_000) })])[0]!]),
      /^“单位”表第 2 行“备注”：单元格内容过长（40000 个字符，最多 32767 个）$/,
    ],
    [
      'a header of 40,000 characters',
      async () => withParts(await upBook(), { [S2]: sheetXml([[...PERSON_HEADER_ROW, 'h'.repeat(40_000)]]) }),
      /^“人员”表第 1 行“F1”：单元格内容过长/,
    ],
    ['an empty 姓名', async () => upBook(GOOD_UNITS, [personRow({ 0: null })]), /“人员”表第 2 行“姓名”：/],
    [
      'a person of an unknown unit',
      async () => upBook(GOOD_UNITS, [personRow({ 1: '不存在的单位' })]),
      unitOf('不存在的单位'),
    ],
    ['an unknown 联席会议职务', async () => upBook(GOOD_UNITS, [personRow({ 3: '主任' })]), role('主任')],
    ['a phone 12345', async () => upBook(GOOD_UNITS, [personRow({ 4: '12345' })]), phone('人员', '联系电话')],
    ['a phone 1e21', async () => upBook(GOOD_UNITS, [personRow({ 4: 1e21 })]), phone('人员', '联系电话')],
    [
      'a phone that is a date',
      async () => upBook(GOOD_UNITS, [personRow({ 4: new Date(Date.UTC(2026, 2, 9)) })]),
      phone('人员', '联系电话'),
    ],
    [
      'a phone that is the error #N/A',
      async () => upBook(GOOD_UNITS, [personRow({ 4: { error: '#N/A' } })]),
      phone('人员', '联系电话'),
    ],
    // Duplicate ids
    [
      'the same unit twice',
      async () => upBook([GOOD_UNITS[0]!, GOOD_UNITS[0]!]),
      /“单位”表第 3 行“单位名称”：单位名称“城关镇人民政府”与第 2 行重复/,
    ],
    [
      'a unit that already exists',
      async () => upBook([unitRow({ 0: EXISTING_UNIT })]),
      /“单位”表第 2 行“单位名称”：单位“区市场监督管理局”已存在/,
    ],
    [
      'the same person twice in one unit',
      async () => upBook(GOOD_UNITS, [GOOD_PEOPLE[0]!, GOOD_PEOPLE[0]!]),
      /“人员”表第 3 行“姓名”：与第 2 行重复/,
    ],
    [
      'names equal once zero-width characters are removed',
      async () => upBook([GOOD_UNITS[0]!, unitRow({ 0: '城关镇\u200b人民政府\ufeff' })]),
      /“单位”表第 3 行“单位名称”：单位名称“城关镇人民政府”与第 2 行重复/,
    ],
    // Formula cells (cached results are read as text, never evaluated)
    [
      'a formula whose result is no 单位类别',
      async () => upBook([unitRow({ 2: { formula: 'A1&"x"', result: '单位名称x' } })]),
      kind('单位名称x'),
    ],
    [
      'a formula with no cached result',
      async () => upBook([unitRow({ 2: { formula: 'HYPERLINK("http://x","y")' } as CellValue })]),
      kind('=HYPERLINK("http://x","y")'),
    ],
    [
      'a formula with an error result in a phone',
      async () => upBook(GOOD_UNITS, [personRow({ 4: { formula: '1/0', result: { error: '#DIV/0!' } } as CellValue })]),
      phone('人员', '联系电话'),
    ],
    [
      'a DDE-style formula as 所属单位',
      async () => upBook(GOOD_UNITS, [personRow({ 1: { formula: "cmd|' /C calc'!A0" } as CellValue })]),
      /“人员”表第 2 行“所属单位”：所属单位“=cmd\|' \/C calc'!A0”不存在/,
    ],
    // Too many rows
    [
      '5,001 units',
      async () => upBook(many(5001, (i) => [`单位${i}`, '', '乡镇/街道'])),
      /“单位”表第 5002 行：数据超过单次导入上限 5000 行/,
    ],
    [
      '5,001 people',
      async () =>
        upBook(
          GOOD_UNITS,
          many(5001, (i) => [`人员${i}`, '城关镇人民政府']),
        ),
      /“人员”表第 5002 行：数据超过单次导入上限 5000 行/,
    ],
    [
      '100,001 formatting-only rows',
      async () =>
        withParts(await upBook(), {
          [S2]: sheetXml([], {
            rowsXml: Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 1}" ht="15" customHeight="1"/>`).join(''),
          }),
        }),
      SHEET_TOO_BIG,
    ],
    ['a row of 501 cells', async () => viaXml([Array.from({ length: 501 }, (_, i) => `c${i}`)]), SHEET_TOO_BIG],
    // XML tricks
    [
      'an entity-expansion (billion laughs) shared-strings part',
      async () =>
        withParts(await upBook(), {
          'xl/sharedStrings.xml': `${SST_HEAD}${BILLION_LAUGHS}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`,
        }),
      NOT_XLSX,
    ],
    [
      'an external entity (XXE) in a worksheet',
      async () =>
        withParts(await upBook(), {
          [S1]: sheetXml([])
            .replace(SST_HEAD, `${SST_HEAD}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
            .replace(
              '<sheetData></sheetData>',
              '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>',
            ),
        }),
      NOT_XLSX,
    ],
    [
      'a worksheet that is not well-formed XML',
      async () =>
        withParts(await upBook(), {
          [S1]: sheetXml([UNIT_HEADER_ROW]).replace('</sheetData>', '<row r="2"><c r="A2"'),
        }),
      NOT_XLSX,
    ],
    [
      'a workbook part that is not XML',
      async () => withParts(await upBook(), { 'xl/workbook.xml': 'MZ\u0000\u0001 not xml' }),
      NOT_XLSX,
    ],
    [
      'a workbook without its workbook part',
      async () => withParts(await upBook(), { 'xl/workbook.xml': null }),
      NOT_XLSX,
    ],
    [
      'a shared-string index out of range as 单位名称',
      async () =>
        withParts(await upBook([unitRow({})]), {
          [S1]: (await part(await upBook([unitRow({})]), S1)).replace(/(<c r="A2" t="s"><v>)\d+(<\/v>)/, '$199999$2'),
        }),
      NOT_XLSX,
    ],
    [
      'a merge over the whole sheet and a bad row',
      async () =>
        viaXml(textRows([unitRow({ 2: '未知' })]), {
          tail: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        }),
      kind('未知'),
    ],
    [
      'a data validation over the whole sheet and a bad row',
      async () =>
        viaXml(textRows([unitRow({ 2: '未知' })]), {
          tail: '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
        }),
      kind('未知'),
    ],
    [
      'a dimension of the whole sheet and a bad row',
      async () => viaXml(textRows([unitRow({ 2: '未知' })]), { head: '<dimension ref="A1:XFD1048576"/>' }),
      kind('未知'),
    ],
  ];
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}
const sharedStrings = (bytes: Uint8Array) => part(bytes, 'xl/sharedStrings.xml');

// ---------------------------------------------------------------------------------------------------------
// Feedback forms

const task = feedbackTask;
// Ids are deterministic (id-1 …): the office profile, then 城关镇 (town) and 区市场监管局 (dept).
const TOWN = 'id-2';
const DEPT = 'id-3';
function sampleFormInput(formId = 'form-1', unitId = DEPT, taskIds = ['r1', 'r2']): FeedbackFormInput {
  return feedbackFormInput({
    formId,
    unitId,
    unitName: unitId === DEPT ? '区市场监管局' : '城关镇人民政府',
    tasks: taskIds.map((id) => ({
      taskId: id,
      role: id === 'r2' && unitId === DEPT ? 'co' : 'lead',
      issuedOn: '2026-11-10',
    })),
  });
}
const fcol = feedbackColumn;
type Fill = FeedbackFill;
const good = GOOD_FEEDBACK;

/** The dept's form (r1 lead at row 5, r2 co at row 6), filled by `edit`. */
async function form(
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
  input: FeedbackFormInput = sampleFormInput(),
): Promise<Uint8Array> {
  const { wb, ws } = await openFeedbackForm(input);
  edit(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const fill = fillFeedbackRow;
const filled = (cells: Fill, rowIndex = 0) => form((ws) => fill(ws, rowIndex, { ...good, ...cells }));
function setMeta(wb: ExcelJS.Workbook, key: string, value: string | null, newKey?: string): void {
  const ws = wb.getWorksheet(FEEDBACK_META_SHEET)!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === key) {
      if (newKey !== undefined) row.getCell(1).value = newKey;
      row.getCell(2).value = value;
    }
  });
}
const NOT_OURS = formIssue(1, '表单信息', '不是本系统导出的督办事项反馈表');
const ref = (taskId: string, unitId = DEPT, formId = 'form-1') =>
  `${taskId}#${feedbackCheckToken(formId, unitId, taskId)}`;
const kindIssue = (label: string, row = 5) => formIssue(row, '反馈类型', `“${escape(label)}”不是可选的反馈类型`);

function feedbackCases(): Case[] {
  const S1 = 'xl/worksheets/sheet1.xml';
  return [
    // Wrong sheets / wrong file
    [
      'no 表单信息 sheet',
      async () => form((_ws, wb) => wb.removeWorksheet(wb.getWorksheet(FEEDBACK_META_SHEET)!.id)),
      noSheet('表单信息'),
    ],
    ['no 反馈表 sheet', async () => form((ws, wb) => wb.removeWorksheet(ws.id)), noSheet('反馈表')],
    [
      'the units/people template given to the feedback import',
      async () => buildUnitsPeopleTemplate(),
      noSheet('反馈表'),
    ],
    [
      'the sheets renamed',
      async () => form((ws, wb) => ((ws.name = 'Sheet1'), (wb.getWorksheet(FEEDBACK_META_SHEET)!.name = 'Sheet2'))),
      noSheet('反馈表'),
    ],
    // The form's identity
    [
      '表单信息 emptied',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          wb.getWorksheet(FEEDBACK_META_SHEET)!.eachRow((row, n) => {
            if (n > 1) row.values = [];
          });
        }),
      NOT_OURS,
    ],
    [
      '表单编号 renamed __proto__',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          setMeta(wb, '表单编号', 'form-1', '__proto__');
        }),
      NOT_OURS,
    ],
    [
      '表单编号 renamed constructor',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          setMeta(wb, '表单编号', 'form-1', 'constructor');
        }),
      NOT_OURS,
    ],
    [
      'a 格式版本 from the future',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          setMeta(wb, '格式版本', '2');
        }),
      NOT_OURS,
    ],
    [
      '单位编号 __proto__',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          setMeta(wb, '单位编号', '__proto__');
        }),
      formIssue(2, '填报单位', '表单信息中的单位编号“__proto__”与“区市场监管局”不符'),
    ],
    [
      'the form of another unit',
      async () => form((ws) => fill(ws, 0, good), sampleFormInput('form-town', TOWN, ['r2', 'r4'])),
      formIssue(2, '填报单位', '本表是“城关镇人民政府”的反馈表'),
    ],
    // Headers
    [
      '任务编号 header renamed',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          ws.getRow(FEEDBACK_HEADER_ROW).getCell(1).value = '编号';
        }),
      formIssue(4, '任务编号', '缺少“任务编号”列'),
    ],
    [
      'a header given twice',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          ws.getRow(FEEDBACK_HEADER_ROW).getCell(2).value = '办理情况';
        }),
      formIssue(4, '办理情况', '表头“办理情况”出现了多次'),
    ],
    [
      'the header row cleared',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          ws.getRow(FEEDBACK_HEADER_ROW).values = [];
        }),
      formIssue(4, '任务编号', '缺少“任务编号”列'),
    ],
    [
      '__proto__ as the 办理情况 header',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          ws.getRow(FEEDBACK_HEADER_ROW).getCell(fcol('办理情况')).value = '__proto__';
        }),
      formIssue(4, '办理情况', '缺少“办理情况”列'),
    ],
    // Task ids
    [
      'an edited id',
      async () => filled({ 任务编号: 'r1#0badc0de' }),
      formIssue(5, '任务编号', '任务编号“r1#0badc0de”已被修改或不属于本表'),
    ],
    [
      'id __proto__#00000000',
      async () => filled({ 任务编号: '__proto__#00000000' }),
      formIssue(5, '任务编号', '任务编号“__proto__#00000000”已被修改或不属于本表'),
    ],
    [
      'id constructor with a valid token',
      async () => filled({ 任务编号: ref('constructor') }),
      formIssue(5, '任务编号', '找不到该任务'),
    ],
    [
      'id __proto__ with a valid token',
      async () => filled({ 任务编号: ref('__proto__') }),
      formIssue(5, '任务编号', '找不到该任务'),
    ],
    [
      'a task of another unit with a valid token',
      async () => filled({ 任务编号: ref('r4') }),
      formIssue(5, '任务编号', '找不到该任务'),
    ],
    [
      'a task that does not exist',
      async () => filled({ 任务编号: ref('r999') }),
      formIssue(5, '任务编号', '找不到该任务'),
    ],
    ['feedback without an id', async () => filled({ 任务编号: null }), formIssue(5, '任务编号', '缺少任务编号')],
    [
      'the same task twice',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          fill(ws, 2, { ...good, 任务编号: ref('r1') });
        }),
      formIssue(7, '任务编号', '与第 5 行是同一项任务'),
    ],
    [
      'a task already awaiting verification',
      async () => filled({ 任务编号: ref('r3') }),
      formIssue(5, '反馈类型', '该任务已报告办结、等待核验，不能报送进展'),
    ],
    // Feedback cells
    ['反馈类型 已完成', async () => filled({ 反馈类型: '已完成' }), kindIssue('已完成')],
    ['反馈类型 constructor', async () => filled({ 反馈类型: 'constructor' }), kindIssue('constructor')],
    ['反馈类型 __proto__', async () => filled({ 反馈类型: '__proto__' }), kindIssue('__proto__')],
    ['反馈类型 toString', async () => filled({ 反馈类型: 'toString' }), kindIssue('toString')],
    [
      '申报办结 by a co-handling unit',
      async () => form((ws) => fill(ws, 1, { ...good, 反馈类型: '申报办结' })),
      formIssue(6, '反馈类型', '配合单位只能报送进展；申报办结由牵头单位填报'),
    ],
    [
      'a date that does not exist',
      async () => filled({ 反馈日期: '2026-02-30' }),
      formIssue(5, '反馈日期', '“2026-02-30”不是有效日期'),
    ],
    [
      'a date in the future',
      async () => filled({ 反馈日期: '2027-01-01' }),
      formIssue(5, '反馈日期', '反馈日期不能晚于今天（2026年11月22日）'),
    ],
    [
      'a date before the task was issued',
      async () => filled({ 反馈日期: '2026-11-01' }),
      formIssue(5, '反馈日期', '反馈日期不能早于会议纪要印发日期（2026年11月10日）'),
    ],
    ['a date in words', async () => filled({ 反馈日期: '昨天' }), formIssue(5, '反馈日期', '“昨天”不是有效日期')],
    [
      '完成比例 150',
      async () => filled({ '完成比例（%）': 150 }),
      formIssue(5, '完成比例（%）', '完成比例应为 0 到 100 之间的整数'),
    ],
    [
      '完成比例 abc',
      async () => filled({ '完成比例（%）': 'abc' }),
      formIssue(5, '完成比例（%）', '完成比例应为 0 到 100 之间的整数'),
    ],
    ['办理情况 left empty', async () => filled({ 办理情况: null }), formIssue(5, '办理情况', '请填写办理情况')],
    [
      '办理情况 of 10,000 characters',
      async () => filled({ 办理情况: '情'.repeat(10_000) }),
      formIssue(5, '办理情况', '办理情况不能超过 5000 个字'),
    ],
    [
      'a cell of 40,000 characters',
      async () => filled({ 办理情况: '情'.repeat(40_000) }),
      /^“反馈表”表第 5 行“办理情况”：单元格内容过长（40000 个字符，最多 32767 个）$/,
    ],
    // Formulas
    [
      'a formula in 办理情况',
      async () => filled({ 办理情况: { formula: 'C5&"已完成"', result: '议定事项r1已完成' } }),
      formIssue(5, '办理情况', '不接受公式'),
    ],
    [
      'a formula in 反馈日期',
      async () => filled({ 反馈日期: { formula: 'TODAY()', result: new Date('2026-11-20T00:00:00Z') } }),
      formIssue(5, '反馈日期', '不接受公式'),
    ],
    [
      'a formula without a result',
      async () => filled({ '完成比例（%）': { formula: 'WEBSERVICE("http://x")' } as CellValue }),
      formIssue(5, '完成比例（%）', '不接受公式'),
    ],
    [
      'a formula in the hidden 表单信息 sheet',
      async () =>
        form((ws, wb) => {
          fill(ws, 0, good);
          setMeta(wb, '单位名称', null);
          wb.getWorksheet(FEEDBACK_META_SHEET)!.getCell('B4').value = {
            formula: '"区市场监管局"',
            result: '区市场监管局',
          };
        }),
      /第 \d+ 行“表单信息·内容”列：不接受公式/,
    ],
    // Size
    [
      '520 rows below the header',
      async () =>
        form((ws) => {
          fill(ws, 0, good);
          for (let i = 2; i < 520; i++) fill(ws, i, { 办理情况: '多余' });
        }),
      formIssue(505, '任务编号', '行数过多'),
    ],
    [
      '100,001 formatting-only rows',
      async () =>
        withParts(await filled({}), {
          [S1]: sheetXml([], {
            rowsXml: Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 1}" ht="15" customHeight="1"/>`).join(''),
          }),
        }),
      SHEET_TOO_BIG,
    ],
    // XML tricks
    [
      'an entity-expansion (billion laughs) worksheet',
      async () =>
        withParts(await filled({}), {
          [S1]: sheetXml([])
            .replace(SST_HEAD, `${SST_HEAD}${BILLION_LAUGHS}`)
            .replace(
              '<sheetData></sheetData>',
              '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>',
            ),
        }),
      NOT_XLSX,
    ],
    [
      'a worksheet that is not well-formed XML',
      async () => withParts(await filled({}), { [S1]: '<worksheet><sheetData><row r="1"><c' }),
      NOT_XLSX,
    ],
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The run

function protoSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p)
      .sort()
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(p, k)!;
        return [k, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
      }),
  );
}
async function digest(db: JointDeskDB): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(await snapshotTables(db)))));
}

interface Outcome {
  written: boolean;
  /** What the user sees: the error dialog's text, or the list of problems. */
  message: string;
  /** Not a DomainError: the UI would show "程序出现了意外错误". */
  unexpected?: boolean;
}

async function caught(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DomainError) return { written: false, message: e.message };
    return { written: false, message: String(e), unexpected: true };
  }
}

/** use-units-people-import.ts: read → validate against live units → (confirm) one importer call. */
function importUnitsPeopleAsTheUiDoes(dl: DataLayer, bytes: Uint8Array): Promise<Outcome> {
  return caught(async () => {
    const sheets = await readUnitsPeopleWorkbook(bytes, { fileName: FILE });
    const existing = await dl.units.list();
    const result = validateUnitsPeople(
      sheets,
      existing.map((u) => u.name),
    );
    if (!result.ok) return { written: false, message: result.issues.map(formatImportIssue).join('\n') };
    await dl.importer.unitsAndPeople(result.value);
    return { written: true, message: '' };
  });
}

/** unit-exchange-modal.tsx: read → preview (problems listed) → (confirm) import; the import is also tried alone. */
function importFeedbackFormAsTheUiDoes(dl: DataLayer, bytes: Uint8Array): Promise<Outcome> {
  return caught(async () => {
    const sheets = await readFilledFeedbackForm(bytes, FILE);
    const preview = await dl.followup.feedbackForms.previewFeedbackForm(sheets, DEPT);
    const direct = await caught(async () => {
      await dl.followup.feedbackForms.importFeedbackForm(sheets, DEPT, 'hostile.xlsx');
      return { written: true, message: '' };
    });
    if (preview.ok) return direct;
    if (direct.written) return { ...direct, message: 'the preview refused it but the import wrote it' };
    return { written: false, message: preview.issues.map(formatFeedbackIssue).join('\n') };
  });
}

const figures = { files: 0, refused: 0, written: 0, unclear: 0 };

const upCases = [...fileLevelCases(() => upBook(), 1), ...unitsPeopleCases()];
const fbCases = [...fileLevelCases(() => filled({}), 2), ...feedbackCases()];

describe('hostile import corpus', () => {
  let up: { db: JointDeskDB; dl: DataLayer };
  let fb: { db: JointDeskDB; dl: DataLayer };
  const protoBefore = protoSnapshot();

  beforeAll(async () => {
    const make = () => {
      let tick = 0;
      let n = 0;
      const db = freshDatabase();
      const dl = createDataLayer(db, {
        now: () => new Date(Date.parse('2026-11-22T01:00:00.000Z') + tick++ * 1000),
        newId: () => `id-${++n}`,
      });
      return { db, dl };
    };
    up = make();
    await up.dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    await up.dl.units.create({ name: EXISTING_UNIT, kind: 'district_department' });
    fb = make();
    await fb.dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
    expect((await fb.dl.units.create({ name: '城关镇人民政府', kind: 'township' })).id).toBe(TOWN);
    expect((await fb.dl.units.create({ name: '区市场监管局', kind: 'district_department' })).id).toBe(DEPT);
    await fb.db.resolutions.bulkAdd([
      task('r1', DEPT),
      task('r2', TOWN, { coUnitIds: [DEPT], state: 'in_progress' }),
      task('r3', DEPT, { state: 'done_pending_verification' }),
      task('r4', TOWN),
    ]);
  });

  afterAll(() => {
    console.log(
      `hostile imports: files ${figures.files}, refused with a Chinese message ${figures.refused}, written ${figures.written}, unclear ${figures.unclear}`,
    );
  });

  it('holds 200+ files', () => {
    expect(upCases.length + fbCases.length).toBe(214);
  });

  const run = async (
    name: string,
    target: () => { db: JointDeskDB; dl: DataLayer },
    importer: (dl: DataLayer, bytes: Uint8Array) => Promise<Outcome>,
    make: () => Promise<Uint8Array>,
    expected: RegExp,
  ) => {
    const { db, dl } = target();
    const bytes = await make();
    const before = await digest(db);
    const outcome = await importer(dl, bytes);
    if (process.env.HOSTILE_PRINT) console.log(`@@ ${name} => ${outcome.written} ${outcome.message.slice(0, 300)}`);
    figures.files++;
    if (outcome.written) figures.written++;
    const clear = !outcome.written && !outcome.unexpected && /[\u4e00-\u9fff]/.test(outcome.message);
    if (clear) figures.refused++;
    else figures.unclear++;

    expect(outcome.unexpected ?? false, outcome.message).toBe(false);
    expect(outcome.written, outcome.message).toBe(false);
    expect(outcome.message).toMatch(expected);
    expect(outcome.message).not.toMatch(/undefined|null|NaN|\[object|TypeError|RangeError|程序出现了意外错误/);
    expect(await digest(db)).toBe(before);
    expect(protoSnapshot()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  };

  describe('units and people (成员单位 → 导入)', () => {
    it.each(upCases)(
      '%s',
      (name, make, expected) => run(name, () => up, importUnitsPeopleAsTheUiDoes, make, expected),
      60_000,
    );
  });

  describe('feedback forms (督办 → 成员单位反馈 → 导入已填反馈表)', () => {
    it.each(fbCases)(
      '%s',
      (name, make, expected) => run(name, () => fb, importFeedbackFormAsTheUiDoes, make, expected),
      60_000,
    );
  });

  it('a good file of each kind is written (the corpus is refused for its faults, not for everything)', async () => {
    const u = await importUnitsPeopleAsTheUiDoes(up.dl, await upBook());
    expect(u).toEqual({ written: true, message: '' });
    const f = await importFeedbackFormAsTheUiDoes(fb.dl, await filled({}));
    expect(f).toEqual({ written: true, message: '' });
  });
});
