import type { UnitsPeopleSheets } from '../../../../shared/import/types';
import { runImport, type RunImportOptions } from './import-runner';
import { decodeUnitsPeople } from './import-wire';

/**
 * Reads the 单位 and 人员 sheets of an import workbook into text rows for `validateUnitsPeople`
 * (shared/import/units-people.ts): parsed in a worker (import-runner.ts) through the guarded path
 * (parse-import.ts), rows rebuilt as null-prototype records from the zod-checked answer.
 *
 * @throws DomainError('import-invalid') when the file is over 10 MB, is not a readable .xlsx
 *   (`无法读取该文件：不是有效的 .xlsx 工作簿`), fails the zip safety checks, lacks one of the sheets
 *   (`文件中没有名为“单位”的工作表`), or its parsing runs out of time (`文件解析超时…`).
 */
export async function readUnitsPeopleWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o?: RunImportOptions,
): Promise<UnitsPeopleSheets> {
  return decodeUnitsPeople(await runImport('units-people', bytes, o));
}
