import Dexie from 'dexie';
import { z } from 'zod';
import { SETTING_KEYS } from './audited-write';
import type { CheckpointStorage } from './audit-checkpoint';
import { readAuditCheckpoint } from './audit-checkpoint';
import type { JointDeskDB } from './database';

/**
 * How far the database had got, kept OUTSIDE IndexedDB (the page's localStorage, a separate store on disk):
 * the audit head's seq after the last write the app saw commit. The audit trail only grows (a restore, which
 * replaces it, clears this marker), so a database found at start with a lower head — or none at all — has
 * lost records. Chromium does that on its own when it finds its IndexedDB files damaged: it deletes the
 * database's LevelDB folder and starts an empty one (measured in test/durability/corrupt-profile.ts: a
 * zero-filled CURRENT file, flipped bytes in an .ldb file). Without this marker the app would then open
 * on the first-start screen as if it had never been used (RELIABILITY-SECURITY.md DUR-6).
 */

const markerSchema = z
  .object({
    seq: z.number().int().nonnegative(),
    at: z.string(),
  })
  .strict();
export type DataMarker = z.infer<typeof markerSchema>;

const keyOf = (dbName: string) => `jointdesk.db.marker.${dbName}`;

function defaultStorage(): CheckpointStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readDataMarker(dbName: string, storage = defaultStorage()): DataMarker | null {
  const raw = storage?.getItem(keyOf(dbName));
  if (!raw) return null;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDataMarker(dbName: string, seq: number, now: Date, storage = defaultStorage()): void {
  try {
    storage?.setItem(keyOf(dbName), JSON.stringify({ seq, at: now.toISOString() } satisfies DataMarker));
  } catch {
    // storage full or disabled: the check at start has only the audit checkpoint then
  }
}

export function clearDataMarker(dbName: string, storage = defaultStorage()): void {
  try {
    storage?.removeItem(keyOf(dbName));
  } catch {
    // nothing to clear
  }
}

/** The audit head's seq as the database has it (0: no audit entry at all). */
export async function auditHeadSeq(db: JointDeskDB): Promise<number> {
  return db.transaction('r', [db.settings, db.audit], async () => {
    const anchor = (await db.settings.get(SETTING_KEYS.auditHead))?.value as { seq?: unknown } | undefined;
    const last = await db.audit.orderBy('seq').last();
    return Math.max(typeof anchor?.seq === 'number' ? anchor.seq : 0, last?.seq ?? 0);
  });
}

export type DataPresence =
  /**
   * The database holds what the app saw before — or fewer audit entries than the marker says, but not fewer
   * than the audit checkpoint (so the audit check at start, which reports a trail shorter than its checkpoint,
   * would not say it): `short` then, to be shown over the app.
   */
  | { ok: true; seq: number; short?: { expected: number; found: number } }
  /** The database is empty, but the app had seen `expected` audit entries: the app must not start on it. */
  | { ok: false; kind: 'data-missing'; expected: number; found: 0 }
  /** Reading the database failed (a damaged file that opened but cannot be read). */
  | { ok: false; kind: 'unreadable'; name: string; message: string };

/**
 * After the database opened: is everything the app last saw still there? Compared with the marker and the
 * audit checkpoint (both outside IndexedDB). An emptied database stops the start (the app would otherwise
 * show its first-start screen as if never used); a shorter one is said over the app.
 */
export async function checkDataPresent(db: JointDeskDB, storage = defaultStorage()): Promise<DataPresence> {
  let seq: number;
  try {
    seq = await auditHeadSeq(db);
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return {
      ok: false,
      kind: 'unreadable',
      name: typeof err.name === 'string' ? err.name : 'Error',
      message: typeof err.message === 'string' ? err.message : String(e),
    };
  }
  const marker = readDataMarker(db.name, storage)?.seq ?? 0;
  const checkpoint = readAuditCheckpoint(db.name, storage)?.seq ?? 0;
  if (seq === 0 && Math.max(marker, checkpoint) > 0) {
    return { ok: false, kind: 'data-missing', expected: Math.max(marker, checkpoint), found: 0 };
  }
  if (seq < marker && seq >= checkpoint) return { ok: true, seq, short: { expected: marker, found: seq } };
  return { ok: true, seq };
}

/**
 * Keeps the marker at the audit head while the app runs: after every committed read-write transaction on
 * this database (Dexie's `storagemutated`, fired after the commit), the head is read and stored, at most
 * every `debounceMs`. Returns the unsubscribe.
 */
export function keepDataMarker(db: JointDeskDB, o: { debounceMs?: number; storage?: CheckpointStorage | null } = {}) {
  const storage = o.storage === undefined ? defaultStorage() : o.storage;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const update = () => {
    timer = undefined;
    if (stopped || !db.isOpen()) return;
    auditHeadSeq(db).then(
      (seq) => {
        if (stopped) return;
        // Never moved back here: only a restore (which clears it) may lower what the database must hold.
        if (seq >= (readDataMarker(db.name, storage)?.seq ?? 0)) saveDataMarker(db.name, seq, new Date(), storage);
      },
      () => undefined, // a read that fails is the database gate's business at the next start
    );
  };
  const listener = (parts: Record<string, unknown>) => {
    const ours = Object.keys(parts).some((k) => k.startsWith(`idb://${db.name}/`));
    if (!ours || timer !== undefined) return;
    timer = setTimeout(update, o.debounceMs ?? 300);
  };
  Dexie.on('storagemutated', listener);
  update();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
