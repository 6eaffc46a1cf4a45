import { DomainError, isDomainError } from '../../../../shared/domain/errors';
import type { RawRow } from '../../../../shared/import/types';
import { cellText } from './cell-text';
import ExcelJS, { type CellValue, type Workbook, type Worksheet } from './exceljs';
import { MAX_CELL_CHARS, MAX_LISTED_FORMULAS, MAX_WIRE_COLUMNS, type WireSheet } from './import-wire';
import { fileTooLarge, MAX_XLSX_BYTES } from './limits';
import { assertSafeXlsxArchive, NOT_XLSX_MESSAGE } from './zip-guard';

/**
 * The one guarded way an imported .xlsx is opened (units/people, feedback forms): size cap before anything
 * is parsed, the zip checks on bytes actually inflated (zip-guard.ts), then exceljs with row/cell caps and
 * without the parts an importer never needs. Rows come out as plain trimmed texts. It runs inside the
 * import worker (parse-import.ts, import.worker.ts); the page gets only the zod-checked texts.
 */

/** Rows / cells per row exceljs may materialise for any sheet of the file (formatting-only rows count). */
const MAX_SHEET_ROWS = 100_000;
const MAX_ROW_CELLS = 500;
/** Header cells beyond this column are ignored. */
const MAX_HEADER_COLUMNS = MAX_WIRE_COLUMNS;

/**
 * Parts of a sheet the importer never needs. Skipping them also avoids exceljs expanding a crafted
 * range (a data validation or merge over A1:XFD1048576) cell by cell.
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'mergeCells',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'autoFilter',
  'rowBreaks',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'extLst',
];

export interface SheetContent {
  /** Header cells (of `headerRow`) as read, duplicates included. */
  headers: string[];
  rows: RawRow[];
  rowNumbers: number[];
  /** Cells below the header holding a formula (row, header text or cell address), when asked for. */
  formulas: { row: number; column: string }[];
}

function toUint8Array(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

function isFormula(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/**
 * Opens an import workbook safely.
 *
 * @throws DomainError('import-invalid') when the file is over 10 MB, is not a readable .xlsx
 *   (`无法读取该文件：不是有效的 .xlsx 工作簿`), fails the zip safety checks or has sheets too large.
 */
export async function loadGuardedWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o: { fileName?: string } = {},
): Promise<Workbook> {
  const data = toUint8Array(bytes);
  if (data.byteLength > MAX_XLSX_BYTES) throw fileTooLarge(data.byteLength);
  await assertSafeXlsxArchive(data, o);

  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; hand it an exact ArrayBuffer copy.
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    await wb.xlsx.load(buffer, {
      ignoreNodes: IGNORED_NODES,
      // Not in exceljs' typings, but honoured by its sheet parser: it throws past these counts.
      ...({ maxRows: MAX_SHEET_ROWS, maxCols: MAX_ROW_CELLS } as object),
    });
  } catch (e) {
    if (isDomainError(e)) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    if (/^Max .* (count|column count) \(\d+\) exceeded$/.test(detail)) {
      throw new DomainError(
        'import-invalid',
        `工作表过大（超过 ${MAX_SHEET_ROWS} 行或每行 ${MAX_ROW_CELLS} 个单元格），请删除多余的空行、空列后重试`,
        [detail],
      );
    }
    throw new DomainError('import-invalid', NOT_XLSX_MESSAGE, [detail]);
  }
  // A zip without workbook parts (a renamed .docx, say) loads as an empty workbook.
  if (wb.worksheets.length === 0) throw new DomainError('import-invalid', NOT_XLSX_MESSAGE, ['no worksheets']);
  return wb;
}

export function findSheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.worksheets.find((w) => w.name === name) ?? wb.worksheets.find((w) => w.name.trim() === name);
  if (!ws) throw new DomainError('import-invalid', `文件中没有名为“${name}”的工作表`);
  return ws;
}

/** A cell longer than Excel allows (a crafted file): refused with its sheet, row and column. */
function checkLength(ws: Worksheet, row: number, column: string, value: string): string {
  if (value.length <= MAX_CELL_CHARS) return value;
  throw new DomainError(
    'import-invalid',
    `“${ws.name}”表第 ${row} 行“${column.slice(0, 40)}”：单元格内容过长（${value.length} 个字符，最多 ${MAX_CELL_CHARS} 个）`,
  );
}

/**
 * Row `headerRow` is the header; every later non-empty row becomes a null-prototype record keyed by header
 * text (so a header such as `__proto__` is just a key). Stops after `maxRows + 1` data rows so the validator
 * can say the sheet is too long. With `formulas`, formula cells below the header (in any column) are
 * listed, the first {@link MAX_LISTED_FORMULAS} of them — importers that must not take computed values refuse them.
 * A cell over Excel's 32,767 characters is refused (DomainError naming sheet, row and column).
 */
export function readSheet(ws: Worksheet, o: { headerRow?: number; maxRows: number; formulas?: boolean }): SheetContent {
  const headerRow = o.headerRow ?? 1;
  const headers: string[] = [];
  const columnOf = new Map<string, number>();
  const headerOf = new Map<number, string>();
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (c, col) => {
    if (col > MAX_HEADER_COLUMNS) return;
    const h = checkLength(ws, headerRow, c.address, cellText(c.value));
    if (h === '') return;
    headers.push(h);
    if (!columnOf.has(h)) columnOf.set(h, col);
    if (!headerOf.has(col)) headerOf.set(col, h);
  });

  const rows: RawRow[] = [];
  const rowNumbers: number[] = [];
  const formulas: SheetContent['formulas'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow || rows.length > o.maxRows) return;
    if (o.formulas) {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (isFormula(c.value) && formulas.length < MAX_LISTED_FORMULAS)
          formulas.push({ row: rowNumber, column: headerOf.get(col) ?? c.address });
      });
    }
    const record = Object.create(null) as RawRow;
    let empty = true;
    for (const [header, col] of columnOf) {
      const text = checkLength(ws, rowNumber, header, cellText(row.getCell(col).value));
      record[header] = text;
      if (text !== '') empty = false;
    }
    if (empty) return;
    rows.push(record);
    rowNumbers.push(rowNumber);
  });
  return { headers, rows, rowNumbers, formulas };
}

/** The sheet as the worker sends it: rows as arrays aligned to the distinct headers (import-wire.ts). */
export function toWireSheet(content: SheetContent): WireSheet {
  const keys = [...new Set(content.headers)];
  return {
    headers: content.headers,
    keys,
    rows: content.rows.map((r) => keys.map((k) => r[k] ?? '')),
    rowNumbers: content.rowNumbers,
  };
}
