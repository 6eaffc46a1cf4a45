import { DomainError } from '../../../../shared/domain/errors';
import { displayFileName } from '../../../../shared/domain/text-hygiene';

/**
 * Limits for an .xlsx (a zip archive) before it is handed to exceljs, which inflates every entry in
 * memory with JSZip and trusts the sizes the archive declares (RELIABILITY-SECURITY.md IMP-2: a
 * 200 KiB zip bomb inflates to 200 MiB; a lying header hides it until after inflation).
 */
export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  /**
   * Inflated ÷ compressed bytes an entry may reach (IMP-2), counted on bytes actually inflated, once it has
   * inflated past `ratioFloorBytes` (small parts of a real workbook compress far better than 100:1 at times;
   * a real sheet or sharedStrings part of megabytes stays near 10:1 — the 41 MB sharedStrings of the
   * worker measurement came from a 3.7 MB file).
   */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

/** Entry names of archives an import never contains (IMP-2: nested archives are refused). */
const ARCHIVE_NAME = /\.(zip|xlsx|xlsm|xlsb|xltx|docx|docm|pptx|odt|ods|jar|apk|7z|rar|gz|tgz|bz2|xz|tar|cab|zst)$/i;

/** First bytes of archives: zip (local header, empty archive, spanned), gzip, bzip2, xz, 7z, RAR, zstd, cab. */
const ARCHIVE_MAGIC: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
  [0x1f, 0x8b],
  [0x42, 0x5a, 0x68],
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07],
  [0x28, 0xb5, 0x2f, 0xfd],
  [0x4d, 0x53, 0x43, 0x46],
];

function isArchiveStart(head: Uint8Array): boolean {
  return ARCHIVE_MAGIC.some((m) => m.length <= head.byteLength && m.every((b, i) => head[i] === b));
}

/** Compressed input is fed to the inflater in slices this big, which bounds the output of one step. */
const INFLATE_SLICE = 16 * 1024;

export const NOT_XLSX_MESSAGE = '无法读取该文件：不是有效的 .xlsx 工作簿';

const notXlsx = (detail: string) => new DomainError('import-invalid', NOT_XLSX_MESSAGE, [detail]);
export const CORRUPT_MESSAGE = '文件已损坏（压缩数据校验不符），无法读取，请重新获取原文件';
const corrupt = (detail: string) => new DomainError('import-invalid', CORRUPT_MESSAGE, [detail]);
const tooBig = (detail: string) =>
  new DomainError('import-invalid', '文件解压后过大或结构异常，已拒绝读取（可能是损坏或恶意构造的文件）', [detail]);

/** An entry name as it may be shown: no controls or bidi overrides, at most 120 characters. */
function shownName(name: string): string {
  const clean = displayFileName(name);
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}
const inFile = (fileName: string | undefined) => (fileName ? `文件“${shownName(fileName)}”中的` : '文件中的');

export const ratioMessage = (fileName: string | undefined, entry: string) =>
  `${inFile(fileName)}“${shownName(entry)}”压缩比异常（解压后超过压缩数据的 ${ZIP_LIMITS.maxRatio} 倍），已拒绝读取（可能是压缩炸弹或恶意构造的文件）`;
export const nestedMessage = (fileName: string | undefined, entry: string) =>
  `${inFile(fileName)}“${shownName(entry)}”是压缩包，已拒绝读取：导入的文件中不能再套压缩文件`;

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const u16 = (v: DataView, o: number) => v.getUint16(o, true);
const u32 = (v: DataView, o: number) => v.getUint32(o, true);

function readCentralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || u32(view, 0) !== 0x04034b50) throw notXlsx('not a zip archive');

  // End of central directory record: last 22 bytes plus an optional comment of up to 65,535 bytes.
  let eocd = -1;
  for (let o = bytes.byteLength - 22; o >= Math.max(0, bytes.byteLength - 22 - 0xffff); o--) {
    if (u32(view, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('zip end of central directory not found');
  const count = u16(view, eocd + 10);
  const cdOffset = u32(view, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw tooBig('zip64 archives are not accepted');
  if (count > ZIP_LIMITS.maxEntries) throw tooBig(`${count} zip entries`);

  const entries: Entry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.byteLength || u32(view, o) !== 0x02014b50) throw notXlsx('corrupt central directory');
    const flags = u16(view, o + 8);
    const method = u16(view, o + 10);
    const crc = u32(view, o + 16);
    const compressedSize = u32(view, o + 20);
    const size = u32(view, o + 24);
    const nameLength = u16(view, o + 28);
    const extraLength = u16(view, o + 30);
    const commentLength = u16(view, o + 32);
    const localHeaderOffset = u32(view, o + 42);
    if (o + 46 + nameLength > bytes.byteLength) throw notXlsx('corrupt central directory');
    const name = decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength));
    if ((flags & 1) !== 0) throw notXlsx(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw notXlsx(`unsupported compression ${method} in ${name}`);
    if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) {
      throw tooBig(`unsafe entry name ${name}`);
    }
    if (names.has(name)) throw tooBig(`duplicate entry ${name}`);
    names.add(name);
    if (size > ZIP_LIMITS.maxEntryBytes) throw tooBig(`${name} declares ${size} bytes`);
    entries.push({ name, method, crc, compressedSize, size, localHeaderOffset });
    o += 46 + nameLength + extraLength + commentLength;
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > ZIP_LIMITS.maxTotalBytes) throw tooBig(`archive declares ${declared} bytes`);
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the zip one) of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Inflates `data` only to count its size and CRC-32, stopping as soon as it passes `cap` or, once past the
 * ratio floor, more than {@link ZIP_LIMITS.maxRatio} × the compressed size. Keeps the first bytes (to see an
 * archive inside). (exceljs' JSZip does not check CRCs, so without this a damaged entry would be read as
 * whatever it inflates to.)
 */
