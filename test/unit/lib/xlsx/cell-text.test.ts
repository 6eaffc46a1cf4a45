import { describe, expect, it } from 'vitest';
import { cellText } from '../../../../renderer/src/lib/xlsx/cell-text';
import type { CellValue } from '../../../../renderer/src/lib/xlsx/exceljs';

describe('cellText', () => {
  it.each<[string, CellValue, string]>([
    ['empty', null, ''],
    ['trimmed text', '  城关镇人民政府 ', '城关镇人民政府'],
    ['zero-width characters removed', '\u200b区市场监督管理局\ufeff', '区市场监督管理局'],
    ['a phone stored as a number', 13905991234, '13905991234'],
    ['a large integer without exponent', 1e21, '1000000000000000000000'],
    ['a fraction without binary noise', 0.1 + 0.2, '0.3'],
    ['rich text as plain text', { richText: [{ text: '城关', font: { bold: true } }, { text: '镇 ' }] }, '城关镇'],
    ['a formula as its cached result', { formula: 'A1&B1', result: '城关镇' }, '城关镇'],
    ['a numeric formula result', { formula: 'A1', result: 13905991234 }, '13905991234'],
    [
      'a formula without result as its text, never evaluated',
      { formula: 'HYPERLINK("http://x","y")' },
      '=HYPERLINK("http://x","y")',
    ],
    ['a shared formula without result', { sharedFormula: 'C2', result: undefined } as CellValue, '=C2'],
    ['a formula whose result is an error', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['a hyperlink as its text', { text: ' 联系我们 ', hyperlink: 'mailto:x@example.com' }, '联系我们'],
    ['an error value', { error: '#N/A' }, '#N/A'],
    ['a date as YYYY-MM-DD', new Date(Date.UTC(2026, 2, 9)), '2026-03-09'],
    ['a boolean', true, 'TRUE'],
  ])('%s', (_name, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});
