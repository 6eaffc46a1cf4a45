import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { TopicsPage } from '../pages/topics-page';
import { expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs, squash, type ConvertedDocument } from '../support/libreoffice';

/**
 * Preparing a meeting end to end: topics come in and are triaged, a regular meeting is created, its
 * agenda built from the proposals and the backlog, attendance recorded, and the three documents
 * exported and opened in LibreOffice, on the e2e clock (support/clocked-test).
 */
const SHOTS = 'test-results/meetings';

const TOWN = '城关镇人民政府';
const A = '城关镇解放路夜市噪声扰民的执法主体';
const B = '解放路夜市占道经营与噪声的联合整治';
const C = '城关镇农贸市场周边流动摊贩联合整治';
/** The 落实情况通报 item: its title carries the selection's figures, “（共N项，已办结M项）”. */
const REPORT_BASE = '通报上次会议议定事项落实情况';
const SUMMARY = '阶段性工作总结及下阶段工作部署';
const CHAIR = '罗建平';
const ON_LEAVE = '叶涛';
const LEAVE_REASON = '参加区里安全生产培训';

test.use({ actionTimeout: 15_000 });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function convert(download: Download, name: string): Promise<ConvertedDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'jd-meeting-'));
  const path = join(dir, name);
  await download.saveAs(path);
  const pdf = await convertToPdf(path, dir);
  // LibreOffice can exit 0 on a failed conversion: the PDF must exist (convertToPdf checks) and stderr be clean.
  expect(pdf.stderr).not.toMatch(/Error/);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  return pdf;
}

