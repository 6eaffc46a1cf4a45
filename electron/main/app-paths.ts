import { isAbsolute, join } from 'node:path';

/**
 * The userData folder name. Fixed forever and deliberately *not* the product name: Electron derives
 * the default from `productName` (联席会议工作台), and renaming the product would orphan every
 * database (RELIABILITY-SECURITY.md DUR-3, SEC-10).
 */
export const USER_DATA_DIR_NAME = 'JointDesk';

/** Lets tests (e.g. the Playwright smoke test) use a fresh profile; ignored by a packaged app. */
export const USER_DATA_ENV = 'JOINTDESK_USER_DATA_DIR';

export function resolveUserDataPath(appDataPath: string, env: NodeJS.ProcessEnv, isPackaged: boolean): string {
  const override = env[USER_DATA_ENV];
  if (!isPackaged && override && isAbsolute(override)) return override;
  return join(appDataPath, USER_DATA_DIR_NAME);
}

/**
 * The dev server URL electron-vite passes in `ELECTRON_RENDERER_URL`, only when running unpackaged and
 * only if it is an http URL on the loopback interface. A packaged app ignores the variable, so an
 * environment variable can never make the installed app load remote content.
 */
export function resolveDevServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
