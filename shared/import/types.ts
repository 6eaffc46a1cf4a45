import type { PersonInput, UnitInput } from '../domain';

/** One spreadsheet row as read from the workbook: header text → cell text (already trimmed). */
export type RawRow = Record<string, string>;

/** Sheets of the 单位与人员 import workbook. */
export interface UnitsPeopleSheets {
  units: RawRow[];
  people: RawRow[];
  /**
   * Header cells of row 1 as read, duplicates included. Lets the validator report a missing or
   * repeated column even when the sheet has no data; when absent, the rows' keys are used.
   */
  headers?: { units: string[]; people: string[] };
  /**
   * Excel row number of each entry of `units` / `people`, for readers that skip empty rows.
   * When absent, entry i is Excel row i + 2 (header = row 1).
   */
  rowNumbers?: { units: number[]; people: number[] };
}

/** A problem with one cell; `row` is the Excel row number (header is row 1). */
export interface ImportIssue {
  sheet: '单位' | '人员';
  row: number;
  field: string;
  message: string;
}

/** A person row after validation; the unit is referenced by name (existing unit or one in the same file). */
export type ImportedPerson = Omit<PersonInput, 'unitId'> & { unitName: string };

export interface ValidatedUnitsPeople {
  units: UnitInput[];
  people: ImportedPerson[];
}

export type UnitsPeopleValidation = { ok: true; value: ValidatedUnitsPeople } | { ok: false; issues: ImportIssue[] };
