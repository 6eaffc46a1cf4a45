import { normalizePolicy, type RetentionPolicy } from '../../../shared/backup/retention';

/** Where backups go and how many are kept; a small JSON file in userData. */
export interface BackupSettings {
  dir: string;
  retention: RetentionPolicy;
}

export interface BackupSettingsFs {
  readFile(path: string): Promise<string>;
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
}

export interface BackupSettingsStore {
  get(): Promise<BackupSettings>;
  update(patch: Partial<BackupSettings>): Promise<BackupSettings>;
}

/**
 * Reads the settings file lazily; a missing or damaged file gives the defaults (the folder the user can
 * see, 7 + 4 + 12). Writes are atomic. Retention is normalised on every read, so a hand-edited file can
 * never bring the days below the minimum.
 */
export function createBackupSettingsStore(o: {
  filePath: string;
  defaultDir: string;
  fs: BackupSettingsFs;
}): BackupSettingsStore {
  let cached: BackupSettings | undefined;
  const read = async (): Promise<BackupSettings> => {
    if (cached) return cached;
    let raw: { dir?: unknown; retention?: Partial<RetentionPolicy> } = {};
    try {
      const parsed: unknown = JSON.parse(await o.fs.readFile(o.filePath));
      if (parsed && typeof parsed === 'object') raw = parsed as typeof raw;
    } catch {
      // Missing or unreadable: defaults.
    }
    cached = {
      dir: typeof raw.dir === 'string' && raw.dir.length > 0 ? raw.dir : o.defaultDir,
      retention: normalizePolicy(raw.retention),
    };
    return cached;
  };
  return {
    get: read,
    async update(patch) {
      const next = { ...(await read()), ...patch };
      next.retention = normalizePolicy(next.retention);
      await o.fs.writeFileAtomic(o.filePath, new TextEncoder().encode(JSON.stringify(next, null, 2)));
      cached = next;
      return next;
    },
  };
}
