import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppPage } from '../pages/app-page';
import { DisputesPage } from '../pages/disputes-page';
import { chooseOption } from '../pages/select';
import { expect, test } from '../support/clocked-test';

const SHOTS = 'test-results/audit-trail';

const TOWN = '城关镇人民政府';
const DEPT = '区市场监督管理局';
const MATTER = '城关镇解放路夜市外摆摊点的查处主体';

test.use({ actionTimeout: 15_000 });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('the audit trail names a registered dispute by its number, opens its diff, filters and exports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const disputes = new DisputesPage(page);
  await new AppPage(page).firstStartWithDemo();
  await disputes.open();
  await disputes.register({
    matter: MATTER,
    type: '管辖权',
    registeredOn: '2026-11-20',
    parties: [TOWN, DEPT],
    firstHandling: TOWN,
    positions: { [TOWN]: '属市场监管职责', [DEPT]: '属市容管理' },
  });
  const subtitle = await page.getByText(/^编号 \S+号 · /).textContent();
  const number = /编号 (\S+号)/.exec(subtitle ?? '')?.[1] ?? '';
  expect(number).toMatch(/〔2026〕\d+号$/);

  await page.goto('/#/settings');
  const card = page.locator('#audit');
  const trail = card.getByTestId('audit-trail');
  const rows = trail.locator('tbody tr.ant-table-row');
  // The newest entry is the registration, named by the dispute's number — no id, no 编号 fallback.
  const newest = rows.first();
  await expect(newest).toContainText(`执法争议 ${number}`);
  await expect(newest).toContainText('新建');
  await expect(newest).toContainText('2026年11月22日');
  await expect(trail).not.toContainText('（编号');
  // The demo's own entries are named too (a meeting by its official name, units by name).
  await expect(rows).toHaveCount(20);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SHOTS}/1-trail.png` });

  // Opening the entry shows its fields one by one, in words.
  await newest.getByRole('button', { name: /^查看第 \d+ 条记录$/ }).click();
  const drawer = page.getByRole('dialog', { name: /^审计记录第 \d+ 条$/ });
  await expect(drawer.getByTestId('audit-detail-object')).toHaveText(`执法争议 ${number}`);
  const diff = drawer.getByRole('table');
  const field = (label: string) =>
    diff.locator('tbody tr').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
  await expect(field('争议事项')).toContainText(MATTER);
  await expect(field('争议各方')).toContainText(`${TOWN}、${DEPT}`);
  await expect(field('先行处理单位')).toContainText(TOWN);
  await expect(field('登记日期')).toContainText('2026年11月20日');
  await expect(field('状态')).toContainText('登记');
  await expect(field('各方意见')).toContainText(`${DEPT}：属市容管理`);
  await expect(drawer).not.toContainText('2026-11-20');
  await page.screenshot({ path: `${SHOTS}/2-entry.png` });

  // Only this object's entries: just the registration.
  await drawer.getByRole('button', { name: '只看此对象的记录' }).click();
  await expect(drawer).toBeHidden();
  await expect(card.getByText(`只看：${number}`)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await card.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(20);

  // Page 2 holds older entries.
  const firstSeq = Number(await newest.locator('td').first().textContent());
  await card.getByRole('button', { name: /下一页/ }).click();
  await expect(card.getByText('第 2 页')).toBeVisible();
  await expect(newest.locator('td').first()).toHaveText(String(firstSeq - 20));
  await card.getByRole('button', { name: /上一页/ }).click();
  await expect(newest.locator('td').first()).toHaveText(String(firstSeq));

  // Filters narrow it: disputes, then only the ones created (the demo's were loaded, not created).
  await chooseOption(page, card, '对象类型', '执法争议');
  await expect(card.getByTestId('audit-trail-count')).toHaveText(/^共 \d+ 条$/);
  const disputeCount = Number(
    /共 (\d+) 条/.exec((await card.getByTestId('audit-trail-count').textContent()) ?? '')?.[1],
  );
  expect(disputeCount).toBeGreaterThan(1);
  await chooseOption(page, card, '操作', '新建');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await chooseOption(page, card, '操作人', '王丽');
  await expect(rows).toHaveCount(1);
  // Days, in Asia/Shanghai: up to yesterday nothing, up to today the registration.
  const setDays = async (from: string, to: string) => {
    const picker = card.getByPlaceholder('开始日期');
    if (await picker.inputValue()) {
      await picker.hover();
      await card.locator('.ant-picker-clear').click();
    }
    await picker.click();
    await picker.fill(from);
    await picker.press('Enter');
    const end = card.getByPlaceholder('结束日期');
    await end.fill(to);
    await end.press('Enter');
    await expect(picker).toHaveValue(from);
    await expect(end).toHaveValue(to);
  };
  await setDays('2026-11-01', '2026-11-21');
  await expect(card.getByText('没有符合筛选条件的记录')).toBeVisible();
  await setDays('2026-11-01', '2026-11-22');
  await expect(rows).toHaveCount(1);
  await card.screenshot({ path: `${SHOTS}/3-filtered.png` });

  // The filtered trail exports to .xlsx and reads back.
  const pending = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出 Excel' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('审计记录-20261122.xlsx');
  await expect(page.getByText(/已导出审计记录“审计记录-20261122\.xlsx”（1 条）/)).toBeVisible();
  const path = join(mkdtempSync(join(tmpdir(), 'audit-trail-')), 'trail.xlsx');
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('审计记录')!;
  expect(String(ws.getCell('A1').value)).toBe(
    '审计记录（执法争议；王丽；新建；2026年11月1日至2026年11月22日，截至2026年11月22日）',
  );
  expect(ws.getRow(2).values).toEqual([undefined, '序号', '时间', '操作人', '角色', '操作', '对象', '原因']);
  expect(ws.rowCount).toBe(3);
  expect(ws.getCell('C3').value).toBe('王丽');
  expect(ws.getCell('E3').value).toBe('新建');
  expect(ws.getCell('F3').value).toBe(`执法争议 ${number}`);
  expect(String(ws.getCell('B3').value)).toMatch(/^2026年11月22日 \d{2}:\d{2}$/);

  // The export is itself in the trail, by name.
  await card.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows.first()).toContainText('审计记录');
  await expect(rows.first()).toContainText('导出');
});
