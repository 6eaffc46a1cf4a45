import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { PRE_OPEN_COPY_ID_PATTERN } from '../../../shared/backup/limits';
import { APP_HOST, APP_SCHEME } from '../../../shared/ipc/contract';
import { syncDirectory } from './durable-write';
import { quarantineStamp } from './quarantine';
import { UserFacingError } from '../services/user-facing-error';

/**
 * DUR-6, the copy made before the open: Chromium itself deletes some damaged IndexedDB databases while it
 * opens them (a zeroed CURRENT, a flipped .ldb — test/durability/corrupt-profile.ts), so a copy made when the
 * renderer reports the failure (quarantine.ts) can be too late. Main therefore copies the app origin's
 * IndexedDB folders at every start, before the window loads the renderer, to `<userData>/pre-open/<stamp>`:
 *
 * - only when they changed since the newest copy (names, sizes and mtimes of the files, LevelDB's own LOG,
 *   LOG.old and LOCK left out: LevelDB rewrites those on every open), so an unchanged start costs one listing;
 * - into `pre-open/tmp-…` first, every file hashed while it is copied and fsynced, then `copy.json` (the file
 *   list with sizes and SHA-256) written and fsynced, then the folder renamed to its stamp: a copy without a
 *   sound `copy.json` is torn and is never offered or restored (leftover `tmp-…` folders are removed);
 * - the last {@link PRE_OPEN_KEEP} complete copies are kept, and copies the recovery screen has shown
 *   (`held.json`) are never removed by that rotation — a start after the failure copies the damaged or
 *   emptied database, and must not push out the copy taken before it.
 *
 * Restoring one happens at the next start, while no window holds the database: the recovery screen asks main
 * (`backup:pre-open-restore`), main writes `pre-open/restore-request.json` and restarts; at start, before the
 * copy and before the window, {@link applyPendingRestore} checks the copy file by file against its
 * `copy.json`, moves the live folders aside into `pre-open/replaced-<stamp>` (never deleted), puts a fresh
 * copy of the chosen one in place (copied next to the live folder, then renamed), and removes the request.
 * A copy that fails its check replaces nothing. Nothing here ever fails the start: errors are logged.
 */

/** Chromium's folder names for the `app://jointdesk` origin's IndexedDB (`<scheme>_<host>_<port 0>`). */
export const ORIGIN_IDB_PREFIX = `${APP_SCHEME}_${APP_HOST}_0.indexeddb`;
export const ORIGIN_IDB_DIRS = [`${ORIGIN_IDB_PREFIX}.leveldb`, `${ORIGIN_IDB_PREFIX}.blob`] as const;

export const PRE_OPEN_DIR_NAME = 'pre-open';
export const PRE_OPEN_KEEP = 2;
const COPY_MANIFEST = 'copy.json';
const HELD_FILE = 'held.json';
const REQUEST_FILE = 'restore-request.json';
const TMP_PREFIX = 'tmp-';
const REPLACED_PREFIX = 'replaced-';
/** Written by LevelDB on every open attempt: not part of the data, left out of the change check. */
const VOLATILE = new Set(['LOG', 'LOG.old', 'LOCK']);

export const COPY_ID_PATTERN = PRE_OPEN_COPY_ID_PATTERN;

