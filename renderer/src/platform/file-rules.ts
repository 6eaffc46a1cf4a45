import { type FileFilter } from './host';

/** `accept` attribute for an `<input type=file>` from dialog filters: `.xlsx,.json`. */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  const exts = new Set<string>();
  for (const f of filters) {
    for (const e of f.extensions) {
      // '*' means "all files" in Electron dialogs; the input then takes anything.
      if (e === '*') return '';
      exts.add(`.${e.toLowerCase()}`);
    }
  }
  return [...exts].join(',');
}

/** True when `name` ends with one of the filters' extensions (or there are no filters). */
export function matchesFilters(name: string, filters: readonly FileFilter[]): boolean {
  const accept = acceptAttribute(filters);
  if (accept === '') return true;
  const lower = name.toLowerCase();
  return accept.split(',').some((ext) => lower.endsWith(ext));
}

/** Human size in the units the office uses: `512 KB`, `3.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  return `${trim(bytes / (1024 * 1024 * 1024))} GB`;
}

function trim(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/** Extracts `Chromium 141.0.1` (or `Firefox 140.0`) from a user-agent string, for the About box. */
export function runtimeFromUserAgent(ua: string): string {
  const edge = /Edg\/([\d.]+)/.exec(ua);
  if (edge) return `Edge ${edge[1]}`;
  const chrome = /(?:Chrome|Chromium)\/([\d.]+)/.exec(ua);
  if (chrome) return `Chromium ${chrome[1]}`;
  const firefox = /Firefox\/([\d.]+)/.exec(ua);
  if (firefox) return `Firefox ${firefox[1]}`;
  const safari = /Version\/([\d.]+).*Safari\//.exec(ua);
  if (safari) return `Safari ${safari[1]}`;
  return ua.slice(0, 60);
}
