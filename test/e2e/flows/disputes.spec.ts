import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppPage } from '../pages/app-page';
import { DisputesPage } from '../pages/disputes-page';
import { expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs, squash } from '../support/libreoffice';

const SHOTS = 'test-results/disputes';

const TOWN = '城关镇人民政府';
const DEPT = '区市场监督管理局';
const MATTER = '城关镇农贸市场周边占道经营的查处主体';
const FOCUS = '农贸市场外侧人行道上的占道经营是否属于市场内经营秩序';

test.use({ actionTimeout: 15_000 });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a dispute runs from registration through negotiation and escalation to designation and closing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ui = new DisputesPage(page);
  await new AppPage(page).firstStartWithDemo();
  await ui.open();

  await ui.register({
    matter: MATTER,
    type: '管辖权',
    registeredOn: '2026-10-09',
    place: '城关镇农贸市场东侧',
    parties: [TOWN, DEPT],
    firstHandling: TOWN,
    positions: {
      [TOWN]: '农贸市场周边经营秩序属市场监管职责，应由区市场监管局查处',
      [DEPT]: '人行道占道经营属于市容管理，应由乡镇综合执法查处',
    },
  });

  // The first-handling rule is on top of the record.
  await expect(page.getByText(`先行处理单位：${TOWN} —— 争议期间不得停止执法活动`)).toBeVisible();
  await expect(ui.stateTag()).toHaveText('登记');
  const subtitle = await page.getByText(/^编号 \S+号 · /).textContent();
  const number = /编号 (\S+号)/.exec(subtitle ?? '')?.[1] ?? '';
  expect(number).toMatch(/〔2026〕\d+号$/);

  // Only the steps the state allows are offered.
  await expect(page.getByRole('button', { name: '记录协商', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '提请区政府协调', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提请协调申请' })).toBeDisabled();

  // A typed date outside the allowed range stays as typed and gets a message with the range.
  const probe = await ui.startAction('记录协商');
  await ui.fillDate(probe, '协商日期', '2026-12-30');
  await expect(probe.getByText('日期不能晚于今天（2026年11月22日）')).toBeVisible();
  await probe.getByRole('button', { name: /^取\s?消$/ }).click();
  await expect(probe).toBeHidden();
  await ui.addRound(
    '2026-10-15',
    '城关镇张三、区市场监管局李四',
    '双方说明各自的法律依据',
    '未达成一致，约定补充材料后再次协商',
  );
  await expect(ui.stateTag()).toHaveText('协商中');
  await ui.addRound(
    '2026-11-02',
    '城关镇张三、区市场监管局李四、司法所王五',
    '双方补充了现场照片和有关规定',
    '协商不成，拟提请区政府协调',
  );
  await expect(page.getByText('协商记录（2 次）')).toBeVisible();

  const esc = await ui.startAction('提请区政府协调');
  // Prefilled from the record and the rounds.
  await expect(esc.getByLabel('事项')).toHaveValue(MATTER);
  await expect(esc.getByLabel('协商情况')).toHaveValue(/先后进行2次协商/);
  await expect(esc.getByLabel('各方理由和依据')).toHaveValue(new RegExp(`${TOWN}认为`));
  await ui.fillDate(esc, '提请日期', '2026-11-05');
  await esc.getByLabel('争议焦点').fill(FOCUS);
  // Any party may apply (建阳 §4): here the other party, not the first-handling unit.
  await ui.choose(esc, '申请单位', DEPT);
  await page.screenshot({ path: `${SHOTS}/escalate-form.png` });
  await ui.submitAction(esc);
  await expect(ui.stateTag()).toHaveText('提请区政府协调');
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel('申请单位', { exact: true }) })).toContainText(
    DEPT,
  );

  // The application: preview, save (a download in the browser build), open it with LibreOffice.
  await page.getByRole('button', { name: '提请协调申请' }).click();
  const preview = ui.modal;
  await expect(preview.getByText(`提请协调申请预览 —— ${number}`)).toBeVisible();
  await expect(preview.locator('.jd-docx-preview section').first()).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('.jd-docx-preview')).toContainText('争议焦点');
  await page.screenshot({ path: `${SHOTS}/application-preview.png` });
  const docx = await ui.download(() => preview.getByRole('button', { name: '保存', exact: true }).click());
  expect(docx.suggestedFilename()).toBe(`提请协调申请-${number}.docx`);
  const dir = mkdtempSync(join(tmpdir(), 'jd-e2e-'));
  const docxPath = join(dir, 'application.docx');
  await docx.saveAs(docxPath);
  const pdf = await convertToPdf(docxPath, dir);
  expect(pdf.stderr).not.toMatch(/Error/);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  const text = squash(pdf.text);
  for (const expected of [
    MATTER,
    FOCUS,
    TOWN,
    DEPT,
    '一、争议事项',
    '二、协商情况',
    '三、争议焦点',
    '四、各方理由和依据',
    '区人民政府：',
    '2026年11月5日',
  ]) {
    expect(text, expected).toContain(squash(expected));
  }
  await pdfToPngs(pdf.pdfPath, `${SHOTS}/application-page`);

  const des = await ui.startAction('记录指定管辖');
  await des.getByLabel('决定文号').fill('区政指〔2026〕7号');
  await ui.choose(des, '指定管辖单位', TOWN);
  await ui.fillDate(des, '指定管辖决定日期', '2026-11-16');
  await ui.submitAction(des);
  await expect(ui.stateTag()).toHaveText('已指定管辖');
  // After designation the banner names the designated unit, no longer the first-handling rule.
  await expect(page.getByTestId('handling-banner')).toContainText(`已指定管辖：${TOWN} —— 由该单位依法办理`);
  await expect(page.getByText('争议期间不得停止执法活动')).toHaveCount(0);

  const close = await ui.startAction('结案');
  await close.getByLabel('结案说明（可不填）').fill('城关镇已依法查处完毕');
  await ui.submitAction(close);
  await expect(ui.stateTag()).toHaveText('已结案');
  await expect(page.getByRole('button', { name: '重新打开', exact: true })).toBeVisible();

  // The timeline: every step from the audit trail, oldest first.
  const events = page.getByTestId('timeline-event');
  await expect(events).toHaveCount(7);
  await expect(events.nth(0)).toContainText(`登记争议，编号 ${number}`);
  await expect(events.nth(1)).toContainText('记录第1次协商（2026年10月15日）');
  await expect(events.nth(1)).toContainText('状态：登记 → 协商中');
  await expect(events.nth(2)).toContainText('记录第2次协商（2026年11月2日）');
  await expect(events.nth(3)).toContainText('状态：协商中 → 提请区政府协调');
  await expect(events.nth(4)).toContainText(`导出文书：提请协调申请-${number}.docx`);
  await expect(events.nth(5)).toContainText(`区政府指定${TOWN}管辖（区政指〔2026〕7号，2026年11月16日）`);
  await expect(events.nth(6)).toContainText('状态：已指定管辖 → 已结案');
  await expect(events.nth(6)).toContainText('说明：城关镇已依法查处完毕');
  await expect(events.nth(6)).toContainText('王丽（办公室工作人员）');
  await page.screenshot({ path: `${SHOTS}/detail-closed.png`, fullPage: true });

  // The ledger holds the row.
  await ui.open();
  await expect(page.getByRole('row').filter({ hasText: number })).toContainText('已结案');
  await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });
  const xlsx = await ui.download(() => page.getByRole('button', { name: '导出台账' }).click());
  expect(xlsx.suggestedFilename()).toBe('执法争议台账-20261122.xlsx');
  const xlsxPath = join(dir, 'ledger.xlsx');
  await xlsx.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.getWorksheet('执法争议台账')!;
  expect(ws.getCell('A1').value).toBe('执法争议台账（截至2026年11月22日）');
  expect(ws.getRow(2).values).toEqual([
    undefined,
    '编号',
    '争议事项',
    '争议各方',
    '类型',
    '先行处理单位',
    '登记日期',
    '当前状态',
    '协商次数',
    '处理结果',
    '结案日期',
  ]);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  const ours = rows.find((r) => r[0] === number);
  expect(ours).toEqual([
    number,
    MATTER,
    `${TOWN}、${DEPT}`,
    '管辖权',
    TOWN,
    '2026年10月9日',
    '已结案',
    2,
    `区政府指定${TOWN}管辖（区政指〔2026〕7号）`,
    '2026年11月22日',
  ]);
  expect(rows.length).toBeGreaterThan(5); // the demo disputes are in the register too
});

