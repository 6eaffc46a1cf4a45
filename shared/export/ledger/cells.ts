/**
 * A spreadsheet cell value that a user will open in Excel/WPS: text starting with = + - @ (or a tab/CR)
 * would be read as a formula (CSV/formula injection, RELIABILITY-SECURITY IMP-5), so it is prefixed with '.
 */
export function safeCell(v: string | number | undefined | null): string | number {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * A calendar date (`YYYY-MM-DD`) as a real spreadsheet date: UTC midnight, which exceljs writes as the
 * whole Excel serial of that day (no time part, no time-zone shift). '' when absent or not a date.
 */
export function dateCell(iso: string | undefined | null): Date | '' {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? '' : d;
}

export type LedgerCell = string | number | Date;

export interface LedgerColumn {
  header: string;
  width: number;
  /** 'date': the column's cells are Dates shown as 2026年3月9日. */
  kind?: 'date';
}

export interface LedgerSheet {
  name: string;
  columns: LedgerColumn[];
  rows: LedgerCell[][];
  /** A merged title line above the header (e.g. “执法争议台账（截至2026年11月22日）”). */
  title?: string;
}
