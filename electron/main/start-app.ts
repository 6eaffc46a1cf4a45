import type * as ElectronModule from 'electron';
import type { BrowserWindow, CustomScheme } from 'electron';
import { join, resolve } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, ipcContract } from '../../shared/ipc/contract';
import { resolveDevServerUrl, resolveUserDataPath } from './app-paths';
import { AUDIT_HEAD_FILE_NAME, createAuditHeadStore, nodeAuditHeadFs } from './audit/audit-head';
import { AUDIT_KEY_FILE_NAME, createAuditKeyStore } from './audit/audit-key';
import { createBackupSettingsStore } from './backup/backup-settings';
import { createBackupStore } from './backup/backup-store';
import { nodeBackupFolderFs } from './backup/node-backup-fs';
import { applyPendingRestore, listPreOpenCopies, makePreOpenCopy, requestPreOpenRestore } from './backup/pre-open-copy';
import { createQuarantine, nodeQuarantineFs } from './backup/quarantine';
import { createQuitBackup } from './backup/quit-backup';
import { createIpcHandlers } from './ipc/handlers';
import { createPiiKeys, PII_KEY_FILE_NAME } from './keys/pii-keys';
import { createRevealLog, REVEAL_LOG_FILE_NAME } from './keys/reveal-log';
import { registerIpc } from './ipc/register';
import { createProtocolHandler } from './protocol/app-protocol';
import { confirmAndOpenExternal } from './security/external-link';
import { installNavigationGuards } from './security/navigation-guards';
import { installPermissionGuards } from './security/permission-guards';
import { installRequestFilter } from './security/request-filter';
import { nodeFilesFs, nodeWindowStateFs } from './services/node-files';
import { createMainWindow } from './windows/create-main-window';
import { createPdfRenderer } from './windows/print-window';
import { createWindowStateStore } from './windows/window-state';

/** The parts of the `electron` module the main process uses; the test passes recording fakes. */
export type ElectronApi = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'dialog' | 'screen' | 'safeStorage'
>;

export interface StartOptions {
  /** Directory of the built main bundle (`out/main`); renderer and preload are found next to it. */
  readonly mainDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: string;
  readonly electronVersion?: string;
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * `app:` is a standard, secure scheme (so it gets a real origin for IndexedDB and the CSP), can be
 * fetched, streams large files, and is not CORS-enabled for other origins. It does not bypass CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
};

export const PRODUCTION_URL = `${APP_ORIGIN}/index.html`;

/**
 * The composition root. Everything that must happen before `ready` happens synchronously here;
 * the rest runs when the app is ready. Returns the promise of that second half (for tests).
 */
