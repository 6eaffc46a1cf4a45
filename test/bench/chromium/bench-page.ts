import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';

/**
 * The harness of the in-page benches (followup.ts, supervisor.ts, statistics.ts): bundles `entry` with esbuild in
 * memory, serves it on 127.0.0.1:`port`, opens it in Debian Chromium (real IndexedDB, Shanghai time, zh-CN) and
 * waits until the page has set `globalName`; then runs `body` with the page and the browser's version, and always
 * closes the browser and the server.
 */
export async function withBenchPage<T>(
  o: { entry: string; title: string; globalName: string; port: number; executablePath?: string },
  body: (page: Page, chromiumVersion: string) => Promise<T>,
): Promise<T> {
  const bundle = await build({
    entryPoints: [o.entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.contents;
  const html = `<!doctype html><meta charset="utf-8"><title>${o.title}</title><script type="module" src="/page.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (req.url === '/' || req.url === '/index.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  await listen(server, o.port);
  const browser = await chromium.launch({
    executablePath: o.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.setDefaultTimeout(600_000);
    // esbuild's keepNames helper, which page.evaluate's serialised functions refer to.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(`http://127.0.0.1:${o.port}/`);
    await page.waitForFunction((name) => name in globalThis, o.globalName);
    return await body(page, browser.version());
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
