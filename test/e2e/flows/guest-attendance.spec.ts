import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs, squash } from '../support/libreoffice';

/**
 * 列席来宾 (issue 11 item 15): someone who is not registered under 单位与人员 is added to a demo meeting
 * by name, unit and post, shown as 列席 with a 来宾 marker, signed in on the day, and printed on the 签到表.
 */
const SHOTS = 'test-results/guest-attendance';
const GUEST = { name: '欧阳明远', unit: '区司法局', post: '副局长' };

test.use({ actionTimeout: 15_000 });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a named guest is added as 列席, signed in on the day and printed on the 签到表', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();
  await app.nav('会议');
  // The demo township's next regular meeting, already notified, a few days ahead.
  await page.getByRole('row').filter({ hasText: '已通知' }).first().click();
  await meetings.tab('参会人员');
  await expect.poll(() => meetings.count('应到')).toBeGreaterThan(0);
  const observers = await meetings.count('列席');

  await meetings.addGuest(GUEST);
  const row = meetings.attendanceRow(GUEST.name);
  await expect(row).toContainText('列席');
  await expect(row.getByTestId('guest-marker')).toHaveText('来宾');
  await expect(row).toContainText(GUEST.post);
  await expect.poll(() => meetings.count('列席')).toBe(observers + 1);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/table.png`, fullPage: true });

  // The same guest twice is refused, and says so.
  await page.getByRole('button', { name: '添加列席人员' }).click();
  const m = meetings.modal;
  await m.getByText('非登记人员', { exact: true }).click();
  // A fresh form: nothing left over from the guest just added.
  for (const field of ['姓名', '单位', '职务']) await expect(m.getByLabel(field)).toHaveValue('');
  await m.getByLabel('姓名').fill(GUEST.name);
  await m.getByLabel('单位').fill(GUEST.unit);
  await m.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByText(`“${GUEST.unit}${GUEST.name}”已在本次会议列席名单中`)).toBeVisible();
  await expect(page.locator('.ant-message-notice').filter({ hasText: '已在本次会议列席名单中' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/add-guest-duplicate.png` });
  await m.getByRole('button', { name: '取消' }).click();
  await expect(m).toBeHidden();

  // Sign-in opens on the meeting day: move the clock there and sign the guest in from the keyboard.
  const closed = (await page.getByTestId('sign-in-closed').textContent()) ?? '';
  const day = /会议日期：(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(closed);
  expect(day, closed).not.toBeNull();
  const iso = `${day![1]}-${day![2]!.padStart(2, '0')}-${day![3]!.padStart(2, '0')}`;
  await page.clock.setSystemTime(new Date(`${iso}T08:40:00+08:00`));
  await page.reload();
  await meetings.tab('参会人员');
  const box = await meetings.signInMode();
  await box.fill(GUEST.unit);
  const hit = page.getByTestId('sign-in-row').first();
  await expect(hit).toContainText(GUEST.name);
  await expect(hit).toContainText('来宾');
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  await box.press('Enter');
  await expect(page.getByText(`${GUEST.name} 已签到`)).toBeVisible();

  // Back in the list the guest shows as signed in; the 签到表 prints them with the typed unit and post.
  await page.getByText('名单', { exact: true }).first().click();
  await expect(meetings.attendanceRow(GUEST.name)).toContainText('出席');
  await meetings.tab('会议文件');
  await meetings.confirmDocumentOffice();
  const download = await meetings.exportDocument('签到表');
  const dir = mkdtempSync(join(tmpdir(), 'jd-guest-'));
  const path = join(dir, 'sign-in.docx');
  await download.saveAs(path);
  const pdf = await convertToPdf(path, dir);
  expect(pdf.stderr).not.toMatch(/Error/);
  expect(squash(pdf.text)).toContain(squash(`${GUEST.unit}${GUEST.post}${GUEST.name}`));
  await pdfToPngs(pdf.pdfPath, `${SHOTS}/sign-in-sheet`);
});
