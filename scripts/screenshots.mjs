// Takes the README screenshots from the web build: `npm run build:web && node scripts/screenshots.mjs`.
// Uses Debian's Chromium (CHROMIUM_PATH) and a throwaway profile; writes docs/screenshots/*.png.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const port = Number(process.env.SHOT_PORT ?? 5997);
const dist = process.env.SHOT_DIST ?? 'dist-web';
const out = process.env.SHOT_OUT ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });

const server = spawn(
  'npx',
  ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', String(port), '--strictPort', '--outDir', dist],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const base = `http://localhost:${port}`;
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const shot = async (name) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  };
  await page.goto(base);
  await page.getByLabel('姓名').waitFor();
  await shot('first-start');
  await page.getByLabel('姓名').fill('王丽');
  await page.getByLabel('所在单位').fill('城关镇综合行政执法办公室');
  await page.getByRole('radio', { name: /办公室工作人员/ }).check();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('button', { name: '载入演示数据' }).click();
  await page.getByText(/演示数据已载入/).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2500);
  await shot('workbench');
  for (const [route, name] of (
    process.env.SHOT_ROUTES ??
    'units:units,units?tab=people:people,settings:settings,meetings:meetings,topics:topics,disputes:disputes'
  )
    .split(',')
    .map((s) => s.split(':'))) {
    await page.goto(`${base}/#/${route}`);
    await shot(name);
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
