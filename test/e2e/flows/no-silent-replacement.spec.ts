import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { DisputesPage } from '../pages/disputes-page';
import { MeetingsPage } from '../pages/meetings-page';
import { chooseOption } from '../pages/select';
import { expect, test } from '../support/clocked-test';

/**
 * Issue 11 item 6: what the user types into a date or number field is never replaced behind their back.
 * Out of range stays as typed, the field says the allowed range, and nothing is saved or built from it;
 * a value in range is accepted. (antd's InputNumber min/max/precision would clamp or round on blur, and a
 * DatePicker's disabledDate would put back the previous date: none of them is used.)
 */

const SHOTS = 'test-results/no-silent-replacement';
const TOWN = '城关镇人民政府';
const DEPT = '区市场监督管理局';

test.use({ actionTimeout: 15_000 });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Types `text` into `input` and leaves the field (Tab: Enter would submit a form). */
async function typeAndLeave(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Tab');
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  await (target ?? page).screenshot({ path: `${SHOTS}/${name}.png` });
}

test('a negotiation date before registration or in the future stays as typed, is refused and says the range', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ui = new DisputesPage(page);
  await new AppPage(page).firstStartWithDemo();
  await ui.open();
  await ui.register({
    matter: '城关镇老街夜市油烟扰民的查处主体',
    type: '管辖权',
    registeredOn: '2026-10-09',
    parties: [TOWN, DEPT],
    firstHandling: TOWN,
    positions: { [TOWN]: '餐饮油烟属环保职责', [DEPT]: '夜市经营秩序属乡镇管理' },
  });
  await expect(ui.stateTag()).toHaveText('登记');

  const m = await ui.startAction('记录协商');
  const date = m.getByLabel('协商日期', { exact: true });
  await m.getByLabel('参加人员').fill('城关镇张三、区市场监管局李四');
  await m.getByLabel('协商内容').fill('双方说明各自依据');

  // Before registration: stays as typed (not today), says from when.
  await ui.fillDate(m, '协商日期', '2026-10-01');
  await expect(date).toHaveValue('2026-10-01');
  await expect(m.getByText('日期不能早于2026年10月9日（登记日期或上一步的日期）')).toBeVisible();
  await shot(page, 'negotiation-before-registration', m);
  await m.getByRole('button', { name: '确定', exact: true }).click();
  await expect(m).toBeVisible();
  await expect(date).toHaveValue('2026-10-01');

  // In the future: stays as typed, says up to when.
  await ui.fillDate(m, '协商日期', '2026-12-30');
  await expect(date).toHaveValue('2026-12-30');
  await expect(m.getByText('日期不能晚于今天（2026年11月22日）')).toBeVisible();
  await m.getByRole('button', { name: '确定', exact: true }).click();
  await expect(m).toBeVisible();
  await expect(date).toHaveValue('2026-12-30');

  // Nothing was recorded; a date in range is.
  await ui.fillDate(m, '协商日期', '2026-10-15');
  await expect(m.getByText(/日期不能(早|晚)于/)).toHaveCount(0);
  await ui.submitAction(m);
  await expect(ui.stateTag()).toHaveText('协商中');
  await expect(page.getByText('协商记录（1 次）')).toBeVisible();
});

test('stuck thresholds out of range stay as typed and are not saved', async ({ page }) => {
  const ui = new DisputesPage(page);
  await new AppPage(page).firstStartWithDemo();
  await ui.open();
  await ui.openReview();
  const line = page.getByText(/^滞留标准：登记超过 \d+ 天未协商/);
  const before = await line.textContent();
  await page.getByRole('button', { name: '设置滞留阈值' }).click();
  const m = ui.modal;
  const field = m.getByLabel('登记后未协商超过');
  await typeAndLeave(field, '9999');
  await expect(field).toHaveValue('9999');
  await expect(m.getByText('请填写 1 至 3650 之间的整数')).toBeVisible();
  await shot(page, 'thresholds-range', m);
  await m.getByRole('button', { name: '保存', exact: true }).click();
  await expect(m).toBeVisible();
  await expect(field).toHaveValue('9999');
  // A fraction is not rounded either.
  await typeAndLeave(field, '2.5');
  await expect(field).toHaveValue('2.5');
  await expect(m.getByText('请填写 1 至 3650 之间的整数')).toBeVisible();

  await typeAndLeave(field, '45');
  await expect(m.getByText('请填写 1 至 3650 之间的整数')).toHaveCount(0);
  await m.getByRole('button', { name: '保存', exact: true }).click();
  await expect(m).toBeHidden();
  await expect(line).toContainText('登记超过 45 天未协商');
  expect(before).not.toContain('登记超过 45 天');
});

