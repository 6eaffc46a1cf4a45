import { CloudDownloadOutlined, FolderOpenOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupManifest } from '../../../../shared/backup/format';
import { MIN_DAILY } from '../../../../shared/backup/retention';
import type { VerifiedBackup } from '../../db/backup/verify';
import { formatBytes, getHost, type BackupFolderInfo, type BackupRetention } from '../../platform';
import { errorText, Guarded, useReportError } from '../../ui';
import {
  checkBackupFile,
  clearRestoreNotice,
  makeBackup,
  onSessionBackupsChange,
  reloadAfterRestore,
  restoreCheckedBackup,
  restoreNotice,
  sessionBackups,
} from './backup-service';
import { formatBackupTime } from './backup-time';
import { readStorageUsage, type StorageUsage } from './storage-usage';
import { RestoreConfirmModal } from './restore-confirm-modal';

interface Row {
  key: string;
  createdAt: string;
  kind: string;
  size: number;
  records?: number;
  status: 'verified' | 'damaged';
  problem?: string;
  /** Name in main's folder (Electron), for 恢复. */
  folderName?: string;
}

type Busy = { stage: string; percent: number } | null;

/** `0.4%`, and `<0.1%` for a share too small to show. */
const percent = (fraction: number) =>
  fraction > 0 && fraction < 0.001 ? '<0.1%' : `${(Math.round(fraction * 1000) / 10).toLocaleString('zh-CN')}%`;

const sum = (t: Record<string, number> | undefined) => (t ? Object.values(t).reduce((a, b) => a + b, 0) : undefined);

/** 设置 → 数据备份: 立即备份 with progress, restore from a file (or a folder backup), the list of backups. */
/** A retention count as typed is kept only when whole and in range (daily at least MIN_DAILY, up to 366; others 0–240). */
function retentionOk(k: 'daily' | 'weekly' | 'monthly', v: number): boolean {
  return Number.isInteger(v) && v >= (k === 'daily' ? MIN_DAILY : 0) && v <= (k === 'daily' ? 366 : 240);
}

