import type { UnitsPeopleSheets } from '../../../../shared/import/types';
import { MAX_IMPORT_ROWS, PEOPLE_SHEET, UNITS_SHEET } from '../../../../shared/import/units-people-columns';
import { findSheet, loadGuardedWorkbook, readSheet } from './guarded-workbook';

/**
 * Reads the 单位 and 人员 sheets of an import workbook into text rows for
 * `validateUnitsPeople` (shared/import/units-people.ts). Works in the browser and in Node.
 *
 * @throws DomainError('import-invalid') when the file is over 10 MB, is not a readable .xlsx
 *   (`无法读取该文件：不是有效的 .xlsx 工作簿`), fails the zip safety checks, or lacks one of the sheets
 *   (`文件中没有名为“单位”的工作表`).
 */
export async function readUnitsPeopleWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<UnitsPeopleSheets> {
  const wb = await loadGuardedWorkbook(bytes);
  const units = readSheet(findSheet(wb, UNITS_SHEET), { maxRows: MAX_IMPORT_ROWS });
  const people = readSheet(findSheet(wb, PEOPLE_SHEET), { maxRows: MAX_IMPORT_ROWS });
  return {
    units: units.rows,
    people: people.rows,
    headers: { units: units.headers, people: people.headers },
    rowNumbers: { units: units.rowNumbers, people: people.rowNumbers },
  };
}
