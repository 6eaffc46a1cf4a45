import { Spin } from 'antd';
import i18n from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DB_NAME, getDatabase } from '../db';
import { CURRENT_SCHEMA_VERSION, createBackup } from '../db/backup/backup';
import { onDiskSchemaVersion, openAsItIs, openDatabaseChecked, type OpenResult } from '../db/open-check';
import { startAutomaticBackups } from '../features/backup';
import { getHost } from '../platform';
import { DatabaseRecoveryScreen } from './database-recovery-screen';

/**
 * Electron, before a schema upgrade (DUR-8): the database as it is on disk (its own schema, no upgrade)
 * is backed up into the folder first. A failure here stops the start: better no upgrade than an upgrade
 * without a backup.
 */
async function backupBeforeMigration(): Promise<void> {
  const host = getHost();
  if (host.backups.storage !== 'folder') return;
  const onDisk = await onDiskSchemaVersion(DB_NAME);
  if (onDisk === null || onDisk >= CURRENT_SCHEMA_VERSION) return;
  const old = await openAsItIs(DB_NAME);
  try {
    const backup = await createBackup(old, { appVersion: (await host.appInfo()).version, kind: 'pre-migration' });
    await host.backups.keep({ fileName: backup.fileName, bytes: backup.bytes });
  } finally {
    old.close();
  }
}

/**
 * Opens the database before anything reads it. If it cannot be opened, the app does not start on an
 * empty or recreated database: it shows the recovery screen, which keeps the database as it is and
 * offers a restore (RELIABILITY-SECURITY.md DUR-6). Once open, the automatic backups start (Electron).
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [result, setResult] = useState<OpenResult | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    (async () => {
      try {
        await backupBeforeMigration();
      } catch (e) {
        const err = e as { name?: string; message?: string };
        return {
          ok: false as const,
          kind: 'unknown' as const,
          name: err.name ?? 'Error',
          // The global i18n instance: the effect runs once per attempt, not again on a language change.
          message: i18n.t('backup:preMigrationFailed', { message: err.message ?? String(e) }),
        };
      }
      return openDatabaseChecked(getDatabase());
    })().then((r) => {
      if (!live) return;
      setResult(r);
      if (r.ok) stop = startAutomaticBackups();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [attempt]);

  if (!result) {
    return (
      <div className="jd-full-page">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  if (!result.ok) return <DatabaseRecoveryScreen failure={result} onRetry={() => setAttempt((n) => n + 1)} />;
  return children;
}