const fileEntry = z
  .object({
    path: z.string().min(1).max(500),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
const copyManifestSchema = z
  .object({
    format: z.literal(1),
    createdAt: z.iso.datetime(),
    /** The change check's signature of the source at copy time. */
    signature: z.string().regex(/^[0-9a-f]{64}$/),
    files: z.array(fileEntry).max(100_000),
  })
  .strict();
type CopyManifest = z.infer<typeof copyManifestSchema>;
const requestSchema = z.object({ id: z.string().regex(COPY_ID_PATTERN), requestedAt: z.iso.datetime() }).strict();
const heldSchema = z.array(z.string().regex(COPY_ID_PATTERN)).max(1_000);

export interface PreOpenCopyInfo {
  id: string;
  createdAt: string;
  files: number;
  bytes: number;
}

export interface PreOpenOptions {
  /** `<userData>`. */
  userDataPath: string;
  now?: () => Date;
  keep?: number;
  log?: (message: string, error?: unknown) => void;
  /** Test seam: called after each file is copied (throw to simulate a crash or a full disk mid-copy). */
  afterFileCopied?: (path: string) => void;
  /** Test seam: called once the live folders are aside, before the copy is put in place (throw to simulate a failure there). */
  afterMovedAside?: () => void;
}

interface FileStat {
  /** Relative to the IndexedDB folder, `/`-separated: `app_jointdesk_0.indexeddb.leveldb/000003.log`. */
  path: string;
  size: number;
  mtimeMs: number;
}

const paths = (o: PreOpenOptions) => {
  const idb = join(o.userDataPath, 'IndexedDB');
  const root = join(o.userDataPath, PRE_OPEN_DIR_NAME);
  return { idb, root, request: join(root, REQUEST_FILE), held: join(root, HELD_FILE) };
};

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function listFiles(base: string, dir: string, out: FileStat[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(base, p, out);
    else if (entry.isFile()) {
      const s = await stat(p);
      out.push({ path: relative(base, p).split(sep).join('/'), size: s.size, mtimeMs: s.mtimeMs });
    }
  }
}

/** Every file of the origin's IndexedDB folders under `idbDir`, sorted. */
async function originFiles(idbDir: string): Promise<FileStat[]> {
  const out: FileStat[] = [];
  for (const d of ORIGIN_IDB_DIRS) await listFiles(idbDir, join(idbDir, d), out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function signatureOf(files: readonly FileStat[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    if (!VOLATILE.has(name)) h.update(`${f.path}\0${f.size}\0${Math.round(f.mtimeMs)}\n`);
  }
  return h.digest('hex');
}

/** Copies one file, hashing what it writes, and fsyncs it; returns its SHA-256. */
async function copyFileSynced(from: string, to: string): Promise<string> {
  await mkdir(dirname(to), { recursive: true });
  const hash = createHash('sha256');
  const out = await open(to, 'wx', 0o600);
  try {
    for await (const chunk of createReadStream(from)) {
      const buf = chunk as Buffer;
      hash.update(buf);
      await out.write(buf);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return hash.digest('hex');
}

async function writeJsonSynced(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value, null, 1));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await syncDirectory(dirname(path));
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** SHA-256 of a file as it is on disk. */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A complete copy's manifest, or null when the copy is torn: no or bad `copy.json`, or (with `deep`) a listed
 * file missing, of another size or another SHA-256, or a file present that is not listed.
 */
async function checkedCopy(dir: string, deep: boolean): Promise<CopyManifest | null> {
  const manifest = await readJson(join(dir, COPY_MANIFEST), copyManifestSchema);
  if (!manifest || !deep) return manifest;
  const present = await originFiles(dir);
  if (present.length !== manifest.files.length) return null;
  for (const [i, f] of manifest.files.entries()) {
    const p = present[i]!;
    if (p.path !== f.path || p.size !== f.size) return null;
    if (f.path.split('/').some((part) => part === '..' || part === '')) return null;
    if ((await hashFile(join(dir, ...f.path.split('/')))) !== f.sha256) return null;
  }
  return manifest;
}

/** Complete copies, newest first (ids are local-time stamps: they sort by time). */
async function completeCopies(root: string): Promise<{ id: string; manifest: CopyManifest }[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const out: { id: string; manifest: CopyManifest }[] = [];
  for (const id of names
    .filter((n) => COPY_ID_PATTERN.test(n))
    .sort()
    .reverse()) {
    const manifest = await checkedCopy(join(root, id), false);
    if (manifest) out.push({ id, manifest });
  }
  return out;
}

async function heldIds(o: PreOpenOptions): Promise<Set<string>> {
  return new Set((await readJson(paths(o).held, heldSchema)) ?? []);
}

export type PreOpenCopyResult =
  | { made: true; id: string; files: number; bytes: number; ms: number; removed: string[] }
  | { made: false; reason: 'no-database' | 'unchanged' | 'failed'; ms: number };

/**
 * Makes the pre-open copy (called before the window is created). Never throws: a failure is logged, any
 * half-made copy removed, and the start goes on.
 */
export async function makePreOpenCopy(o: PreOpenOptions): Promise<PreOpenCopyResult> {
  const started = performance.now();
  const log = o.log ?? ((m, e) => console.info(m, e ?? ''));
  const { idb, root } = paths(o);
  const ms = () => Math.round(performance.now() - started);
  let tmp: string | null = null;
  try {
    const files = await originFiles(idb);
    if (files.length === 0) return { made: false, reason: 'no-database', ms: ms() };
    const signature = signatureOf(files);
    await mkdir(root, { recursive: true });
    // Leftovers of a copy that never finished (a crash, a full disk): never a copy.
    for (const n of await readdir(root)) {
      if (n.startsWith(TMP_PREFIX)) await rm(join(root, n), { recursive: true, force: true });
    }
    const copies = await completeCopies(root);
    if (copies[0]?.manifest.signature === signature) return { made: false, reason: 'unchanged', ms: ms() };

    const now = (o.now ?? (() => new Date()))();
    const stamp = quarantineStamp(now);
    let id = stamp;
    for (let i = 2; await exists(join(root, id)); i++) id = `${stamp}-${i}`;
    tmp = join(root, `${TMP_PREFIX}${id}`);
    const listed: CopyManifest['files'] = [];
    let bytes = 0;
    for (const f of files) {
      const parts = f.path.split('/');
      const sha256 = await copyFileSynced(join(idb, ...parts), join(tmp, ...parts));
      const size = (await stat(join(tmp, ...parts))).size;
      listed.push({ path: f.path, size, sha256 });
      bytes += size;
      o.afterFileCopied?.(f.path);
    }
    await writeJsonSynced(join(tmp, COPY_MANIFEST), {
      format: 1,
      createdAt: now.toISOString(),
      signature,
      files: listed,
    } satisfies CopyManifest);
    await rename(tmp, join(root, id));
    tmp = null;
    await syncDirectory(root);

    // Keep the newest `keep` complete copies, and every copy the recovery screen has shown.
    const held = await heldIds(o);
    const removed: string[] = [];
    const all = await completeCopies(root);
    for (const old of all.slice(o.keep ?? PRE_OPEN_KEEP)) {
      if (held.has(old.id)) continue;
      await rm(join(root, old.id), { recursive: true, force: true });
      removed.push(old.id);
    }
    log(`[pre-open] copied ${files.length} files (${bytes} bytes) to ${join(root, id)} in ${ms()} ms`);
    return { made: true, id, files: files.length, bytes, ms: ms(), removed };
  } catch (error) {
    log('[pre-open] could not copy the database folder before the open (the start goes on)', error);
    if (tmp) await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    return { made: false, reason: 'failed', ms: ms() };
  }
}

/**
 * The complete pre-open copies, newest first, for the recovery screen. Listing them holds them: the
 * rotation never removes a copy the user was offered.
 */
export async function listPreOpenCopies(
  o: PreOpenOptions,
): Promise<{ copies: PreOpenCopyInfo[]; pending: string | null }> {
  const { root, held, request } = paths(o);
  const copies = await completeCopies(root);
  if (copies.length > 0) {
    const ids = new Set([...(await heldIds(o)), ...copies.map((c) => c.id)]);
    await writeJsonSynced(held, [...ids].sort()).catch((e: unknown) => o.log?.('[pre-open] could not hold copies', e));
  }
  const pending = await readJson(request, requestSchema);
  return {
    copies: copies.map(({ id, manifest }) => ({
      id,
      createdAt: manifest.createdAt,
      files: manifest.files.length,
      bytes: manifest.files.reduce((n, f) => n + f.size, 0),
    })),
    pending: pending?.id ?? null,
  };
}

/** Asks for `id` to be put back at the next start (before the window opens). Checks the copy in full first. */
export async function requestPreOpenRestore(o: PreOpenOptions, id: string): Promise<void> {
  const { root, request } = paths(o);
  if (!COPY_ID_PATTERN.test(id) || !(await checkedCopy(join(root, id), true))) {
    throw new UserFacingError('该启动前副本不完整或已损坏，不能用于恢复；当前数据未被改动。');
  }
  await writeJsonSynced(request, { id, requestedAt: (o.now ?? (() => new Date()))().toISOString() });
}

export type PendingRestoreResult =
  | { restored: false; reason: 'none' | 'bad-request' | 'torn-copy' | 'failed' }
  | { restored: true; id: string; replacedDir: string };

/**
 * At start, before the pre-open copy and before any window: carries out a restore the recovery screen asked
 * for. Never throws. The live folders are only ever renamed aside (into `pre-open/replaced-<stamp>`), never
 * deleted; on any failure they are renamed back.
 */
export async function applyPendingRestore(o: PreOpenOptions): Promise<PendingRestoreResult> {
  const log = o.log ?? ((m, e) => console.info(m, e ?? ''));
  const { idb, root, request } = paths(o);
  if (!(await exists(request))) return { restored: false, reason: 'none' };
  const done = () => rm(request, { force: true }).catch(() => undefined);
  const asked = await readJson(request, requestSchema);
  if (!asked) {
    log('[pre-open] restore request unreadable: ignored, nothing replaced');
    await done();
    return { restored: false, reason: 'bad-request' };
  }
  const source = join(root, asked.id);
  const manifest = await checkedCopy(source, true);
  if (!manifest) {
    log(`[pre-open] copy ${asked.id} is torn or damaged: nothing replaced`);
    await done();
    return { restored: false, reason: 'torn-copy' };
  }
  const stamp = quarantineStamp((o.now ?? (() => new Date()))());
  let replacedDir = join(root, `${REPLACED_PREFIX}${stamp}`);
  for (let i = 2; await exists(replacedDir); i++) replacedDir = join(root, `${REPLACED_PREFIX}${stamp}-${i}`);
  const incoming = join(idb, `${TMP_PREFIX}restore-${randomBytes(4).toString('hex')}`);
  const movedAside: string[] = [];
  const placed: string[] = [];
  try {
    // 1. A fresh copy of the chosen one next to the live folders (same file system: the renames are atomic).
    for (const f of manifest.files) {
      const parts = f.path.split('/');
      const sha256 = await copyFileSynced(join(source, ...parts), join(incoming, ...parts));
      if (sha256 !== f.sha256) throw new Error(`${f.path}: copied bytes differ`);
      o.afterFileCopied?.(f.path);
    }
    // 2. The live folders aside (kept), then the copy in their place.
    await mkdir(replacedDir, { recursive: true });
    for (const d of ORIGIN_IDB_DIRS) {
      if (await exists(join(idb, d))) {
        await rename(join(idb, d), join(replacedDir, d));
        movedAside.push(d);
      }
    }
    o.afterMovedAside?.();
    for (const d of ORIGIN_IDB_DIRS) {
      if (await exists(join(incoming, d))) {
        await rename(join(incoming, d), join(idb, d));
        placed.push(d);
      }
    }
    await syncDirectory(idb);
    await rm(incoming, { recursive: true, force: true });
    await done();
    log(`[pre-open] restored copy ${asked.id}; the replaced files are kept in ${replacedDir}`);
    return { restored: true, id: asked.id, replacedDir };
  } catch (error) {
    log('[pre-open] restore failed; the live folders are put back as they were', error);
    for (const d of placed) await rm(join(idb, d), { recursive: true, force: true }).catch(() => undefined);
    for (const d of movedAside) await rename(join(replacedDir, d), join(idb, d)).catch(() => undefined);
    await rm(incoming, { recursive: true, force: true }).catch(() => undefined);
    await done();
    return { restored: false, reason: 'failed' };
  }
}
