import { expect, type Locator, type Page } from '@playwright/test';

/** The passphrase every e2e flow sets for complainant data (web build, PII-1). */
export const E2E_PASSPHRASE = 'e2e-保护口令-2026';

const SET_TITLE = '设置投诉举报人信息保护口令';
const UNLOCK_TITLE = '解锁投诉举报人信息';

export function setPassphraseDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: SET_TITLE });
}

export function unlockDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: UNLOCK_TITLE });
}

/** Sets the passphrase in the open 设置 dialog (twice) and waits for it to close. */
export async function setPassphrase(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  const dialog = setPassphraseDialog(page);
  await dialog.getByLabel('保护口令', { exact: true }).fill(passphrase);
  await dialog.getByLabel('再次输入口令').fill(passphrase);
  await dialog.getByRole('button', { name: '设置口令' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** Types the passphrase into the open 解锁 dialog; waits for it to close unless `expectRefusal`. */
export async function unlock(page: Page, passphrase = E2E_PASSPHRASE, expectRefusal = false): Promise<void> {
  const dialog = unlockDialog(page);
  await dialog.getByLabel('保护口令', { exact: true }).fill(passphrase);
  await dialog.getByRole('button', { name: '解锁' }).click();
  if (expectRefusal) await expect(dialog.getByRole('alert')).toContainText('口令不正确', { timeout: 30_000 });
  else await expect(dialog).toBeHidden({ timeout: 30_000 });
}

const answering = new WeakMap<Page, { set: Locator; unlock: Locator }>();

/**
 * Answers the passphrase dialogs whenever one shows up before a step (Playwright locator handlers): the
 * first demo load or topic with complainant data sets {@link E2E_PASSPHRASE}, a reveal in a new session
 * unlocks with it. Flows that test the dialogs themselves call {@link stopAnsweringPassphrasePrompts}. Idempotent.
 */
export async function answerPassphrasePrompts(page: Page): Promise<void> {
  if (answering.has(page)) return;
  const entry = { set: setPassphraseDialog(page), unlock: unlockDialog(page) };
  answering.set(page, entry);
  await page.addLocatorHandler(entry.set, () => setPassphrase(page));
  await page.addLocatorHandler(entry.unlock, () => unlock(page));
}

/** Leaves both dialogs to the test (a flow that checks them). */
export async function stopAnsweringPassphrasePrompts(page: Page): Promise<void> {
  const entry = answering.get(page);
  if (!entry) return;
  await page.removeLocatorHandler(entry.set);
  await page.removeLocatorHandler(entry.unlock);
}
