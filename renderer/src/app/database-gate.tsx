import { Spin } from 'antd';
import i18n from 'i18next';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DB_NAME, getDatabase } from '../db';
import { CURRENT_SCHEMA_VERSION } from '../db/schema-version';
import { onDiskSchemaVersion, openAsItIs, openDatabaseChecked, type OpenResult } from '../db/open-check';
import { startAuditSession } from '../db/audit-session';
import { prepareUpgradeKey, setUpgradeKeyProvider, UPGRADE_NEEDS_PII_KEY } from '../db/migrations/pii-upgrade-key';
import { getHost, setPiiPassphrasePrompt } from '../platform';
import type { PendingPassphrase } from './pii-passphrase-prompt';

// Only shown when the database cannot be opened: its restore flow (backup files, zip, tables) is loaded then,
// not at every start (issue 12: the first screen loads only what it shows).
const DatabaseRecoveryScreen = lazy(() =>
  import('./database-recovery-screen').then((m) => ({ default: m.DatabaseRecoveryScreen })),
);

// The web build's passphrase dialog (PII-1), loaded the first time the browser host asks for it.
const PiiPassphraseDialog = lazy(() =>
  import('./pii-passphrase-prompt').then((m) => ({ default: m.PiiPassphraseDialog })),
);

/**
 * Registers the browser host's passphrase prompt for as long as the gate is mounted (it is mounted before
 * the database opens: an upgrade may need the key). Returns the request being asked, if any.
 */
function usePiiPassphrasePrompt(): [PendingPassphrase | null, () => void] {
  const [pending, setPending] = useState<PendingPassphrase | null>(null);
  useEffect(() => {
    if (getHost().kind !== 'browser') return;
    setPiiPassphrasePrompt((request) => new Promise<boolean>((resolve) => setPending({ ...request, done: resolve })));
    return () => setPiiPassphrasePrompt(undefined);
  }, []);
  return [pending, () => setPending(null)];
}

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
  const [old, { createBackup }] = await Promise.all([openAsItIs(DB_NAME), import('../db/backup/backup')]);
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
  const [passphrase, passphraseDone] = usePiiPassphrasePrompt();

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
      try {
        // An older database with clear complainant data is sealed by its upgrade: the key first (PII-1).
        const getKey = () => getHost().pii.publicKey();
        // Also for a restore of an older backup later (its staging copy is upgraded).
        setUpgradeKeyProvider(getKey);
        await prepareUpgradeKey(DB_NAME, getKey);
      } catch (e) {
        const err = e as { name?: string; message?: string };
        return {
          ok: false as const,
          kind: 'upgrade-failed' as const,
          name: err.name ?? 'Error',
          message: `${UPGRADE_NEEDS_PII_KEY}（${err.message ?? String(e)}）`,
        };
      }
      // Electron: the audit key and main's head file, before an upgrade may write system entries (AUD-2/AUD-3).
      const audit = getHost().audit;
      if (audit) await startAuditSession(audit, DB_NAME);
      return openDatabaseChecked(getDatabase());
    })().then((r) => {
      if (!live) return;
      setResult(r);
      // Automatic backups exist only where backups go to a folder (Electron): their code is loaded there alone.
      if (r.ok && getHost().backups.storage === 'folder') {
        void import('../features/backup/backup-service').then((m) => {
          if (live) stop = m.startAutomaticBackups();
        });
      }
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [attempt]);

  const loading = (
    <div className="jd-full-page">
      <Spin size="large" description={t('loading')} />
    </div>
  );
  const content = !result ? (
    loading
  ) : !result.ok ? (
    <Suspense fallback={loading}>
      <DatabaseRecoveryScreen failure={result} onRetry={() => setAttempt((n) => n + 1)} />
    </Suspense>
  ) : (
    children
  );
  return (
    <>
      {content}
      {passphrase ? (
        <Suspense fallback={null}>
          <PiiPassphraseDialog pending={passphrase} onClose={passphraseDone} />
        </Suspense>
      ) : null}
    </>
  );
}
