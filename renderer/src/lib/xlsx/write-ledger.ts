import type { LedgerSheet } from '../../../../shared/export/ledger';

export interface WriteLedgerOptions {
  /** A merged title line above the header (e.g. “执法争议台账（截至2026年11月22日）”). */
  title?: string;
}

export interface WriteWorkbookOptions {
  /** Rows written so far of all sheets, called every few hundred rows (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Real dates shown as the office writes them: 2026年3月9日. */
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** Date-time columns (`kind: 'datetime'`, e.g. a meeting's 召开时间): 2026年3月9日 14:30. */
const DATETIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';
/** Longest stretch of row writing between two yields to the event loop (the page stays responsive). */
const SLICE_MS = 50;

/**
 * A ledger (台账) as an .xlsx workbook: bold shaded header frozen in view, the sheet's column widths,
 * thin borders, wrapped text, and a print setup an office can use as is (A4 landscape, fit to width,
 * header repeated on every page). exceljs is loaded on first use so app start-up does not pay for it.
 */
export async function writeLedgerXlsx(sheet: LedgerSheet, options: WriteLedgerOptions = {}): Promise<Uint8Array> {
  return writeLedgerWorkbook([{ ...sheet, ...(options.title ? { title: options.title } : {}) }]);
}

/**
 * Several ledger sheets in one workbook (e.g. 督办事项台账 + 办理记录). Date columns (`kind: 'date'`) hold
 * real dates formatted 2026年3月9日. Every ~50 ms of row writing it yields to the event loop and reports
 * progress, so a 50,000-row export shows a moving bar instead of freezing the page.
 */
export async function writeLedgerWorkbook(
  sheets: readonly LedgerSheet[],
  options: WriteWorkbookOptions = {},
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('./exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '联席会议工作台';
  wb.created = new Date();
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  let sliceStart = performance.now();
  options.onProgress?.(0, total);
  for (const sheet of sheets) {
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
    if (sheet.title) {
      const row = ws.addRow([sheet.title]);
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

    const width = sheet.columns.length;
    const dateFormats = sheet.columns.map((c) => (c.kind === 'datetime' ? DATETIME_FORMAT : DATE_FORMAT));
    for (let i = 0; i < sheet.rows.length; i++) {
      const values = sheet.rows[i]!;
      // An empty string would be stored as an empty text cell; a blank cell is what Excel users expect.
      const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
      row.alignment = { vertical: 'top', wrapText: true };
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.border = BORDER;
        const v = values[c - 1];
        // Counts (协商次数, 序号) and dates read better centred; text stays top-left and wrapped.
        if (v instanceof Date) {
          cell.numFmt = dateFormats[c - 1]!;
          cell.alignment = { horizontal: 'center', vertical: 'top' };
        } else if (typeof v === 'number') cell.alignment = { horizontal: 'center', vertical: 'top' };
      }
      done++;
      if (performance.now() - sliceStart >= SLICE_MS) {
        options.onProgress?.(done, total);
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }

    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
  options.onProgress?.(total, total);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
