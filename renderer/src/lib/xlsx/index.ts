/**
 * The .xlsx helpers the app calls. exceljs is ~1 MB of JavaScript, so these wrappers load it on
 * first use: the bundler splits it into its own chunk and app start-up does not pay for it. Imports
 * are parsed in the import worker (import-runner.ts → import.worker.ts), so the page's thread never
 * runs exceljs for a file the user picked.
 */
import type { UnitsPeopleSheets } from '../../../../shared/import/types';

export { MAX_XLSX_BYTES } from './limits';

/** See read-units-people.ts: sheets 单位 and 人员 as text rows; throws DomainError('import-invalid'). */
export async function readUnitsPeopleWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o: { fileName?: string } = {},
): Promise<UnitsPeopleSheets> {
  const { readUnitsPeopleWorkbook: read } = await import('./read-units-people');
  return read(bytes, o);
}

/** See units-people-template.ts: the 导入模板 as .xlsx bytes. */
export async function buildUnitsPeopleTemplate(): Promise<Uint8Array> {
  const { buildUnitsPeopleTemplate: build } = await import('./units-people-template');
  return build();
}
