import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { expect, test } from '../support/clocked-test';

/**
 * Role home screens on the demo township (seed 20260309, e2e clock 2026-11-22): each role's workbench
 * shows its own screen. The supervisor's quarter table matches the demo's figures cell by cell, a cell
 * drills down to exactly its tasks in 督办, and a verification returned through the UI changes the table.
 */
const SHOTS = 'test-results/role-home';
const JUSTICE = '城关镇司法所';
const TEAM = '城关镇综合行政执法队';
test.use({ actionTimeout: 15_000 });
test.setTimeout(180_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

function unitRow(page: Page, unit: string): Locator {
  return page.getByTestId('quarter-row').and(page.locator(`[data-unit="${unit}"]`));
}

async function expectCells(row: Locator, cells: Record<string, number>, rating: string): Promise<void> {
  for (const [figure, count] of Object.entries(cells))
    await expect(row.getByTestId(`cell-${figure}`), figure).toHaveAttribute('data-count', String(count));
  await expect(row.getByTestId('cell-rating')).toHaveAttribute('data-rating', rating);
}

test('supervisor: the quarter table matches the demo, a cell drills down to its tasks, a returned verification shows', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.newProfile('赵明', '城关镇纪工委', /督查/);
  await expect(page.getByTestId('role-home')).toHaveAttribute('data-role', 'supervisor');
  const card = page.getByTestId('unit-quarters');
  await expect(card.getByTestId('quarter-label')).toHaveText('2026年第四季度');
  // The current quarter: one task, extended (approved) and not yet due.
  await expectCells(unitRow(page, TEAM), { due: 1, pending: 1, extended: 1, overdue: 0 }, 'none');
  await expect(page.getByTestId('awaiting-verification').getByTestId('home-task')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/supervisor.png`, fullPage: true });

  // Back to 2025 Q3: 司法所 one on time, one overdue (red, 50%); 执法队 two on time (green).
  for (let i = 0; i < 5; i++) await card.getByRole('button', { name: '上一季度' }).click();
  await expect(card.getByTestId('quarter-label')).toHaveText('2025年第三季度');
  await expect(page.getByTestId('quarter-row')).toHaveCount(2);
  await expectCells(unitRow(page, JUSTICE), { due: 2, onTime: 1, late: 0, overdue: 1, returned: 0 }, 'red');
  await expect(unitRow(page, JUSTICE).getByTestId('cell-rating')).toHaveText('滞后 50%');
  await expectCells(unitRow(page, TEAM), { due: 2, onTime: 2, overdue: 0, returned: 0 }, 'green');
  const total = page.getByTestId('quarter-total');
  await expect(total.getByTestId('cell-due')).toHaveAttribute('data-count', '4');
  await expect(total.getByTestId('cell-rating')).toHaveText('关注 75%');
  await page.screenshot({ path: `${SHOTS}/supervisor-2025q3.png`, fullPage: true });

  // Drill down: 司法所's overdue task, and only it.
  await unitRow(page, JUSTICE).getByTestId('cell-overdue').click();
  await expect(page).toHaveURL(/#\/followup\?unit=[^&]+&quarter=2025Q3&figure=overdue$/);
  await expect(page.getByTestId('quarter-cell-filter')).toHaveText('督查统计：城关镇司法所 2025年第三季度 逾期未办结');
  const rows = page.getByTestId('task-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('司法所会同区自然资源局、区农业农村局在15个工作日内');
  await expect(rows.first()).toContainText('2025年9月22日');
  await page.screenshot({ path: `${SHOTS}/supervisor-drilldown.png`, fullPage: true });

  // Back on the workbench (same quarter, from the address), 执法队's on-time cell lists its two tasks.
  await page.goBack();
  await expect(card.getByTestId('quarter-label')).toHaveText('2025年第三季度');
  await unitRow(page, TEAM).getByTestId('cell-onTime').click();
  await expect(rows).toHaveCount(2);
  // Return the one waiting for verification (核验不通过): it is open again, past its deadline.
  await rows.filter({ hasText: '各成员单位于2025年9月24日前' }).click();
  await page.getByRole('button', { name: '核验', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: '核验', exact: true });
  await dialog.getByRole('radio', { name: '核验不通过，退回重办' }).check();
  await dialog.getByLabel('核验意见').fill('报送的季度执法工作情况缺少案件统计表，请补充后重新报送。');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading').getByTestId('task-state')).toHaveText('办理中');
  await page.goBack();
  await expect(rows).toHaveCount(1);
  await page.goBack();
  await expect(card.getByTestId('quarter-label')).toHaveText('2025年第三季度');
  await expectCells(unitRow(page, TEAM), { due: 2, onTime: 1, overdue: 1, returned: 1 }, 'red');
  await unitRow(page, TEAM).getByTestId('cell-returned').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('各成员单位于2025年9月24日前');
});

test('chair: disputes by age and state as the chair’s review counts them, minutes awaiting sign-off', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.newProfile('罗建平', '城关镇人民政府', /召集人/);
  await expect(page.getByTestId('role-home')).toHaveAttribute('data-role', 'convener');
  const disputes = page.getByTestId('chair-disputes');
  await expect(disputes.getByTestId('chair-disputes-summary')).toHaveText(/^未结 7 件，其中滞留 \d+ 件$/);
  const stuck = Number((await disputes.getByTestId('chair-disputes-summary').textContent())!.match(/滞留 (\d+)/)![1]);
  await expect(disputes.getByTestId('state-negotiating')).toHaveText(/^2 件/);
  await expect(disputes.getByTestId('state-agreed')).toHaveText(/^2 件/);
  await expect(disputes.getByTestId('state-registered')).toHaveText(/^1 件/);
  const signOff = page.getByTestId('chair-signoff').getByTestId('signoff-item');
  await expect(signOff).toHaveCount(1);
  await expect(signOff).toContainText('2026年第');
  await expect(signOff).toContainText('专题会议纪要');
  await expect(page.getByTestId('chair-extensions').getByTestId('home-task')).toHaveCount(1);
  await expect(page.getByTestId('chair-escalations').getByTestId('escalation-task')).toHaveCount(2);
  await expect(page.getByTestId('chair-escalations').getByTestId('escalation-topic')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/chair.png`, fullPage: true });

  // The chair's review page counts the same stuck disputes.
  await disputes.getByRole('link', { name: '进入未结争议审阅' }).click();
  await expect(page.getByText('截至2026年11月22日，未结争议 7 件')).toBeVisible();
  await expect(page.locator('tbody').getByText('滞留', { exact: true })).toHaveCount(stuck);
  await page.goBack();
  await signOff.getByRole('link', { name: '审阅并签发' }).click();
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/minutes$/);
});

