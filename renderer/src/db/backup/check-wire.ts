import { z } from 'zod';
import {
  BACKUP_CHECK_STAGES,
  BACKUP_REJECT_REASONS,
  backupManifestSchema,
  BackupRejected,
  MAX_BACKUP_FILE_BYTES,
} from '../../../../shared/backup/format';
import type { VerifiedBackup } from './verify';

/**
 * What crosses the boundary between the page and the backup check worker (backup-check.worker.ts ⇄
 * run-check.ts). The page sends the file's bytes (transferred); the worker answers with progress and then
 * the checked rows in pieces (ROWS_PER_MESSAGE at most) and one result — the checked manifest — or the
 * refusal's fields. Every message from the worker is
 * checked here before the page uses it: the manifest with its strict schema, the tables' names and row
 * counts against it. The rows themselves were checked in the worker; restore.ts re-reads them from staging
 * and compares counts and the content digest with the manifest again before anything live is replaced.
 */

export const checkRequestSchema = z
  .object({ type: z.literal('check'), bytes: z.instanceof(ArrayBuffer) })
  .strict()
  .refine((r) => r.bytes.byteLength <= MAX_BACKUP_FILE_BYTES, 'file too large');
export type CheckRequest = z.infer<typeof checkRequestSchema>;

const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/);

/**
 * The checked rows come back in messages of at most this many rows, each read by the page in its own task: one
 * message of every table would be one structured-clone read of the whole backup, a block of seconds on the page.
 */
export const ROWS_PER_MESSAGE = 500;
/** …and about this much JSON (characters), whichever comes first (one row larger than this goes alone). */
export const PIECE_CHARS = 1_000_000;

export const checkMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('progress'), stage: z.enum(BACKUP_CHECK_STAGES), fraction: z.number().min(0).max(1) })
    .strict(),
  z
    .object({
      type: z.literal('rows'),
      table: tableName,
      rows: z.array(z.unknown()).max(ROWS_PER_MESSAGE),
    })
    .strict(),
  z
    .object({
      type: z.literal('result'),
      manifest: backupManifestSchema,
      ms: z.number().nonnegative(),
    })
    .strict(),
  z
    .object({
      type: z.literal('refused'),
      message: z.string().min(1).max(2_000),
      reason: z.enum(BACKUP_REJECT_REASONS),
      detail: z.string().max(2_000),
    })
    .strict(),
  z.object({ type: z.literal('error'), message: z.string().max(2_000) }).strict(),
]);
export type CheckMessage = z.input<typeof checkMessageSchema>;

/** The worker's answer was not what this app's worker sends: refused whole, nothing is written. */
export const BAD_CHECK_RESULT = '备份文件校验结果格式异常，已拒绝恢复，未作任何改动。';

/** The checked tables (gathered from the 'rows' messages) are exactly those the checked manifest lists, with its row counts. */
export function acceptCheckResult(
  m: Extract<z.output<typeof checkMessageSchema>, { type: 'result' }>,
  tables: Record<string, unknown[]>,
): VerifiedBackup {
  const listed = Object.keys(m.manifest.tables).sort();
  for (const n of listed) tables[n] ??= [];
  const names = Object.keys(tables).sort();
  const same = names.join(',') === listed.join(',') && names.every((n) => tables[n]!.length === m.manifest.tables[n]);
  if (!same) throw new BackupRejected(BAD_CHECK_RESULT, 'counts', 'worker tables differ from the manifest');
  return { manifest: m.manifest, tables, ms: m.ms };
}
