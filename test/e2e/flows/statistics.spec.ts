import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AppPage } from '../pages/app-page';
import { chooseOption } from '../pages/select';
import { expect, test } from '../support/clocked-test';

/**
 * 统计 on the demo township at the e2e clock (2026-11-22): the charts draw (canvas), the tables beside them show
 * the demo's figures for 2026, the unit filter and the period change them, an empty period says so and offers
 * the whole period, the workbook downloads with one sheet per table (read back with exceljs), and a chart saves
 * as a PNG. The figures below are those of the deterministic demo (seed 20260309, today 2026-11-22).
 */
const SHOTS = 'test-results/statistics';
const UNIT = '城关镇综合行政执法队';

test.use({ actionTimeout: 15_000 });
test.setTimeout(180_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const card = (page: Page, chart: string) => page.getByTestId(`stat-${chart}`);
const row = (scope: Locator, first: string) => scope.getByRole('row').filter({ hasText: first });
/** The cells of a table row as text. */
const cells = async (r: Locator) => (await r.getByRole('cell').allInnerTexts()).map((s) => s.trim());

async function download(page: Page, trigger: () => Promise<void>): Promise<Download> {
  const pending = page.waitForEvent('download');
  await trigger();
  return pending;
}

test('statistics render from the demo, follow the filter, export a workbook and save a chart', async ({ page }) => {
  const app = new AppPage(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.firstStartWithDemo();
  await app.nav('统计');
  await expect(page.getByRole('heading', { name: '统计', level: 3 })).toBeVisible();

  // ---- every chart draws on a canvas; the tables show the demo's 2026 figures ----
  for (const chart of [
    'meetings',
    'topicCategory',
    'topicUnit',
    'topicOutcome',
    'disputeType',
    'disputeState',
    'disputeAge',
    'onTimeUnit',
    'onTimeQuarter',
  ])
    await expect(page.getByTestId(`chart-${chart}`).locator('canvas').first()).toBeAttached();
  const meetings = card(page, 'meetings');
  expect(await cells(row(meetings, '2026年第一季度'))).toEqual(['2026年第一季度', '1', '0', '0', '1', '达标']);
  expect(await cells(row(meetings, '2026年第三季度'))).toEqual(['2026年第三季度', '1', '2', '0', '1', '达标']);
  expect(await cells(row(meetings, '2026年第四季度'))).toEqual([
    '2026年第四季度',
    '0',
    '0',
    '1',
    '1',
    '本季度尚未达标',
  ]);
  expect(await cells(row(card(page, 'topicOutcome'), '合计'))).toEqual(['合计', '26']);
  expect(await cells(row(card(page, 'topicOutcome'), '办理中'))).toEqual(['办理中', '15']);
  expect(await cells(row(card(page, 'disputeState'), '合计'))).toEqual(['合计', '7']);
  const quarters = card(page, 'onTimeQuarter');
  expect(await cells(row(quarters, '2026年第一季度'))).toEqual(['2026年第一季度', '5', '2', '0', '3', '0', '40.0%']);
  expect(await cells(row(quarters, '合计'))).toEqual(['合计', '9', '3', '0', '5', '1', '37.5%']);
  // The table bodies are plain rows (stats-page.tsx staticBody): the total row is bold, figures right-aligned.
  await expect(row(quarters, '合计').getByRole('cell').first()).toHaveCSS('font-weight', '600');
  await expect(row(quarters, '2026年第一季度').getByRole('cell').first()).toHaveCSS('font-weight', '400');
  await expect(row(quarters, '2026年第一季度').getByRole('cell').nth(1)).toHaveCSS('text-align', 'right');
  expect(await cells(row(card(page, 'onTimeUnit'), UNIT))).toEqual([UNIT, '4', '0', '0', '3', '1', '0.0%']);
  await page.screenshot({ path: `${SHOTS}/page-2026.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/top-2026.png` });
  await card(page, 'onTimeUnit').screenshot({ path: `${SHOTS}/on-time-unit-2026.png` });

  // ---- the unit filter changes the figures (topics by submitting unit, tasks by lead unit) ----
  await chooseOption(page, page.locator('body'), '成员单位', UNIT);
  await expect(page).toHaveURL(/unit=/);
  await expect(page.getByText('按单位筛选时：议题按提交单位')).toBeVisible();
  await expect(row(card(page, 'topicOutcome'), '合计')).toContainText('11');
  expect(await cells(row(quarters, '合计'))).toEqual(['合计', '4', '0', '0', '3', '1', '0.0%']);
  expect(await cells(row(card(page, 'disputeState'), '合计'))).toEqual(['合计', '6']);
  // Meetings are the joint meeting's, whatever the unit.
  expect(await cells(row(meetings, '2026年第一季度'))).toEqual(['2026年第一季度', '1', '0', '0', '1', '达标']);
  await page.locator('.ant-select-clear').first().click();
  await expect(page).not.toHaveURL(/unit=/);

  // ---- another period: 上一年度 (2025) ----
  await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '上一年度' }).click();
  await expect(page).toHaveURL(/from=2025-01-01&to=2025-12-31/);
  await expect(row(quarters, '合计')).toContainText('69.2%');
  expect(await cells(row(quarters, '合计'))).toEqual(['合计', '13', '9', '0', '4', '0', '69.2%']);
  expect(await cells(row(meetings, '2025年第四季度'))).toEqual(['2025年第四季度', '1', '0', '0', '1', '达标']);

  // ---- the workbook: one sheet per table, titled with the period ----
  const dir = mkdtempSync(join(tmpdir(), 'jd-stats-'));
  const xlsx = await download(page, () => page.getByTestId('stats-export').click());
  expect(xlsx.suggestedFilename()).toBe('统计报表-20250101-20251231.xlsx');
  const xlsxPath = join(dir, 'stats.xlsx');
  await xlsx.saveAs(xlsxPath);
  await expect(page.getByText(/已导出统计报表：统计报表-20250101-20251231\.xlsx（9 个工作表）/)).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '每季度召开会议次数',
    '议题（按类别）',
    '议题（按提交单位）',
    '议题（按办理结果）',
    '执法争议（按类型）',
    '执法争议（按状态）',
    '执法争议（按时长）',
    '督办任务按时办结率（按牵头单位）',
    '督办任务按时办结率（按季度）',
  ]);
  const ws = wb.getWorksheet('督办任务按时办结率（按季度）')!;
  expect(ws.getCell('A1').value).toBe('督办任务按时办结率（按季度）（2025年1月1日至2025年12月31日）');
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
    '季度',
    '到期任务',
    '按时办结',
    '逾期办结',
    '逾期未办结',
    '未到期',
    '按时办结率',
  ]);
  expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['2025年第一季度', 2, 2, 0, 0, 0, '100.0%']);
  expect((ws.getRow(ws.rowCount).values as unknown[]).slice(1)).toEqual(['合计', 13, 9, 0, 4, 0, '69.2%']);
  const m = wb.getWorksheet('每季度召开会议次数')!;
  expect((m.getRow(3).values as unknown[]).slice(1)).toEqual(['2025年第一季度', 1, 1, 0, 1, '达标']);

  // ---- a chart as PNG ----
  const png = await download(page, () => meetings.getByRole('button', { name: /另存为图片/ }).click());
  expect(png.suggestedFilename()).toBe('每季度召开会议次数-20250101-20251231.png');
  const pngPath = join(dir, 'chart.png');
  await png.saveAs(pngPath);
  const bytes = readFileSync(pngPath);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5_000);
  await page.screenshot({ path: `${SHOTS}/page-2025.png`, fullPage: true });

  // ---- an empty period says so and offers the whole period ----
  await page.goto(page.url().replace(/from=[^&]+&to=[^&]+/, 'from=2030-01-01&to=2030-12-31'));
  await expect(page.getByText('所选期间没有数据')).toBeVisible();
  await expect(page.getByTestId('stats-export')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/empty-period.png`, fullPage: true });
  await page.getByRole('button', { name: '查看全部期间' }).click();
  await expect(page.getByRole('radio', { name: '全部' })).toBeChecked();
  await expect(card(page, 'meetings')).toBeVisible();
});

test('with no data the page says what to do first', async ({ page }) => {
  const app = new AppPage(page);
  await app.firstStart();
  await app.nav('统计');
  await expect(page.getByText('还没有可统计的数据')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/no-data.png`, fullPage: true });
  await page.getByRole('button', { name: '前往工作台' }).click();
  await expect(page.getByRole('button', { name: '载入演示数据' })).toBeVisible();
});
