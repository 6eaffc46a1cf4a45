import type { CellValue } from './exceljs';

/** Zero-width characters that paste in from web pages and chat apps and make "equal" names differ. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

function clean(s: string): string {
  return s.replace(INVISIBLE, '').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Numbers as the user typed them: integers in full (a phone number stored as a number gives its
 * digits, never `1.38e+10` or `13800138000.0`), fractions without binary noise (0.1 + 0.2 → 0.3).
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

/**
 * The text of a cell value as the importer sees it, trimmed: rich text as plain text, a formula as its
 * cached result (or the formula text when there is none — formulas are never evaluated), a date as
 * `YYYY-MM-DD`, a hyperlink as its text, an error as its code (`#N/A`).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // exceljs gives Excel's serial dates as UTC midnight.
    return Number.isNaN(value.getTime())
      ? ''
      : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return clean(value.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const { result } = value;
      if (result !== undefined && result !== null) return cellText(result as CellValue);
      const formula =
        'formula' in value && value.formula ? value.formula : (value as { sharedFormula?: string }).sharedFormula;
      return formula ? clean(`=${formula}`) : '';
    }
    if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text ?? null);
    if ('error' in value) return String(value.error);
  }
  return '';
}
