import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs, squash } from '../support/libreoffice';

/**
 * Follow-up (督办) end to end on the e2e clock: minutes with three resolutions are issued; progress is
 * reported on one, an extension approved on another, the third left to go overdue; ten days later the
 * list, the board and the attention card show the right levels; the first is claimed done, fails
 * verification, is claimed again and verified; the next meeting's agenda reports all three, and both
 * the 落实情况通报 and a 督办通知单 open in LibreOffice.
 */
const SHOTS = 'test-results/followup';
const run = promisify(execFile);
const LEAD = '城关镇综合行政执法队';
const OTHER = '城关镇党政综合办公室';
const R1 = { content: '综合执法队牵头开展东门村违法建设集中拆除行动', lead: LEAD, days: 10 };
const R2 = { content: '综合执法队会同派出所建立联合巡查台账', lead: LEAD, days: 5 };
const R3 = { content: '党政办汇总各成员单位本季度执法工作情况', lead: OTHER, days: 3 };
const OFFICE = '王丽';
const CHAIR = '罗建平';
const LIAISON = '钱进';
const SUPERVISOR = '赵明';

test.use({ actionTimeout: 15_000 });
test.setTimeout(300_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('resolutions are followed up to verified completion and reported at the next meeting', async ({ page }) => {
  const app = new AppPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo(OFFICE);

  // ---- issue minutes with three resolutions (Sunday 2026-11-22) ----
  await app.nav('会议');
  await page.getByRole('row').filter({ hasText: '已召开' }).first().click();
  await page.getByRole('button', { name: '起草会议纪要' }).click();
  await expect(page).toHaveURL(/\/minutes$/);
  for (const r of [R3, R2, R1]) {
    await page.locator('.jd-resolutions-panel').getByRole('button', { name: '插入议定事项' }).click();
    const form = page.getByRole('form', { name: '编辑议定事项' });
    await form.getByLabel('议定内容').fill(r.content);
    await meetings.pick(form, '牵头单位', r.lead);
    await form.getByRole('radio', { name: '印发后工作日' }).check();
    await form.getByLabel('工作日数').fill(String(r.days));
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect(form).toBeHidden();
  }
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await confirm(page, page.getByRole('button', { name: '送审', exact: true }));
  await app.newProfile(CHAIR, '城关镇人民政府', /召集人/);
  await confirm(page, page.getByRole('button', { name: '签发', exact: true }));
  await app.switchProfile(OFFICE);
  await confirm(page, page.getByRole('button', { name: '印发', exact: true }));
  await expect(page.getByTestId('minutes-state')).toHaveText('已印发');

  // ---- progress on R1 (the office records what the unit reported) ----
  await openTask(page, app, R1.content);
  await act(page, '报送进展', async (d) => {
    await d.getByLabel('进展情况').fill('已完成现场勘查，制定拆除方案，拟于下周实施。');
    await d.getByLabel('完成比例（可选）').fill('30');
  });
  await expect(page.getByRole('heading').getByTestId('task-state')).toHaveText('办理中');

  // ---- R2: the lead unit's liaison asks for more time; the chair approves ----
  await app.newProfile(LIAISON, LEAD, /联络员/, LEAD);
  await openTask(page, app, R2.content);
  await act(page, '申请延期', async (d) => {
    await fillDate(d.getByLabel('拟延期至'), '2026-12-18');
    await d.getByLabel('延期原因').fill('需协调派出所警力，巡查台账模板待区局统一下发。');
  });
  await expect(page.getByTestId('extension-record')).toContainText('待审批');
  await app.switchProfile(CHAIR);
  await act(
    page,
    '审批延期',
    async (d) => {
      await d.getByRole('radio', { name: '同意延期', exact: true }).check();
    },
    '保存',
  );
  await expect(page.getByTestId('task-deadline')).toContainText('2026年12月18日');

  // ---- ten days later (Wednesday 2026-12-02): R3 is overdue, R1 due soon, R2 fine ----
  await page.clock.setSystemTime(new Date('2026-12-02T10:00:00+08:00'));
  await app.switchProfile(OFFICE);
  await page.reload();
  await app.nav('督办');
  await search(page, R3.content);
  await expect(rowOf(page, R3.content)).toContainText(/逾期 \d+ 天/);
  await search(page, R1.content);
  await expect(rowOf(page, R1.content)).toContainText(/临期/);
  await search(page, R2.content);
  await expect(rowOf(page, R2.content)).not.toContainText(/临期|逾期/);
  // The board shows R3 overdue in 未启动.
  await search(page, R3.content);
  await page.getByText('看板', { exact: true }).click();
  const card = page.getByTestId('board-column-not_started').getByTestId('task-card').filter({ hasText: R3.content });
  await expect(card).toContainText(/逾期/);
  await page.screenshot({ path: `${SHOTS}/01-board.png` });
  // The workbench's attention card counts the overdue task and leads to it.
  await app.nav('工作台');
  const overdue = page.getByTestId('attention-overdue');
  await expect(overdue).toBeVisible();
  expect(Number(await overdue.getAttribute('data-count'))).toBeGreaterThan(0);
  await overdue.getByRole('button').first().click();
  await expect(page).toHaveURL(/\/followup\?.*overdue/);
  await page.screenshot({ path: `${SHOTS}/02-overdue.png` });

  // ---- R1: claimed done, verification fails, claimed again, verified ----
  await app.switchProfile(LIAISON);
  await openTask(page, app, R1.content);
  await act(page, '申报办结', (d) => d.getByLabel('办结报告').fill('违法建设已全部拆除，现场已清理。'));
  await expect(page.getByRole('heading').getByTestId('task-state')).toHaveText('已办结待核验');
  await app.newProfile(SUPERVISOR, '城关镇纪工委', /督查/);
  await act(
    page,
    '核验',
    async (d) => {
      await d.getByRole('radio', { name: '核验不通过，退回重办' }).check();
      await d.getByLabel('核验意见').fill('实地查看，东侧仍有一处简易棚未拆除。');
    },
    '保存',
  );
  await expect(page.getByRole('heading').getByTestId('task-state')).toHaveText('办理中');
  await expect(page.getByText('实地查看，东侧仍有一处简易棚未拆除。').first()).toBeVisible();
  await app.switchProfile(LIAISON);
  await act(page, '申报办结', (d) => d.getByLabel('办结报告').fill('东侧简易棚已于12月2日拆除。'));
  await app.switchProfile(SUPERVISOR);
  await act(
    page,
    '核验',
    async (d) => {
      await d.getByRole('radio', { name: '核验通过，办结' }).check();
      await d.getByLabel('核验意见').fill('实地复查，已全部拆除。');
    },
    '保存',
  );
  await expect(page.getByRole('heading').getByTestId('task-state')).toHaveText('已核验办结');

  // ---- R3: 催办, with its 督办通知单 ----
  await app.switchProfile(OFFICE);
  await openTask(page, app, R3.content);
  await act(page, '催办', async () => undefined);
  await page.getByRole('button', { name: '生成督办通知单' }).click();
  const officeSave = page.getByRole('button', { name: '保存发文机关信息' });
  if (await officeSave.isVisible().catch(() => false)) await officeSave.click();
  const notice = await saveFromPreview(page, /督办通知单预览/);
  const noticePdf = await convert(notice, 'notice');
  expect(noticePdf.stderr).not.toMatch(/Error/);
  expect(squash(noticePdf.text)).toContain('督办通知单');
  expect(squash(noticePdf.text)).toContain(squash(R3.content));

  // ---- the next meeting reports all three ----
  await app.nav('会议');
  await page.getByRole('row').filter({ hasText: '已通知' }).first().click();
  await meetings.tab('议程');
  const report = meetings.agendaItem(/议定事项落实情况/);
  await expect(page.getByText(/本次会议议程/)).toBeVisible();
  await expect(page.getByText('建议列入的常设事项')).toBeVisible();
  if ((await report.count()) === 0) {
    await page.getByRole('button', { name: /^将“.*议定事项落实情况.*”加入议程$/ }).click();
  }
  const lines = report.getByTestId('agenda-item-lines');
  for (const r of [R1, R2, R3]) await expect(lines).toContainText(r.content);
  await meetings.tab('会议文件');
  await meetings.confirmDocumentOffice();
  await page.getByRole('button', { name: '预览并保存落实情况通报' }).click();
  const reportFile = await saveFromPreview(page, /落实情况通报/);
  const reportPdf = await convert(reportFile, 'report');
  expect(reportPdf.stderr).not.toMatch(/Error/);
  // Table cells wrap: read the PDF in content order (-raw), where a cell's lines follow each other.
  const { stdout: raw } = await run('pdftotext', ['-raw', reportPdf.pdfPath, '-']);
  const reportText = squash(raw);
  for (const r of [R1, R2, R3]) expect(reportText).toContain(squash(r.content));
  expect(reportText).toContain('逾期');
  expect(reportText).toContain('已核验办结');
});

async function confirm(page: Page, button: Locator): Promise<void> {
  await button.click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: '确定' }).click();
}

