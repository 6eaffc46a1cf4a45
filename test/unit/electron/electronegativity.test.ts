import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * SEC-9: electronegativity (Doyensec's static scanner) as an extra signal. It misses cases (it cannot
 * follow our options factory or see the CSP our protocol handler sends), so our own assertions
 * (hardening-source.test.ts, main-window-options, navigation/permission guards, IPC registry) stay the
 * authority; this test fails only on a HIGH finding, on an openExternal call outside the reviewed call
 * sites, or when the canary shows the scanner did not really run.
 *
 * `npm run check:electron` prints the scanner's own table first, then runs this file.
 *
 * Network: the scanner tries to download translations (1 s timeout, falls back to its bundled English)
 * and, in AvailableSecurityFixesGlobalCheck, Electron's release list. That check is excluded here: it
 * needs the network and duplicates SEC-8 (`npm audit`, Electron upgrade per major).
 */

interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly severity: { readonly name: string; readonly value: number };
  readonly confidence: { readonly name: string };
  readonly manualReview: boolean;
}

type Run = (
  options: {
    input: string;
    isRelative: boolean;
    customScan: string[];
    excludeFromScan: string[];
    electronVersionOverride: string;
    parserPlugins: string[];
  },
  forCli: boolean,
) => Promise<{ globalChecks: number; atomicChecks: number; errors: unknown[]; issues: Issue[] }>;

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;
const electronDir = fileURLToPath(new URL('../../../electron', import.meta.url));

const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

function scan(input: string) {
  return run(
    {
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
}

/**
 * Findings on our code that were reviewed, with the reason each is acceptable. A finding not listed
 * here is printed (a new signal to look at) but fails the test only if it is HIGH or an openExternal.
 */
const REVIEWED: Readonly<Record<string, string>> = {
  // The scanner looks for a CSP in onHeadersReceived or a <meta> tag. Ours is a response header set by
  // the app:// protocol handler on every response (protocol/app-protocol.ts + SECURITY_HEADERS; asserted
  // in app-protocol.test.ts and csp.test.ts), which it cannot see.
  'CSP_GLOBAL_CHECK N/A': 'false positive: CSP is a protocol-handler response header',
  // openExternal is reached only through confirmAndOpenExternal: isSafeExternalUrl (https to a public
  // host, or mailto) and then a dialog naming the real host (external-link.test.ts, trusted-url.test.ts).
  'OPEN_EXTERNAL_JS_CHECK main/security/external-link.ts': 'the one call, after isSafeExternalUrl and a confirmation',
  'OPEN_EXTERNAL_JS_CHECK main/start-app.ts': 'wires confirmAndOpenExternal into the navigation policy',
  'OPEN_EXTERNAL_JS_CHECK main/security/navigation-guards.ts':
    'window.open → policy.openExternal (the confirming wrapper)',
};

const key = (i: Issue) => `${i.id} ${i.file}`;

describe('electronegativity on electron/', () => {
  it('finds no HIGH issue and nothing unreviewed that matters', async () => {
    const result = await scan(electronDir);
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(30);

    const high = result.issues.filter((i) => i.severity.name === 'HIGH');
    expect(high.map((i) => `${key(i)}:${i.location.line}`)).toEqual([]);

    const openExternal = result.issues.filter((i) => i.id === 'OPEN_EXTERNAL_JS_CHECK');
    expect(openExternal.filter((i) => !(key(i) in REVIEWED)).map(key)).toEqual([]);

    const unreviewed = result.issues.filter((i) => !(key(i) in REVIEWED));
    if (unreviewed.length > 0) {
      console.warn(
        `[electronegativity] findings to review:\n${unreviewed
          .map((i) => `  ${i.severity.name} ${i.confidence.name} ${key(i)}:${i.location.line}`)
          .join('\n')}`,
      );
    }
  }, 30_000);
});

/**
 * The canary: a main process written the way the Electron checklist says not to. If the scanner stops
 * running (a broken install, a parser that no longer reads our syntax) this drops below 8.
 */
const CANARY = `
const { app, BrowserWindow, shell, session } = require('electron');
app.on('ready', () => {
  const win = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      nodeIntegrationInSubFrames: true,
      nodeIntegrationInWorker: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
      experimentalFeatures: true,
      enableBlinkFeatures: 'CSSVariables',
      webviewTag: true,
    },
  });
  win.webContents.on('new-window', (e, url) => shell.openExternal(url));
  session.defaultSession.setCertificateVerifyProc((request, callback) => callback(0));
  app.commandLine.appendSwitch('ignore-certificate-errors');
  win.loadURL('http://example.com/');
});
`;

describe('electronegativity canary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-canary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports at least 8 findings, HIGH among them, on a deliberately insecure main process', async () => {
    writeFileSync(join(dir, 'main.js'), CANARY);
    const result = await scan(dir);
    const ids = new Set(result.issues.map((i) => i.id));
    expect(result.issues.length).toBeGreaterThanOrEqual(8);
    expect(result.issues.some((i) => i.severity.name === 'HIGH')).toBe(true);
    // 14 findings with electronegativity 1.10.3. Note what is *not* among them: NODE_INTEGRATION_JS_CHECK,
    // although the canary sets nodeIntegration: true — the scanner's known false negative, and the
    // reason hardening-source.test.ts and main-window-options.test.ts assert the preferences themselves.
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK',
    ]) {
      expect(ids).toContain(id);
    }
  }, 30_000);
});
