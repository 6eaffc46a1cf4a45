import { Inflate, strFromU8, Zip, ZipDeflate } from 'fflate';

/**
 * The backup archive at byte level. Written with fflate's streaming zip (DEFLATE, data descriptors);
 * read back by a strict reader that accepts only what the writer produces, so a damaged file is refused
 * before anything is parsed or written (RELIABILITY-SECURITY.md DUR-8, IMP-2):
 *
 * - every header field has the one value the writer gives it, or must equal its duplicate (local header
 *   ↔ central directory ↔ data descriptor); entries, central directory and end record are contiguous
 *   and the file ends exactly after the end record — a flipped or truncated byte anywhere in the
 *   structure is a mismatch;
 * - entry data is inflated in small slices with a cap on the bytes **actually** produced (declared sizes
 *   can lie), then its length and CRC-32 are checked against the directory.
 *
 * A bit flip that only changes the unused padding bits after an entry's last DEFLATE block changes no
 * data; it is the one change this reader cannot see, and it cannot alter what is restored.
 */

export class BackupZipError extends Error {
  constructor(
    /** Short technical reason (for logs and tests); the user-facing text is added by the caller. */
    readonly detail: string,
    readonly kind: 'corrupt' | 'too-large' = 'corrupt',
  ) {
    super(detail);
    this.name = 'BackupZipError';
  }
}

export interface ZipEntryInput {
  name: string;
  /** The entry's bytes, in chunks (each pushed to the compressor on its own). */
  chunks: Iterable<Uint8Array>;
}

export interface ZipWriteOptions {
  /** Modification time stored for every entry. */
  mtime: Date;
  /** Called after each chunk with (bytes compressed so far, total bytes); may be async (to yield). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Writes a zip of the given entries, in order. */
export async function writeZip(entries: readonly ZipEntryInput[], o: ZipWriteOptions): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const lists = entries.map((e) => ({ name: e.name, chunks: [...e.chunks] }));
  const total = lists.reduce((s, e) => s + e.chunks.reduce((n, c) => n + c.byteLength, 0), 0);
  let done = 0;
  for (const e of lists) {
    const file = new ZipDeflate(e.name, { level: 6 });
    file.mtime = o.mtime;
    zip.add(file);
    if (e.chunks.length === 0) file.push(new Uint8Array(0), true);
    for (let i = 0; i < e.chunks.length; i++) {
      const chunk = e.chunks[i]!;
      file.push(chunk, i === e.chunks.length - 1);
      done += chunk.byteLength;
      if (failure) throw failure;
      await o.onProgress?.(done, total);
    }
  }
  zip.end();
  if (failure) throw failure;
  return concat(out);
}

