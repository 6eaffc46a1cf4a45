import { describe, expect, it } from 'vitest';
import {
  acceptAttribute,
  formatBytes,
  matchesFilters,
  runtimeFromUserAgent,
} from '../../../renderer/src/platform/file-rules';

const xlsx = { name: 'Excel 工作簿', extensions: ['xlsx'] };
const backup = { name: '备份', extensions: ['zip', 'JSON'] };

describe('acceptAttribute', () => {
  it('lists every extension once, lower-cased, with dots', () => {
    expect(acceptAttribute([xlsx, backup, { name: 'again', extensions: ['XLSX'] }])).toBe('.xlsx,.zip,.json');
  });

  it('accepts anything for "*" or no filters', () => {
    expect(acceptAttribute([{ name: '所有文件', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute([])).toBe('');
  });
});

describe('matchesFilters', () => {
  it('matches by extension, case-insensitive', () => {
    expect(matchesFilters('成员单位.XLSX', [xlsx])).toBe(true);
    expect(matchesFilters('成员单位.xls', [xlsx])).toBe(false);
    expect(matchesFilters('xlsx', [xlsx])).toBe(false);
  });

  it('lets any file through without filters', () => {
    expect(matchesFilters('anything.exe', [])).toBe(true);
  });
});

describe('formatBytes', () => {
  it('uses B, KB, MB and GB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatBytes(1023 * 1024 * 1024)).toBe('1023 MB');
    expect(formatBytes(1024 * 1024 * 1024)).toBe('1 GB');
    expect(formatBytes(297.4 * 1024 * 1024 * 1024)).toBe('297 GB');
  });
});

describe('runtimeFromUserAgent', () => {
  it('names Chromium, Edge and Firefox', () => {
    expect(
      runtimeFromUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.7390.54 Safari/537.36',
      ),
    ).toBe('Chromium 141.0.7390.54');
    expect(
      runtimeFromUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68',
      ),
    ).toBe('Edge 130.0.2849.68');
    expect(runtimeFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(
      'Firefox 140.0',
    );
  });
});
