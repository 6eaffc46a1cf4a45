import { Alert, App, Button, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../db';
import { clearAuditCheckpoint } from '../db/audit-checkpoint';
import { resetMainAuditHead } from '../db/audit-session';
import { saveDataMarker } from '../db/data-marker';
import type { VerifiedBackup } from '../db/backup/verify';
import { openDatabaseChecked, type OpenResult } from '../db/open-check';
import { checkBackupFile, reloadAfterRestore, restoreCheckedBackup } from '../features/backup/backup-service';
import { formatBackupTime } from '../features/backup/backup-time';
import { RestoreConfirmModal } from '../features/backup/restore-confirm-modal';
import { formatBytes, getHost } from '../platform';
import type { PreOpenCopy } from '../platform/host';
import { errorText } from '../ui';

/** The database opened with fewer audit entries than the app saw before (data-presence-gate.tsx). */
export interface DataMissingFailure {
  ok: false;
  kind: 'data-missing';
  name: string;
  message: string;
  expected: number;
  found: number;
}

/** The browser closed the database connection while the app ran (it does so on finding damaged files). */
export interface ClosedFailure {
  ok: false;
  kind: 'closed';
  name: string;
  message: string;
}

export interface DatabaseRecoveryScreenProps {
  failure: Extract<OpenResult, { ok: false }> | DataMissingFailure | ClosedFailure;
  onRetry: () => void;
}

/** Failures where the database is known to be as it was on disk (refused before it was opened, or rolled back). */
const KNOWN_KEPT = new Set(['newer-version', 'storage-full', 'blocked', 'upgrade-failed']);

/**
 * Shown instead of the app when the database cannot be opened (DUR-6). It never deletes or recreates the
 * database: it says so, names the cause, and offers a retry and a restore from a backup file (Electron:
 * also the newest verified backup in the folder). A restore needs the database to open; when it still
 * does not, the checked backup is not written and the screen says why.
 */
export function DatabaseRecoveryScreen({ failure, onRetry }: DatabaseRecoveryScreenProps) {
  const { t, i18n } = useTranslation(['backup', 'common']);
  const { message, modal } = App.useApp();
  const host = getHost();
  const [pending, setPending] = useState<{ verified: VerifiedBackup; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [quarantine, setQuarantine] = useState<{ dir: string; files: number } | { error: string } | null>(null);
  const [preOpen, setPreOpen] = useState<{ copies: PreOpenCopy[]; pending: string | null } | null>(null);

  // DUR-6 (Electron): main copies the database folder aside before anything else is tried.
  useEffect(() => {
    const copyAside = host.backups.quarantineDatabase;
    if (!copyAside) return;
    let live = true;
    copyAside().then(
      (r) => live && setQuarantine({ dir: r.dir, files: r.files }),
      (e: unknown) => live && setQuarantine({ error: errorText(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [host, t]);

  // DUR-6 (Electron): the copies main made at start, before the database was opened — possibly before the
  // browser engine cleared a damaged one.
  useEffect(() => {
    const list = host.backups.preOpenCopies;
    if (!list) return;
    let live = true;
    list().then(
      (r) => live && setPreOpen(r),
      (e: unknown) => live && setProblem(errorText(e, t)),
    );
    return () => {
      live = false;
    };
  }, [host, t]);

  const restorePreOpen = (copy: PreOpenCopy) => {
    const restoreCopy = host.backups.restorePreOpenCopy;
    if (!restoreCopy) return;
    modal.confirm({
      title: t('recovery.preOpenConfirmTitle'),
      content: t('recovery.preOpenConfirmContent', { date: formatBackupTime(copy.createdAt, i18n.language) }),
      okText: t('recovery.preOpenConfirmOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await restoreCopy(copy.id);
          void message.info(t('recovery.preOpenRestarting'));
        } catch (e) {
          setProblem(errorText(e, t));
        }
      },
    });
  };

  const check = async (load: () => Promise<{ name: string; bytes: Uint8Array } | null>) => {
    setProblem(null);
    try {
      const file = await load();
      if (!file) return;
      setPending({ verified: await checkBackupFile(file.bytes), fileName: file.name });
    } catch (e) {
      setProblem(errorText(e, t));
    }
  };

  const fromFile = () =>
    check(async () => {
      const r = await host.backups.openFile();
      return r.canceled ? null : { name: r.name, bytes: r.bytes };
    });

  const newestInFolder = () =>
    check(async () => {
      const folder = await host.backups.folder();
      const newest = folder?.entries.find((e) => e.status === 'verified');
      if (!newest) throw new Error(t('recovery.noVerified'));
      return { name: newest.name, bytes: await host.backups.readFromFolder(newest.name) };
    });

  const restore = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const opened = await openDatabaseChecked(getDatabase());
      if (!opened.ok) {
        setPending(null);
        setProblem(t('recovery.stillClosed', { name: opened.name }));
        return;
      }
      const r = await restoreCheckedBackup(pending.verified);
      void message.success(t('reloading'));
      const date = formatBackupTime(r.manifest.createdAt, i18n.language);
      reloadAfterRestore(host.backups.storage === 'folder' ? t('restored', { date }) : t('restoredDownload', { date }));
    } catch (e) {
      setProblem(errorText(e, t));
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  const missing = failure.kind === 'data-missing' ? failure : null;
  // Only on the user's word: the data as it is becomes what the app expects (the audit check then runs in full).
  const continueAnyway = (m: DataMissingFailure) =>
    modal.confirm({
      title: t('recovery.continueTitle'),
      content: t('recovery.continueContent', { expected: m.expected, found: m.found }),
      okText: t('recovery.continueOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const name = getDatabase().name;
        clearAuditCheckpoint(name);
        saveDataMarker(name, m.found, new Date());
        // Electron: main's head file is reset to the data as found, on the user's word (noted in the file).
        await resetMainAuditHead(getDatabase(), 'accept-data').catch((e: unknown) =>
          console.error('[audit] main’s head file was not reset', e),
        );
        onRetry();
      },
    });

  return (
    <div className="jd-full-page" style={{ padding: 24 }}>
      <Result
        status="warning"
        title={missing ? t('recovery.missingTitle') : t('recovery.title')}
        subTitle={
          missing
            ? missing.found === 0
              ? t('recovery.cause.emptied', { expected: missing.expected })
              : t('recovery.cause.data-missing', { expected: missing.expected, found: missing.found })
            : t(`recovery.cause.${failure.kind}`)
        }
        extra={
          <Space wrap>
            <Button type="primary" onClick={onRetry}>
              {t('recovery.retry')}
            </Button>
            <Button onClick={() => void fromFile()}>{t('recovery.fromFile')}</Button>
            {host.backups.storage === 'folder' ? (
              <Button onClick={() => void newestInFolder()}>{t('recovery.fromFolder')}</Button>
            ) : null}
            {missing ? <Button onClick={() => continueAnyway(missing)}>{t('recovery.continueAnyway')}</Button> : null}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
          <Alert
            type="info"
            showIcon
            title={
              missing
                ? t('recovery.keptMissing')
                : KNOWN_KEPT.has(failure.kind)
                  ? t('recovery.kept')
                  : t('recovery.keptUnknown')
            }
          />
          {quarantine && 'dir' in quarantine ? (
            <Alert
              type="success"
              showIcon
              data-testid="recovery-quarantine"
              title={t('recovery.quarantined', { files: quarantine.files })}
              description={<Typography.Text copyable>{quarantine.dir}</Typography.Text>}
            />
          ) : null}
          {quarantine && 'error' in quarantine ? (
            <Alert type="warning" showIcon title={t('recovery.quarantineFailed', { message: quarantine.error })} />
          ) : null}
          {preOpen && preOpen.copies.length > 0 ? (
            <Alert
              type="info"
              showIcon
              data-testid="recovery-pre-open"
              title={t('recovery.preOpenTitle')}
              description={
                <Space direction="vertical">
                  <Typography.Text type="secondary">{t('recovery.preOpenHint')}</Typography.Text>
                  {preOpen.pending ? (
                    <Typography.Text strong>{t('recovery.preOpenPending', { id: preOpen.pending })}</Typography.Text>
                  ) : null}
                  {preOpen.copies.map((c) => (
                    <Space key={c.id} wrap>
                      <Typography.Text>
                        {t('recovery.preOpenItem', {
                          date: formatBackupTime(c.createdAt, i18n.language),
                          files: c.files,
                          size: formatBytes(c.bytes),
                        })}
                      </Typography.Text>
                      <Button size="small" onClick={() => restorePreOpen(c)}>
                        {t('recovery.preOpenRestore')}
                      </Button>
                    </Space>
                  ))}
                </Space>
              }
            />
          ) : null}
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
          <Typography.Text type="secondary" copyable>
            {`${failure.name}: ${failure.message}`}
          </Typography.Text>
        </Space>
      </Result>
      <RestoreConfirmModal
        manifest={pending?.verified.manifest ?? null}
        fileName={pending?.fileName}
        busy={busy}
        onConfirm={() => void restore()}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
