import Dexie from 'dexie';
import { BackupRejected, tablesDigest, type BackupManifest } from '../../../../shared/backup/format';
import { assertAllowed, DomainError, type UserProfile } from '../../../../shared/domain';
import { DATABASE_RESTORE_ID } from '../../../../shared/domain/audit-labels';
import { auditedWrite, readCurrentProfile } from '../audited-write';
import { declareVersions, DB_NAME, type DatabaseDependencies, type JointDeskDB } from '../database';
import { SCHEMA_VERSIONS } from '../migrations';
import { ensureUpgradeKeyForRows } from '../migrations/pii-upgrade-key';
import { decodeRows } from './blob-codec';
import { CURRENT_SCHEMA_VERSION, createBackup, exportTables, type CreatedBackup } from './backup';
import type { VerifiedBackup } from './verify';

/**
 * Restore that cannot half-restore (RELIABILITY-SECURITY.md DUR-8):
 *
 * 1. {@link verifyBackupFile} (verify.ts, run in the backup check worker: run-check.ts) checks the whole file in memory — zip structure and inflated sizes, CRC-32,
 *    manifest, SHA-256 of data.json, row counts, content digest, newer schema refused, every row against
 *    its table's zod schema, and the backup's own audit chain against the head it records. A file that
 *    fails any check is refused before anything is written anywhere.
 * 2. {@link restoreBackup} imports the verified rows into a staging database (same schema, another name),
 *    migrates it when the backup is from an older schema, reads it back and compares counts and digest;
 *    then keeps the current data as a backup, and swaps: clear + bulkAdd of every table in ONE `rw`
 *    transaction over the live database. Any failure before the commit leaves the live data as it was.
 */

export { verifyBackupFile, type BackupCheckProgress, type VerifiedBackup } from './verify';

export const STAGING_DB_NAME = `${DB_NAME}-restore-staging`;

export interface RestoreProgress {
  stage: 'staging' | 'compare' | 'pre-restore-backup' | 'swap' | 'check';
  fraction: number;
}

