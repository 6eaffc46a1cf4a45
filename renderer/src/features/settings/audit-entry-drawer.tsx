import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { auditDiff, type AuditDiffRow } from '../../../../shared/domain/audit-diff';
import { auditObjectName } from '../../../../shared/domain/audit-labels';
import { AUDIT_FIELD_LABELS, auditEnumLabel } from './audit-field-labels';
import { AUDIT_TRAIL_NS, useAuditEntry } from './use-audit-trail';
import { useAuditText } from './use-audit-text';

export interface AuditEntryDrawerProps {
  seq: number | undefined;
  onClose: () => void;
  /** Filters the trail to this entry's object. */
  onOnlyThis: (entry: AuditEntry, name: string) => void;
}

/** One audit entry: who, when, what, and its before/after field by field. */
export function AuditEntryDrawer({ seq, onClose, onOnlyThis }: AuditEntryDrawerProps) {
  const { t } = useTranslation([AUDIT_TRAIL_NS, 'settings', 'common', 'topics', 'disputes', 'units', 'followup']);
  const loaded = useAuditEntry(seq);
  const text = useAuditText();
  const rows = useMemo<AuditDiffRow[]>(
    () =>
      loaded
        ? auditDiff(loaded.entry, {
            labels: AUDIT_FIELD_LABELS[loaded.entry.entity],
            lookups: loaded.lookups,
            enumLabel: (entity, field, value) => auditEnumLabel(t, entity, field, value),
          })
        : [],
    [loaded, t],
  );
  const entry = loaded?.entry;

  return (
    <Drawer
      open={seq !== undefined}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={seq !== undefined ? t('detail.title', { seq }) : undefined}
    >
      {loaded === undefined ? (
        <Skeleton active />
      ) : entry ? (
        <>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('detail.time')}>{text.time(entry.ts)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.actor')}>
              {entry.actorName}
              <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                {t(`common:roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.action')}>
              {t(`settings:audit.actions.${entry.action}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.object')}>
              <span data-testid="audit-detail-object">{text.object(entry, loaded.lookups)}</span>
              {entry.entity !== 'system' && entry.entity !== 'settings' ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onOnlyThis(entry, auditObjectName(entry, loaded.lookups) ?? entry.entityId)}
                >
                  {t('detail.onlyThis')}
                </Button>
              ) : null}
            </Descriptions.Item>
            {entry.reason ? <Descriptions.Item label={t('detail.reason')}>{entry.reason}</Descriptions.Item> : null}
            <Descriptions.Item label={t('detail.hash')}>
              <Typography.Text type="secondary" copyable={{ text: entry.hash }} style={{ fontSize: 12 }}>
                {entry.hash.slice(0, 16)}…
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('detail.changes')}
          </Typography.Title>
          {entry.entity === 'topic' ? (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('detail.masked')} />
          ) : null}
          {entry.changedOnly ? (
            <Typography.Paragraph type="secondary" data-testid="audit-detail-changed-only">
              {t('detail.changedOnly')}
            </Typography.Paragraph>
          ) : null}
          {rows.length === 0 ? (
            <Empty description={t('detail.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table<AuditDiffRow>
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={rows}
              aria-label={t('detail.changes')}
              columns={[
                { title: t('detail.field'), dataIndex: 'label', width: 140 },
                {
                  title: t('detail.before'),
                  dataIndex: 'before',
                  width: '40%',
                  render: (v: string) => <Cell value={v} empty={t('detail.empty')} />,
                },
                {
                  title: t('detail.after'),
                  dataIndex: 'after',
                  width: '40%',
                  render: (v: string, r) => (
                    <Cell value={v === r.before && v !== '' ? t('detail.same') : v} empty={t('detail.empty')} />
                  ),
                },
              ]}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}

function Cell({ value, empty }: { value: string; empty: string }) {
  return value === '' ? (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {empty}
    </Typography.Text>
  ) : (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</span>
  );
}