test("the chair's review shows each open dispute's age under a controlled clock and puts it on the next agenda", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ui = new DisputesPage(page);
  await new AppPage(page).firstStartWithDemo('李主任');
  await ui.open();
  await ui.register({
    matter: '河道管理范围内违法建设的查处主体',
    type: '职责边界',
    registeredOn: '2026-10-09',
    parties: [TOWN, '区自然资源局'],
    firstHandling: TOWN,
    positions: {},
  });
  await ui.addRound('2026-11-02', '城关镇张三、区自然资源局赵六', '就河道管理范围的认定交换意见', '未达成一致');

  await ui.open();
  await ui.openReview();
  const row = page.getByRole('row').filter({ hasText: '河道管理范围内违法建设的查处主体' });
  // 2026-10-09 → 2026-11-22 is 44 days; negotiating since the first round on 2026-11-02: 20 days.
  await expect(row.getByTestId('age-days')).toHaveText('44 天');
  await expect(row.getByTestId('days-in-state')).toHaveText('20 天');
  await expect(row.getByTestId('since-last-round')).toHaveText('20 天');
  // Default threshold: more than 15 days since the last round → stuck, suggest another round.
  await expect(row).toContainText('滞留');
  await expect(row).toContainText('距上次协商已 20 天');
  await expect(row).toContainText('建议再次组织协商');

  // Oldest first: every row's 登记天数 is not larger than the one above it.
  const ages = (await page.getByTestId('age-days').allTextContents()).map((s) => Number.parseInt(s, 10));
  expect(ages.length).toBeGreaterThan(1);
  expect([...ages].sort((a, b) => b - a)).toEqual(ages);

  await row.getByRole('button', { name: '列入下次会议议程' }).click();
  await expect(row).toContainText(/已列入：2026年第[一二三四五六七八九十]+次\S+会议（2026年1[12]月\d+日）/);
  await expect(row.getByRole('button', { name: '列入下次会议议程' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });

  // Raise the threshold: no longer stuck.
  await page.getByRole('button', { name: '设置滞留阈值' }).click();
  const m = ui.modal;
  await m.getByLabel('距上次协商超过').fill('25');
  await m.getByRole('button', { name: '保存', exact: true }).click();
  await expect(m).toBeHidden();
  await expect(row).toContainText('正常');

  // Eight days later the same record is 52 days old.
  await page.clock.setSystemTime(new Date('2026-11-30T09:00:00+08:00'));
  await page.reload();
  const later = page.getByRole('row').filter({ hasText: '河道管理范围内违法建设的查处主体' });
  await expect(later.getByTestId('age-days')).toHaveText('52 天');
  await expect(later.getByTestId('days-in-state')).toHaveText('28 天');
  await expect(later).toContainText('滞留');
});
