import {
  FEEDBACK_HEADER_ROW,
  FEEDBACK_META_SHEET,
  FEEDBACK_SHEET,
  MAX_FEEDBACK_ROWS,
  type FeedbackFormSheets,
} from '../../../../shared/import/feedback-form';
import { findSheet, loadGuardedWorkbook, readSheet } from './guarded-workbook';

/** Key/value rows of the hidden 表单信息 sheet (a form has five). */
const MAX_META_ROWS = 50;

/**
 * Reads a filled 督办事项反馈表 through the guarded path (guarded-workbook.ts: 10 MB cap, zip limits on bytes
 * actually inflated, row/cell caps) into plain texts for `interpretFeedbackForm` (shared/import/feedback-form.ts).
 * Formula cells of either sheet are listed, never evaluated.
 *
 * @throws DomainError('import-invalid') for a file that is too large, unsafe, not an .xlsx, or lacks a sheet.
 */
export async function readFeedbackFormWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<FeedbackFormSheets> {
  const wb = await loadGuardedWorkbook(bytes);
  const main = readSheet(findSheet(wb, FEEDBACK_SHEET), {
    headerRow: FEEDBACK_HEADER_ROW,
    maxRows: MAX_FEEDBACK_ROWS,
    formulas: true,
  });
  const metaSheet = readSheet(findSheet(wb, FEEDBACK_META_SHEET), { maxRows: MAX_META_ROWS, formulas: true });
  const meta = Object.create(null) as Record<string, string>;
  const [keyHeader, valueHeader] = metaSheet.headers;
  if (keyHeader && valueHeader) {
    for (const r of metaSheet.rows) {
      const k = r[keyHeader];
      if (k && !(k in meta)) meta[k] = r[valueHeader] ?? '';
    }
  }
  return {
    meta,
    headers: main.headers,
    rows: main.rows,
    rowNumbers: main.rowNumbers,
    formulas: [
      ...metaSheet.formulas.map((f) => ({ row: f.row, column: `${FEEDBACK_META_SHEET}·${f.column}` })),
      ...main.formulas,
    ],
  };
}
