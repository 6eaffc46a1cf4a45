import { mkdirSync } from 'node:fs';
import { AppPage } from '../pages/app-page';
import { expect, test } from '../support/clocked-test';

/**
 * Issue 11 item 11: in English the chair's review words its stuck reasons and suggestions in English (they
 * are codes in shared/domain, worded by i18n), and the number column keeps its width instead of wrapping
 * the dispute number one character a line.
 */
const SHOTS = 'test-results/english-review';
const CJK = /[\u3400-\u9fff]/;
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("the chair's review in English: reasons and suggestions in English, dispute numbers on one line", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.nav('设置');
  await page
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: /^English$/ })
    .click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();

  await page.goto('/#/disputes/review');
  const table = page.locator('.ant-table-tbody');
  await expect(table.getByText('Stuck', { exact: true }).first()).toBeVisible();
  // Every stuck reason (red) and suggestion (bold) under “Stuck?” is English — the data (numbers, matters,
  // unit names) stays Chinese, the app's own words do not.
  const reasons = await table.locator('.ant-typography-danger').allInnerTexts();
  expect(reasons.length).toBeGreaterThan(0);
  for (const r of reasons) expect(r, r).not.toMatch(CJK);
  const suggestions = await table.locator('strong').allInnerTexts();
  for (const s of suggestions) expect(s, s).not.toMatch(CJK);
  expect(reasons.some((r) => /\d+ days/.test(r))).toBe(true);

  // The dispute number (城关执争〔2026〕9号) sits on one line.
  const numbers = table.getByRole('link').filter({ hasText: /执争〔\d{4}〕\d+号/ });
  await expect(numbers.first()).toBeVisible();
  const { height, lineHeight } = await numbers.first().evaluate((a) => ({
    height: a.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(a).lineHeight) || parseFloat(getComputedStyle(a).fontSize) * 1.6,
  }));
  expect(height).toBeLessThan(lineHeight * 1.5);
  await page.screenshot({ path: `${SHOTS}/01-chair-review-en.png` });
});
