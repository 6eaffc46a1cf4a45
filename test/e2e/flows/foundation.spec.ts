import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { UnitsPage } from '../pages/units-page';

const badWorkbook = fileURLToPath(new URL('../../fixtures/xlsx/units-people-bad-row.xlsx', import.meta.url));

test.describe('foundation: first start, demo data, units and people', () => {
  test.beforeEach(async ({ page }) => {
    const app = new AppPage(page);
    await app.firstStartWithDemo();
  });

  test('the browser build says once, plainly, that its storage may be evicted', async ({ page }) => {
    // Headless Chromium does not grant persistent storage to a site that is not installed.
    const notice = page.getByTestId('storage-notice');
    await expect(notice).toContainText('浏览器可能清除这里的全部记录');
    await notice.getByRole('button', { name: /close|关闭/i }).click();
    await expect(notice).toBeHidden();
    await page.reload();
    await expect(page.getByRole('menuitem', { name: '工作台' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('a unit and a person created by hand survive a reload', async ({ page }) => {
    const units = new UnitsPage(page);
    await units.open('units');
    await units.createUnit({ name: '城关镇应急管理办公室', kind: '职能科室', liaison: '陈晓', phone: '13900001111' });
    await units.search('应急管理');
    await expect(units.row('城关镇应急管理办公室')).toContainText('陈晓');

    await units.open('people');
    await units.createPerson({
      name: '林海峰',
      unit: '城关镇应急管理办公室',
      role: '联络员',
      post: '主任',
      phone: '13900002222',
    });
    await units.search('林海峰');
    await expect(units.row('林海峰')).toContainText('城关镇应急管理办公室');

    await page.reload();
    await units.open('units');
    await units.search('应急管理');
    await expect(units.row('城关镇应急管理办公室')).toBeVisible();
    await units.open('people');
    await units.search('林海峰');
    await expect(units.row('林海峰')).toContainText('联络员');

    // The audit trail recorded both and still verifies.
    await page.goto('/#/settings');
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect(page.getByText(/审计链完整（\d+ 条）/)).toBeVisible();
  });

  test('a referenced unit cannot be deleted but can be archived', async ({ page }) => {
    const units = new UnitsPage(page);
    await units.open('units');
    await units.search('区市场监督管理局');
    const row = units.row('区市场监督管理局');
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    const refusal = page.getByRole('dialog').filter({ hasText: '不能删除' });
    await expect(refusal).toContainText('不能删除，只能归档');
    await refusal.getByRole('button', { name: '归档' }).click();
    await expect(refusal).toBeHidden();

    // Hidden by default once archived, shown with its tag when archived units are shown.
    await expect(units.row('区市场监督管理局')).toHaveCount(0);
    await units.showArchived(true);
    await expect(units.row('区市场监督管理局')).toContainText('已归档');
    await page.reload();
    await units.open('units');
    await units.showArchived(true);
    await units.search('区市场监督管理局');
    await expect(units.row('区市场监督管理局')).toContainText('已归档');
  });

  test('an xlsx with one bad row writes nothing and names the row and field', async ({ page }) => {
    // The file is parsed off the page's thread, in the import worker (renderer/src/lib/xlsx/import.worker.ts).
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const units = new UnitsPage(page);
    await units.open('units');
    await units.importFile(badWorkbook);
    const failed = page.getByRole('dialog').filter({ hasText: '导入失败，未写入任何数据' });
    await expect(failed).toBeVisible();
    expect(workers.filter((u) => /\/assets\/import\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
    await expect(failed).toContainText('第 5 行');
    await expect(failed).toContainText('联系电话');
    await failed.getByRole('button', { name: '关闭' }).click();

    // None of the workbook's units (all 滨江街道…) were written.
    await units.search('滨江');
    await expect(units.row('滨江')).toHaveCount(0);
    await units.open('people');
    await units.search('郑文华');
    await expect(units.row('郑文华')).toHaveCount(0);
  });

  test('the built page runs under a CSP that blocks injected inline script', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    const injected = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      return w.__injected === true;
    });
    expect(injected).toBe(false);
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});
