import { join } from 'node:path';
import {
  BACKUP_FILE_PATTERN,
  BackupRejected,
  MAX_BACKUP_FILE_BYTES,
  openBackupArchive,
  type BackupKind,
} from '../../../shared/backup/format';
import { planRetention, type RetentionPolicy } from '../../../shared/backup/retention';
import { UserFacingError } from '../services/user-facing-error';
import type { BackupSettingsStore } from './backup-settings';
import { writeBackupDurably, type DurableWriteFs } from './durable-write';

/** The folder operations the store needs (real ones in node-backup-fs.ts; a temp dir in tests). */
export interface BackupFolderFs extends DurableWriteFs {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
}

export interface BackupEntry {
  name: string;
  size: number;
  createdAt: string;
  kind: BackupKind;
  status: 'verified' | 'damaged';
  problem?: string;
  tables?: Record<string, number>;
  appVersion?: string;
  schemaVersion?: number;
}

export interface BackupFolder {
  dir: string;
  retention: RetentionPolicy;
  entries: BackupEntry[];
  lastBackupAt: string | null;
}

/** When a name was taken, from the name itself (Shanghai local time, as backupFileName writes it). */
export function createdAtFromName(name: string): { createdAt: string; kind: BackupKind } | null {
  const m = BACKUP_FILE_PATTERN.exec(name);
  if (!m) return null;
  const [, d, t, , kind] = m as unknown as [string, string, string, string | undefined, BackupKind];
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : { createdAt: new Date(ms).toISOString(), kind };
}

/**
 * Main's backup folder (DUR-8): lists every backup file with a full check of each (structure, CRC-32,
 * SHA-256, counts, digest — cached per name, size and mtime), writes new ones durably, reads one for a
 * restore, and applies retention after each write. Only files named like backups are ever touched;
 * damaged backups are listed and never deleted automatically.
 */
export function createBackupStore(o: { fs: BackupFolderFs; settings: BackupSettingsStore }) {
  const { fs, settings } = o;
  const checked = new Map<string, { key: string; entry: BackupEntry }>();

  const check = async (dir: string, name: string): Promise<BackupEntry | null> => {
    const parsed = createdAtFromName(name);
    if (!parsed) return null;
    const path = join(dir, name);
    const info = await fs.stat(path);
    if (!info.isFile()) return null;
    const key = `${info.size}:${info.mtimeMs}`;
    const cached = checked.get(path);
    if (cached?.key === key) return cached.entry;
    let entry: BackupEntry;
    if (info.size > MAX_BACKUP_FILE_BYTES) {
      entry = { name, size: info.size, ...parsed, status: 'damaged', problem: '备份文件过大，不能用于恢复' };
    } else {
      try {
        const { manifest } = openBackupArchive(await fs.readFile(path));
        entry = {
          name,
          size: info.size,
          createdAt: manifest.createdAt,
          kind: manifest.kind,
          status: 'verified',
          tables: manifest.tables,
          appVersion: manifest.appVersion,
          schemaVersion: manifest.schemaVersion,
        };
      } catch (error) {
        const problem = error instanceof BackupRejected ? error.message : '无法读取该备份文件';
        entry = { name, size: info.size, ...parsed, status: 'damaged', problem };
      }
    }
    checked.set(path, { key, entry });
    return entry;
  };

  const list = async (): Promise<BackupFolder> => {
    const { dir, retention } = await settings.get();
    await fs.mkdir(dir);
    const entries: BackupEntry[] = [];
    for (const name of (await fs.readdir(dir)).sort()) {
      const e = await check(dir, name).catch(() => null);
      if (e) entries.push(e);
    }
    entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
    return { dir, retention, entries, lastBackupAt: entries[0]?.createdAt ?? null };
  };

  const prune = async (): Promise<string[]> => {
    const { dir, retention } = await settings.get();
    const { entries } = await list();
    const verified = entries.filter((e) => e.status === 'verified');
    const { remove } = planRetention(verified, retention);
    for (const r of remove) {
      await fs.remove(join(dir, r.name));
      checked.delete(join(dir, r.name));
    }
    return remove.map((r) => r.name);
  };

  return {
    list,
    prune,

    /** Checks `bytes` as a restore would, then writes them under `name` (a free variant of it). */
    async write(name: string, bytes: Uint8Array): Promise<{ path: string; removed: string[] }> {
      if (!createdAtFromName(name)) throw new UserFacingError('备份文件名不正确。');
      try {
        openBackupArchive(bytes);
      } catch (error) {
        throw new UserFacingError(error instanceof Error ? `备份未写入：${error.message}` : '备份未写入。');
      }
      const { dir } = await settings.get();
      await fs.mkdir(dir);
      let target = name;
      for (let n = 1; await fs.exists(join(dir, target)); n++) {
        target = name.replace(/-(manual|daily|quit|pre-restore|pre-migration)\.zip$/, `-${n}-$1.zip`);
        if (n > 999) throw new UserFacingError('备份文件夹中同名文件过多。');
      }
      const path = await writeBackupDurably(dir, target, bytes, fs);
      const removed = await prune();
      return { path, removed };
    },

    async read(name: string): Promise<Uint8Array> {
      if (!createdAtFromName(name)) throw new UserFacingError('备份文件名不正确。');
      const { dir } = await settings.get();
      const path = join(dir, name);
      const info = await fs.stat(path).catch(() => null);
      if (!info?.isFile()) throw new UserFacingError('备份文件夹中没有这个备份。');
      if (info.size > MAX_BACKUP_FILE_BYTES) throw new UserFacingError('备份文件过大，不能用于恢复。');
      return fs.readFile(path);
    },

    async setRetention(retention: RetentionPolicy): Promise<{ retention: RetentionPolicy; removed: string[] }> {
      const next = await settings.update({ retention });
      return { retention: next.retention, removed: await prune() };
    },

    async setDir(dir: string): Promise<void> {
      await fs.mkdir(dir);
      await settings.update({ dir });
    },

    dir: async () => (await settings.get()).dir,
  };
}

export type BackupStore = ReturnType<typeof createBackupStore>;
