import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../../renderer/src/lib/xlsx/exceljs';
import { buildFeedbackFormWorkbook } from '../../../../renderer/src/lib/xlsx/feedback-form-workbook';
import { MAX_XLSX_BYTES } from '../../../../renderer/src/lib/xlsx/limits';
import { readFeedbackFormWorkbook } from '../../../../renderer/src/lib/xlsx/read-feedback-form';
import {
  FEEDBACK_COLUMNS,
  FEEDBACK_HEADER_ROW,
  FEEDBACK_META_SHEET,
  FEEDBACK_SHEET,
  feedbackRowRef,
  type FeedbackFormInput,
} from '../../../../shared/import/feedback-form';

const input: FeedbackFormInput = {
  formId: 'form-1',
  unitId: 'u-dept',
  unitName: '区市场监管局',
  issuedOn: '2026-11-22',
  feedbackBy: '2026-11-30',
  officeName: '城关镇综合行政执法协调联席会议办公室',
  tasks: [
    {
      taskId: 'r1',
      role: 'lead',
      content: '=HYPERLINK("x") 开展农贸市场周边占道经营集中整治',
      sourceText: '联席会议2026年第一次会议纪要（2026年第3期）',
      deadlineText: '2026年12月4日前',
      feedbackText: '每周五前报送进展',
      issuedOn: '2026-11-10',
    },
    {
      taskId: 'r2',
      role: 'co',
      content: '制定夜市管理办法',
      sourceText: '联席会议2026年第一次会议纪要（2026年第3期）',
      deadlineText: '2026年12月31日前',
      feedbackText: '办理时限届满前书面反馈',
    },
  ],
};
const col = (h: string) => FEEDBACK_COLUMNS.findIndex((c) => c.header === h) + 1;

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

describe('feedback form workbook', () => {
  it('header with unit and date, locked task cells, unlocked feedback cells, drop-downs and checks, protected', async () => {
    const wb = await load(await buildFeedbackFormWorkbook(input));
    const ws = wb.getWorksheet(FEEDBACK_SHEET)!;
    expect(ws.getCell(2, 1).value).toBe('填报单位');
    expect(ws.getCell(2, 2).value).toBe('区市场监管局');
    expect(ws.getCell(2, 6).value).toEqual(new Date('2026-11-22T00:00:00Z'));
    expect(ws.getRow(FEEDBACK_HEADER_ROW).getCell(1).value).toBe('任务编号');
    const r1 = ws.getRow(FEEDBACK_HEADER_ROW + 1);
    expect(r1.getCell(1).value).toBe(feedbackRowRef('form-1', 'u-dept', 'r1'));
    // Formula-injection safe: the task text stays text.
    expect(r1.getCell(col('议定事项')).value).toBe(`'=HYPERLINK("x") 开展农贸市场周边占道经营集中整治`);
    for (const c of FEEDBACK_COLUMNS) {
      const locked = r1.getCell(col(c.header)).protection?.locked;
      expect(locked === false, c.header).toBe(c.editable);
    }
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(r1.getCell(col('反馈类型')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"报送进展,申报办结"'],
    });
    const r2 = ws.getRow(FEEDBACK_HEADER_ROW + 2);
    expect(r2.getCell(col('反馈类型')).dataValidation).toMatchObject({ type: 'list', formulae: ['"报送进展"'] });
    expect(r1.getCell(col('反馈日期')).dataValidation).toMatchObject({ type: 'date', operator: 'between' });
    expect(r1.getCell(col('完成比例（%）')).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100] });
    expect(wb.getWorksheet(FEEDBACK_META_SHEET)!.state).toBe('veryHidden');
  });

  it('filled in Excel fashion (a real date cell, a formula) and read back through the guarded reader', async () => {
    const wb = await load(await buildFeedbackFormWorkbook(input));
    const ws = wb.getWorksheet(FEEDBACK_SHEET)!;
    const r1 = ws.getRow(FEEDBACK_HEADER_ROW + 1);
    r1.getCell(col('反馈类型')).value = '报送进展';
    r1.getCell(col('反馈日期')).value = new Date('2026-11-20T00:00:00Z');
    r1.getCell(col('办理情况')).value = '已完成摸底排查';
    r1.getCell(col('完成比例（%）')).value = 60;
    ws.getRow(FEEDBACK_HEADER_ROW + 2).getCell(col('办理情况')).value = { formula: 'A1', result: '督办' };
    const sheets = await readFeedbackFormWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheets.meta).toMatchObject({
      表单编号: 'form-1',
      单位编号: 'u-dept',
      下发日期: '2026-11-22',
      格式版本: '1',
    });
    expect(sheets.headers).toEqual(FEEDBACK_COLUMNS.map((c) => c.header));
    expect(sheets.rowNumbers).toEqual([5, 6]);
    expect(sheets.rows[0]).toMatchObject({ 反馈类型: '报送进展', 反馈日期: '2026-11-20', '完成比例（%）': '60' });
    expect(sheets.formulas).toEqual([{ row: 6, column: '办理情况' }]);
  });

  it('a file over the size cap is refused before it is parsed', async () => {
    await expect(readFeedbackFormWorkbook(new Uint8Array(MAX_XLSX_BYTES + 1))).rejects.toThrow(/文件过大/);
  });
});