export interface RestoreOptions {
  /** IndexedDB implementation (tests pass fake-indexeddb's); the app's by default. */
  deps?: DatabaseDependencies;
  appVersion: string;
  /**
   * Keeps the current data before it is replaced (Electron: written to the backup folder; browser: saved
   * as a download). Must resolve before the swap starts; if it throws, nothing is replaced.
   */
  keepPreRestoreBackup: (backup: CreatedBackup) => Promise<void>;
  onProgress?: (p: RestoreProgress) => void;
  now?: () => Date;
  /** Test seam: called inside the swap transaction after each table is written (throw to inject a fault). */
  afterSwapTable?: (table: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Rows per table now in the database. */
  counts: Record<string, number>;
  digest: string;
  preRestore: BackupManifest;
  ms: { staging: number; swap: number; total: number };
}

const RESTORE_FAILED = '恢复未完成，当前数据未被改动。';

/** A plain Dexie connection with the app's schema and no append-only hooks (only restore may clear the audit table). */
function connection(name: string, deps: DatabaseDependencies, upTo = CURRENT_SCHEMA_VERSION): Dexie {
  const db = new Dexie(name, { ...deps, chromeTransactionDurability: 'strict' });
  declareVersions(
    db,
    SCHEMA_VERSIONS.filter((v) => v.version <= upTo),
  );
  return db;
}

/**
 * Only the office may replace all data (permission 'data.restore'). A database without any profile (a
 * fresh install, nothing to protect) may be restored by whoever is at the machine.
 */
export async function assertMayRestore(live: JointDeskDB): Promise<void> {
  const actor = await readCurrentProfile(live);
  if (actor) {
    assertAllowed(actor, 'data.restore');
    return;
  }
  if ((await live.profiles.count()) > 0) throw new DomainError('no-profile', '请先选择当前用户');
}

/** Steps 2 and 3: staging, compare, pre-restore backup, swap, check. `live` is the app's database. */
export async function restoreBackup(
  live: JointDeskDB,
  verified: VerifiedBackup,
  o: RestoreOptions,
): Promise<RestoreResult> {
  const started = performance.now();
  await assertMayRestore(live);
  // Who restores: recorded in the restored trail even when the backup does not know them.
  const restorer = await readCurrentProfile(live);
  const deps = o.deps ?? {};
  const { manifest } = verified;
  const progress = (stage: RestoreProgress['stage'], fraction: number) => o.onProgress?.({ stage, fraction });

  // An older backup with clear complainant data is sealed by the upgrade of its staging copy: the key first (PII-1).
  await ensureUpgradeKeyForRows(manifest.schemaVersion, verified.tables['topics']);
  // ---- staging: same schema (the backup's version, then migrated), another name ----
  progress('staging', 0);
  await connection(STAGING_DB_NAME, deps).delete();
  let staging = connection(STAGING_DB_NAME, deps, manifest.schemaVersion);
  let stagedRows: Record<string, unknown[]>;
  let stagedDigest: string;
  try {
    await staging.open();
    const stagingTables = new Set(staging.tables.map((t) => t.name));
    for (const name of Object.keys(verified.tables)) {
      if (!stagingTables.has(name)) {
        throw new BackupRejected(`备份文件含有本程序不认识的数据表（${name}），未作任何改动。`, 'rows', name);
      }
    }
    const names = Object.keys(verified.tables);
    await staging.transaction('rw', staging.tables, async () => {
      for (const [i, name] of names.entries()) {
        await staging.table(name).bulkAdd(decodeRows(verified.tables[name]!));
        progress('staging', (i + 1) / names.length);
      }
    });
    if (manifest.schemaVersion < CURRENT_SCHEMA_VERSION) {
      staging.close();
      staging = connection(STAGING_DB_NAME, deps);
      await staging.open(); // runs the migrations of the versions after the backup's
    }
    // ---- compare: what staging holds is what the manifest promised ----
    progress('compare', 0);
    const exported = await exportTables(staging);
    const migrated = manifest.schemaVersion < CURRENT_SCHEMA_VERSION;
    for (const [name, count] of Object.entries(manifest.tables)) {
      const got = exported.tables[name]?.length ?? 0;
      // An upgrade that changes rows appends its system entries to the trail (migrations/audit-seal.ts).
      if (got !== count && !(migrated && name === 'audit' && got > count)) {
        throw new BackupRejected(RESTORE_FAILED, 'counts', `staging ${name}: ${got} rows, manifest ${count}`);
      }
    }
    stagedDigest = tablesDigest(exported.tables);
    if (manifest.schemaVersion === CURRENT_SCHEMA_VERSION && stagedDigest !== manifest.digest) {
      throw new BackupRejected(RESTORE_FAILED, 'checksum', 'staging digest differs from the manifest');
    }
    stagedRows = {};
    await staging.transaction('r', staging.tables, async () => {
      for (const t of staging.tables) stagedRows[t.name] = await t.toArray();
    });
    progress('compare', 1);
  } finally {
    staging.close();
  }
  const stagingMs = performance.now() - started;

  // ---- keep what is there now ----
  progress('pre-restore-backup', 0);
  const pre = await createBackup(live, {
    appVersion: o.appVersion,
    kind: 'pre-restore',
    now: o.now,
    onProgress: (p) => progress('pre-restore-backup', p.fraction),
  });
  await o.keepPreRestoreBackup(pre);

  // ---- swap: ONE rw transaction over every live table ----
  progress('swap', 0);
  const swapStarted = performance.now();
  const writer = connection(live.name, deps);
  try {
    await writer.open();
    const names = writer.tables.map((t) => t.name);
    await writer.transaction('rw', writer.tables, async () => {
      for (const t of writer.tables) await t.clear();
      for (const [i, name] of names.entries()) {
        const rows = stagedRows[name] ?? [];
        if (rows.length > 0) await writer.table(name).bulkAdd(rows);
        o.afterSwapTable?.(name);
        progress('swap', (i + 1) / names.length);
      }
    });
  } finally {
    writer.close();
  }
  const swapMs = performance.now() - swapStarted;

  // ---- check the live database now equals staging ----
  progress('check', 0);
  const after = await exportTables(live);
  const digest = tablesDigest(after.tables);
  if (digest !== stagedDigest) {
    throw new Error('恢复后的数据与备份不一致，请立即联系技术支持（恢复前的数据已另存为备份）。');
  }
  await connection(STAGING_DB_NAME, deps).delete();
  await recordRestore(live, { restorer, manifest, preRestore: pre.manifest, now: o.now });
  progress('check', 1);
  return {
    manifest,
    counts: Object.fromEntries(Object.entries(after.tables).map(([n, rows]) => [n, rows.length])),
    digest,
    preRestore: pre.manifest,
    ms: { staging: stagingMs, swap: swapMs, total: performance.now() - started },
  };
}

/**
 * Appends the restore to the restored audit trail (entity 'system', id {@link DATABASE_RESTORE_ID}, action
 * 'restore'): which backup (time, kind, versions, digest, rows) replaced which data (the pre-restore
 * backup's digest and time), by whom. The actor is the profile that restored; if there was none (a fresh
 * install), the restored data's current profile; with neither, nobody can be named and nothing is written.
 */
async function recordRestore(
  live: JointDeskDB,
  o: { restorer: UserProfile | undefined; manifest: BackupManifest; preRestore: BackupManifest; now?: () => Date },
): Promise<void> {
  const ctx = { db: live, now: o.now ?? (() => new Date()), newId: () => crypto.randomUUID() };
  await auditedWrite(
    ctx,
    [],
    async (audit) => {
      if (o.restorer) audit.setActor(o.restorer);
      else if (!(await readCurrentProfile(live))) return;
      const m = o.manifest;
      audit.record({
        entity: 'system',
        entityId: DATABASE_RESTORE_ID,
        action: 'restore',
        before: { backupCreatedAt: o.preRestore.createdAt, digest: o.preRestore.digest },
        after: {
          backupCreatedAt: m.createdAt,
          backupKind: m.kind,
          appVersion: m.appVersion,
          schemaVersion: m.schemaVersion,
          digest: m.digest,
          tables: m.tables,
        },
      });
    },
    { requireProfile: false },
  );
}