export function BackupSection() {
  const { t, i18n } = useTranslation('backup');
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const host = getHost();
  const inFolder = host.backups.storage === 'folder';
  const [busy, setBusy] = useState<Busy>(null);
  const [folder, setFolder] = useState<BackupFolderInfo | null>(null);
  const [retention, setRetention] = useState<BackupRetention | null>(null);
  const [pending, setPending] = useState<{ verified: VerifiedBackup; fileName: string } | null>(null);
  const [restoring, setRestoring] = useState(false);
  /** Why the last chosen file or the last restore was refused: stays on screen until the next attempt. */
  const [problem, setProblem] = useState<string | null>(null);
  const session = useSyncExternalStore(onSessionBackupsChange, sessionBackups);
  const [storage, setStorage] = useState<StorageUsage | null>(null);
  /** Set when the page was just reloaded by a restore: what was restored, shown until closed. */
  const [restored, setRestored] = useState(restoreNotice);
  const cardRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!restoreNotice()) return;
    clearRestoreNotice();
    // Centred: the top of the page lies under the app's fixed header.
    cardRef.current?.scrollIntoView({ block: 'center' });
  }, []);

  useEffect(() => {
    let live = true;
    void readStorageUsage().then((u) => {
      if (live) setStorage(u);
    });
    return () => {
      live = false;
    };
  }, [session]);

  const refresh = useCallback(async () => {
    const f = await host.backups.folder();
    setFolder(f);
    if (f) setRetention(f.retention);
  }, [host]);

  useEffect(() => {
    if (!inFolder) return;
    let live = true;
    host.backups.folder().then((f) => {
      if (!live) return;
      setFolder(f);
      if (f) setRetention(f.retention);
    }, reportError);
    return () => {
      live = false;
    };
  }, [host, inFolder, reportError]);

  const backupNow = async () => {
    setBusy({ stage: 'read', percent: 0 });
    try {
      const made = await makeBackup('manual', (p) =>
        setBusy({ stage: p.stage, percent: Math.round(p.fraction * 100) }),
      );
      const values = {
        name: made.fileName,
        size: formatBytes(made.size),
        rows: (sum(made.tables) ?? 0).toLocaleString('zh-CN'),
      };
      void message.success(inFolder ? t('done', values) : t('doneDownload', values), 6);
      if (inFolder) await refresh();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  };

  const check = async (load: () => Promise<{ name: string; bytes: Uint8Array } | null>) => {
    setProblem(null);
    try {
      const file = await load();
      if (!file) return;
      setBusy({ stage: 'verify', percent: 0 });
      // Checked in a worker: the page stays responsive and the bar moves with the checks.
      const verified = await checkBackupFile(file.bytes, (p) =>
        setBusy({ stage: 'verify', percent: Math.round(p.fraction * 100) }),
      );
      setPending({ verified, fileName: file.name });
    } catch (e) {
      setProblem(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const fromFile = () =>
    check(async () => {
      const r = await host.backups.openFile();
      return r.canceled ? null : { name: r.name, bytes: r.bytes };
    });

  const fromFolder = (name: string) => check(async () => ({ name, bytes: await host.backups.readFromFolder(name) }));

  const confirmRestore = async () => {
    if (!pending) return;
    setRestoring(true);
    try {
      const confirmDownloaded = (fileName: string) =>
        new Promise<boolean>((resolve) => {
          void modal.confirm({
            title: t('preRestoreDownloadedTitle'),
            content: t('preRestoreDownloaded', { fileName }),
            okText: t('preRestoreContinue'),
            cancelText: t('preRestoreCancel'),
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        });
      const r = await restoreCheckedBackup(
        pending.verified,
        (p) => setBusy({ stage: p.stage, percent: Math.round(p.fraction * 100) }),
        confirmDownloaded,
      );
      setPending(null);
      const date = formatBackupTime(r.manifest.createdAt, i18n.language);
      void message.success(t('reloading'));
      reloadAfterRestore(inFolder ? t('restored', { date }) : t('restoredDownload', { date }));
    } catch (e) {
      setPending(null);
      setProblem(errorText(e, t));
      setRestoring(false);
    } finally {
      setBusy(null);
    }
  };

  const saveRetention = async () => {
    if (!retention || !host.backups.setRetention) return;
    try {
      const r = await host.backups.setRetention(retention);
      void message.success(
        r.removed.length > 0 ? t('retentionRemoved', { count: r.removed.length }) : t('retentionSaved'),
      );
      await refresh();
    } catch (e) {
      reportError(e);
    }
  };

  const chooseFolder = async () => {
    if (!host.backups.chooseFolder) return;
    try {
      const r = await host.backups.chooseFolder();
      if (r.changed) void message.success(t('folderChanged', { dir: r.dir }));
      await refresh();
    } catch (e) {
      reportError(e);
    }
  };

  const rows: Row[] = inFolder
    ? (folder?.entries ?? []).map((e) => ({
        key: e.name,
        createdAt: e.createdAt,
        kind: e.kind,
        size: e.size,
        ...(e.tables ? { records: sum(e.tables) } : {}),
        status: e.status,
        ...(e.problem ? { problem: e.problem } : {}),
        folderName: e.name,
      }))
    : session.map((s) => ({
        key: s.fileName,
        createdAt: s.createdAt,
        kind: s.kind,
        size: s.size,
        records: sum(s.tables),
        status: s.status,
      }));

  const progressBar = busy ? (
    <div role="status" aria-live="polite" data-testid="backup-progress">
      <Typography.Text>{t(`stage.${busy.stage}`)}</Typography.Text>
      <Progress percent={busy.percent} status="active" />
    </div>
  ) : null;

  const policy = folder?.retention ?? { daily: 7, weekly: 4, monthly: 12 };

  return (
    <Card id="backup" ref={cardRef} title={t('title')}>
      <Flex vertical gap={12}>
        {restored ? (
          <Alert
            type="success"
            showIcon
            closable
            data-testid="backup-restored"
            title={restored}
            onClose={() => setRestored(null)}
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {inFolder ? t('introFolder', { ...policy }) : t('introDownload')}
        </Typography.Paragraph>
        {storage ? (
          <Typography.Text type="secondary" data-testid="storage-usage">
            {t('storage', {
              used: formatBytes(storage.usage),
              quota: formatBytes(storage.quota),
              percent: percent(storage.fraction),
            })}
          </Typography.Text>
        ) : null}
        {storage?.nearlyFull ? (
          <Alert type="warning" showIcon title={t('storageNearlyFull', { percent: percent(storage.fraction) })} />
        ) : null}
        <Space wrap>
          <Guarded action="data.backup">
            <Button
              type="primary"
              icon={<CloudDownloadOutlined />}
              loading={busy?.stage === 'read' || busy?.stage === 'pack'}
              disabled={busy !== null || restoring}
              onClick={() => void backupNow()}
            >
              {t('backupNow')}
            </Button>
          </Guarded>
          <Guarded action="data.restore">
            <Button icon={<HistoryOutlined />} disabled={busy !== null || restoring} onClick={() => void fromFile()}>
              {t('restoreFromFile')}
            </Button>
          </Guarded>
        </Space>
        {busy && !restoring ? progressBar : null}
        {problem ? (
          <Alert
            type="error"
            showIcon
            closable
            role="alert"
            data-testid="backup-problem"
            title={t('refused')}
            description={problem}
            onClose={() => setProblem(null)}
          />
        ) : null}
        {inFolder && folder ? (
          <Flex vertical gap={8}>
            <Space wrap>
              <Typography.Text strong>{t('folder')}：</Typography.Text>
              <Typography.Text copyable>{folder.dir}</Typography.Text>
              <Button
                size="small"
                icon={<FolderOpenOutlined />}
                onClick={() => void host.backups.revealFolder?.().catch(reportError)}
              >
                {t('openFolder')}
              </Button>
              <Button size="small" onClick={() => void chooseFolder()}>
                {t('changeFolder')}
              </Button>
            </Space>
            {retention ? (
              <Space wrap>
                <Typography.Text strong>{t('retention')}：</Typography.Text>
                {(['daily', 'weekly', 'monthly'] as const).map((k) => (
                  <Space key={k} size={4}>
                    <span>{t(`retention${k[0]!.toUpperCase()}${k.slice(1)}` as 'retentionDaily')}</span>
                    {/* No min/max/precision: what was typed stays; out of range is marked and not saved. */}
                    <InputNumber
                      size="small"
                      value={retention[k]}
                      status={retentionOk(k, retention[k]) ? undefined : 'error'}
                      aria-invalid={!retentionOk(k, retention[k]) || undefined}
                      aria-label={t(`retention${k[0]!.toUpperCase()}${k.slice(1)}` as 'retentionDaily')}
                      onChange={(v) => setRetention({ ...retention, [k]: typeof v === 'number' ? v : retention[k] })}
                      style={{ width: 72 }}
                    />
                  </Space>
                ))}
                <Tooltip title={t('retentionMin')}>
                  <Button
                    size="small"
                    disabled={!(['daily', 'weekly', 'monthly'] as const).every((k) => retentionOk(k, retention[k]))}
                    onClick={() => void saveRetention()}
                  >
                    {t('retentionSave')}
                  </Button>
                </Tooltip>
                {(['daily', 'weekly', 'monthly'] as const).every((k) => retentionOk(k, retention[k])) ? null : (
                  <Typography.Text type="danger" role="alert">
                    {t('retentionRange', { min: MIN_DAILY })}
                  </Typography.Text>
                )}
              </Space>
            ) : null}
          </Flex>
        ) : null}
        <Typography.Text strong>{inFolder ? t('listTitleFolder') : t('listTitleSession')}</Typography.Text>
        {!inFolder ? <Typography.Text type="secondary">{t('sessionNote')}</Typography.Text> : null}
        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: inFolder ? t('emptyFolder') : t('emptySession') }}
          columns={[
            {
              title: t('col.time'),
              dataIndex: 'createdAt',
              width: 190,
              render: (v: string) => formatBackupTime(v, i18n.language),
            },
            { title: t('col.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`kind.${k}`) },
            {
              title: t('col.size'),
              dataIndex: 'size',
              width: 100,
              align: 'right',
              render: (n: number) => formatBytes(n),
            },
            {
              title: t('col.records'),
              dataIndex: 'records',
              width: 110,
              align: 'right',
              render: (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('zh-CN')),
            },
            {
              title: t('col.status'),
              key: 'status',
              render: (_, r) =>
                r.status === 'verified' ? (
                  <Tag color="success">{t('status.verified')}</Tag>
                ) : (
                  <Tooltip title={r.problem}>
                    <Tag color="error">{t('status.damaged')}</Tag>
                  </Tooltip>
                ),
            },
            ...(inFolder
              ? [
                  {
                    title: t('col.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, r: Row) =>
                      r.status === 'verified' && r.folderName ? (
                        <Guarded action="data.restore">
                          <Button
                            size="small"
                            disabled={busy !== null || restoring}
                            onClick={() => void fromFolder(r.folderName!)}
                          >
                            {t('restoreThis')}
                          </Button>
                        </Guarded>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Flex>
      <RestoreConfirmModal
        manifest={pending?.verified.manifest ?? (null as BackupManifest | null)}
        fileName={pending?.fileName}
        busy={restoring}
        progress={restoring ? progressBar : null}
        onConfirm={() => void confirmRestore()}
        onCancel={() => setPending(null)}
      />
    </Card>
  );
}
