import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { expect, test } from '../support/clocked-test';
import { pdfToPngs, squash } from '../support/libreoffice';

/**
 * The 会议纪要 print view in Chromium: an issued demo minutes at #/print/minutes/<id>, outside the app
 * shell, printed with `page.pdf({ preferCSSPageSize })` — the same Chromium printing path Electron's
 * `webContents.printToPDF` takes — so the page's own `@page` (A4, GB/T 9704 margins) must govern. Then
 * the 打印 / 存为 PDF button of the minutes screen in the browser host: the view is printed from a hidden
 * frame (its `print()` recorded, since a headless browser has no print dialog).
 */
const OUT = 'test-results/minutes-print';
const run = promisify(execFile);
const MM = 72 / 25.4;

interface StoredMinutes {
  id: string;
  meetingId: string;
  state: string;
  issueNumber?: number;
}

/** Every minutes record, read straight from the app's IndexedDB. */
function storedMinutes(page: Page): Promise<StoredMinutes[]> {
  return page.evaluate(
    () =>
      new Promise<StoredMinutes[]>((resolve, reject) => {
        const open = indexedDB.open('jointdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('minutes', 'readonly').objectStore('minutes').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as StoredMinutes[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Red ink on page 1 rendered at 100 dpi (pdftoppm's PPM): its bands of rows, in mm, with their widest run. */
async function redBands(pdf: string, prefix: string): Promise<{ top: number; bottom: number; width: number }[]> {
  await run('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // Header: "P6\n<w> <h>\n255\n"
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const redInRow = (y: number) => {
    let n = 0;
    for (let x = 0; x < w; x++) {
      const i = start + (y * w + x) * 3;
      if (ppm[i]! > 180 && ppm[i + 1]! < 120 && ppm[i + 2]! < 120) n++;
    }
    return n;
  };
  const bands: { top: number; bottom: number; width: number }[] = [];
  const mm = (px: number) => (px / h) * 297;
  for (let y = 0; y < h; y++) {
    const n = redInRow(y);
    if (n === 0) continue;
    const last = bands.at(-1);
    if (last && mm(y) - last.bottom < 0.5) {
      last.bottom = mm(y + 1);
      last.width = Math.max(last.width, (n / w) * 210);
    } else {
      bands.push({ top: mm(y), bottom: mm(y + 1), width: (n / w) * 210 });
    }
  }
  return bands;
}

/** Words of page 1 with their boxes (pdftotext -bbox), in pt from the top-left corner. */
async function wordBoxes(pdf: string): Promise<{ word: string; x: number; y: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { maxBuffer: 1 << 24 });
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    word: m[3]!,
  }));
}

test('an issued 纪要 prints as an A4 official document with the GB/T 9704 layout', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  await new AppPage(page).firstStartWithDemo();
  const issued = (await storedMinutes(page)).filter((m) => m.state === 'issued' && m.issueNumber);
  expect(issued.length).toBeGreaterThan(0);
  const minutes = issued[0]!;

  await page.goto(`/#/print/minutes/${minutes.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'ready');
  // Outside the shell: no header, no navigation.
  await expect(page.locator('.jd-header')).toHaveCount(0);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page).toHaveTitle(new RegExp(`纪要第${minutes.issueNumber}期$`));
  await page.screenshot({ path: `${OUT}/screen.png`, fullPage: false });

  const pdf = `${OUT}/minutes.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const { stdout: info } = await run('pdfinfo', [pdf]);
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  expect(pages).toBeGreaterThanOrEqual(1);

  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 24 });
  const flat = squash(text);
  expect(flat).toMatch(/综合行政执法协调联席会议纪要/);
  expect(flat).toContain(`第${minutes.issueNumber}期`);
  expect(flat).not.toContain('（草稿）');
  expect(flat).toContain('出席：');
  expect(flat).toMatch(/一、/);
  expect(flat).toMatch(/分送：.*印发/);
  expect(flat).toContain('—1—');
  // Nothing of the app made it onto paper.
  expect(flat).not.toContain('联席会议工作台');
  expect(flat).not.toContain('打印');

  // Geometry from the PDF itself: the page's @page margins won, not Chromium's defaults.
  const [mark, rule] = await redBands(pdf, `${OUT}/page1`);
  // The red 纪要标志: its ink starts 35 mm below the 版心 top (37 mm), i.e. 72 mm from the paper's edge.
  expect(Math.abs(mark!.top - 72)).toBeLessThan(1.5);
  // The red rule under the office / date line: thin and as wide as the 版心 (156 mm).
  expect(rule!.bottom - rule!.top).toBeLessThan(1);
  expect(Math.abs(rule!.width - 156)).toBeLessThan(1.5);
  const words = await wordBoxes(pdf);
  // The office and the date share one line (side spaces dropped for a long office name, as in the .docx).
  const office = words.find((w) => w.word.endsWith('办公室'));
  const date = words.find((w) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(w.word));
  expect(Math.abs(office!.y - date!.y)).toBeLessThan(1);
  const leftmost = Math.min(...words.map((w) => w.x));
  // Nothing left of the 订口 (28 mm); the office name 左空一字 sits a little inside it.
  expect(leftmost / MM).toBeGreaterThan(27.5);
  expect(leftmost / MM).toBeLessThan(36);
  const rightmost = Math.max(...words.map((w) => w.x));
  expect(rightmost / MM).toBeLessThan(210 - 26);

  const pngs = await pdfToPngs(pdf, `${OUT}/minutes`, 60);
  expect(pngs.length).toBe(pages);
});

test('打印 / 存为 PDF on the minutes screen prints the view from a hidden frame in the browser', async ({ page }) => {
  // Every frame records its print() instead of opening a dialog (a headless browser has none).
  await page.addInitScript(() => {
    window.print = () => {
      (window.top as unknown as { __printed?: string[] }).__printed ??= [];
      (window.top as unknown as { __printed: string[] }).__printed.push(window.location.hash);
    };
  });
  await new AppPage(page).firstStartWithDemo();
  const minutes = (await storedMinutes(page)).find((m) => m.state === 'issued')!;
  await page.goto(`/#/meetings/${minutes.meetingId}/minutes`);
  const button = page.getByRole('button', { name: '打印 / 存为 PDF' });
  await expect(button).toBeVisible({ timeout: 20_000 });
  await button.click();
  await expect(page.getByText('请在“目标打印机”中选择“另存为 PDF”')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printed?: string[] }).__printed ?? []), {
      timeout: 30_000,
    })
    .toEqual([`#/print/minutes/${minutes.id}`]);
  // The frame is gone and the screen is as it was.
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(button).toBeEnabled();
  await expect(page.locator('html')).not.toHaveAttribute('data-print-ready', /.*/);
});
