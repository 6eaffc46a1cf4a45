import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * SEC-1/SEC-2/SEC-4/SEC-5/SEC-9: our own syntax-tree assertions over every file of the main and
 * preload processes, because a scanner (electronegativity) cannot follow the options factory and
 * misses `nodeIntegration: true` outright (see electronegativity.test.ts's canary).
 *
 * Rules (path → where something may appear):
 * - `new …BrowserWindow/BrowserView/WebContentsView(…)` only in the two window factories, and only
 *   with the options built by `mainWindowOptions`/`printWindowOptions`;
 * - a `webPreferences` property only in windows/main-window-options.ts;
 * - no weakening literal anywhere (`nodeIntegration: true`, `contextIsolation: false`, `sandbox: false`,
 *   `webSecurity: false`, `allowRunningInsecureContent: true`, `experimentalFeatures: true`,
 *   `webviewTag: true`, `nodeIntegrationInSubFrames/InWorker: true`), and no `enableBlinkFeatures`,
 *   `additionalArguments`, `allowpopups`;
 * - no `loadFile(…)`, no `file://` literal (except the request filter's list of URLs to cancel), no `registerFileProtocol`/`interceptFileProtocol` (SEC-2);
 * - `shell.openExternal` called only in start-app.ts, where it is handed to confirmAndOpenExternal (SEC-4);
 * - `ipcMain.handle/on/once/handleOnce` only in ipc/register.ts; `ipcRenderer` only in preload/index.ts;
 *   no `sendSync`, no `remote` module (SEC-5);
 * - permission handlers only in security/permission-guards.ts (SEC-6).
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
const WINDOW_FACTORIES: Readonly<Record<string, string>> = {
  'electron/main/windows/create-main-window.ts': 'mainWindowOptions',
  'electron/main/windows/print-window.ts': 'printWindowOptions',
};
const WEAKENING: Readonly<Record<string, boolean>> = {
  nodeIntegration: true,
  nodeIntegrationInSubFrames: true,
  nodeIntegrationInWorker: true,
  contextIsolation: false,
  sandbox: false,
  webSecurity: false,
  allowRunningInsecureContent: true,
  experimentalFeatures: true,
  webviewTag: true,
};
const FORBIDDEN_KEYS = new Set(['enableBlinkFeatures', 'additionalArguments', 'allowpopups', 'disableBlinkFeatures']);
const FORBIDDEN_CALLS = new Set(['loadFile', 'registerFileProtocol', 'interceptFileProtocol', 'sendSync']);
const ONLY_IN: Readonly<Record<string, readonly string[]>> = {
  'shell.openExternal': ['electron/main/start-app.ts'],
  'ipcMain.handle': ['electron/main/ipc/register.ts'],
  'ipcMain.handleOnce': [],
  'ipcMain.on': [],
  'ipcMain.once': [],
  setPermissionRequestHandler: ['electron/main/security/permission-guards.ts'],
  setPermissionCheckHandler: ['electron/main/security/permission-guards.ts'],
  setDevicePermissionHandler: ['electron/main/security/permission-guards.ts'],
};

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return null;
}

/** `a.b.c` → 'c'; `x` → 'x'. */
function lastName(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return null;
}

/** `electron.shell.openExternal` → 'shell.openExternal' (the last two names). */
function lastTwoNames(expr: ts.Expression): string | null {
  if (!ts.isPropertyAccessExpression(expr)) return null;
  const owner = lastName(expr.expression);
  return owner ? `${owner}.${expr.name.text}` : null;
}

/** Every rule broken by one file, as `path:line message`. */
function findViolations(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const at = (node: ts.Node, message: string) =>
    out.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1} ${message}`);

  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const cls = lastName(node.expression);
      if (cls && WINDOW_CLASSES.has(cls)) {
        const factory = WINDOW_FACTORIES[path];
        const arg = node.arguments?.[0];
        const built = arg && ts.isCallExpression(arg) ? lastName(arg.expression) : null;
        if (!factory) at(node, `new ${cls} outside the window factories`);
        else if (built !== factory) at(node, `new ${cls} not built from ${factory}()`);
      }
    }
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name === 'webPreferences' && path !== 'electron/main/windows/main-window-options.ts') {
        at(node, 'webPreferences outside main-window-options.ts');
      }
      if (name && FORBIDDEN_KEYS.has(name)) at(node, `${name} is never set`);
      if (name && Object.hasOwn(WEAKENING, name) && ts.isPropertyAssignment(node)) {
        const v = node.initializer;
        const literal =
          v.kind === ts.SyntaxKind.TrueKeyword ? true : v.kind === ts.SyntaxKind.FalseKeyword ? false : null;
        if (literal === null) at(node, `${name} must be a literal`);
        else if (literal === WEAKENING[name]) at(node, `${name}: ${String(literal)} weakens the sandbox`);
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = lastName(node.expression);
      if (callee && FORBIDDEN_CALLS.has(callee)) at(node, `${callee}() is not used by this app`);
      const two = lastTwoNames(node.expression);
      for (const key of [two, callee]) {
        if (key && Object.hasOwn(ONLY_IN, key) && !ONLY_IN[key]!.includes(path))
          at(node, `${key}() outside ${ONLY_IN[key]!.join(', ') || 'nowhere'}`);
      }
    }
    // request-filter.ts names file:// only in the list of URLs it cancels.
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
    if (literal && /^file:/i.test(node.text) && path !== 'electron/main/security/request-filter.ts') {
      at(node, 'file: URL literal');
    }
    if (ts.isIdentifier(node) && node.text === 'ipcRenderer' && path !== 'electron/preload/index.ts') {
      at(node, 'ipcRenderer outside preload/index.ts');
    }
    if (ts.isIdentifier(node) && node.text === 'remote' && ts.isPropertyAccessExpression(node.parent)) {
      at(node, 'the remote module');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const FILES = sourceFiles(join(root, 'electron')).map((full) => relative(root, full).split(sep).join('/'));

describe('hardening rules over electron/ (syntax tree)', () => {
  it('scans the main and preload sources', () => {
    expect(FILES).toContain('electron/main/start-app.ts');
    expect(FILES).toContain('electron/preload/index.ts');
    expect(FILES.length).toBeGreaterThan(20);
  });

  it.each(FILES)('%s breaks no rule', (path) => {
    expect(findViolations(path, readFileSync(join(root, path), 'utf8'))).toEqual([]);
  });

  it('the window factories build from the hardened options', () => {
    const made = Object.keys(WINDOW_FACTORIES).map((p) => readFileSync(join(root, p), 'utf8'));
    expect(made[0]).toMatch(/new deps\.BrowserWindow\(mainWindowOptions\(/);
    expect(made[1]).toMatch(/new deps\.BrowserWindow\(printWindowOptions\(/);
  });
});

/** The rules must bite: each snippet is a mistake the checker has to catch. */
const BAD: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  [
    'a window elsewhere',
    'electron/main/start-app.ts',
    'new electron.BrowserWindow({ show: false });',
    /outside the window factories/,
  ],
  ['a view elsewhere', 'electron/main/x.ts', 'new WebContentsView({});', /WebContentsView outside/],
  [
    'inline options in a factory',
    'electron/main/windows/create-main-window.ts',
    'new deps.BrowserWindow({ webPreferences: {} });',
    /not built from mainWindowOptions/,
  ],
  [
    'webPreferences elsewhere',
    'electron/main/ipc/files.ts',
    'const o = { webPreferences: { sandbox: true } };',
    /webPreferences outside/,
  ],
  [
    'nodeIntegration: true',
    'electron/main/windows/main-window-options.ts',
    'const w = { nodeIntegration: true };',
    /weakens/,
  ],
  [
    'contextIsolation: false',
    'electron/main/windows/main-window-options.ts',
    'const w = { contextIsolation: false };',
    /weakens/,
  ],
  [
    'sandbox computed',
    'electron/main/windows/main-window-options.ts',
    'const w = { sandbox: isDev };',
    /must be a literal/,
  ],
  [
    'webSecurity: false',
    'electron/main/windows/main-window-options.ts',
    "const w = { 'webSecurity': false };",
    /weakens/,
  ],
  [
    'enableBlinkFeatures',
    'electron/main/windows/main-window-options.ts',
    "const w = { enableBlinkFeatures: 'X' };",
    /never set/,
  ],
  ['loadFile', 'electron/main/windows/create-main-window.ts', "win.loadFile('index.html');", /loadFile/],
  ['file: URL', 'electron/main/start-app.ts', "const u = 'file:///app/index.html';", /file: URL/],
  [
    'openExternal elsewhere',
    'electron/main/security/navigation-guards.ts',
    'shell.openExternal(url);',
    /shell\.openExternal\(\) outside/,
  ],
  ['ipcMain.on', 'electron/main/ipc/register.ts', "ipcMain.on('x', () => {});", /ipcMain\.on\(\) outside/],
  [
    'ipcMain.handle elsewhere',
    'electron/main/start-app.ts',
    "electron.ipcMain.handle('x', f);",
    /ipcMain\.handle\(\) outside/,
  ],
  ['sendSync', 'electron/preload/bridge.ts', "ipc.sendSync('x');", /sendSync/],
  [
    'ipcRenderer exposed from the bridge',
    'electron/preload/bridge.ts',
    'export const r = ipcRenderer;',
    /ipcRenderer outside/,
  ],
  [
    'permission handler elsewhere',
    'electron/main/start-app.ts',
    's.setPermissionRequestHandler(() => true);',
    /setPermissionRequestHandler\(\) outside/,
  ],
  ['remote module', 'electron/preload/index.ts', 'electron.remote.getGlobal("x");', /remote/],
];

describe('hardening rules catch mistakes', () => {
  it.each(BAD)('%s', (_name, path, snippet, expected) => {
    const found = findViolations(path, snippet);
    expect(found.some((v) => expected.test(v))).toBe(true);
  });
});
