import { describe, expect, it } from 'vitest';
import {
  BackupRejected,
  backupFileName,
  BACKUP_FILE_PATTERN,
  buildBackupArchive,
  openBackupArchive,
  tablesDigest,
} from '../../../../shared/backup/format';
import { crc32, readZip } from '../../../../shared/backup/zip';

const tables = {
  units: [
    { id: 'u1', name: '城管局', tags: ['a'] },
    { id: 'u2', name: '市场监管局 🏛', note: 'x\u2028y' },
  ],
  audit: [{ seq: 1, hash: 'h' }],
  empty: [],
};

async function sample() {
  return buildBackupArchive({
    tables,
    appVersion: '0.1.0',
    schemaVersion: 3,
    createdAt: new Date('2026-12-02T10:30:05.000Z'),
    kind: 'manual',
    auditHead: { seq: 1, hash: 'a'.repeat(64) },
  });
}

describe('backup archive', () => {
  it('round trips tables, counts and digest', async () => {
    const { bytes, manifest } = await sample();
    expect(manifest.tables).toEqual({ audit: 1, empty: 0, units: 2 });
    const opened = openBackupArchive(bytes, { maxSchemaVersion: 3 });
    expect(opened.tables).toEqual(tables);
    expect(tablesDigest(opened.tables)).toBe(manifest.digest);
    expect(opened.manifest).toEqual(manifest);
  });

  it('the digest is independent of key order inside rows but not of row order', () => {
    const a = tablesDigest({ t: [{ a: 1, b: 2 }, { a: 3 }] });
    expect(tablesDigest({ t: [{ b: 2, a: 1 }, { a: 3 }] })).toBe(a);
    expect(tablesDigest({ t: [{ a: 3 }, { a: 1, b: 2 }] })).not.toBe(a);
    expect(tablesDigest({ t: [{ a: 1, b: 2 }], u: [{ a: 3 }] })).not.toBe(a);
  });

  it('every single-bit flip and every truncation of a small archive is refused', async () => {
    const { bytes } = await sample();
    let refused = 0;
    let total = 0;
    for (let i = 0; i < bytes.byteLength; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = bytes.slice();
        copy[i]! ^= 1 << bit;
        total += 1;
        try {
          // Accepted only if nothing it carries changed.
          expect(openBackupArchive(copy).tables).toEqual(tables);
        } catch (e) {
          expect(e).toBeInstanceOf(BackupRejected);
          refused += 1;
        }
      }
    }
    for (let n = 0; n < bytes.byteLength; n++) {
      total += 1;
      try {
        openBackupArchive(bytes.subarray(0, n));
      } catch (e) {
        expect(e).toBeInstanceOf(BackupRejected);
        refused += 1;
      }
    }
    // The only flips that can pass are in the unused padding bits after a DEFLATE stream's last block
    // (at most 7 per entry): they change no data, as checked above for anything accepted.
    expect(total - refused).toBeLessThanOrEqual(14);
  });

  it('refuses a newer schema with a Chinese message naming the versions', async () => {
    const { bytes } = await sample();
    expect(() => openBackupArchive(bytes, { maxSchemaVersion: 2 })).toThrow(/较新版本的程序创建.*第 3 版.*第 2 版/);
  });

  it('refuses an entry that inflates past its cap (bytes actually inflated)', async () => {
    const { bytes } = await sample();
    expect(() =>
      readZip(bytes, ['manifest.json', 'data.json'], { maxBytes: { 'manifest.json': 10, 'data.json': 1e6 } }),
    ).toThrow(/declares|inflates/);
  });

  it('an entry that inflates past its declared size is refused as damaged, not as too large', async () => {
    const { bytes } = await sample();
    // Understate data.json's size by one byte everywhere it is written (central directory and data
    // descriptor agree, the CRC is untouched): the stream then runs past what the header promised, as it
    // does after some bit flips inside the DEFLATE data.
    const copy = bytes.slice();
    const view = new DataView(copy.buffer);
    const end = copy.byteLength - 22;
    let o = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 8, true); i++) {
      const nameLength = view.getUint16(o + 28, true);
      const name = new TextDecoder().decode(copy.subarray(o + 46, o + 46 + nameLength));
      if (name === 'data.json') {
        const size = view.getUint32(o + 24, true);
        const local = view.getUint32(o + 42, true);
        const descriptor = local + 30 + nameLength + view.getUint32(o + 20, true);
        view.setUint32(o + 24, size - 1, true);
        view.setUint32(descriptor + 12, size - 1, true);
      }
      o += 46 + nameLength;
    }
    expect(() =>
      readZip(copy, ['manifest.json', 'data.json'], { maxBytes: { 'manifest.json': 1e6, 'data.json': 1e6 } }),
    ).toThrow(/data\.json inflates beyond its declared/);
    expect(() => openBackupArchive(copy)).toThrow(/备份文件已损坏或不完整/);
  });

  it('refuses something that is not a zip', () => {
    expect(() => openBackupArchive(new TextEncoder().encode('hello'))).toThrow(/不是本程序的备份文件/);
  });

  it('crc32 matches the zip reference value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('file names use Shanghai time and match the pattern', () => {
    const name = backupFileName(new Date('2026-12-02T16:30:05.000Z'), 'daily');
    expect(name).toBe('jointdesk-backup-20261203-003005-daily.zip');
    expect(BACKUP_FILE_PATTERN.test(name)).toBe(true);
  });
});
