import { BackupRejected, type BackupKind, type BackupManifest } from '../../../../shared/backup/format';
import { businessDate, DomainError } from '../../../../shared/domain';
import { getDatabase } from '../../db';
import { clearAuditCheckpoint } from '../../db/audit-checkpoint';
import { resetMainAuditHead } from '../../db/audit-session';
import { clearDataMarker } from '../../db/data-marker';
import { createBackup, type BackupProgress } from '../../db/backup/backup';
import { restoreBackup, type RestoreProgress } from '../../db/backup/restore';
import { checkBackupInWorker } from '../../db/backup/run-check';
import type { BackupCheckProgress, VerifiedBackup } from '../../db/backup/verify';
import { getHost } from '../../platform';

/**
 * What the 数据备份 screen and the automatic backups call: make a backup, check it, keep it through the
 * host (Electron: main's folder; browser: a download); read and check a backup file; restore a checked
 * one. The rules live in renderer/src/db/backup and shared/backup; this only joins them to the host.
 */

/** A backup made in this session (the browser's list: it cannot see its downloads afterwards). */
export interface SessionBackup {
  fileName: string;
  size: number;
  createdAt: string;
  kind: BackupKind;
  status: 'verified' | 'damaged';
  tables: Record<string, number>;
  path?: string;
}

const session: SessionBackup[] = [];
const listeners = new Set<() => void>();

export function sessionBackups(): readonly SessionBackup[] {
  return session;
}

export function onSessionBackupsChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function appVersion(): Promise<string> {
  return (await getHost().appInfo()).version;
}

/** Backup errors become DomainErrors, whose Chinese messages the screens show as they are. */
function asDomainError(e: unknown): unknown {
  return e instanceof BackupRejected ? new DomainError('import-invalid', e.message, [e.detail]) : e;
}

/**
 * Makes a backup of the whole database, checks the file as a restore would (a backup that would not
 * restore is never kept as if it were good), then keeps it through the host.
 */
export async function makeBackup(
  kind: BackupKind,
  onProgress?: (p: BackupProgress) => void,
): Promise<SessionBackup & { ms: number }> {
  try {
    const created = await createBackup(getDatabase(), { appVersion: await appVersion(), kind, onProgress });
    await checkBackupInWorker(created.bytes);
    const kept = await getHost().backups.keep({ fileName: created.fileName, bytes: created.bytes });
    const entry: SessionBackup = {
      fileName: created.fileName,
      size: created.bytes.byteLength,
      createdAt: created.manifest.createdAt,
      kind,
      status: 'verified',
      tables: created.manifest.tables,
      ...(kept.path ? { path: kept.path } : {}),
    };
    session.unshift(entry);
    listeners.forEach((l) => l());
    return { ...entry, ms: created.ms };
  } catch (e) {
    throw asDomainError(e);
  }
}

/** Checks a backup file completely, in memory and off the page's thread (db/backup/run-check.ts); nothing is written. */
export async function checkBackupFile(
  bytes: Uint8Array,
  onProgress?: (p: BackupCheckProgress) => void,
): Promise<VerifiedBackup> {
  try {
    return await checkBackupInWorker(bytes, { onProgress });
  } catch (e) {
    throw asDomainError(e);
  }
}

/** Replaces all data with a checked backup; the current data is kept first as a pre-restore backup. */
export async function restoreCheckedBackup(
  verified: VerifiedBackup,
  onProgress?: (p: RestoreProgress) => void,
  /**
   * Browser build: a download cannot be confirmed by the page, so the user is asked whether the pre-restore
   * file was saved before anything is replaced; false cancels the restore with nothing changed.
   */
  confirmDownloaded?: (fileName: string) => Promise<boolean>,
): Promise<{ manifest: BackupManifest; preRestore: BackupManifest; ms: number }> {
  try {
    const host = getHost();
    const result = await restoreBackup(getDatabase(), verified, {
      appVersion: await appVersion(),
      onProgress,
      keepPreRestoreBackup: async (pre) => {
        const kept = await host.backups.keep({ fileName: pre.fileName, bytes: pre.bytes });
        if (!kept.saved) throw new DomainError('conflict', '未能保存恢复前的数据备份，已取消恢复，当前数据未被改动。');
        if (host.backups.storage !== 'folder' && confirmDownloaded && !(await confirmDownloaded(pre.fileName))) {
          throw new DomainError('conflict', '已取消恢复，当前数据未被改动。');
        }
      },
    });
    // The trail was replaced on purpose: the next check (at the reload) verifies it in full.
    clearAuditCheckpoint(getDatabase().name);
    // Electron: main's head file follows the restored trail (its reset channel notes the head it replaced).
    await resetMainAuditHead(getDatabase(), 'restore').catch((e: unknown) =>
      console.error('[audit] main’s head file was not reset after the restore', e),
    );
    // It may hold fewer entries than before: the marker starts again from the restored head.
    clearDataMarker(getDatabase().name);
    return { manifest: result.manifest, preRestore: result.preRestore, ms: result.ms.total };
  } catch (e) {
    throw asDomainError(e);
  }
}

const RESTORED_KEY = 'jointdesk.backup.restored';

/**
 * After a restore every screen and cache starts again from the restored data: the page reloads on
 * 设置 → 数据备份, which then says what was restored (`notice`) until the user closes it.
 */
export function reloadAfterRestore(notice: string): void {
  sessionStorage.setItem(RESTORED_KEY, notice);
  window.location.hash = '#/settings';
  window.location.reload();
}

/** The notice of a restore that just reloaded the page, or null. */
export function restoreNotice(): string | null {
  return sessionStorage.getItem(RESTORED_KEY);
}

export function clearRestoreNotice(): void {
  sessionStorage.removeItem(RESTORED_KEY);
}

/**
 * Electron only: the daily backup when none has been made today (Asia/Shanghai), and the quit backup
 * main asks for. Called once at start; checks again every hour while the app stays open.
 */
export function startAutomaticBackups(): () => void {
  const host = getHost();
  if (host.backups.storage !== 'folder') return () => undefined;
  let running = false;
  const daily = async () => {
    if (running) return;
    running = true;
    try {
      const folder = await host.backups.folder();
      const today = businessDate();
      const last = folder?.lastBackupAt ? businessDate(new Date(folder.lastBackupAt)) : null;
      if (last !== today) await makeBackup('daily');
    } catch (e) {
      console.error('[backup] daily backup failed', e);
    } finally {
      running = false;
    }
  };
  host.backups.onQuitRequest?.(() => makeBackup('quit').then(() => undefined));
  void daily();
  const timer = setInterval(() => void daily(), 60 * 60 * 1000);
  return () => clearInterval(timer);
}
