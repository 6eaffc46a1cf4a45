import ExcelJS, { type CellValue } from '../../renderer/src/lib/xlsx/exceljs';
import { buildFeedbackFormWorkbook } from '../../renderer/src/lib/xlsx/feedback-form-workbook';
import type { Resolution } from '../../shared/domain';
import {
  FEEDBACK_COLUMNS,
  FEEDBACK_HEADER_ROW,
  FEEDBACK_SHEET,
  type FeedbackFormInput,
} from '../../shared/import/feedback-form';

/**
 * The 督办事项反馈表 fixture shared by the feedback-form tests (test/unit/db/feedback-form.test.ts) and the hostile
 * import corpus (test/unit/db/hostile-imports.test.ts): the tasks the forms are about, a form as the app exports
 * it (opened in exceljs to be filled), a row filled in as a unit would, and the bytes written back.
 */

const meta = { createdAt: '2026-11-10T08:00:00.000Z', updatedAt: '2026-11-10T08:00:00.000Z' };

/** An issued task (议定事项) led by `lead`, issued 2026-11-10, due 2026-12-04. */
export const feedbackTask = (id: string, lead: string, extra: Partial<Resolution> = {}): Resolution => ({
  id,
  ...meta,
  meetingId: 'm1',
  content: `议定事项${id}`,
  leadUnitId: lead,
  coUnitIds: [],
  state: 'not_started',
  issuedOn: '2026-11-10',
  deadline: '2026-12-04',
  ...extra,
});

export interface FormTask {
  taskId: string;
  role: 'lead' | 'co';
  content?: string;
  issuedOn?: string;
}

/** The input of a unit's form: one row per task, texts as the app writes them. */
export function feedbackFormInput(o: {
  formId?: string;
  unitId: string;
  unitName: string;
  tasks: readonly FormTask[];
}): FeedbackFormInput {
  return {
    formId: o.formId ?? 'form-1',
    unitId: o.unitId,
    unitName: o.unitName,
    issuedOn: '2026-11-22',
    officeName: '联席会议办公室',
    tasks: o.tasks.map((t) => ({
      taskId: t.taskId,
      role: t.role,
      content: t.content ?? `议定事项${t.taskId}`,
      sourceText: '纪要',
      deadlineText: '2026年12月4日前',
      feedbackText: '按期反馈',
      ...(t.issuedOn !== undefined ? { issuedOn: t.issuedOn } : {}),
    })),
  };
}

/** The form as the app exports it, opened in exceljs for filling. */
export async function openFeedbackForm(
  input: FeedbackFormInput,
): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildFeedbackFormWorkbook(input)).slice().buffer);
  return { wb, ws: wb.getWorksheet(FEEDBACK_SHEET)! };
}

/** Column number of a 反馈表 header. */
export const feedbackColumn = (header: string) => FEEDBACK_COLUMNS.findIndex((c) => c.header === header) + 1;

/** Cells by header text; null clears a cell. */
export type FeedbackFill = Partial<Record<string, CellValue>>;

/** Fills the `rowIndex`-th task row (0: the first row below the header). */
export function fillFeedbackRow(ws: ExcelJS.Worksheet, rowIndex: number, cells: FeedbackFill): void {
  const row = ws.getRow(FEEDBACK_HEADER_ROW + 1 + rowIndex);
  for (const [h, v] of Object.entries(cells)) row.getCell(feedbackColumn(h)).value = v ?? null;
}

/** A progress report as a unit fills it in. */
export const GOOD_FEEDBACK: FeedbackFill = {
  反馈类型: '报送进展',
  反馈日期: new Date('2026-11-20T00:00:00Z'),
  办理情况: '已完成辖区农贸市场摸底排查',
  '完成比例（%）': 40,
};

export const workbookBytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