test('a completion percentage over 100 stays as typed and the progress is not reported', async ({ page }) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.nav('督办');
  const table = page.getByText('表格', { exact: true });
  if (await table.isVisible().catch(() => false)) await table.click();
  const report = page.getByRole('button', { name: '报送进展', exact: true }).first();
  // Open tasks until one offers 报送进展 (the first open task of the demo does).
  await expect(async () => {
    if (!(await report.isVisible())) {
      await page.getByTestId('task-table').getByRole('row').filter({ hasText: '办理中' }).first().click();
    }
    await expect(report).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await report.click();
  const d = page.getByRole('dialog', { name: '报送进展', exact: true });
  await d.getByLabel('进展情况').fill('已完成现场勘查。');
  const percent = d.getByLabel('完成比例（可选）');
  await typeAndLeave(percent, '150');
  await expect(percent).toHaveValue('150');
  await expect(d.getByText('完成比例应为 0 到 100 之间的整数')).toBeVisible();
  await shot(page, 'percent-range', d);
  await d.getByRole('button', { name: '报送进展', exact: true }).click();
  await expect(d).toBeVisible();
  await expect(percent).toHaveValue('150');

  await typeAndLeave(percent, '30');
  await expect(d.getByText('完成比例应为 0 到 100 之间的整数')).toHaveCount(0);
  await d.getByRole('button', { name: '报送进展', exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.getByText('已完成现场勘查。').first()).toBeVisible();
});

test('a feedback deadline before today stays as typed and nothing is exported with it', async ({ page }) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.nav('督办');
  await page.getByRole('button', { name: '成员单位反馈' }).click();
  const m = page.getByRole('dialog', { name: '成员单位任务通知与反馈表' });
  await chooseOption(page, m, '成员单位', '城关镇综合行政执法队', { prefix: true });
  const notice = m.getByRole('button', { name: '预览并导出任务通知' });
  await expect(notice).toBeEnabled();
  const by = m.getByLabel('反馈截止日期');
  await typeAndLeave(by, '2026-11-01');
  await expect(by).toHaveValue('2026-11-01');
  await expect(m.getByText('反馈截止日期不能早于今天（2026年11月22日），请重新选择')).toBeVisible();
  await expect(notice).toBeDisabled();
  await shot(page, 'feedback-by-range', m);

  await typeAndLeave(by, '2026-12-04');
  await expect(m.getByText(/反馈截止日期不能早于今天/)).toHaveCount(0);
  await expect(notice).toBeEnabled();
});

test('a notice number out of range stays as typed and the notice is not built', async ({ page }) => {
  const app = new AppPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();
  await app.nav('会议');
  await page.getByRole('row').filter({ hasText: '已通知' }).first().click();
  await meetings.tab('会议文件');
  await meetings.confirmDocumentOffice();
  const number = page.getByLabel('发文字号');
  const build = page.getByRole('button', { name: '预览并保存会议通知' });
  await typeAndLeave(number, '12345');
  await expect(number).toHaveValue('12345');
  await expect(page.getByText('请填写 1 至 9999 之间的整数')).toBeVisible();
  await expect(build).toBeDisabled();
  await shot(page, 'notice-number-range', page.locator('.ant-card').filter({ has: number }));

  await typeAndLeave(number, '12');
  await expect(page.getByText('请填写 1 至 9999 之间的整数')).toHaveCount(0);
  await expect(build).toBeEnabled();
});

test('agenda minutes over 600 or not whole stay as typed and are not saved', async ({ page }) => {
  const app = new AppPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();
  await app.nav('会议');
  await page.getByRole('row').filter({ hasText: '已通知' }).first().click();
  await meetings.tab('议程');
  const item = meetings.agendaItems().first();
  await expect(item).toBeVisible();
  const minutes = item.getByLabel('时长（分钟）');
  const tip = page.getByRole('tooltip').filter({ hasText: '时长应为 0 到 600 分钟之间的整数，未保存' });
  await typeAndLeave(minutes, '999');
  await expect(minutes).toHaveValue('999');
  await expect(tip).toBeVisible();
  await shot(page, 'agenda-minutes-range');
  await typeAndLeave(minutes, '12.5');
  await expect(minutes).toHaveValue('12.5');
  await expect(tip).toBeVisible();

  await typeAndLeave(minutes, '25');
  await expect(tip).toBeHidden();
  // Saved: still there after coming back to the tab.
  await meetings.tab('参会人员');
  await meetings.tab('议程');
  await expect(meetings.agendaItems().first().getByLabel('时长（分钟）')).toHaveValue('25');
});

test('settings: deadline checker days and rule values out of range stay as typed, no result, not saved', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  await app.nav('设置');

  // 期限试算: no due date is worked out from 400 working days.
  const days = page.getByLabel('工作日天数');
  const result = page.getByTestId('calendar-checker-result');
  await typeAndLeave(days, '400');
  await expect(days).toHaveValue('400');
  await expect(page.getByText('请填写 0 至 365 之间的整数')).toBeVisible();
  await expect(result).toHaveCount(0);
  await shot(page, 'checker-range', page.locator('#calendar'));
  await typeAndLeave(days, '10');
  await expect(page.getByText('请填写 0 至 365 之间的整数')).toHaveCount(0);
  await expect(result).toContainText('到期日：');

  // 时限规则: a fraction is not rounded, a number over the maximum is not cut down; neither is saved.
  await page.getByRole('button', { name: '新建自定义规则' }).click();
  const m = page.locator('.ant-modal-wrap:visible .ant-modal');
  await expect(m.locator('.ant-modal-title')).toHaveText('新建自定义规则');
  const transfer = m.getByLabel('案件移送时限', { exact: true });
  await typeAndLeave(transfer, '2.5');
  await expect(transfer).toHaveValue('2.5');
  await expect(m.getByText('案件移送时限应为 1 至 60 之间的整数')).toBeVisible();
  await typeAndLeave(transfer, '99');
  await expect(transfer).toHaveValue('99');
  await expect(m.getByText('案件移送时限应为 1 至 60 之间的整数')).toBeVisible();
  await shot(page, 'rule-range', m);
  await m.getByRole('button', { name: '保存', exact: true }).click();
  await expect(m).toBeVisible();
  await expect(transfer).toHaveValue('99');

  await typeAndLeave(transfer, '7');
  await expect(m.getByText('案件移送时限应为 1 至 60 之间的整数')).toHaveCount(0);
  await m.getByRole('button', { name: '保存', exact: true }).click();
  await expect(m).toBeHidden();
});