/** Each of `items` appears in `text`, in this order. */
function expectInOrder(text: string, items: readonly string[]): void {
  let from = 0;
  for (const item of items) {
    const at = text.indexOf(squash(item), from);
    expect(at, `“${item}” after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(item).length;
  }
}

test('a meeting is prepared: topics triaged, agenda built, attendance recorded, three documents exported', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  const topics = new TopicsPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();

  // Three topics in; one returned with a reason, one merged into another, the survivor accepted.
  for (const [title, unit, category] of [
    [A, TOWN, '管辖争议'],
    [B, '区生态环境局', '职责边界'],
    [C, TOWN, '联合执法'],
  ] as const) {
    await meetings.submitTopic({
      title,
      unit,
      category,
      description: `${title}：群众反映强烈，需相关部门明确分工、联合处置。`,
    });
  }
  await topics.returnTopic(A, '请补充噪声监测数据后重新提交');
  await topics.mergeTopic(B, C);
  await topics.acceptTopic(C);

  // A regular meeting: numbered after the four regular meetings of 2026 the demo township already has.
  await app.nav('会议');
  await expect(page.locator('.ant-table-row')).not.toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0); // the triage toasts have gone
  await page.screenshot({ path: `${SHOTS}/list.png` });
  await page.getByText('日历', { exact: true }).click();
  await expect(page.locator('.jd-meeting-cal-item').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/calendar.png` });
  await page.getByText('表格', { exact: true }).click();

  const preview = await meetings.create({ startsAt: '2026-12-15 09:00', place: '镇政府三楼会议室', chair: CHAIR });
  expect(preview).toContain('第五次');
  await expect(page.locator('.jd-page-title')).toContainText('2026年第五次定期联席会议');
  await expect(page.getByText('2026年12月15日上午9:00')).toBeVisible();
  // Only the transitions the state machine allows from 筹备.
  await expect(page.getByRole('button', { name: '标记为已通知' })).toBeVisible();
  await expect(page.getByRole('button', { name: '取消会议' })).toBeVisible();
  await expect(page.getByRole('button', { name: '标记为已召开' })).toHaveCount(0);

  // Standing items: the demo data has open resolutions and open disputes.
  await expect(meetings.proposal(REPORT_BASE)).toContainText('必备');
  const REPORT = (await meetings.proposal(REPORT_BASE).locator('.ant-typography').first().textContent())?.trim() ?? '';
  expect(REPORT).toMatch(/^通报上次会议议定事项落实情况（共\d+项，已办结\d+项）$/);
  await expect(meetings.proposal(/研究未结执法争议（\d+件）/)).toBeVisible();
  // Topics deferred at earlier meetings are carried over, first in the backlog, and the page says why.
  await expect(page.getByText(/在此前的会议上暂缓，按规定结转到下次会议/)).toBeVisible();
  await expect(page.getByTestId('backlog-topic').first().locator('.ant-tag').first()).toContainText(/暂缓/);
  // The merged topic follows its survivor: only C is in the backlog.
  await expect(meetings.backlogTopic(C)).toBeVisible();
  await expect(meetings.backlogTopic(B)).toHaveCount(0);
  await expect(meetings.backlogTopic(A)).toHaveCount(0);

  await meetings.addProposal(REPORT);
  const disputesTitle =
    (
      await meetings
        .proposal(/研究未结执法争议/)
        .locator('.ant-typography')
        .first()
        .textContent()
    )?.trim() ?? '';
  await meetings.addProposal(disputesTitle);
  await meetings.scheduleTopic(C);
  await meetings.addStanding('阶段性工作总结');
  await expect(meetings.agendaItem(SUMMARY)).toBeVisible();
  // Each item lands at its customary place: report, topics, disputes, summary.
  expect(await meetings.agendaTitles()).toEqual([REPORT, C, disputesTitle, SUMMARY]);

  // Out of range stays as typed and says the range (never clamped to 99 or 600 behind the user's back).
  await meetings.setMinutes(REPORT, 999);
  const duration = meetings.agendaItem(REPORT).getByLabel('时长（分钟）');
  await duration.blur();
  await expect(duration).toHaveValue('999');
  await expect(page.getByRole('tooltip').filter({ hasText: '时长应为 0 到 600 分钟之间的整数，未保存' })).toBeVisible();
  await meetings.setMinutes(REPORT, 15);
  await meetings.setMinutes(C, 30);
  await meetings.setMinutes(disputesTitle, 20);
  await meetings.setMinutes(SUMMARY, 10);
  await expect(page.getByTestId('agenda-total')).toHaveText('合计 75 分钟');
  await meetings.setPresenter(C, '城关镇综合行政执法队');

  // Keyboard-reachable reordering: up, then down again.
  await meetings.move(C, '上移');
  await expect.poll(() => meetings.agendaTitles()).toEqual([C, REPORT, disputesTitle, SUMMARY]);
  await meetings.move(C, '下移');
  await expect.poll(() => meetings.agendaTitles()).toEqual([REPORT, C, disputesTitle, SUMMARY]);
  // The report cannot be removed while resolutions are open.
  await expect(meetings.agendaItem(REPORT).getByRole('button', { name: '删除' })).toBeDisabled();
  await expect(meetings.agendaItem(REPORT)).toContainText('必备');
  await page.mouse.wheel(0, -2000); // back to the top, so the fixed header does not cover the title
  await page.screenshot({ path: `${SHOTS}/agenda-builder.png`, fullPage: true });
  // Screen readers get Chinese drag instructions (dnd-kit's hidden description), not English with UUIDs.
  await expect(page.locator('[id^="DndDescribedBy"]').first()).toHaveText(/按空格键或回车键拿起议程事项/);
  // Number inputs' step buttons are named in Chinese (the library hard-codes English).
  await expect(page.locator('.ant-input-number-action-up').first()).toHaveAttribute('aria-label', '增加');
  await expect(page.locator('.ant-input-number-action-down').first()).toHaveAttribute('aria-label', '减少');

  // Attendance: one 请假 with its reason; the chair signs in from the keyboard.
  await meetings.tab('参会人员');
  // Every active member with a joint-meeting role was invited when the meeting was created.
  await expect.poll(() => meetings.count('应到')).toBeGreaterThan(20);
  const expected = await meetings.count('应到');
  await meetings.markLeave(ON_LEAVE, LEAVE_REASON);
  // Weeks ahead there is no sign-in yet: it opens on the meeting day.
  await expect(page.getByTestId('sign-in-closed')).toContainText('签到在会议当天开放（会议日期：2026年12月15日）');
  await page.clock.setSystemTime(new Date('2026-12-15T08:40:00+08:00'));
  await page.reload();
  await meetings.tab('参会人员');
  const box = await meetings.signInMode();
  await box.fill(CHAIR);
  await expect(page.getByTestId('sign-in-row').first()).toContainText(CHAIR);
  await box.press('Enter');
  await expect(page.getByText(`${CHAIR} 已签到`)).toBeVisible();
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  await expect.poll(() => meetings.count('实到')).toBe(1);
  expect(await meetings.count('请假')).toBe(1);
  expect(await meetings.count('未到')).toBe(expected - 2);
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  // Signing in someone on leave asks first (the leave and its reason would be replaced).
  await box.fill(ON_LEAVE);
  await box.press('Enter');
  const ask = page.getByRole('dialog').filter({ hasText: `${ON_LEAVE}已请假，改为出席并签到？` });
  await expect(ask).toContainText(LEAVE_REASON);
  await ask.getByRole('button', { name: '取消' }).click();
  expect(await meetings.count('请假')).toBe(1);
  await box.fill('');
  await page.clock.setSystemTime(new Date('2026-11-22T10:05:00+08:00'));
  await page.reload();

  // The three documents: preview, save (a download), open in LibreOffice, read back.
  await meetings.tab('会议文件');
  await meetings.confirmDocumentOffice();
  const agendaOrder = [REPORT, C, disputesTitle, SUMMARY];

  const notice = await convert(await meetings.exportDocument('会议通知'), 'notice.docx');
  const noticeText = squash(notice.text);
  expect(noticeText).toContain(squash('2026年第五次'));
  expect(noticeText).toContain(CHAIR);
  expect(noticeText).toContain(squash('2026年12月15日'));
  expect(noticeText).toContain(squash('镇政府三楼会议室'));
  expectInOrder(noticeText, agendaOrder);
  await pdfToPngs(notice.pdfPath, `${SHOTS}/notice-page`);

  const agenda = await convert(await meetings.exportDocument('会议议程'), 'agenda.docx');
  const agendaText = squash(agenda.text);
  expectInOrder(agendaText, agendaOrder);
  expect(agendaText).toContain(CHAIR);
  await pdfToPngs(agenda.pdfPath, `${SHOTS}/agenda-page`);

  const sheet = await convert(await meetings.exportDocument('签到表'), 'sign-in.docx');
  const sheetText = squash(sheet.text);
  for (const name of [CHAIR, ON_LEAVE, '邓建平', '曾杰']) expect(sheetText, name).toContain(name);
  expect(sheetText).toContain('请假');
  await pdfToPngs(sheet.pdfPath, `${SHOTS}/sign-in-page`);

  // Held: one lifecycle. The states after 已召开 follow the minutes, so the header offers only the way there;
  // the scheduled topic was discussed (已上会) and the standing items are frozen as they stood.
  await meetings.transition('标记为已通知', '已通知');
  await meetings.transition('标记为已召开', '已召开');
  await expect(page.getByRole('button', { name: '起草会议纪要' })).toBeVisible();
  for (const gone of ['开始起草纪要', '纪要已签发', '纪要已印发', '标记为已召开', '取消会议']) {
    await expect(page.getByRole('button', { name: gone }), gone).toHaveCount(0);
  }
  await meetings.tab('议程');
  // Retried until the tab has rendered (a one-shot read could land before the switch).
  await expect(page.getByTestId('agenda-item-title')).toHaveText(agendaOrder);
  await expect(meetings.agendaItem(disputesTitle)).toContainText('已定稿');
  await expect(meetings.agendaItem(disputesTitle).getByTestId('agenda-item-lines')).toContainText('涉及争议：');
  await page.getByRole('button', { name: '起草会议纪要' }).click();
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/minutes$/);
});

test('the workbench warns when a quarter nears its end without a regular meeting held', async ({ page }) => {
  test.setTimeout(120_000);
  // Nine days before the quarter ends; the demo township's next regular meeting is still ahead.
  await page.clock.setSystemTime(new Date('2026-12-22T10:00:00+08:00'));
  const app = new AppPage(page);
  await app.firstStartWithDemo();
  const card = page.getByTestId('quarterly-compliance');
  await expect(card).toContainText('2026年第四季度（本季度）');
  await expect(card.getByRole('alert')).toContainText('2026年第四季度只剩 10 天，还没有召开定期联席会议。');
  for (const q of ['2026年第三季度', '2026年第二季度', '2026年第一季度']) {
    await expect(card.locator('.ant-list-item').filter({ hasText: q })).toContainText('已召开');
  }
  await expect(card).toContainText('已安排：');
  // The next meeting is a real link: Tab reaches it, it has an address.
  const next = card.getByRole('link', { name: /2026年第.+次定期联席会议/ });
  await expect(next).toHaveAttribute('href', /#\/meetings\/[^/]+$/);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/workbench-compliance.png`, fullPage: true });
});