/** 督办 → search → open the task whose content matches. */
async function openTask(page: Page, app: AppPage, content: string): Promise<void> {
  await app.nav('督办');
  await search(page, content);
  // A click while the filtered list is still being replaced can be lost: retried until the task opens.
  await expect(async () => {
    if (await rowOf(page, content).isVisible()) await rowOf(page, content).click({ timeout: 2_000 });
    await expect(page.getByTestId('task-content')).toHaveText(content, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function search(page: Page, text: string): Promise<void> {
  // The list remembers the board view: come back to the table.
  const table = page.getByText('表格', { exact: true });
  if (await table.isVisible().catch(() => false)) await table.click();
  const box = page.getByRole('searchbox', { name: '搜索督办任务' }).or(page.getByLabel('搜索督办任务')).first();
  // The box follows the address: a slow update from the previous search can replace what was typed, so the
  // search is repeated until the address and the box both hold this text.
  await expect(async () => {
    await box.fill(text);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}(&|$)`), { timeout: 2_000 });
    await expect(box).toHaveValue(text, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

function rowOf(page: Page, content: string): Locator {
  return page.getByTestId('task-table').getByRole('row').filter({ hasText: content });
}

/** Opens the action's dialog, fills it, submits with `ok` (the action's name by default), waits for it to close. */
async function act(page: Page, action: string, fill: (d: Locator) => Promise<unknown>, ok = action): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: action, exact: true });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: ok, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function fillDate(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

async function saveFromPreview(page: Page, title: RegExp): Promise<Download> {
  const modal = page.getByRole('dialog', { name: title });
  await expect(modal.locator('.jd-docx-preview section').first()).toBeVisible({ timeout: 30_000 });
  const pending = page.waitForEvent('download');
  await modal.getByRole('button', { name: '保存', exact: true }).click();
  return pending;
}

async function convert(download: Download, name: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'jd-followup-')), download.suggestedFilename());
  await download.saveAs(file);
  const pdf = await convertToPdf(file);
  await pdfToPngs(pdf.pdfPath, `${SHOTS}/${name}`, 60);
  return pdf;
}
