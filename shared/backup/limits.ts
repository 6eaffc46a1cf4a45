/**
 * Backup constants with no dependencies, for the IPC contract and the hosts (the format itself is in
 * format.ts).
 */

/** Largest backup file accepted for restore (checked before it is read). */
export const MAX_BACKUP_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Inflation caps, on bytes actually produced. data.json must fit one JavaScript string (V8: ~512 M
 * UTF-16 units), so it is capped well below.
 */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_DATA_BYTES = 400 * 1024 * 1024;

export const BACKUP_KINDS = ['manual', 'daily', 'quit', 'pre-restore', 'pre-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** `jointdesk-backup-20261202-183005-manual.zip` (local time of Asia/Shanghai, the business clock). */
export const BACKUP_FILE_PATTERN =
  /^jointdesk-backup-(\d{8})-(\d{6})(?:-(\d{1,3}))?-(manual|daily|quit|pre-restore|pre-migration)\.zip$/;

/** A pre-open copy of the database folders, `userData/pre-open/20261204-090000` (electron/main/backup/pre-open-copy.ts). */
export const PRE_OPEN_COPY_ID_PATTERN = /^\d{8}-\d{6}(?:-\d{1,3})?$/;
