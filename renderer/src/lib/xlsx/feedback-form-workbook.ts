import { safeCell } from '../../../../shared/export/ledger/cells';
import {
  FEEDBACK_COLUMNS,
  FEEDBACK_HEADER_ROW,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_META_HEADERS,
  FEEDBACK_META_SHEET,
  FEEDBACK_SHEET,
  FEEDBACK_UNIT_LABEL,
  FEEDBACK_UNIT_ROW,
  feedbackFormInstructions,
  feedbackFormMetaRows,
  feedbackFormRowValues,
  feedbackKindsFor,
  type FeedbackFormInput,
} from '../../../../shared/import/feedback-form';

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const EDITABLE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };
/** Latest 反馈日期 the drop-in date check accepts (the import checks against today). */
const LAST_DATE = new Date(Date.UTC(2099, 11, 31));

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const col = (header: string) => FEEDBACK_COLUMNS.findIndex((c) => c.header === header) + 1;

/**
 * The 督办事项办理情况反馈表 of one unit as .xlsx: title, 填报单位 / 下发日期 / 表单编号, 填表说明, a frozen header and
 * one row per open task. Only the feedback cells (shaded) are unlocked; the sheet is protected (no password:
 * the check token in 任务编号 is what detects an edited row). Drop-down lists where the values are fixed (反馈类型:
 * 报送进展/申报办结 for the lead unit, 报送进展 only for a 配合单位), a date check on 反馈日期 (from the minutes'
 * issue date), a whole number 0–100 on 完成比例. The form's identity (form id, unit id, version) is kept in a
 * very hidden sheet. Cell texts are formula-injection safe.
 */
export async function buildFeedbackFormWorkbook(input: FeedbackFormInput): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('./exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = input.officeName;
  wb.created = utcDate(input.issuedOn);
  const width = FEEDBACK_COLUMNS.length;
  const ws = wb.addWorksheet(FEEDBACK_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = FEEDBACK_COLUMNS.map((c) => ({ width: c.width }));

  // 1: title
  ws.getCell(1, 1).value = '督办事项办理情况反馈表';
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };

  // 2: 填报单位 / 下发日期 / 表单编号
  const r2 = FEEDBACK_UNIT_ROW;
  ws.getCell(r2, 1).value = FEEDBACK_UNIT_LABEL;
  ws.getCell(r2, 2).value = safeCell(input.unitName);
  ws.mergeCells(r2, 2, r2, 4);
  ws.getCell(r2, 5).value = '下发日期';
  ws.getCell(r2, 6).value = utcDate(input.issuedOn);
  ws.getCell(r2, 6).numFmt = DATE_FORMAT;
  ws.getCell(r2, 8).value = '表单编号';
  ws.getCell(r2, 9).value = safeCell(input.formId);
  ws.mergeCells(r2, 9, r2, 10);
  for (const c of [1, 5, 8]) ws.getCell(r2, c).font = { bold: true };
  ws.getRow(r2).alignment = { vertical: 'middle', horizontal: 'left' };
  ws.getRow(r2).height = 22;

  // 3: 填表说明
  ws.getCell(3, 1).value = safeCell(feedbackFormInstructions(input));
  ws.mergeCells(3, 1, 3, width);
  ws.getRow(3).height = 48;
  ws.getCell(3, 1).alignment = { wrapText: true, vertical: 'middle' };
  ws.getCell(3, 1).font = { color: { argb: 'FF595959' } };

  // 4: header
  const head = ws.getRow(FEEDBACK_HEADER_ROW);
  FEEDBACK_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.fill = c.editable ? EDITABLE_FILL : HEADER_FILL;
    cell.border = BORDER;
  });
  head.font = { bold: true };
  head.height = 24;
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const values = feedbackFormRowValues(input);
  input.tasks.forEach((task, i) => {
    const row = ws.getRow(FEEDBACK_HEADER_ROW + 1 + i);
    values[i]!.forEach((v, c) => {
      row.getCell(c + 1).value = c === 1 ? i + 1 : safeCell(v);
    });
    row.alignment = { vertical: 'top', wrapText: true };
    FEEDBACK_COLUMNS.forEach((c, k) => {
      const cell = row.getCell(k + 1);
      cell.border = BORDER;
      if (!c.editable) return;
      cell.protection = { locked: false };
      cell.fill = EDITABLE_FILL;
    });
    const kinds = feedbackKindsFor(task.role).map((k) => FEEDBACK_KIND_LABELS[k]);
    row.getCell(col('反馈类型')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${kinds.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '反馈类型',
      error: `请从下拉列表选择：${kinds.join('、')}`,
    };
    const date = row.getCell(col('反馈日期'));
    date.numFmt = 'yyyy-mm-dd';
    date.dataValidation = {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [task.issuedOn ? utcDate(task.issuedOn) : utcDate('2000-01-01'), LAST_DATE],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '反馈日期',
      error: '请填写日期，如 2026-03-09（不早于会议纪要印发日期）',
    };
    row.getCell(col('完成比例（%）')).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '完成比例',
      error: '请填写 0 到 100 之间的整数',
    };
    row.getCell(col('办理情况')).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [5000],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '办理情况',
      error: '办理情况不能超过 5000 个字',
    };
    row.getCell(col('填报人')).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [20],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '填报人',
      error: '填报人不能超过 20 个字',
    };
    for (const k of [2, 5, 6]) row.getCell(k).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
  });

  ws.views = [{ state: 'frozen', ySplit: FEEDBACK_HEADER_ROW, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${FEEDBACK_HEADER_ROW}:${FEEDBACK_HEADER_ROW}`;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    formatCells: false,
    insertRows: false,
    deleteRows: false,
    sort: false,
    autoFilter: false,
  });

  const meta = wb.addWorksheet(FEEDBACK_META_SHEET, { state: 'veryHidden' });
  meta.columns = [{ width: 12 }, { width: 40 }];
  meta.addRow([...FEEDBACK_META_HEADERS]);
  for (const [k, v] of feedbackFormMetaRows(input)) meta.addRow([k, safeCell(v)]);
  await meta.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
