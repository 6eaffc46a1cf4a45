import { mkdirSync } from 'node:fs';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { TopicsPage } from '../pages/topics-page';
import { expect, test } from '../support/clocked-test';

/**
 * The screens as each role sees them (ui/Guarded, from shared/domain/permissions.ts): what a role never
 * does there is not shown; what it may not do but would look for is disabled and says who may.
 */
const SHOTS = 'test-results/roles';

const TOPIC = '城关镇解放路早市占道经营与渣土运输车辆管理职责不清';
const SUPERVISOR = '“监督人员（纪工委/司法所）”';

test.use({ actionTimeout: 15_000 });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a supervisor and a liaison see what they may not do disabled with the reason, and no buttons for what they never do', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const topics = new TopicsPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();

  // The office registers a topic with a complainant and convenes a meeting.
  await topics.submitTopic({
    title: TOPIC,
    unit: '城关镇人民政府',
    category: '职责边界',
    description: '群众投诉早市占道和渣土车抛洒，城管、交警和市场监管各自认为不归本部门管理。',
    complainant: { name: '李秀英', phone: '13912345678' },
  });
  await app.nav('会议');
  await meetings.create({ startsAt: '2026-12-16 09:00', place: '镇政府三楼会议室', chair: '罗建平' });
  const meetingUrl = page.url();

  // ---- 纪工委: a supervisor ----
  await app.newProfile('赵明', '城关镇纪工委', /督查/);

  // 议题: no 新增议题; on a topic waiting for review, 受理/退回 and 查看 are there but disabled, saying who may.
  await topics.open();
  await expect(page.getByRole('button', { name: '新增议题' })).toHaveCount(0);
  await topics.openTopic(TOPIC);
  await app.expectDenied(topics.stepButton('受理'), `只有办公室工作人员可以受理议题；当前角色为${SUPERVISOR}`);
  await app.expectDenied(topics.stepButton('退回'), `只有办公室工作人员可以退回议题；当前角色为${SUPERVISOR}`);
  await app.expectDenied(topics.stepButton('修改'), '只有办公室工作人员可以修改议题');
  const reveal = page.locator('.jd-complainant-card').getByRole('button', { name: /查\s?看/ });
  await app.expectDenied(reveal, `只有办公室工作人员可以查看投诉举报人信息；当前角色为${SUPERVISOR}`);
  // The files can be read, not changed.
  await expect(page.getByRole('button', { name: /添加附件/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/supervisor-topic.png` });

  // 单位与人员: read only, without the buttons.
  await app.nav('单位与人员');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '新增单位' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '操作' })).toHaveCount(0);
  await page.getByRole('tab', { name: '人员' }).click();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '新增人员' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/supervisor-units.png` });

  // 争议: no 登记争议; on a dispute the next step and 编辑登记信息 are disabled with the reason.
  await app.nav('争议');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '登记争议' })).toHaveCount(0);
  // The ledger is everyone's to export.
  await expect(page.getByRole('button', { name: /导出/ }).first()).toBeEnabled();
  await page.locator('.ant-table-row').first().click();
  await expect(page).toHaveURL(/#\/disputes\/[^/]+$/);
  const step = page.locator('.jd-guarded button').first();
  await app.expectDenied(step, new RegExp(`^只有办公室工作人员(或召集人)?可以.+；当前角色为${SUPERVISOR}$`));
  await page.screenshot({ path: `${SHOTS}/supervisor-dispute.png` });

  // ---- 联络员: a liaison, on the meeting in preparation ----
  await app.newProfile('钱进', '区市场监督管理局', /联络员/);
  await app.nav('会议');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '新建会议' })).toHaveCount(0);
  await page.goto(meetingUrl);
  await expect(page.locator('.jd-page-title')).toContainText('定期联席会议');
  const liaison = '当前角色为“联络员”';
  await app.expectDenied(
    page.getByRole('button', { name: '编辑', exact: true }),
    `只有办公室工作人员可以修改会议；${liaison}`,
  );
  await app.expectDenied(
    page.getByRole('button', { name: '标记为已通知' }),
    `只有办公室工作人员可以变更会议状态；${liaison}`,
  );
  await app.expectDenied(page.getByRole('button', { name: '取消会议' }), `只有办公室工作人员可以取消会议；${liaison}`);
  // The agenda is read, not built: the reason once, no proposals or backlog to add from.
  await expect(page.getByText(`只有办公室工作人员可以编辑议程；${liaison}`)).toBeVisible();
  await expect(meetings.proposal(/./)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/liaison-agenda.png` });
  await meetings.tab('参会人员');
  await expect(page.getByText(`只有办公室工作人员可以登记出席情况；${liaison}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /出\s?席/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/liaison-attendance.png` });

  // A liaison does submit topics.
  await topics.open();
  await expect(page.getByRole('button', { name: '新增议题' })).toBeEnabled();

  // Back as the office, everything is there again.
  await app.switchProfile('王丽');
  await page.goto(meetingUrl);
  await expect(page.getByRole('button', { name: '标记为已通知' })).toBeEnabled();
  await expect(page.locator('.jd-guarded')).toHaveCount(0);
});
