import i18n from 'i18next';
import { MAX_BACKUP_FILE_BYTES } from '../../../shared/backup/limits';
import { PRINT_READY_ATTRIBUTE, PRINT_ROUTE_PATTERN } from '../../../shared/ipc/contract';
import { createBrowserPiiKeys } from './browser-pii-keys';
import { acceptAttribute, formatBytes, matchesFilters, runtimeFromUserAgent } from './file-rules';
import { DEFAULT_MAX_OPEN_BYTES, type Host, type OpenFileResult, type SaveFileResult } from './host';
import { HostError } from './host-error';
import { hostText } from './host-text';

export interface BrowserPrintOptions {
  /** How long the print view may take to load its data (default 20 s). */
  timeoutMs?: number;
  pollMs?: number;
}

const printText = (key: 'badRoute' | 'timeout' | 'failed') => i18n.t(`minutesPrint:host.${key}`);

/**
 * Prints an app print route from a hidden same-origin iframe: the app loads the view there (same
 * IndexedDB), the view marks `<html data-print-ready>`, then the iframe's own `print()` opens Chromium's
 * print preview of that document only — the user picks “另存为 PDF” there. `print()` returns when the
 * preview closes (Chromium blocks the caller), so the frame is removed then. The browser never says
 * whether a file was written: the result is always `{ saved: false }`.
 */
export function printRouteInFrame(route: string, o: BrowserPrintOptions = {}): Promise<SaveFileResult> {
  const timeoutMs = o.timeoutMs ?? 20_000;
  const pollMs = o.pollMs ?? 100;
  return new Promise<SaveFileResult>((resolve, reject) => {
    if (!PRINT_ROUTE_PATTERN.test(route)) {
      reject(new HostError(printText('badRoute')));
      return;
    }
    const url = new URL(window.location.href);
    url.hash = `/${route}`;
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'print';
    // Off-screen but laid out at A4 width (a 0×0 or display:none frame may not lay out at all).
    Object.assign(frame.style, {
      position: 'fixed',
      left: '-10000px',
      top: '0',
      width: '794px',
      height: '1123px',
      border: '0',
    });
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (fn: () => void) => {
      if (timer !== undefined) clearTimeout(timer);
      frame.remove();
      fn();
    };
    const poll = () => {
      const state = frame.contentDocument?.documentElement?.getAttribute(PRINT_READY_ATTRIBUTE);
      if (state === 'ready') {
        const w = frame.contentWindow;
        if (!w) {
          finish(() => reject(new HostError(printText('failed'))));
          return;
        }
        try {
          w.focus();
          w.print();
        } catch {
          finish(() => reject(new HostError(printText('failed'))));
          return;
        }
        finish(() => resolve({ saved: false }));
        return;
      }
      if (state === 'error') {
        finish(() => reject(new HostError(printText('failed'))));
        return;
      }
      if (Date.now() - started >= timeoutMs) {
        finish(() => reject(new HostError(printText('timeout'))));
        return;
      }
      timer = setTimeout(poll, pollMs);
    };
    frame.src = url.toString();
    document.body.append(frame);
    timer = setTimeout(poll, pollMs);
  });
}

/** The host in a plain browser (dev:web, e2e): downloads for saving, a file input for opening. */
export function createBrowserHost(): Host {
  const host: Host = {
    kind: 'browser',
    async saveFile({ suggestedName, bytes }) {
      // Copy into a fresh ArrayBuffer: a Uint8Array view may sit on a larger or shared buffer.
      const blob = new Blob([bytes.slice()]);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      // The download has started from the click; revoking later keeps slow browsers from losing it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },
    openFile({ filters, maxBytes = DEFAULT_MAX_OPEN_BYTES }) {
      return new Promise<OpenFileResult>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(filters);
        input.style.display = 'none';
        const done = () => input.remove();
        input.addEventListener('cancel', () => {
          done();
          resolve({ canceled: true });
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          done();
          if (!file) {
            resolve({ canceled: true });
            return;
          }
          if (!matchesFilters(file.name, filters)) {
            reject(new HostError(hostText('wrongType', { name: file.name, accept: acceptAttribute(filters) })));
            return;
          }
          if (file.size > maxBytes) {
            reject(
              new HostError(
                hostText('tooLarge', { name: file.name, size: formatBytes(file.size), limit: formatBytes(maxBytes) }),
              ),
            );
            return;
          }
          file.arrayBuffer().then(
            (buf) => resolve({ canceled: false, name: file.name, bytes: new Uint8Array(buf) }),
            () => reject(new HostError(hostText('readFailed', { name: file.name }))),
          );
        });
        document.body.append(input);
        input.click();
      });
    },
    printToPdf: ({ route }) => printRouteInFrame(route),
    async appInfo() {
      return {
        // typeof keeps a build without the `define` (a test, another bundler config) from throwing.
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
        dataPath: hostText('browserDataPath'),
        platform: navigator.platform || '—',
        runtime: runtimeFromUserAgent(navigator.userAgent),
      };
    },
    backups: {
      // A web page cannot keep files on its own: each backup is a download the user keeps.
      storage: 'download',
      keep: ({ fileName, bytes }) => host.saveFile({ suggestedName: fileName, bytes, filters: BACKUP_FILTERS }),
      folder: async () => null,
      readFromFolder: () => Promise.reject(new HostError(hostText('noBackupFolder'))),
      openFile: () => host.openFile({ filters: BACKUP_FILTERS, maxBytes: MAX_BACKUP_FILE_BYTES }),
    },
    pii: createBrowserPiiKeys(),
  };
  return host;
}

const BACKUP_FILTERS = [{ name: '联席会议工作台备份', extensions: ['zip'] }];
