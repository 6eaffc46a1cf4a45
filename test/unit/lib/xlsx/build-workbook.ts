import ExcelJS, { type CellValue } from '../../../../renderer/src/lib/xlsx/exceljs';

/** An .xlsx made with exceljs: each sheet is a list of rows (row 1 first); `null` rows are left empty. */
export async function workbookBytes(sheets: Record<string, (CellValue[] | null)[]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      if (row) ws.getRow(i + 1).values = row;
    });
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const UNIT_HEADER_ROW = ['单位名称', '简称', '单位类别', '联络人', '联络电话', '备注'];
export const PERSON_HEADER_ROW = ['姓名', '所属单位', '职务', '联席会议职务', '联系电话'];
