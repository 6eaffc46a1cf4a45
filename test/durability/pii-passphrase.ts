import type { Page } from 'playwright-core';

/** The passphrase the durability and bench runs set for complainant data (web build, PII-1). */
export const RUN_PASSPHRASE = 'run-保护口令-2026';

/**
 * After 载入演示数据 on a fresh profile: the demo writes complainant data, so the web build first asks for the
 * passphrase that protects it (设置投诉举报人信息保护口令, twice). Answers it; waits until the dialog is gone.
 */
export async function setPiiPassphrase(page: Page, passphrase = RUN_PASSPHRASE): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '设置投诉举报人信息保护口令' });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByLabel('保护口令', { exact: true }).fill(passphrase);
  await dialog.getByLabel('再次输入口令').fill(passphrase);
  await dialog.getByRole('button', { name: '设置口令' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
}
