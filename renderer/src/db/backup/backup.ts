import type Dexie from 'dexie';
import {
  buildBackupArchive,
  backupFileName,
  tablesDigest,
  type BackupKind,
  type BackupManifest,
  type BackupTables,
} from '../../../../shared/backup/format';
import { isAuditAnchor } from '../../../../shared/domain/audit';
import { SETTING_KEYS } from '../audited-write';
import { CURRENT_SCHEMA_VERSION } from '../schema-version';
import { encodeRows } from './blob-codec';

/** The schema version this build writes and reads up to (renderer/src/db/schema-version.ts). */
export { CURRENT_SCHEMA_VERSION };

/** What a backup shows while it runs: reading the tables, then packing the file. */
export interface BackupProgress {
  stage: 'read' | 'pack';
  /** 0…1 over the whole backup. */
  fraction: number;
}

export interface CreateBackupOptions {
  appVersion: string;
  kind: BackupKind;
  now?: () => Date;
  onProgress?: (p: BackupProgress) => void;
}

export interface CreatedBackup {
  bytes: Uint8Array;
  manifest: BackupManifest;
  fileName: string;
  /** Milliseconds spent (for the closing figures). */
  ms: number;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every table of `db`, read in ONE read transaction (a consistent snapshot: no write lands between two
 * tables), rows in primary-key order, binary values encoded for JSON. Works on any Dexie instance whose
 * tables are declared (the app's database, a staging copy, or an older database opened dynamically).
 */
export async function exportTables(
  db: Dexie,
  onTable?: (done: number, total: number) => void,
): Promise<{ tables: BackupTables; auditHead: { seq: number; hash: string } | null }> {
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  const { raw, anchor } = await db.transaction('r', tables, async () => {
    const raw: unknown[][] = [];
    for (const t of tables) {
      raw.push(await t.toArray());
      onTable?.(raw.length, tables.length);
    }
    const settings = tables.find((t) => t.name === 'settings');
    const anchorRow = settings
      ? ((await settings.get(SETTING_KEYS.auditHead)) as { value?: unknown } | undefined)
      : undefined;
    return { raw, anchor: anchorRow?.value };
  });
  const out: BackupTables = {};
  for (const [i, t] of tables.entries()) out[t.name] = await encodeRows(raw[i]!);
  const audit = out['audit'] as { seq: number; hash: string }[] | undefined;
  const last = audit?.at(-1);
  const auditHead = isAuditAnchor(anchor) ? anchor : last ? { seq: last.seq, hash: last.hash } : null;
  return { tables: out, auditHead: auditHead ? { seq: auditHead.seq, hash: auditHead.hash } : null };
}

/** THE digest of a live database ({@link tablesDigest} over {@link exportTables}). */
export async function databaseDigest(db: Dexie): Promise<string> {
  return tablesDigest((await exportTables(db)).tables);
}

/** A complete backup file of `db` (DUR-8): zip of manifest.json + data.json. Writes nothing. */
export async function createBackup(db: Dexie, o: CreateBackupOptions): Promise<CreatedBackup> {
  const started = performance.now();
  const createdAt = (o.now ?? (() => new Date()))();
  const report = (stage: BackupProgress['stage'], fraction: number) => o.onProgress?.({ stage, fraction });
  report('read', 0);
  const { tables, auditHead } = await exportTables(db, (done, total) => report('read', (0.4 * done) / total));
  await yieldToPage();
  const { bytes, manifest } = await buildBackupArchive({
    tables,
    appVersion: o.appVersion,
    schemaVersion: db.verno || CURRENT_SCHEMA_VERSION,
    createdAt,
    kind: o.kind,
    auditHead,
    onProgress: async (f) => {
      report('pack', 0.4 + 0.6 * f);
      await yieldToPage();
    },
  });
  report('pack', 1);
  return { bytes, manifest, fileName: backupFileName(createdAt, o.kind), ms: performance.now() - started };
}
