import { expect, test as base, type Page } from '@playwright/test';

/**
 * The e2e clock: every test starts on 2026-11-22 10:00 China Standard Time, so ages, quarters and
 * demo dates are the same on every run. The clock is installed (time then flows from there) rather
 * than frozen, so timers that measure elapsed time — antd's messages closing after 3 s — behave as
 * they do for a user. A test may still move it with `page.clock.setSystemTime`.
 */
export const E2E_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * Installs the e2e clock on a page before its first navigation and collects what the page throws or
 * logs as an error. For pages the `test` fixture does not create (a browser the test launches itself).
 */
export async function clockAndErrorsOn(page: Page, time: Date = E2E_NOW): Promise<string[]> {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.clock.install({ time });
  return pageErrors;
}

/**
 * `test` with the clock installed before the first navigation, and failing at the end if the page
 * threw or logged an error on the way, even when every step's assertion passed.
 */
export const test = base.extend<{ clockAndErrors: void }>({
  clockAndErrors: [
    async ({ page }, use) => {
      const pageErrors = await clockAndErrorsOn(page);
      await use();
      expect(pageErrors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
