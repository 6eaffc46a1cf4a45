import { expect, test as base } from '@playwright/test';

/**
 * The e2e clock: every test starts on 2026-11-22 10:00 China Standard Time, so ages, quarters and
 * demo dates are the same on every run. The clock is installed (time then flows from there) rather
 * than frozen, so timers that measure elapsed time — antd's messages closing after 3 s — behave as
 * they do for a user. A test may still move it with `page.clock.setSystemTime`.
 */
export const E2E_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * `test` with the clock installed before the first navigation, and failing at the end if the page
 * threw or logged an error on the way, even when every step's assertion passed.
 */
export const test = base.extend<{ clockAndErrors: void }>({
  clockAndErrors: [
    async ({ page }, use) => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text());
      });
      await page.clock.install({ time: E2E_NOW });
      await use();
      expect(pageErrors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
