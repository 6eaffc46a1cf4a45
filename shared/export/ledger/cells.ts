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

/**
 * A date-time as a real spreadsheet date-time in Asia/Shanghai wall-clock time (a value without offset is
 * already local; one with `Z` or an offset is shifted to +08:00), stored as UTC like {@link dateCell} so
 * Excel shows the time the meeting was called for. '' when absent or not a date-time.
 */
export function dateTimeCell(iso: string | undefined | null): Date | '' {
  if (!iso) return '';
  if (/(Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    const t = new Date(iso).getTime();
    return Number.isNaN(t) ? '' : new Date(t + 8 * 3600_000);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return dateCell(iso);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return Number.isNaN(d.getTime()) ? '' : d;
}

export type LedgerCell = string | number | Date;

export interface LedgerColumn {
  header: string;
  width: number;
  /** 'date': the column's cells are Dates shown as 2026年3月9日; 'datetime': 2026年3月9日 14:30. */
  kind?: 'date' | 'datetime';
}

export interface LedgerSheet {
  name: string;
  columns: LedgerColumn[];
  rows: LedgerCell[][];
  /** A merged title line above the header (e.g. “执法争议台账（截至2026年11月22日）”). */
  title?: string;
}
