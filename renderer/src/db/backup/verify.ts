import {
  BackupRejected,
  openBackupArchive,
  type BackupCheckStage,
  type BackupManifest,
  type BackupTables,
} from '../../../../shared/backup/format';
import { verifyAuditChain, type AuditEntry } from '../../../../shared/domain';
import { SETTING_KEYS } from '../audited-write';
import { CURRENT_SCHEMA_VERSION } from '../schema-version';
import { BACKUP_TABLE_SCHEMAS, TABLE_LABELS } from './table-schemas';

/**
 * Step 1 of a restore (restore.ts): every check of a backup file, in memory, writing nothing. Pure apart
 * from the clock, so the backup check worker (backup-check.worker.ts) runs it off the page's
 * thread; the page calls it through checkBackupInWorker (run-check.ts).
 */

export interface VerifiedBackup {
  manifest: BackupManifest;
  tables: BackupTables;
  /** Milliseconds the checks took. */
  ms: number;
}

/** Where the checks are: the stage that runs and 0…1 over all of them. */
export interface BackupCheckProgress {
  stage: BackupCheckStage;
  fraction: number;
}

const ROWS_INVALID = '备份文件中的数据不符合要求，未作任何改动。';

/** Share of the whole check each stage starts at (rows are checked one by one, so they move within theirs). */
const STAGE_START: Record<BackupCheckStage, number> = {
  unzip: 0,
  checksum: 0.15,
  parse: 0.25,
  digest: 0.4,
  rows: 0.55,
  audit: 0.85,
};

/**
 * All checks of step 1: zip structure and inflated sizes, CRC-32, manifest, SHA-256 of data.json, row counts,
 * content digest, newer schema refused, every row against its table's zod schema, and the backup's own audit
 * chain against the head it records. Throws {@link BackupRejected} with a Chinese message.
 */
export function verifyBackupFile(bytes: Uint8Array, onProgress?: (p: BackupCheckProgress) => void): VerifiedBackup {
  const started = performance.now();
  const report = (stage: BackupCheckStage, fraction = STAGE_START[stage]) => onProgress?.({ stage, fraction });
  const { manifest, tables } = openBackupArchive(bytes, {
    maxSchemaVersion: CURRENT_SCHEMA_VERSION,
    onStage: (stage) => report(stage),
  });
  const total = Math.max(
    1,
    Object.values(tables).reduce((n, rows) => n + rows.length, 0),
  );
  const step = Math.max(1, Math.ceil(total / 50));
  let done = 0;
  report('rows');
  for (const [name, rows] of Object.entries(tables)) {
    const schema = BACKUP_TABLE_SCHEMAS[name];
    const label = TABLE_LABELS[name] ?? name;
    if (!schema) throw new BackupRejected(ROWS_INVALID, 'rows', `unknown table ${name}`);
    for (const [i, row] of rows.entries()) {
      const r = schema.safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0];
        throw new BackupRejected(
          `备份文件中的${label}第 ${i + 1} 条数据不符合要求（${issue?.path.join('.') || '记录'}），未作任何改动。`,
          'rows',
          `${name}[${i}]: ${issue?.message ?? ''}`,
        );
      }
      if (++done % step === 0)
        report('rows', STAGE_START.rows + (STAGE_START.audit - STAGE_START.rows) * (done / total));
    }
  }
  report('audit');
  const audit = [...((tables['audit'] ?? []) as AuditEntry[])].sort((a, b) => a.seq - b.seq);
  const anchors = [manifest.auditHead, settingAnchor(tables)].filter(
    (a): a is { seq: number; hash: string } => a !== null && a !== undefined && a.seq > 0,
  );
  const chain = verifyAuditChain(audit, anchors);
  if (!chain.ok) {
    throw new BackupRejected(
      `备份文件中的审计记录校验未通过：${chain.message}。未作任何改动。`,
      'audit',
      chain.problem,
    );
  }
  onProgress?.({ stage: 'audit', fraction: 1 });
  return { manifest, tables, ms: performance.now() - started };
}

function settingAnchor(tables: BackupTables): { seq: number; hash: string } | null {
  const row = (tables['settings'] as { key: string; value: unknown }[] | undefined)?.find(
    (s) => s.key === SETTING_KEYS.auditHead,
  );
  const v = row?.value as { seq?: unknown; hash?: unknown } | undefined;
  return typeof v?.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
}
