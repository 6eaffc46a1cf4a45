import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from '../../../renderer/src/lib/xlsx/exceljs';
import { FEEDBACK_COLUMNS, FEEDBACK_HEADER_ROW, FEEDBACK_SHEET } from '../../../shared/import/feedback-form';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs } from '../support/libreoffice';

/**
 * A member unit without the app, end to end on the e2e clock (2026-11-22): the office exports the unit's
 * 任务通知 (.docx, opened in LibreOffice) and 反馈表 (.xlsx); the unit fills the form (exceljs, as Excel would:
 * a drop-down value, a real date cell); the office imports it, sees the preview (one row per report, what
 * will be recorded), confirms, and the task's timeline shows the progress. Importing the same file again
 * records nothing; a form with a bad date is refused with its row and column named.
 */
const SHOTS = 'test-results/feedback-form';
const UNIT = '城关镇综合行政执法队';
const PROGRESS = '已对东门村违法建设逐户摸底，拆除方案报镇政府审定';

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const col = (h: string) => FEEDBACK_COLUMNS.findIndex((c) => c.header === h) + 1;

async function openExchange(page: Page, meetings: MeetingsPage) {
  await page.getByTestId('unit-exchange-open').click();
  const dialog = page.getByRole('dialog', { name: '成员单位任务通知与反馈表' });
  await expect(dialog).toBeVisible();
  await meetings.pick(dialog, '成员单位', UNIT);
  await expect(dialog.getByText(new RegExp(`${UNIT}有 \\d+ 项未办结任务`))).toBeVisible();
  return dialog;
}

/** Waits until no dialog is still zooming in or out, for a screenshot of what the user sees. */
async function settled(page: Page) {
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave')).toHaveCount(0);
  await page.waitForTimeout(300);
}

async function importFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入已填反馈表' }).click();
  await (await chooser).setFiles(file);
}

test('a unit without the app: notice and form out, filled form in, progress on the task', async ({ page }) => {
  const app = new AppPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();
  await app.nav('督办');
  const dialog = await openExchange(page, meetings);
  await expect(dialog.getByRole('button', { name: '导出反馈表' })).toBeEnabled();
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/1-dialog.png` });

  // ---- 任务通知 (.docx): preview, save, open in LibreOffice ----
  await dialog.getByRole('button', { name: '预览并导出任务通知' }).click();
  const office = page.getByRole('dialog', { name: '导出前请先填写发文机关' });
  if (await office.isVisible({ timeout: 2_000 }).catch(() => false)) {
    await office.getByRole('button', { name: '保存发文机关信息' }).click();
  }
  const preview = page.getByRole('dialog', { name: `任务通知预览：${UNIT}` });
  await expect(preview.locator('.jd-docx-preview section').first()).toBeVisible({ timeout: 30_000 });
  const noticeDownload = page.waitForEvent('download');
  await preview.getByRole('button', { name: '保存', exact: true }).click();
  const notice = await noticeDownload;
  expect(notice.suggestedFilename()).toBe(`督办任务通知-${UNIT}-20261122.docx`);
  const dir = mkdtempSync(join(tmpdir(), 'jd-feedback-'));
  const noticePath = join(dir, notice.suggestedFilename());
  await notice.saveAs(noticePath);
  const pdf = await convertToPdf(noticePath);
  expect(pdf.text).toContain('关于报送');
  expect(pdf.text).toContain(`${UNIT}：`);
  expect(pdf.text).toContain('附件：督办事项办理情况反馈表');
  await pdfToPngs(pdf.pdfPath, `${SHOTS}/notice`, 60);

  // ---- 反馈表 (.xlsx) ----
  const formDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出反馈表' }).click();
  const form = await formDownload;
  expect(form.suggestedFilename()).toBe(`督办事项反馈表-${UNIT}-20261122.xlsx`);
  const formPath = join(dir, form.suggestedFilename());
  await form.saveAs(formPath);

  // ---- the unit fills it in ----
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(formPath).buffer as ArrayBuffer);
  const ws = wb.getWorksheet(FEEDBACK_SHEET)!;
  expect(ws.getCell(2, 2).value).toBe(UNIT);
  const first = ws.getRow(FEEDBACK_HEADER_ROW + 1);
  const task = String(first.getCell(col('议定事项')).value);
  first.getCell(col('反馈类型')).value = '报送进展';
  first.getCell(col('反馈日期')).value = new Date(Date.UTC(2026, 10, 20));
  first.getCell(col('办理情况')).value = PROGRESS;
  first.getCell(col('完成比例（%）')).value = 50;
  first.getCell(col('填报人')).value = '钱进';
  const filled = join(dir, '已填反馈表.xlsx');
  writeFileSync(filled, new Uint8Array(await wb.xlsx.writeBuffer()));

  // ---- import: preview, confirm ----
  await importFile(page, filled);
  const check = page.getByRole('dialog', { name: `导入反馈表预览：${UNIT}` });
  await expect(check).toBeVisible();
  const row = check.getByRole('row').filter({ hasText: PROGRESS });
  await expect(row).toContainText('报送进展（2026年11月20日，完成比例 50%）');
  await expect(row).toContainText(task.slice(0, 10));
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/2-preview.png` });
  await check.getByRole('button', { name: '确认导入（1 条）' }).click();
  await expect(page.getByText('已导入反馈表：记录 1 条，跳过已导入的 0 条')).toBeVisible();

  // ---- the same file again: nothing twice ----
  await importFile(page, filled);
  await expect(check).toBeVisible();
  await expect(check.getByRole('row').filter({ hasText: PROGRESS })).toContainText('不再重复记录');
  await expect(check.getByRole('button', { name: '确认导入（0 条）' })).toBeDisabled();
  await check
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(check).toBeHidden();

  // ---- a bad date: refused, row and column named ----
  first.getCell(col('反馈日期')).value = '2026-02-30';
  const bad = join(dir, '错误反馈表.xlsx');
  writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
  await importFile(page, bad);
  const issues = page.getByRole('dialog', { name: '反馈表未导入：错误反馈表.xlsx' });
  await expect(issues).toContainText('第 5 行“反馈日期”列：“2026-02-30”不是有效日期');
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/3-issues.png` });
  await issues
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /关\s*闭/ })
    .click();
  await expect(issues).toBeHidden();

  // ---- the task's timeline shows the progress ----
  await dialog.locator('.ant-modal-close').click();
  await expect(dialog).toBeHidden();
  await page.getByPlaceholder(/搜索/).first().fill(task.slice(0, 12));
  await page
    .getByRole('row')
    .filter({ hasText: task.slice(0, 12) })
    .first()
    .click();
  await expect(page.getByText(PROGRESS)).toBeVisible();
  await expect(page.getByText(`${PROGRESS}（填报人：钱进）`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/4-timeline.png`, fullPage: true });
});
