/**
 * A spreadsheet cell value that a user will open in Excel/WPS: text starting with = + - @ (or a tab/CR)
 * would be read as a formula (CSV/formula injection, RELIABILITY-SECURITY IMP-5), so it is prefixed with '.
 */
export function safeCell(v: string | number | undefined | null): string | number {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface LedgerSheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
}
