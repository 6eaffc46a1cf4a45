/**
 * What the durability tests share: an esbuild bundle of an in-page module served on 127.0.0.1 (the approach of
 * test/bench/chromium/bench-page.ts), and a Debian Chromium on a persistent profile that this process launches
 * itself — detached, so it leads its own process group — and drives over CDP, so the whole browser process tree
 * (browser, renderers, GPU, network, storage services, crashpad) can be SIGKILLed at once: `process.kill(-pid)`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Bundles `entry` in memory and serves it as the only script of `/` on 127.0.0.1:`port`. */
export async function servePage(entry: string, port: number, title: string): Promise<PageServer> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.contents;
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/page.js"></script>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/' || path === '/index.html') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  await listen(server, port);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface RunningBrowser {
  pid: number;
  browser: Browser;
  page: Page;
  /** SIGKILL to the whole process group, then waits until no process of this profile is left. */
  kill(): Promise<void>;
  /**
   * SIGKILL to the renderer processes only (`--type=renderer`): the page crashes, the browser process — and
   * with it the IndexedDB backend — lives on (Electron's render-process-gone). Returns how many were killed.
   */
  killRenderers(): Promise<number>;
  /** A new page in the same browser, at the same address, ready (after a renderer crash). */
  newPage(): Promise<Page>;
  /** A clean close (used at the end of a run). */
  close(): Promise<void>;
}

/**
 * Launches Chromium on `profileDir` with remote debugging on `cdpPort`, connects, opens `url` in a page and
 * waits until the page has set `globalName`. `onConsole` gets every console line of the page.
 */
export async function launchOnProfile(o: {
  profileDir: string;
  cdpPort: number;
  url: string;
  globalName: string;
  onConsole?: (text: string) => void;
}): Promise<RunningBrowser> {
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-features=Translate,MediaRouter',
      `--user-data-dir=${o.profileDir}`,
      `--remote-debugging-port=${o.cdpPort}`,
      '--remote-debugging-address=127.0.0.1',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('chromium did not start');
  child.unref();
  live.add(pid);
  const kill = async () => {
    live.delete(pid);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    // Anything of this profile outside the group (none expected) is killed one by one, by pid.
    for (let i = 0; i < 100; i++) {
      const left = [...new Set([...profilePids(o.profileDir), ...groupPids(pid)])];
      if (left.length === 0) return;
      for (const p of left) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      await sleep(50);
    }
    throw new Error(`processes of ${o.profileDir} survived SIGKILL: ${profilePids(o.profileDir).join(', ')}`);
  };
  try {
    const endpoint = await waitForEndpoint(o.cdpPort, 30_000);
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0]!;
    const page = await openPage(context, o, context.pages()[0]);
    return {
      pid,
      browser,
      page,
      newPage: () => openPage(context, o),
      killRenderers: async () => {
        const renderers = groupPids(pid).filter(isRenderer);
        for (const p of renderers) {
          try {
            process.kill(p, 'SIGKILL');
          } catch {
            // gone meanwhile
          }
        }
        for (let i = 0; i < 100 && groupPids(pid).some((p) => renderers.includes(p)); i++) await sleep(20);
        return renderers.length;
      },
      kill,
      async close() {
        await browser.close().catch(() => undefined);
        // connectOverCDP's close only disconnects: end the browser, then make sure it is gone.
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          // gone
        }
        for (let i = 0; i < 100 && groupPids(pid).length + profilePids(o.profileDir).length > 0; i++) await sleep(50);
        await kill();
      },
    };
  } catch (e) {
    await kill();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nchromium stderr:\n${stderr}`, { cause: e });
  }
}

async function openPage(
  context: BrowserContext,
  o: { url: string; globalName: string; onConsole?: (text: string) => void },
  existing?: Page,
): Promise<Page> {
  const page = existing ?? (await context.newPage());
  page.setDefaultTimeout(600_000);
  if (o.onConsole) page.on('console', (m) => o.onConsole!(m.text()));
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(o.url);
  await page.waitForFunction((name) => name in globalThis, o.globalName);
  return page;
}

/** A renderer process of Chromium (by its command line). */
function isRenderer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).includes('--type=renderer');
  } catch {
    return false;
  }
}

/**
 * Process groups of the browsers launched here and not yet killed: the browser is detached (its own group), so
 * ending this process would not end it; on exit or an interrupt they are killed by their group id.
 */
const live = new Set<number>();
const killLive = () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  live.clear();
};
process.once('exit', killLive);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killLive();
    process.exit(130);
  });

/** Pids of processes whose command line names this profile (`pgrep -f`). */
export function profilePids(profileDir: string): number[] {
  return pgrep(['-f', '--', `--user-data-dir=${profileDir}`]);
}

/** Pids of the process group `pgid` (the launched browser's). */
export function groupPids(pgid: number): number[] {
  return pgrep(['-g', String(pgid)]);
}

function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((p) => p !== process.pid && !isZombie(p));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** A killed process not yet reaped by its parent is a zombie: it holds no files any more. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true; // gone
  }
}

async function waitForEndpoint(port: number, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) return `http://127.0.0.1:${port}`;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`chromium: no DevTools endpoint on port ${port}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Deterministic generator (mulberry32) for the kill points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