export interface ZipReadLimits {
  /** Cap on the inflated bytes of each named entry. */
  maxBytes: Readonly<Record<string, number>>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const VERSION = 20;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const METHOD_DEFLATE = 8;
const INFLATE_SLICE = 16 * 1024;

interface CentralEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Reads exactly the entries `names`, in that order, from an archive written by {@link writeZip}.
 * @throws BackupZipError
 */
export function readZip(bytes: Uint8Array, names: readonly string[], limits: ZipReadLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const need = (end: number, what: string) => {
    if (end > len) throw new BackupZipError(`truncated: ${what}`);
  };
  const expect = (actual: number, wanted: number, what: string) => {
    if (actual !== wanted) throw new BackupZipError(`${what}: ${actual} ≠ ${wanted}`);
  };

  if (len < 22) throw new BackupZipError('truncated: shorter than an end record');
  // The writer adds no archive comment, so the end record is the last 22 bytes.
  const end = len - 22;
  expect(u32(end), SIG_END, 'end record signature');
  expect(u16(end + 4), 0, 'disk number');
  expect(u16(end + 6), 0, 'central directory disk');
  const count = u16(end + 8);
  expect(u16(end + 10), count, 'entry count');
  expect(count, names.length, 'number of entries');
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  expect(u16(end + 20), 0, 'comment length');
  expect(cdOffset + cdSize, end, 'central directory end');

  // Central directory.
  const central: CentralEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    need(o + 46, 'central directory');
    expect(u32(o), SIG_CENTRAL, 'central header signature');
    expect(u16(o + 4), VERSION, 'version made by');
    expect(u16(o + 6), VERSION, 'version needed');
    const flags = u16(o + 8);
    if ((flags & ~FLAG_UTF8) !== FLAG_DESCRIPTOR) throw new BackupZipError(`flags ${flags}`);
    expect(u16(o + 10), METHOD_DEFLATE, 'compression method');
    const nameLength = u16(o + 28);
    expect(u16(o + 30), 0, 'extra field length');
    expect(u16(o + 32), 0, 'comment length');
    expect(u16(o + 34), 0, 'disk number start');
    expect(u16(o + 36), 0, 'internal attributes');
    expect(u32(o + 38), 0, 'external attributes');
    need(o + 46 + nameLength, 'central directory name');
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLength);
    const name = strFromU8(nameBytes, true);
    expect(Number(name === names[i]), 1, `entry ${i} name`);
    central.push({
      name,
      nameBytes,
      flags,
      time: u16(o + 12),
      date: u16(o + 14),
      crc: u32(o + 16),
      compressedSize: u32(o + 20),
      size: u32(o + 24),
      localOffset: u32(o + 42),
    });
    o += 46 + nameLength;
  }
  expect(o, end, 'central directory size');

  // Local entries, contiguous from byte 0 up to the central directory.
  const out = new Map<string, Uint8Array>();
  let at = 0;
  for (const e of central) {
    expect(e.localOffset, at, `${e.name} offset`);
    need(at + 30, `${e.name} local header`);
    expect(u32(at), SIG_LOCAL, `${e.name} local signature`);
    expect(u16(at + 4), VERSION, `${e.name} local version`);
    expect(u16(at + 6), e.flags, `${e.name} local flags`);
    expect(u16(at + 8), METHOD_DEFLATE, `${e.name} local method`);
    expect(u16(at + 10), e.time, `${e.name} local time`);
    expect(u16(at + 12), e.date, `${e.name} local date`);
    // With a data descriptor the local CRC and sizes are zero.
    expect(u32(at + 14), 0, `${e.name} local crc`);
    expect(u32(at + 18), 0, `${e.name} local compressed size`);
    expect(u32(at + 22), 0, `${e.name} local size`);
    expect(u16(at + 26), e.nameBytes.byteLength, `${e.name} local name length`);
    expect(u16(at + 28), 0, `${e.name} local extra length`);
    const dataStart = at + 30 + e.nameBytes.byteLength;
    need(dataStart, `${e.name} local name`);
    for (let k = 0; k < e.nameBytes.byteLength; k++)
      expect(bytes[at + 30 + k]!, e.nameBytes[k]!, `${e.name} local name`);
    const dataEnd = dataStart + e.compressedSize;
    need(dataEnd + 16, `${e.name} data`);
    expect(u32(dataEnd), SIG_DESCRIPTOR, `${e.name} descriptor signature`);
    expect(u32(dataEnd + 4), e.crc, `${e.name} descriptor crc`);
    expect(u32(dataEnd + 8), e.compressedSize, `${e.name} descriptor compressed size`);
    expect(u32(dataEnd + 12), e.size, `${e.name} descriptor size`);
    const cap = limits.maxBytes[e.name] ?? 0;
    if (e.size > cap) throw new BackupZipError(`${e.name} declares ${e.size} bytes (limit ${cap})`, 'too-large');
    // e.size ≤ cap here: more bytes than declared means the stream or the header is damaged (or lies).
    const data = inflateCapped(bytes.subarray(dataStart, dataEnd), e.size, e.name);
    expect(data.byteLength, e.size, `${e.name} inflated size`);
    expect(crc32(data), e.crc, `${e.name} crc-32`);
    out.set(e.name, data);
    at = dataEnd + 16;
  }
  expect(at, cdOffset, 'central directory offset');
  return out;
}

/**
 * Inflates `data`, stopping as soon as more than `declared` bytes come out. That is a damaged entry, not
 * a too-large one (a declared size over the cap is refused before): a flipped bit in the DEFLATE stream
 * can make it run on, and a header that understates its size is no better.
 */
function inflateCapped(data: Uint8Array, declared: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.byteLength;
    if (total > declared) throw new BackupZipError(`${name} inflates beyond its declared ${declared} bytes`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let o = 0; o < data.byteLength; o += INFLATE_SLICE) {
      inflater.push(data.subarray(o, o + INFLATE_SLICE), o + INFLATE_SLICE >= data.byteLength);
    }
    if (data.byteLength === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof BackupZipError) throw error;
    throw new BackupZipError(`${name}: corrupt deflate stream`);
  }
  if (!ended) throw new BackupZipError(`${name}: deflate stream ends early`);
  return concat(chunks);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as zip stores it. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const size = parts.reduce((s, p) => s + p.byteLength, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}