test('office: the next meeting’s readiness checklist and this week’s chasing', async ({ page }) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await expect(page.getByTestId('role-home')).toHaveAttribute('data-role', 'office_staff');
  const r = page.getByTestId('readiness');
  await expect(r).toContainText('下次会议：2026年第');
  const status = async (key: string, s: string) =>
    expect(r.getByTestId(`readiness-${key}`)).toHaveAttribute('data-status', s);
  await status('meeting', 'done');
  await status('triage', 'todo');
  await expect(r.getByTestId('readiness-triage')).toContainText('有 3 个议题待审核');
  await status('agenda', 'done');
  await expect(r.getByTestId('readiness-agenda')).toContainText('议程共 7 项');
  await status('notice', 'done');
  await status('signIn', 'done');
  await expect(r.getByTestId('readiness-signIn')).toContainText('名单共 21 人');
  // The 联动会商 of 2026-11-19 was held; its minutes are not started.
  await status('minutes', 'todo');
  await expect(r.getByTestId('readiness-minutes')).toContainText('纪要尚未开始起草');
  await expect(r).toContainText('还有 2 项待办');
  await expect(page.getByTestId('quarterly-compliance')).toBeVisible();
  const chase = page.getByTestId('chase').getByTestId('home-task');
  await expect(chase.first()).toContainText('逾期');
  await page.screenshot({ path: `${SHOTS}/office.png`, fullPage: true });
  // 审核待审议题 leads to the topics.
  await r.getByRole('link', { name: '审核待审议题' }).click();
  await expect(page).toHaveURL(/#\/topics$/);
});

test('liaison: its own unit’s open tasks, most urgent first', async ({ page }) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.newProfile('钱进', TEAM, /联络员/, TEAM);
  await expect(page.getByTestId('role-home')).toHaveAttribute('data-role', 'liaison');
  const card = page.getByTestId('liaison-tasks');
  await expect(card).toContainText(`${TEAM}牵头或配合`);
  const tasks = card.getByTestId('home-task');
  await expect(tasks).toHaveCount(8);
  await expect(card).toContainText('共 9 项，显示前 8 项');
  await expect(tasks.first()).toContainText('逾期');
  for (const t of await tasks.all()) await expect(t).toContainText(TEAM);
  await page.screenshot({ path: `${SHOTS}/liaison.png`, fullPage: true });
  // The full list is the same nine.
  await card.getByRole('link', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/#\/followup\?state=open&lead=/);
  await expect(page.getByTestId('task-table').locator('tbody tr.ant-table-row')).toHaveCount(9);
});
