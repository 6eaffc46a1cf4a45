import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { TopicsPage } from '../pages/topics-page';
import { expect, test } from '../support/clocked-test';

/**
 * 议题台账 and 会议台账 from their list screens on the demo township (e2e clock 2026-11-22): each downloads as
 * .xlsx with the list's current filter, read back with exceljs — title line, frozen header, real dates, the
 * rows the list shows. (Not converted with LibreOffice here: an install with Writer only cannot open .xlsx.)
 */
const SHOTS = 'test-results/ledgers';

test.use({ actionTimeout: 15_000 });
test.setTimeout(180_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function download(page: Page, testId: string): Promise<Download> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return pending;
}

async function workbook(d: Download, dir: string, name: string) {
  const path = join(dir, name);
  await d.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return { wb };
}

/** Data rows (below the title line and the header) as header → value records. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const head = (ws.getRow(2).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(head.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

test('议题台账 and 会议台账 download from the list screens with their filters and read back', async ({ page }) => {
  const app = new AppPage(page);
  const topics = new TopicsPage(page);
  const meetings = new MeetingsPage(page);
  await app.firstStartWithDemo();
  const dir = mkdtempSync(join(tmpdir(), 'jd-e2e-ledgers-'));

  // ── 议题台账, all topics ──
  await topics.open();
  // The counts fill in once the list has read the topics.
  await expect.poll(() => topics.count('已议定')).toBeGreaterThan(0);
  const total = await topics.count('全部');
  const resolvedCount = await topics.count('已议定');
  const all = await workbook(await download(page, 'topics-ledger-export'), dir, 'topics-all.xlsx');
  await expect(page.getByText(`已导出台账“议题台账-20261122.xlsx”（${total} 个议题）`)).toBeVisible();
  const ws = all.wb.getWorksheet('议题台账')!;
  expect(ws.getCell('A1').value).toBe('议题台账（截至2026年11月22日）');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
    '序号',
    '议题名称',
    '提交单位',
    '相关单位',
    '类别',
    '紧急程度',
    '提交日期',
    '当前状态',
    '上会会议',
    '处理结果',
    '合并至',
    '投诉举报人（已脱敏）',
  ]);
  const allRows = records(ws);
  expect(allRows).toHaveLength(total);
  expect(allRows.map((r) => r['序号'])).toEqual(allRows.map((_, i) => i + 1));
  for (const r of allRows) expect(r['提交日期']).toBeInstanceOf(Date);
  // Oldest submission first.
  const days = allRows.map((r) => (r['提交日期'] as Date).toISOString());
  expect(days).toEqual([...days].sort());
  // Complainants appear masked only: names with stars, no full mobile number anywhere.
  const complainants = allRows.map((r) => r['投诉举报人（已脱敏）']).filter((v): v is string => typeof v === 'string');
  expect(complainants.length).toBeGreaterThan(0);
  for (const c of complainants) expect(c).toContain('*');
  expect(JSON.stringify(allRows)).not.toMatch(/1[3-9]\d{9}/);

  // ── 议题台账 with the list's state tab: the rows the list shows ──
  await topics.showState('已议定');
  const firstTitle = (
    await page.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').first().locator('a').innerText()
  ).trim();
  await page.screenshot({ path: `${SHOTS}/topics-list.png` });
  const resolved = await workbook(await download(page, 'topics-ledger-export'), dir, 'topics-resolved.xlsx');
  const resolvedRows = records(resolved.wb.getWorksheet('议题台账')!);
  expect(resolvedRows).toHaveLength(resolvedCount);
  for (const r of resolvedRows) {
    expect(r['当前状态']).toBe('已议定');
    expect(r['上会会议']).toMatch(/^\d{4}年第.+次.+会议$/);
    expect(String(r['处理结果'])).toMatch(/^会议(议定\d+项：|已议定)/);
  }
  expect(resolvedRows.some((r) => r['议题名称'] === firstTitle)).toBe(true);

  // ── 会议台账 ──
  await meetings.open();
  const listed = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(listed.first()).toBeVisible();
  const firstName = (await listed.first().locator('td').first().innerText()).split('\n')[0]!.trim();
  // One page of the list shows every meeting; more than 20 show 共 N 次会议 under the pages.
  const totalText = page.getByText(/^共 \d+ 次会议$/);
  const meetingTotal = (await totalText.isVisible())
    ? Number(/\d+/.exec(await totalText.innerText())![0])
    : await listed.count();
  await page.screenshot({ path: `${SHOTS}/meetings-list.png` });
  const m = await workbook(await download(page, 'meetings-ledger-export'), dir, 'meetings.xlsx');
  await expect(page.getByText(`已导出台账“会议台账-20261122.xlsx”（${meetingTotal} 次会议）`)).toBeVisible();
  const mws = m.wb.getWorksheet('会议台账')!;
  expect(mws.getCell('A1').value).toBe('会议台账（截至2026年11月22日）');
  expect(mws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  const meetingRows = records(mws);
  expect(meetingRows).toHaveLength(meetingTotal);
  for (const r of meetingRows) {
    expect(r['召开时间']).toBeInstanceOf(Date);
    expect(r['会议名称']).toMatch(/^\d{4}年第.+次(定期联席会议|专题会议|联动会商会议)/);
  }
  // The newest meeting the list shows first is in the ledger (which runs oldest first: it is last).
  expect(String(meetingRows.at(-1)!['会议名称'])).toContain(firstName);
  // Issued meetings: attendance counted, the minutes' number and day as a real date, resolutions counted.
  const issued = meetingRows.filter((r) => r['状态'] === '已印发');
  expect(issued.length).toBeGreaterThan(0);
  for (const r of issued) {
    expect(r['纪要期号']).toMatch(/^\d{4}年第\d+期$/);
    expect(r['纪要印发日期']).toBeInstanceOf(Date);
    expect(r['出席'] as number).toBeGreaterThan(0);
    expect((r['出席'] as number) + (r['请假'] as number) + (r['缺席'] as number)).toBeLessThanOrEqual(
      r['应到'] as number,
    );
    expect(String(r['出席单位'])).not.toBe('');
  }
  expect(issued.some((r) => (r['议定事项数'] as number) > 0)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/meetings-saved.png` });
});
