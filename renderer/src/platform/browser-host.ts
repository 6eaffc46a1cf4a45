import { acceptAttribute, formatBytes, matchesFilters, runtimeFromUserAgent } from './file-rules';
import { DEFAULT_MAX_OPEN_BYTES, type Host, type OpenFileResult } from './host';
import { HostError } from './host-error';
import { hostText } from './host-text';

/** The host in a plain browser (dev:web, e2e): downloads for saving, a file input for opening. */
export function createBrowserHost(): Host {
  return {
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
    async appInfo() {
      return {
        // typeof keeps a build without the `define` (a test, another bundler config) from throwing.
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
        dataPath: hostText('browserDataPath'),
        platform: navigator.platform || '—',
        runtime: runtimeFromUserAgent(navigator.userAgent),
      };
    },
  };
}
