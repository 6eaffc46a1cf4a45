import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/domain/errors';
import {
  assertSafeXlsxArchive,
  CORRUPT_MESSAGE,
  crc32,
  nestedMessage,
  ratioMessage,
  ZIP_LIMITS,
} from '../../../../renderer/src/lib/xlsx/zip-guard';
import { buildUnitsPeopleTemplate } from '../../../../renderer/src/lib/xlsx';

const REFUSED = '文件解压后过大或结构异常，已拒绝读取（可能是损坏或恶意构造的文件）';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function refusal(bytes: Uint8Array): Promise<DomainError> {
  try {
    await assertSafeXlsxArchive(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected the archive to be refused');
}

/** Rewrites the uncompressed size an entry declares, in its local header and the central directory. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let o = 0; o < out.byteLength - 4; o++) {
    const sig = view.getUint32(o, true);
    const at = sig === 0x04034b50 ? 26 : sig === 0x02014b50 ? 28 : -1;
    if (at < 0) continue;
    const nameStart = o + (sig === 0x04034b50 ? 30 : 46);
    const n = view.getUint16(o + at, true);
    if (n !== nameBytes.length || !out.subarray(nameStart, nameStart + n).every((b, i) => b === nameBytes[i])) continue;
    view.setUint32(o + (sig === 0x04034b50 ? 22 : 24), size, true);
  }
  return out;
}

describe('assertSafeXlsxArchive', () => {
  it('refuses past 100:1 only once an entry has inflated past the 1 MiB floor, naming the file and the entry', async () => {
    // 900 KiB of zeros: ~1,000:1, but under the floor (small parts of real workbooks compress that well).
    await expect(
      assertSafeXlsxArchive(await zipOf({ 'xl/styles.xml': new Uint8Array(900 * 1024) })),
    ).resolves.toBeUndefined();
    const bomb = await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(3 * 1024 * 1024) });
    await expect(assertSafeXlsxArchive(bomb, { fileName: '单位名单.xlsx' })).rejects.toThrow(
      '文件“单位名单.xlsx”中的“xl/worksheets/sheet1.xml”压缩比异常（解压后超过压缩数据的 100 倍）',
    );
    // Without a file name the message still names the entry.
    expect((await refusal(bomb)).message).toBe(ratioMessage(undefined, 'xl/worksheets/sheet1.xml'));
    expect(ratioMessage(undefined, 'a')).toMatch(/^文件中的“a”/);
  });

  it('refuses archives inside the archive by name and by their first bytes; names are shown without bidi controls', async () => {
    const inner = await zipOf({ 'a.txt': 'x' });
    expect((await refusal(await zipOf({ 'xl/embeddings/x.zip': 'not even a zip' }))).message).toBe(
      nestedMessage(undefined, 'xl/embeddings/x.zip'),
    );
    expect((await refusal(await zipOf({ 'xl/embeddings/oleObject1.bin': inner }))).message).toBe(
      nestedMessage(undefined, 'xl/embeddings/oleObject1.bin'),
    );
    expect(nestedMessage('invoice\u202Egpj.xlsx', 'a\u0000b\u2066.zip')).toBe(
      '文件“invoicegpj.xlsx”中的“ab.zip”是压缩包，已拒绝读取：导入的文件中不能再套压缩文件',
    );
  });

  it('lets a normal workbook through', async () => {
    await expect(assertSafeXlsxArchive(await buildUnitsPeopleTemplate())).resolves.toBeUndefined();
  });

  it('refuses an entry that declares more than the per-entry limit (an honest zip bomb)', async () => {
    const bomb = await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(ZIP_LIMITS.maxEntryBytes + 1) });
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect((await refusal(bomb)).message).toBe(REFUSED);
  });

  it('refuses an entry that inflates beyond the size it declares (a lying header), without inflating it all', async () => {
    const big = await zipOf({ 'xl/sharedStrings.xml': new Uint8Array(8 * 1024 * 1024) });
    const liar = lieAboutSize(big, 'xl/sharedStrings.xml', 1000);
    const e = await refusal(liar);
    expect(e.message).toBe(REFUSED);
    expect(e.details?.[0]).toContain('inflates beyond its declared 1000 bytes');
  });

  it('refuses an entry whose CRC-32 does not match what it inflates to (a damaged file exceljs would read as is)', async () => {
    for (const method of ['STORE', 'DEFLATE'] as const) {
      const zip = new JSZip();
      zip.file('sharedStrings.xml', '<sst><si><t>城关镇人民政府</t></si></sst>'.repeat(20));
      const good = await zip.generateAsync({ type: 'uint8array', compression: method });
      await expect(assertSafeXlsxArchive(good)).resolves.toBeUndefined();
      // Flip one bit of the CRC recorded in the central directory.
      const bad = good.slice();
      const view = new DataView(bad.buffer);
      let cd = bad.byteLength - 22;
      while (view.getUint32(cd, true) !== 0x06054b50) cd--;
      const at = view.getUint32(cd + 16, true) + 16;
      view.setUint32(at, view.getUint32(at, true) ^ 1, true);
      const e = await refusal(bad);
      expect(e.message).toBe(CORRUPT_MESSAGE);
      expect(e.details?.[0]).toMatch(/^sharedStrings\.xml: CRC-32 /);
    }
  });

  it('computes the zip CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = new TextEncoder().encode('城关镇人民政府');
    expect(crc32(data.subarray(5), crc32(data.subarray(0, 5)))).toBe(crc32(data));
  });

  it('refuses path-traversal and absolute entry names', async () => {
    expect((await refusal(await zipOf({ '../evil.xml': 'x' }))).details?.[0]).toContain('unsafe entry name');
    expect((await refusal(await zipOf({ '/etc/evil.xml': 'x' }))).details?.[0]).toContain('unsafe entry name');
  });

  it('refuses too many entries', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) files[`f${i}.txt`] = 'x';
    expect((await refusal(await zipOf(files))).details?.[0]).toContain('zip entries');
  });

  it('refuses bytes that are not a zip archive, or a corrupt deflate stream, as "not an xlsx"', async () => {
    expect((await refusal(new TextEncoder().encode('PK but not really'))).message).toBe(
      '无法读取该文件：不是有效的 .xlsx 工作簿',
    );
    const good = await zipOf({ 'a.xml': 'hello '.repeat(1000) });
    const broken = good.slice();
    broken[40] = (broken[40] ?? 0) ^ 0xff; // inside the compressed data of the first entry
    broken[41] = (broken[41] ?? 0) ^ 0xff;
    const e = await refusal(broken);
    expect(e.code).toBe('import-invalid');
    expect(e.details).toEqual(['corrupt deflate stream']);
  });
});
