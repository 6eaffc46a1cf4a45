import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { TopicsPage } from '../pages/topics-page';

const SHOTS = 'test-results/topics';

const TOWN = '城关镇人民政府';
const AMR = '区市场监督管理局';
const ECO = '区生态环境局';

const A = '城关镇农贸市场外侧人行道占道经营查处主体不明';
const B = '沿街餐饮油烟扰民投诉处理职责划分';
const C = '农贸市场周边流动摊贩占道经营问题';

const COMPLAINANT = {
  name: '张三丰',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  address: '城关镇解放路菜市场12号3单元',
};

/** A few bytes that start like a PDF, so the signature check passes. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
});

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('topics are submitted, returned, merged and accepted; counts and states survive a reload; a reveal is audited', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  const topics = new TopicsPage(page);
  await app.firstStart();
  // Before there is anything, the list says what to do first.
  await app.nav('议题');
  await expect(page.getByText('还没有议题')).toBeVisible();
  await expect(page.getByText(/登记议题前需要先有成员单位/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/empty.png` });
  await app.nav('工作台');
  await app.loadDemoData();
  await app.nav('议题');
  await expect(page).toHaveURL(/#\/topics$/);
  await expect(page.locator('.jd-topic-urgent').first()).toBeVisible();
  // “/” jumps to the search box.
  await page.locator('.jd-page-title').click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: '搜索议题' }).or(page.getByLabel('搜索议题')).first()).toBeFocused();

  const before = {
    submitted: await topics.count('待审核'),
    accepted: await topics.count('已受理'),
    returned: await topics.count('退回'),
    merged: await topics.count('已合并'),
    all: await topics.count('全部'),
  };
  await page.screenshot({ path: `${SHOTS}/list-demo.png`, fullPage: true });

  // The intake form checks as you type and refuses attachments it cannot take, naming why.
  const m = await topics.openIntake(true);
  await m.getByRole('button', { name: /^提\s?交$/ }).click();
  await expect(m.getByText('请填写议题名称')).toBeVisible();
  await expect(m.getByText('请选择提交单位')).toBeVisible();
  await expect(m.getByText('请填写情况说明')).toBeVisible();
  await m.locator('input[type=file]').setInputFiles([
    { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    { name: '现场录像.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x25) },
  ]);
  const refused = m.locator('.jd-attachment-errors');
  await expect(refused).toContainText(
    '不支持的文件类型：.exe，允许：pdf、doc、docx、xls、xlsx、jpg、jpeg、png、txt、ofd、wps',
  );
  await expect(refused).toContainText('文件超过 20 MB 上限：现场录像.pdf');
  await m.getByLabel('本议题涉及投诉举报人').check();
  await m.getByLabel('联系电话').fill('12345');
  await m.getByLabel('身份证号').fill('110105194912310021');
  await expect(
    m.getByText('电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）'),
  ).toBeVisible();
  await expect(m.getByText('身份证号校验位不正确，请核对')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/intake-errors.png` });
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/intake-attachment-errors.png` });
  await m.getByRole('button', { name: /^取\s?消$/ }).click();
  await expect(m).toBeHidden();

  await topics.submitTopic({
    title: A,
    unit: TOWN,
    category: '管辖争议',
    description: '农贸市场外侧人行道上的占道经营，镇综合执法队认为属市场经营秩序，市场监管所认为属市容管理。',
    urgent: true,
    relatedUnits: [AMR],
    proposedHandling: '提请联席会议明确查处主体',
    complainant: COMPLAINANT,
    files: [pdf('现场照片说明.pdf')],
  });
  await topics.submitTopic({
    title: B,
    unit: ECO,
    category: '职责边界',
    description: '沿街餐饮油烟扰民投诉，生态环境部门与乡镇对查处职责理解不一。',
  });
  await topics.submitTopic({
    title: C,
    unit: TOWN,
    category: '联合执法',
    description: '农贸市场周边流动摊贩反复占道，需多部门联合整治。',
  });
  await expect.poll(() => topics.count('待审核')).toBe(before.submitted + 3);
  await expect(topics.row(A).locator('.jd-topic-urgent')).toBeVisible();
  // Lists show the complainant masked.
  await expect(topics.row(A)).toContainText('张**');
  await expect(page.getByText('张三丰')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });

  // Triage: only the steps the state allows are offered.
  await topics.openTopic(A);
  // Field labels stay on one line (“议题类别”, never “议题类/别”), also in a narrower window.
  await page.setViewportSize({ width: 900, height: 900 });
  const label = page.locator('.ant-descriptions-item-label').filter({ hasText: '议题类别' }).first();
  const box = await label.boundingBox();
  const lineHeight = await label.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 22);
  expect(box!.height).toBeLessThan(lineHeight * 1.5 + 16);
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const step of ['受理', '退回', '合并', '转为争议']) await expect(topics.stepButton(step)).toBeVisible();
  for (const step of ['暂缓', '提交党政联席会议', '重新提交']) await expect(topics.stepButton(step)).toHaveCount(0);
  await expect(page.locator('.jd-complainant-card')).toContainText('张**');
  await expect(page.locator('.jd-complainant-card')).toContainText('138****5678');
  await expect(page.locator('.jd-complainant-card')).toContainText('110105********002X');
  await expect(page.getByText('现场照片说明.pdf')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/detail-actions.png`, fullPage: true });

  await topics.returnTopic(B, '请补充投诉记录和现场照片');
  await expect(topics.stepButton('重新提交')).toBeVisible();
  await expect(topics.stepButton('受理')).toHaveCount(0);
  // A returned topic can be corrected before it is resubmitted.
  await topics.stepButton('修改').click();
  const edit = topics.modal;
  await expect(edit.locator('.ant-modal-title')).toHaveText('修改议题');
  await edit.getByLabel('情况说明').fill('沿街餐饮油烟扰民投诉，已补充投诉记录和现场照片。');
  await edit.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('已补充投诉记录和现场照片')).toBeVisible();
  await expect(topics.stateTag()).toHaveText('退回');

  await topics.mergeTopic(C, A);
  await topics.acceptTopic(A);
  // The merged topic shows 已合并 and links to its target; never the target's state beside its own.
  await topics.openTopic(C);
  const banner = page.locator('.jd-topic-banner');
  await expect(banner).toContainText(`已合并至《${A}》，随该议题一并办理`);
  await expect(banner.getByRole('link', { name: `《${A}》` })).toBeVisible();
  await expect(banner.locator('[data-state]')).toHaveCount(0);
  await expect(page.locator('.jd-page-title')).toContainText('已合并');
  await expect(page.locator('.jd-page-title')).not.toContainText('已受理');
  await expect(topics.stepButton('受理')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/merged.png`, fullPage: true });

  const expected = {
    submitted: before.submitted,
    accepted: before.accepted + 1,
    returned: before.returned + 1,
    merged: before.merged + 1,
    all: before.all + 3,
  };
  const counts = async () => ({
    submitted: await topics.count('待审核'),
    accepted: await topics.count('已受理'),
    returned: await topics.count('退回'),
    merged: await topics.count('已合并'),
    all: await topics.count('全部'),
  });
  await topics.open();
  await expect.poll(counts).toEqual(expected);

  // Everything is in IndexedDB: a reload shows the same.
  await page.reload();
  await expect(page.getByRole('heading', { name: '议题', exact: true })).toBeVisible();
  await expect.poll(counts).toEqual(expected);
  await topics.showState('退回');
  await expect(topics.row(B)).toBeVisible();
  await topics.showState('已合并');
  await expect(topics.row(C)).toContainText(`已合并至《${A}》`);
  await topics.openTopic(A);
  await expect(topics.stateTag()).toHaveText('已受理');

  // The complainant's data shows masked until 查看, which writes an audit entry first.
  await page.screenshot({ path: `${SHOTS}/complainant-masked.png`, fullPage: true });
  await topics.revealComplainant('电话回访投诉人');
  const card = page.locator('.jd-complainant-card');
  await expect(card).toContainText('张三丰');
  await expect(card).toContainText('13812345678');
  await expect(card).toContainText('11010519491231002X');
  await expect(page.locator('.ant-timeline')).toContainText('查看投诉举报人完整信息');
  await page.screenshot({ path: `${SHOTS}/complainant-revealed.png`, fullPage: true });

  await app.nav('设置');
  const audit = page.locator('#audit');
  const revealRow = audit.locator('.ant-table-row').filter({ hasText: '查看敏感信息' }).first();
  await expect(revealRow).toContainText(`议题《${A.slice(0, 30)}`);
  await expect(revealRow).toContainText('电话回访投诉人');
  // The audit trail never shows the clear data.
  await expect(audit).not.toContainText('张三丰');
  await expect(audit).not.toContainText('13812345678');
});

test('a topic naming only its own unit converts into a dispute once the other party is chosen', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const topics = new TopicsPage(page);
  await app.firstStartWithDemo();
  await topics.open();
  const title = '河道沿线违法建设查处管辖不明';
  await topics.submitTopic({
    title,
    unit: TOWN,
    category: '管辖争议',
    description: '河道管理范围内的违法建设，镇与区自然资源局对管辖有不同意见。',
  });
  await topics.openTopic(title);
  await topics.stepButton('转为争议').click();
  const m = topics.modal;
  await expect(m.getByText('本议题没有相关单位，请选择与提交单位发生争议的单位。')).toBeVisible();
  await m.getByRole('button', { name: '转为争议' }).click();
  await expect(m.getByText('请选择争议的另一方')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/convert-needs-party.png` });
  await m.getByRole('button', { name: /^取\s?消$/ }).click();

  const href = await topics.convertTopic(title, '区自然资源局');
  expect(href).toMatch(/^#\/disputes\/[^/]+$/);
  await page.getByRole('link', { name: '查看争议' }).click();
  await expect(page).toHaveURL(/#\/disputes\/[^/]+$/);
  await expect(page.locator('.jd-page-title')).toContainText(title);
  await expect(page.getByText(`先行处理单位：${TOWN}`)).toBeVisible();
  await expect(page.getByText(/^编号 \S+〔\d{4}〕\d+号 · /)).toBeVisible();
});
