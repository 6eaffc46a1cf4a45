/** Layout of the 单位与人员 import workbook, shared by the reader, the template and the validator. */

export const UNITS_SHEET = '单位';
export const PEOPLE_SHEET = '人员';

/** Column headers of the 单位 sheet, in template order. */
export const UNIT_HEADERS = ['单位名称', '简称', '单位类别', '联络人', '联络电话', '备注'] as const;
export type UnitHeader = (typeof UNIT_HEADERS)[number];

/** Column headers of the 人员 sheet, in template order. */
export const PERSON_HEADERS = ['姓名', '所属单位', '职务', '联席会议职务', '联系电话'] as const;
export type PersonHeader = (typeof PERSON_HEADERS)[number];

/** Columns without which no row of the sheet can be imported. */
export const REQUIRED_UNIT_HEADERS: readonly UnitHeader[] = ['单位名称', '单位类别'];
export const REQUIRED_PERSON_HEADERS: readonly PersonHeader[] = ['姓名', '所属单位'];

/** Most data rows accepted per sheet in one import. */
export const MAX_IMPORT_ROWS = 5000;
