import type { LedgerSheet } from '../../../../shared/export/ledger';
import type { Worksheet } from './exceljs';

export interface WriteLedgerOptions {
  /** A merged title line above the header (e.g. “执法争议台账（截至2026年11月22日）”). */
  title?: string;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A ledger (台账) as an .xlsx workbook: bold shaded header frozen in view, the sheet's column widths,
 * thin borders, wrapped text, and a print setup an office can use as is (A4 landscape, fit to width,
 * header repeated on every page). exceljs is loaded on first use so app start-up does not pay for it.
 */
export async function writeLedgerXlsx(sheet: LedgerSheet, options: WriteLedgerOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('./exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '联席会议工作台';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(sheet.name), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));

  let headerRow = 1;
  if (options.title) {
    const row = ws.addRow([options.title]);
    ws.mergeCells(1, 1, 1, Math.max(1, sheet.columns.length));
    row.height = 30;
    row.font = { bold: true, size: 16 };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    headerRow = 2;
  }

  const head = ws.addRow(sheet.columns.map((c) => c.header));
  head.font = { bold: true };
  head.height = 22;
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = BORDER;
  });

  for (const values of sheet.rows) {
    // An empty string would be stored as an empty text cell; a blank cell is what Excel users expect.
    const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= sheet.columns.length; c++) row.getCell(c).border = BORDER;
  }

  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  centreNumbers(ws, headerRow);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Counts (协商次数) read better centred; text stays top-left and wrapped. */
function centreNumbers(ws: Worksheet, headerRow: number): void {
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.alignment = { horizontal: 'center', vertical: 'top' };
    });
  });
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
