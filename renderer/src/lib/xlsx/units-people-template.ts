import { MEETING_ROLES } from '../../../../shared/domain/person';
import { UNIT_KINDS } from '../../../../shared/domain/unit';
import { MEETING_ROLE_LABELS, UNIT_KIND_LABELS } from '../../../../shared/import/labels';
import {
  MAX_IMPORT_ROWS,
  PEOPLE_SHEET,
  PERSON_HEADERS,
  UNIT_HEADERS,
  UNITS_SHEET,
} from '../../../../shared/import/units-people-columns';
import ExcelJS, { type DataValidation, type Worksheet } from './exceljs';

const UNIT_WIDTHS = [30, 16, 16, 12, 18, 30];
const PERSON_WIDTHS = [12, 30, 18, 18, 18];

const UNIT_EXAMPLES = [
  ['城关镇人民政府', '城关镇', UNIT_KIND_LABELS.township, '陈立新', '13905991234', '示例行，导入前请替换或删除'],
  ['区市场监督管理局', '区市场监管局', UNIT_KIND_LABELS.district_department, '林雅琴', '0599-5823456', ''],
];
const PERSON_EXAMPLES = [
  ['陈立新', '城关镇人民政府', '副镇长', MEETING_ROLE_LABELS.convener, '13905991234'],
  ['林雅琴', '区市场监督管理局', '法规科科员', MEETING_ROLE_LABELS.liaison, '0599-5823456'],
];

/** Header row: bold on grey, frozen, so it stays in view and reads as "not data". */
function layoutSheet(ws: Worksheet, headers: readonly string[], widths: readonly number[], examples: string[][]): void {
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 14 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  head.alignment = { vertical: 'middle' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of examples) ws.addRow(row);
  // Phone columns hold text, so Excel keeps a landline's leading 0 and never shows 1.39E+10.
  headers.forEach((h, i) => {
    if (h.includes('电话')) ws.getColumn(i + 1).numFmt = '@';
  });
}

interface WithDataValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

/** A drop-down list on one column for every data row the importer accepts. */
function listValidation(ws: Worksheet, column: string, choices: readonly string[], title: string): void {
  const validation: DataValidation = {
    type: 'list',
    allowBlank: true,
    // An inline list: the labels contain no commas or quotes, and stay well under Excel's 255 characters.
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从下拉列表中选择：${choices.join('、')}`,
  };
  // One range rather than 5,000 cells: exceljs' worksheet has a range-keyed `dataValidations`
  // collection (lib/doc/data-validations.js) that its typings do not declare.
  const { dataValidations } = ws as unknown as WithDataValidations;
  dataValidations.add(`${column}2:${column}${MAX_IMPORT_ROWS + 1}`, validation);
}

const INSTRUCTIONS = [
  '单位与人员导入说明',
  '1. “单位”表每行一个成员单位：单位名称、单位类别必填；单位名称不能与系统中已有单位重复。',
  `2. 单位类别从下拉列表中选择：${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join('、')}。`,
  '3. “人员”表每行一人：姓名、所属单位必填；所属单位填写系统中已有单位或“单位”表中单位的全称。',
  `4. 联席会议职务从下拉列表中选择：${MEETING_ROLES.map((r) => MEETING_ROLE_LABELS[r]).join('、')}；不填即为“无”。`,
  '5. 电话填写手机号（11 位）或固话（区号-号码，如 0599-5823456）。',
  `6. 每个表最多 ${MAX_IMPORT_ROWS} 行数据；文件不超过 10 MB。`,
  '7. 第 2、3 行为示例，导入前请替换或删除。表头（第 1 行）请勿修改。',
];

/**
 * The 导入模板 for units and people: sheets 单位 and 人员 with bold headers, column widths, drop-down
 * lists for 单位类别 and 联席会议职务, two example rows each, and a 说明 sheet. Returns .xlsx bytes.
 */
export async function buildUnitsPeopleTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '联席会议工作台';

  const units = wb.addWorksheet(UNITS_SHEET);
  layoutSheet(units, UNIT_HEADERS, UNIT_WIDTHS, UNIT_EXAMPLES);
  listValidation(
    units,
    'C',
    UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]),
    '单位类别',
  );

  const people = wb.addWorksheet(PEOPLE_SHEET);
  layoutSheet(people, PERSON_HEADERS, PERSON_WIDTHS, PERSON_EXAMPLES);
  listValidation(
    people,
    'D',
    MEETING_ROLES.map((r) => MEETING_ROLE_LABELS[r]),
    '联席会议职务',
  );

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 100;
  INSTRUCTIONS.forEach((line, i) => {
    const c = help.getCell(i + 1, 1);
    c.value = line;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
