import { expect, test } from '../support/clocked-test';
import { AppPage } from '../pages/app-page';
import {
  E2E_PASSPHRASE,
  setPassphraseDialog,
  stopAnsweringPassphrasePrompts,
  unlock,
  unlockDialog,
} from '../pages/passphrase';
import { TopicsPage } from '../pages/topics-page';

const TITLE = '夜市油烟扰民投诉查处职责不清';
const COMPLAINANT = {
  name: '欧阳明月',
  phone: '13912345678',
  idNumber: '11010519491231002X',
  address: '城关镇解放路菜市场12号3单元',
};

/**
 * PII-1 in the web build: complainant data is sealed to a key pair whose private key is wrapped with a
 * passphrase. The passphrase is set (twice, with the warning) the first time a key is needed — here the
 * demo load — later writes need no prompt, lists show masked values, and a reveal in a new page session
 * asks for the passphrase once: a wrong one is refused, the right one shows the clear values.
 */
test('complainant data: set the passphrase, save, list masked, reveal asks for it, wrong one refused', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.firstStart();
  await stopAnsweringPassphrasePrompts(page);

  // The demo writes complainants: the passphrase is set first.
  await page.getByRole('button', { name: '载入演示数据' }).click();
  const set = setPassphraseDialog(page);
  await expect(set).toBeVisible();
  await expect(set).toContainText('忘记口令后，已保存的投诉举报人信息将永远无法再显示');
  await set.getByLabel('保护口令', { exact: true }).fill(E2E_PASSPHRASE);
  await set.getByLabel('再次输入口令').fill(`${E2E_PASSPHRASE}x`);
  await set.getByRole('button', { name: '设置口令' }).click();
  await expect(set).toContainText('两次输入的口令不一致');
  await set.getByLabel('再次输入口令').fill(E2E_PASSPHRASE);
  await set.getByRole('button', { name: '设置口令' }).click();
  await expect(set).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(/演示数据已载入，共 \d+ 条记录/)).toBeVisible({ timeout: 30_000 });

  // The wrapped key is in localStorage; neither the passphrase nor a clear key is.
  const stored = await page.evaluate(() => localStorage.getItem('jointdesk.pii.key'));
  expect(JSON.parse(stored!)).toMatchObject({ version: 1, kdf: { name: 'PBKDF2-SHA256', iterations: 600_000 } });
  expect(stored).not.toContain(E2E_PASSPHRASE);

  // A topic with complainant data saves without another prompt (the public key is kept in clear).
  const topics = new TopicsPage(page);
  await topics.submitTopic({
    title: TITLE,
    unit: '城关镇人民政府',
    category: '职责边界',
    description: '夜市摊点油烟扰民，群众多次投诉，查处职责不清。',
    complainant: COMPLAINANT,
  });
  await expect(topics.row(TITLE)).toContainText('欧***');
  await expect(page.getByText(COMPLAINANT.name)).toHaveCount(0);

  // A new page session: the reveal asks for the passphrase.
  await page.reload();
  await topics.openTopic(TITLE);
  const card = page.locator('.jd-complainant-card');
  await expect(card).toContainText('139****5678');
  await card.getByRole('button', { name: /查\s?看/ }).click();
  const reveal = page.getByRole('dialog', { name: /查看投诉举报人信息/ });
  await reveal.getByLabel('查看事由（可不填）').fill('核实投诉情况');
  await reveal.getByRole('button', { name: /查\s?看/ }).click();
  await expect(unlockDialog(page)).toBeVisible();
  await unlock(page, '不是这个口令', true);
  await expect(card.locator('[data-revealed="true"]')).toHaveCount(0);
  await unlock(page);
  await expect(card.locator('[data-revealed="true"]')).toBeVisible();
  for (const v of Object.values(COMPLAINANT)) await expect(card).toContainText(v);
});
