import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { expect, test } from '../support/clocked-test';

/**
 * Issue 10 (AUD): the audit trail is checked on its own at every start, from a checkpoint kept outside
 * IndexedDB, and a break is said unprompted. Truncating the trail and moving its head back — invisible to
 * the stored anchor alone — is found at the next start.
 */
const SHOTS = 'test-results/audit-start-check';
const KEY = 'jointdesk.audit.checkpoint.jointdesk';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function checkpointSeq(page: Page): Promise<number> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), KEY);
  return raw ? (JSON.parse(raw) as { seq: number }).seq : 0;
}

/** Raw IndexedDB, as someone with the profile folder could: drop the newest `n` entries, move the head back. */
async function truncateAndMoveHeadBack(page: Page, n: number): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('jointdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['audit', 'settings'], 'readwrite');
          const audit = tx.objectStore('audit');
          const all = audit.getAll();
          all.onsuccess = () => {
            const rows = all.result as { seq: number; hash: string }[];
            const keep = rows[rows.length - 1 - n]!;
            audit.delete(IDBKeyRange.lowerBound(keep.seq + 1));
            tx.objectStore('settings').put({ key: 'audit.head', value: { seq: keep.seq, hash: keep.hash } });
            tx.oncomplete = () => {
              db.close();
              resolve(keep.seq);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    n,
  );
}

test('the trail is checked at start from a checkpoint outside the database; a truncation is said unprompted', async ({
  page,
}) => {
  const app = new AppPage(page);
  // The check runs off the page's thread, in the audit worker (renderer/src/db/audit-worker/).
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const auditWorkers = () => workers.filter((u) => /\/assets\/audit-verify\.worker-[\w-]+\.js$/.test(u)).length;
  await app.firstStartWithDemo();
  // The next start checks what the demo wrote (from the first start's checkpoint, the profile's entry).
  await page.reload();
  // The check at start passed and left its checkpoint at the head; no warning.
  await expect.poll(() => checkpointSeq(page)).toBeGreaterThan(100);
  expect(auditWorkers()).toBeGreaterThan(0);
  const seq = await checkpointSeq(page);
  await expect(page.getByTestId('audit-start-check')).toHaveCount(0);

  // Another start: still intact, still quiet.
  await page.reload();
  await expect(page.getByRole('menuitem', { name: /工作台/ })).toBeVisible();
  await expect.poll(() => checkpointSeq(page)).toBe(seq);
  await expect(page.getByTestId('audit-start-check')).toHaveCount(0);

  const kept = await truncateAndMoveHeadBack(page, 5);
  expect(kept).toBe(seq - 5);
  await page.reload();
  const warning = page.getByTestId('audit-start-check');
  await expect(warning).toContainText('启动时自动校验审计记录未通过：记录可能被篡改或损坏');
  await expect(warning).toContainText(`审计记录上次校验时有 ${seq} 条，现在第 ${seq} 条已不存在（记录被截断或删除）`);
  await expect(warning.getByRole('link', { name: /设置 → 审计记录/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/01-warned-at-start.png` });

  // 校验完整性 finds it too (the checkpoint is an anchor there), and the checkpoint is not moved over it.
  await warning.getByRole('link', { name: /设置 → 审计记录/ }).click();
  await page.getByRole('button', { name: '校验完整性' }).first().click();
  await expect(page.getByText('审计链校验未通过').first()).toBeVisible();
  expect(await checkpointSeq(page)).toBe(seq);
});