export function startApp(electron: ElectronApi, options: StartOptions): { ready: Promise<void> } {
  const { app, protocol } = electron;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  // ---- before ready ----
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.setPath('userData', resolveUserDataPath(app.getPath('appData'), options.env, app.isPackaged));
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Another instance owns the data: it gets focused through 'second-instance'; we leave.
    app.quit();
    return { ready: Promise.resolve() };
  }

  const devUrl = resolveDevServerUrl(options.env, app.isPackaged);
  const isDev = devUrl !== null;
  const extraOrigins = devUrl ? [new URL(devUrl).origin] : [];
  const navigationPolicy = {
    extraOrigins,
    // SEC-4: never straight to the OS — the user confirms a dialog that names the real host first.
    openExternal: async (url: string) => {
      await confirmAndOpenExternal(url, {
        showMessageBox: (o) => electron.dialog.showMessageBox(o),
        openExternal: (u) => electron.shell.openExternal(u),
      });
    },
  };
  let mainWindow: BrowserWindow | null = null;

  // Every web contents, whoever creates it, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, navigationPolicy));
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // DUR-8: the first quit waits (at most QUIT_BACKUP_TIMEOUT_MS) for the renderer's quit backup.
  const quitBackup = createQuitBackup({
    getContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
    quit: () => app.quit(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    log: (message) => log(message),
  });
  app.on('before-quit', (event) => void quitBackup.onBeforeQuit(event));

  // ---- on ready ----
  const ready = app
    .whenReady()
    .then(async () => {
      const session = electron.session.defaultSession;
      installPermissionGuards(session, extraOrigins);
      installRequestFilter(session, extraOrigins);
      protocol.handle(APP_SCHEME, createProtocolHandler(resolve(options.mainDir, '../renderer')));

      const userDataPath = app.getPath('userData');
      // DUR-6: before any window can open the database — a restore the recovery screen asked for, then the
      // pre-open copy (skipped when unchanged). Neither ever fails the start.
      const preOpen = { userDataPath, log: (m: string, e?: unknown) => log(m, e) };
      const pendingRestore = await applyPendingRestore(preOpen);
      if (pendingRestore.restored || pendingRestore.reason !== 'none')
        log(`[pre-open] restore at start: ${JSON.stringify(pendingRestore)}`);
      const preOpenCopy = await makePreOpenCopy(preOpen);
      if (!preOpenCopy.made) log(`[pre-open] no copy: ${preOpenCopy.reason} (${preOpenCopy.ms} ms)`);
      const backupStore = createBackupStore({
        fs: nodeBackupFolderFs,
        settings: createBackupSettingsStore({
          filePath: join(userDataPath, 'backup-settings.json'),
          // A folder the user sees (Documents), changeable in 设置 → 数据备份.
          defaultDir: join(app.getPath('documents'), '联席会议工作台备份'),
          fs: nodeWindowStateFs,
        }),
      });
      const auditKeys = createAuditKeyStore({
        filePath: join(userDataPath, AUDIT_KEY_FILE_NAME),
        fs: nodeFilesFs,
        safeStorage: electron.safeStorage,
      });
      registerIpc(
        electron.ipcMain,
        createIpcHandlers({
          audit: {
            keys: auditKeys,
            head: createAuditHeadStore({
              filePath: join(userDataPath, AUDIT_HEAD_FILE_NAME),
              fs: nodeAuditHeadFs,
              key: () => auditKeys.key(),
              keyCreatedThisSession: () => auditKeys.createdThisSession,
            }),
          },
          dialog: electron.dialog,
          shell: electron.shell,
          fs: nodeFilesFs,
          getWindow: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
          defaultDirectory: () => app.getPath('documents'),
          savedPaths: new Set<string>(),
          print: {
            appUrl: devUrl ?? PRODUCTION_URL,
            renderPdf: createPdfRenderer({ BrowserWindow: electron.BrowserWindow, isDev }),
          },
          backup: {
            store: backupStore,
            shell: electron.shell,
            fs: nodeFilesFs,
            onQuitBackupDone: (ok) => quitBackup.done(ok),
            preOpen: {
              list: () => listPreOpenCopies(preOpen),
              requestRestore: (id) => requestPreOpenRestore(preOpen, id),
            },
            // Leaves the IPC answer time to arrive; exit skips the quit backup (the data is what failed).
            restart: () =>
              void setTimeout(() => {
                app.relaunch();
                app.exit(0);
              }, 300),
            quarantine: createQuarantine({
              sourceDir: join(userDataPath, 'IndexedDB'),
              targetRoot: join(userDataPath, 'quarantine'),
              now: () => new Date(),
              fs: nodeQuarantineFs,
            }),
          },
          piiKeys: createPiiKeys({
            filePath: join(userDataPath, PII_KEY_FILE_NAME),
            fs: nodeFilesFs,
            safeStorage: electron.safeStorage,
          }),
          revealLog: createRevealLog({ filePath: join(userDataPath, REVEAL_LOG_FILE_NAME) }),
          appInfo: {
            version: app.getVersion(),
            userDataPath,
            platform: options.platform ?? process.platform,
            electronVersion: options.electronVersion ?? process.versions.electron ?? '',
          },
        }),
        ipcContract,
        { extraOrigins, log },
      );

      const win = await createMainWindow({
        BrowserWindow: electron.BrowserWindow,
        workAreas: () => {
          const primary = electron.screen.getPrimaryDisplay();
          const others = electron.screen.getAllDisplays().filter((d) => d.id !== primary.id);
          return [primary, ...others].map((d) => d.workArea);
        },
        preloadPath: resolve(options.mainDir, '../preload/index.cjs'),
        isDev,
        stateStore: createWindowStateStore({
          filePath: join(userDataPath, 'window-state.json'),
          fs: nodeWindowStateFs,
          onError: (error) => log('[window-state] could not save', error),
        }),
        url: devUrl ?? PRODUCTION_URL,
        onLoadError: (error) => log('[window] could not load the UI', error),
      });
      mainWindow = win;
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      log('[startup] failed', error);
      const detail = error instanceof Error ? error.message : String(error);
      electron.dialog.showErrorBox(
        '联席会议工作台无法启动',
        `启动时发生错误，请重新安装或联系技术支持。\n\n错误信息：${detail}`,
      );
      app.exit(1);
    });
  return { ready };
}
