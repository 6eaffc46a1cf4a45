import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the browser build (dist-web, served by `vite preview`) in Debian's Chromium:
 * `npx playwright install` cannot download browsers here, so the executable is given explicitly.
 * Every test gets a fresh browser context, hence a fresh IndexedDB.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5999);
/** Another build folder can be served (e.g. several developers on one machine); CI uses dist-web. */
const dist = resolve(process.env.E2E_DIST ?? 'dist-web');

export default defineConfig({
  testDir: 'test/e2e/flows',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  // CI: a test that fails is run once more, and a pass on the second run is reported as flaky in the list
  // (a real failure fails twice). Two cores under load lose an occasional click on an animating antd list.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort --outDir ${dist}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
