// Playwright `_electron` smoke test of the built app (npm run test:electron).
// Exit codes: 0 passed, 1 failed, 2 could not run here (no Electron binary or no build).
//
// It launches out/main/index.js with a fresh profile folder, checks the window is the hardened app
// (app://jointdesk, bridge present, no Node in the page), loads the demo data through the UI, and
// exports a document through the UI with the native save dialog stubbed in the main process.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'out/main/index.js');
const NOT_INSTALLED =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network): test:electron cannot run on this machine. ' +
  'Run `npm install` with network access first.';

/**
 * Where the Electron executable is, or null. Mirrors node_modules/electron/index.js without calling it:
 * requiring `electron` from Node would try to *download* the binary when it is missing.
 */
function electronExecutable() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
  const full = join(base, relative);
  return existsSync(full) ? full : null;
}

const executablePath = electronExecutable();
if (!executablePath) {
  console.error(NOT_INSTALLED);
  process.exit(2);
}
if (!existsSync(MAIN)) {
  console.error(`No build at ${MAIN}. Run \`npm run build\` (electron-vite build) first.`);
  process.exit(2);
}

const { _electron } = await import('playwright-core');
const { confirmIfAsked, ensureProfile, findExportButton, loadDemoData } = await import('./ui-flow.mjs');

const steps = [];
function step(message) {
  steps.push(message);
  console.log(`• ${message}`);
}

const profileDir = mkdtempSync(join(tmpdir(), 'jointdesk-smoke-'));
const exportTarget = join(profileDir, 'smoke-export');
const args = [MAIN];
// Chromium refuses to start its sandbox as root (containers, CI). The app still sets sandbox:true for
// its renderers; only the OS-level sandbox of this test process is off.
if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');

let app;
let failed = false;
try {
  app = await _electron.launch({
    executablePath,
    args,
    cwd: ROOT,
    env: { ...process.env, JOINTDESK_USER_DATA_DIR: profileDir, ELECTRON_RENDERER_URL: '' },
    timeout: 60_000,
  });
  const page = await app.firstWindow({ timeout: 60_000 });
  await page.waitForLoadState('domcontentloaded');
  step(`window opened at ${page.url()}`);
  if (!page.url().startsWith('app://jointdesk/')) throw new Error(`expected app://jointdesk/, got ${page.url()}`);

  const exposure = await page.evaluate(() => ({
    bridge: Object.keys(globalThis.jointdesk ?? {}).sort(),
    saveAs: typeof globalThis.jointdesk?.files?.saveAs,
    require: typeof globalThis.require,
    process: typeof globalThis.process,
  }));
  if (exposure.bridge.join() !== 'app,files' || exposure.saveAs !== 'function') {
    throw new Error(`window.jointdesk is not the expected bridge: ${JSON.stringify(exposure)}`);
  }
  if (exposure.require !== 'undefined' || exposure.process !== 'undefined') {
    throw new Error(`Node is reachable from the page: ${JSON.stringify(exposure)}`);
  }
  step('bridge present, no Node in the page');

  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  if (userData !== profileDir) throw new Error(`userData is ${userData}, expected the fresh profile ${profileDir}`);

  await ensureProfile(page, step);
  await loadDemoData(page, step);

  // The native save dialog would block: answer it from the main process with a fixed path.
  await app.evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = async (...a) => {
      const options = a.at(-1) ?? {};
      const ext = options.filters?.[0]?.extensions?.[0];
      return { canceled: false, filePath: ext ? `${target}.${ext}` : target };
    };
  }, exportTarget);

  const exportAction = await findExportButton(page);
  if (!exportAction) {
    step('SKIPPED export: no button labelled 导出 (or 下载导入模板) on the start page or the units page');
  } else {
    step(`clicking ${exportAction.label}`);
    await exportAction.button.click();
    await confirmIfAsked(page);
    const written = await (async () => {
      for (let i = 0; i < 120; i++) {
        const found = ['', '.xlsx', '.docx', '.json', '.zip', '.csv']
          .map((ext) => `${exportTarget}${ext}`)
          .find((p) => existsSync(p) && statSync(p).size > 0);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 500));
      }
      return null;
    })();
    if (!written) throw new Error(`clicking ${exportAction.label} wrote no file through the save dialog`);
    const head = readFileSync(written).subarray(0, 2).toString('latin1');
    if (/\.(xlsx|docx|zip)$/.test(written) && head !== 'PK') throw new Error(`${written} is not a zip container`);
    step(`exported ${written} (${statSync(written).size} bytes)`);
  }
  console.log('Electron smoke test passed.');
} catch (error) {
  failed = true;
  console.error(`Electron smoke test FAILED after: ${steps.join(' → ') || 'launch'}`);
  console.error(error instanceof Error ? error.message : error);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('Hint: no display found; run under `xvfb-run -a npm run test:electron`.');
  }
} finally {
  await app?.close().catch(() => undefined);
  rmSync(profileDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
