/**
 * The page of the backup check bench (backup-check.ts): loads the ten-year district demo profile through the data
 * layer into a real IndexedDB, makes a backup of it (createBackup, as 立即备份 does), then checks that file the way
 * a restore does — in the backup check worker (checkBackupInWorker, the app's path) or on the page's thread
 * (verifyBackupFile, what the app did before) — timing each run with the longest main-thread block ('longtask',
 * > 50 ms) that overlapped it.
 */
import { createBackup } from '../../../renderer/src/db/backup/backup';
import { checkBackupInWorker, type CheckWorker } from '../../../renderer/src/db/backup/run-check';
import { verifyBackupFile } from '../../../renderer/src/db/backup/verify';
import { loadDistrict, timedRun } from './bench-page-shared';

export interface BackupCheckRun {
  ms: number;
  longest: number;
  rows: number;
}

export interface BackupCheckBenchApi {
  prepare(scale: number): Promise<{ records: number; loadMs: number; bytes: number; rows: number; backupMs: number }>;
  run(where: 'worker' | 'page'): Promise<BackupCheckRun>;
}

let file: Uint8Array | undefined;

const rowsOf = (tables: Record<string, readonly unknown[]>) =>
  Object.values(tables).reduce((n, rows) => n + rows.length, 0);

const api: BackupCheckBenchApi = {
  async prepare(scale) {
    const loaded = await loadDistrict('backup-check-bench', scale, '2026-11-22', 20261122);
    const t0 = performance.now();
    const backup = await createBackup(loaded.db, { appVersion: '0.1.0', kind: 'manual' });
    file = backup.bytes;
    return {
      records: loaded.records,
      loadMs: loaded.loadMs,
      bytes: backup.bytes.byteLength,
      rows: Object.values(backup.manifest.tables).reduce((n, c) => n + c, 0),
      backupMs: performance.now() - t0,
    };
  },

  async run(where) {
    const { ms, longest, out } = await timedRun(async () =>
      where === 'worker'
        ? checkBackupInWorker(file!, {
            createWorker: () => new Worker('/worker.js', { type: 'module' }) as unknown as CheckWorker,
          })
        : // A task of its own, as the app's click handler ran it.
          new Promise<ReturnType<typeof verifyBackupFile>>((resolve, reject) =>
            setTimeout(() => {
              try {
                resolve(verifyBackupFile(file!));
              } catch (e) {
                reject(e instanceof Error ? e : new Error(String(e)));
              }
            }, 0),
          ),
    );
    return { ms, longest, rows: rowsOf(out.tables) };
  },
};

(globalThis as unknown as { __backupCheckBench: BackupCheckBenchApi }).__backupCheckBench = api;
