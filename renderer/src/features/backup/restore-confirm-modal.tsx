import { Alert, Descriptions, Modal, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupManifest } from '../../../../shared/backup/format';
import { TABLE_LABELS } from '../../db/backup/table-schemas';
import { formatBackupTime } from './backup-time';

export interface RestoreConfirmModalProps {
  /** The manifest of a backup that passed every check; null closes the dialog. */
  manifest: BackupManifest | null;
  fileName?: string;
  busy: boolean;
  /** The restore's progress while it runs. */
  progress?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Shows what a checked backup holds (time, versions, rows per table, audit head) before it replaces the data. */
export function RestoreConfirmModal({
  manifest,
  fileName,
  busy,
  progress,
  onConfirm,
  onCancel,
}: RestoreConfirmModalProps) {
  const { t, i18n } = useTranslation('backup');
  const rows = manifest
    ? Object.entries(manifest.tables)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => ({ name, label: t(`tables.${name}`, { defaultValue: name }), n }))
        // Business tables first, as the app lists them (单位, 人员, 会议 …), then settings and the audit trail.
        .sort((a, b) => tableOrder(a.name) - tableOrder(b.name))
    : [];
  return (
    <Modal
      open={manifest !== null}
      title={t('confirm.title')}
      okText={t('confirm.ok')}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      closable={!busy}
      maskClosable={false}
      onOk={onConfirm}
      onCancel={onCancel}
      width={560}
      destroyOnHidden
    >
      {manifest ? (
        <>
          <Alert type="warning" showIcon title={t('confirm.warning')} style={{ marginBottom: 12 }} />
          {fileName ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {fileName}
            </Typography.Paragraph>
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 130 } }}
            items={[
              {
                key: 'at',
                label: t('confirm.createdAt'),
                children: formatBackupTime(manifest.createdAt, i18n.language),
              },
              { key: 'kind', label: t('confirm.kind'), children: t(`kind.${manifest.kind}`) },
              { key: 'app', label: t('confirm.app'), children: manifest.appVersion },
              { key: 'schema', label: t('confirm.schema'), children: manifest.schemaVersion },
              {
                key: 'audit',
                label: t('confirm.audit'),
                children: manifest.auditHead
                  ? t('confirm.auditHead', { seq: manifest.auditHead.seq, hash: manifest.auditHead.hash.slice(0, 12) })
                  : t('confirm.auditNone'),
              },
            ]}
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={rows}
            scroll={{ y: 220 }}
            columns={[
              { title: t('confirm.table'), dataIndex: 'label' },
              {
                title: t('confirm.rows'),
                dataIndex: 'n',
                align: 'right',
                width: 110,
                render: (n: number) => n.toLocaleString('zh-CN'),
              },
            ]}
          />
          <Alert type="success" showIcon title={t('confirm.checked')} style={{ marginTop: 12 }} />
          {progress ? <div style={{ marginTop: 12 }}>{progress}</div> : null}
        </>
      ) : null}
    </Modal>
  );
}

const ORDER = Object.keys(TABLE_LABELS);
const tableOrder = (name: string) => {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
};
