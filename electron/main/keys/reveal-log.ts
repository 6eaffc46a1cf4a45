import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Main's own record of every `pii:open` (PII-3): one JSON line per call, appended to
 * `<userData>/pii-reveal-log.jsonl` and fsynced before the clear value goes back to the renderer. The
 * renderer's audit entry for a reveal is written by the renderer itself, so a compromised renderer could
 * open sealed values and skip it; this file is kept where the renderer cannot write. A line holds the time,
 * whether the value opened, which fields it had (names only), a short hash of the sealed text (to match a
 * line to a record) and the topic and reason the renderer says it opens it for — never the clear value.
 * If the line cannot be written the value is not returned.
 */

export const REVEAL_LOG_FILE_NAME = 'pii-reveal-log.jsonl';

export interface RevealLogFs {
  /** Appends `line` to `path` (creating it, mode 0600), fsyncs and closes it. */
  appendAndSync(path: string, line: string): Promise<void>;
}

export const nodeRevealLogFs: RevealLogFs = {
  async appendAndSync(path, line) {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a', 0o600);
    try {
      await handle.appendFile(line, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

export interface RevealLogEntry {
  /** The sealed text the renderer sent (only its hash is written). */
  sealed: string;
  ok: boolean;
  /** Field names of the opened value (e.g. name, idNumber); empty when it did not open. */
  fields: readonly string[];
  topicId?: string;
  reason?: string;
}

export interface RevealLog {
  append(entry: RevealLogEntry): Promise<void>;
}

/** One line: `{"at","ok","fields","sealedSha256","topicId"?,"reason"?}`. Control characters cannot break a line (JSON escapes them). */
export function revealLogLine(entry: RevealLogEntry, at: Date): string {
  const line = {
    at: at.toISOString(),
    channel: 'pii:open',
    ok: entry.ok,
    fields: [...entry.fields],
    sealedSha256: createHash('sha256').update(entry.sealed).digest('hex').slice(0, 16),
    ...(entry.topicId !== undefined ? { topicId: entry.topicId } : {}),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

export function createRevealLog(o: { filePath: string; fs?: RevealLogFs; now?: () => Date }): RevealLog {
  const fs = o.fs ?? nodeRevealLogFs;
  const now = o.now ?? (() => new Date());
  // Appends one after the other: two reveals at once never interleave their bytes.
  let queue: Promise<void> = Promise.resolve();
  return {
    append(entry) {
      const next = queue.then(() => fs.appendAndSync(o.filePath, revealLogLine(entry, now())));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** Names of the top-level fields of an opened value's JSON (never the values). */
export function fieldNamesOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    return Object.keys(value)
      .slice(0, 20)
      .map((k) => k.slice(0, 40));
  } catch {
    return [];
  }
}
