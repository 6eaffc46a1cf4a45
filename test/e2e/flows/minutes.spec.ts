import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { MeetingsPage } from '../pages/meetings-page';
import { clockAndErrorsOn, expect, test } from '../support/clocked-test';
import { convertToPdf, pdfToPngs, squash } from '../support/libreoffice';

/**
 * The minutes of a held meeting end to end, in a Chromium this test launches itself on a profile
 * folder, so that it can kill the browser process (SIGKILL, no chance to flush anything) a second
 * after the last keystroke and relaunch on the same profile: the text and the resolutions must be
 * there. Then the review flow through to issuance, with the roles enforced, and the 纪要 .docx opened
 * in LibreOffice.
 */
const SHOTS = 'test-results/minutes';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 5999)}`;
// The DevTools port of the browser this test launches (next to the app's port, so two runs do not clash).
const CDP_PORT = Number(process.env.E2E_PORT ?? 5999) + 7;

const RESOLUTIONS = [
  { content: '东门村违法建设由综合执法队依法组织拆除，城关派出所到场维护秩序', lead: '城关镇综合行政执法队', days: 10 },
  { content: '城关镇牵头做好当事人思想疏导和安置政策解释工作', lead: '城关镇人民政府', days: 5 },
  { content: '党政办汇总各单位落实情况并报联席会议办公室', lead: '城关镇党政综合办公室', days: 15 },
];
const TYPED = '会议强调，各成员单位要压实责任，按时限办结。';
const SENTENCE =
  '会议要求，各成员单位要按照职责分工，加强协调配合，建立健全信息共享、联合执法和案件移送机制，确保各项议定事项落到实处。';
/** Pasted from a word processor: fonts, colours and a script that must not survive; long enough to fill pages. */
const PASTED_PARAGRAPHS = [1, 2, 3, 4].map((i) => `（${i}）${SENTENCE.repeat(10)}`);
const PASTED_HTML =
  PASTED_PARAGRAPHS.map(
    (text) =>
      `<p class="MsoNormal" style="font-family:宋体;color:#ff0000;mso-bidi-font-size:10.5pt">${text}<o:p></o:p></p>`,
  ).join('') + '<script>window.__pwned = true</script><p onclick="window.__pwned = true">附：会议材料</p>';

interface Launched {
  proc: ChildProcess;
  browser: Browser;
  page: Page;
  errors: string[];
}

async function launch(profileDir: string): Promise<Launched> {
  const proc = spawn(
    CHROMIUM,
    [
      '--headless=new',
      `--remote-debugging-port=${CDP_PORT}`,
      `--user-data-dir=${profileDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
      '--window-size=1440,900',
      'about:blank',
    ],
    // Its own process group, so the kill takes the renderer and GPU processes with it.
    { stdio: 'ignore', detached: true, env: { ...process.env, TZ: 'Asia/Shanghai' } },
  );
  let browser: Browser | undefined;
  for (let i = 0; i < 100 && !browser; i++) {
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${CDP_PORT}`);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!browser) throw new Error('Chromium did not start');
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await clockAndErrorsOn(page);
  return { proc, browser, page, errors };
}

function killHard(l: Launched): Promise<void> {
  return new Promise((resolve) => {
    l.proc.once('exit', () => resolve());
    process.kill(-l.proc.pid!, 'SIGKILL');
  });
}

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('minutes: draft with resolutions, survive a killed browser, review, sign as chair, issue, export', async () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'jd-e2e-profile-'));
  let run = await launch(profileDir);
  try {
    let page = run.page;
    let app = new AppPage(page, BASE);
    await app.firstStartWithDemo();

    await app.nav('会议');
    // Hold the next notified meeting (early, so the confirmation says so), then start its minutes.
    await page.getByRole('row').filter({ hasText: '已通知' }).first().click();
    await new MeetingsPage(page).transition('标记为已召开', '已召开');
    await page.getByRole('button', { name: '起草会议纪要' }).click();
    await expect(page).toHaveURL(/\/minutes$/);
    const minutesUrl = page.url();
    const editor = page.locator('.ProseMirror');
    await expect(editor).toContainText('现将会议议定事项纪要如下：');
    await expect(editor).toContainText('出席：');
    await expect(page.getByTestId('minutes-state')).toHaveText('起草中');

    // Three resolutions, through the panel's 插入议定事项 and the card's form.
    const meetings = new MeetingsPage(page);
    for (const r of RESOLUTIONS) {
      await page.locator('.jd-resolutions-panel').getByRole('button', { name: '插入议定事项' }).click();
      const form = page.getByRole('form', { name: '编辑议定事项' });
      await form.getByLabel('议定内容').fill(r.content);
      await meetings.pick(form, '牵头单位', r.lead);
      await form.getByRole('radio', { name: '印发后工作日' }).check();
      await form.getByLabel('工作日数').fill(String(r.days));
      await form.getByRole('button', { name: '保存', exact: true }).click();
      await expect(form).toBeHidden();
    }
    await expect(page.getByText('议定事项（3）')).toBeVisible();
    // …and a sentence typed at the end of the first section.
    await editor.locator('h1').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED, { delay: 20 });
    await page.keyboard.press('Enter');
    await pasteHtml(page, PASTED_HTML);
    await expect(editor).toContainText('附：会议材料');
    // Last keystroke: one more character after the paste.
    await page.keyboard.type('。');
    await page.screenshot({ path: `${SHOTS}/01-drafted.png` });

    // Kill the browser about a second after the last keystroke, relaunch on the same profile.
    await page.waitForTimeout(1_000);
    await killHard(run);
    run = await launch(profileDir);
    page = run.page;
    app = new AppPage(page, BASE);
    await page.goto(minutesUrl);
    await expect(page.getByTestId('recovered-notice')).toBeVisible();
    await expect(page.locator('.ProseMirror')).toContainText(TYPED);
    await expect(page.getByText('议定事项（3）')).toBeVisible();
    for (const r of RESOLUTIONS) await expect(page.locator('.ProseMirror')).toContainText(r.content);
    await expect(page.locator('.ProseMirror')).toContainText('附：会议材料。');
    // The paste kept the paragraphs and dropped the fonts, colours, classes, handlers and the script.
    expect(
      await page.locator('.ProseMirror script, .ProseMirror [onclick], .ProseMirror [style*="color"]').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/02-recovered.png` });

    // A second window on the same minutes is read-only and says why (no silent overwrite).
    const second = await page.context().newPage();
    const secondErrors = await clockAndErrorsOn(second);
    await second.goto(minutesUrl);
    await expect(second.getByText(/已在另一个窗口中打开编辑，本窗口只读/)).toBeVisible();
    await expect(second.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    await second.close();
    expect(secondErrors).toEqual([]);

    // 保存, 送审.
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await expect(page.getByTestId('recovered-notice')).toBeHidden();
    await confirm(page, page.getByRole('button', { name: '送审', exact: true }));
    await expect(page.getByTestId('minutes-state')).toHaveText('送审中');
    // The office may not sign: the button says why.
    await expect(page.getByRole('button', { name: '签发', exact: true })).toBeDisabled();

    // The chair returns it with a comment.
    await app.newProfile('罗建平', '城关镇人民政府', /召集人/);
    await page.getByRole('button', { name: '退回修改', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('修改意见').fill('第三项请写明报送时间');
    await dialog.getByRole('button', { name: /退回修改/ }).click();
    await expect(page.getByText(/退回修改：第三项请写明报送时间/)).toBeVisible();

    // The office resends; the chair signs; the office issues.
    await app.switchProfile('王丽');
    await confirm(page, page.getByRole('button', { name: '送审', exact: true }));
    await app.switchProfile('罗建平');
    await confirm(page, page.getByRole('button', { name: '签发', exact: true }));
    await expect(page.getByTestId('minutes-state')).toHaveText('已签发');
    await app.switchProfile('王丽');
    await confirm(page, page.getByRole('button', { name: '印发', exact: true }));
    await expect(page.getByText(/已印发：\d{4}年第\d+期，生成 3 项督办任务/)).toBeVisible();
    await expect(page.getByTestId('minutes-state')).toHaveText('已印发');
    await expect(page.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
    const tasks = page.getByTestId('minutes-tasks');
    await expect(tasks).toContainText('本纪要印发后生成 3 项督办任务');
    // Issued on Sunday 2026-11-22 (the e2e clock): 10 working days → 2026年12月4日, 5 → 11月27日, 15 → 12月11日.
    await expect(tasks).toContainText('2026年12月4日');
    await expect(tasks).toContainText('2026年11月27日');
    await expect(tasks).toContainText('2026年12月11日');
    await page.screenshot({ path: `${SHOTS}/03-issued.png` });

    // Export: the preview, then the file, opened by LibreOffice.
    await page.getByRole('button', { name: '导出纪要（.docx）' }).click();
    const office = page.getByRole('button', { name: '保存发文机关信息' });
    if (await office.isVisible().catch(() => false)) await office.click();
    const modal = page.getByRole('dialog', { name: '导出纪要（.docx）' });
    await expect(modal.locator('.jd-docx-preview section').first()).toBeVisible({ timeout: 30_000 });
    const pending = page.waitForEvent('download');
    await modal.getByRole('button', { name: '保存', exact: true }).click();
    const download = await pending;
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const pdf = await convertToPdf(file);
    expect(pdf.stderr).not.toMatch(/Error/);
    const text = squash(pdf.text);
    expect(text).toContain('纪要');
    expect(text).toMatch(/第\d+期/);
    for (const r of RESOLUTIONS) expect(text).toContain(squash(r.content));
    expect(text).toContain('出席：');
    expect(pdf.text).toMatch(/—\s*1\s*—/);
    expect(pdf.text).toMatch(/—\s*2\s*—/);
    await pdfToPngs(pdf.pdfPath, `${SHOTS}/page`, 60);
    // A full body page holds exactly 22 lines (the page number line aside): the pages that carry nothing but the
    // pasted paragraphs are such pages.
    const pasted = squash(PASTED_PARAGRAPHS.join(''));
    const bodyPages = pdf.text
      .split('\f')
      .map((p) => p.split('\n').filter((l) => l.trim() && !/—\s*\d+\s*—/.test(l)))
      .filter((lines) => lines.length > 0 && pasted.includes(squash(lines.join(''))));
    expect(bodyPages.length).toBeGreaterThan(0);
    for (const lines of bodyPages) expect(lines).toHaveLength(22);
    expect(run.errors).toEqual([]);
  } catch (e) {
    await run.page.screenshot({ path: `${SHOTS}/failure.png` }).catch(() => undefined);
    throw e;
  } finally {
    await run.browser.close().catch(() => undefined);
    if (run.proc.exitCode === null) await killHard(run);
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // A straggling helper process may still hold a file: the folder is in the system's temp directory.
    }
  }
});

/** A paste as the browser delivers it from another program (ProseMirror reads the event's clipboardData). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.locator('.ProseMirror').evaluate((el, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', h.replace(/<[^>]+>/g, ''));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function confirm(page: Page, button: Locator): Promise<void> {
  await button.click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: '确定' }).click();
}