async function inflatedSize(
  data: Uint8Array,
  cap: number,
): Promise<{ size: number; crc: number; head: Uint8Array; over: 'cap' | 'ratio' | null }> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const ratioCap = Math.max(ZIP_LIMITS.ratioFloorBytes, ZIP_LIMITS.maxRatio * data.byteLength);
  let total = 0;
  let crc = 0;
  let head = new Uint8Array(0);
  let over: 'cap' | 'ratio' | null = null;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (head.byteLength < 8) head = new Uint8Array([...head, ...value.subarray(0, 8 - head.byteLength)]);
      total += value.byteLength;
      crc = crc32(value, crc);
      over = total > cap ? 'cap' : total > ratioCap ? 'ratio' : null;
      if (over) {
        await reader.cancel();
        return;
      }
    }
  })();
  try {
    for (let o = 0; o < data.byteLength && !over; o += INFLATE_SLICE) {
      await writer.ready;
      await writer.write(data.slice(o, o + INFLATE_SLICE)); // a copy: BufferSource wants an ArrayBuffer-backed view
    }
    if (!over) await writer.close();
  } catch {
    // A cancelled reader errors the writable side; a malformed stream errors both. Decided below.
  }
  try {
    await reading;
  } catch {
    if (!over) throw notXlsx('corrupt deflate stream');
  }
  return { size: total, crc, head, over };
}

function corruptEntry(e: Entry, size: number): never {
  throw corrupt(`${e.name}: CRC-32 ${e.crc.toString(16)} declared, ${size} bytes inflated`);
}

/**
 * Rejects an archive that exceljs should not be given: not a zip, too many or unsafe entries,
 * encrypted or exotic entries, entries that inflate beyond their declared size, the limits or 100× their
 * compressed size — measured by actually inflating, since declared sizes can lie — archives inside the
 * archive (by name or by their first bytes), or entries whose CRC-32 does not match (damaged).
 * `fileName` (the file the user picked) is named in the messages of the ratio and nested-archive refusals.
 *
 * @throws DomainError('import-invalid')
 */
export async function assertSafeXlsxArchive(bytes: Uint8Array, o: { fileName?: string } = {}): Promise<void> {
  const entries = readCentralDirectory(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nested = (e: Entry, why: string) =>
    new DomainError('import-invalid', nestedMessage(o.fileName, e.name), [`${e.name}: ${why}`]);
  let total = 0;
  for (const e of entries) {
    if (ARCHIVE_NAME.test(e.name)) throw nested(e, 'archive by name');
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.byteLength || u32(view, h) !== 0x04034b50) throw notXlsx(`corrupt local header for ${e.name}`);
    const start = h + 30 + u16(view, h + 26) + u16(view, h + 28);
    const end = start + e.compressedSize;
    if (end > bytes.byteLength) throw notXlsx(`truncated entry ${e.name}`);
    const actual =
      e.method === 0
        ? {
            size: e.compressedSize,
            crc: crc32(bytes.subarray(start, end)),
            head: bytes.subarray(start, Math.min(end, start + 8)),
            over: null,
          }
        : await inflatedSize(bytes.subarray(start, end), Math.min(e.size, ZIP_LIMITS.maxEntryBytes));
    if (actual.over === 'ratio') {
      throw new DomainError('import-invalid', ratioMessage(o.fileName, e.name), [
        `${e.name}: more than ${ZIP_LIMITS.maxRatio} × ${e.compressedSize} compressed bytes inflated`,
      ]);
    }
    if (actual.size > e.size) throw tooBig(`${e.name} inflates beyond its declared ${e.size} bytes`);
    total += actual.size;
    if (total > ZIP_LIMITS.maxTotalBytes) throw tooBig(`archive inflates beyond ${ZIP_LIMITS.maxTotalBytes} bytes`);
    if (actual.crc !== e.crc) corruptEntry(e, actual.size);
    if (isArchiveStart(actual.head)) throw nested(e, 'archive by content');
  }
}
