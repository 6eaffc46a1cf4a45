import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditEntry } from '../../../../shared/domain/audit';
import { useAuditEntries } from '../../db';
import { AuditVerifyProgress, AuditVerifyResult, formatDateTime, useAuditVerify } from '../../ui';
import { describeAuditObject } from './audit-labels';

/** How many entries the settings screen lists (the newest). */
export const AUDIT_LIST_LIMIT = 50;

/** 审计记录: the newest entries and a check of the whole hash chain. */
export function AuditSection() {
  const { t } = useTranslation(['settings', 'common']);
  const entries = useAuditEntries({ limit: AUDIT_LIST_LIMIT });
  const { checking, result, verify, progress } = useAuditVerify();
  const headSeq = entries?.[0]?.seq ?? 0;

  return (
    <Card
      id="audit"
      title={t('settings:audit.title')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
          {t('settings:audit.verify')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('settings:audit.intro', { limit: AUDIT_LIST_LIMIT })}</Typography.Text>
        {/* A pass is only shown while it still covers the newest entry; a failure stays until re-checked. */}
        {checking ? <AuditVerifyProgress progress={progress} /> : null}
        {result && (!result.ok || result.count === headSeq) ? <AuditVerifyResult result={result} /> : null}
        <Table<AuditEntry>
          size="small"
          rowKey="seq"
          loading={entries === undefined}
          dataSource={entries ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('settings:audit.empty') }}
          columns={[
            { title: t('settings:audit.seq'), dataIndex: 'seq', width: 70 },
            {
              title: t('settings:audit.time'),
              dataIndex: 'ts',
              width: 180,
              render: (ts: string) => formatDateTime(ts),
            },
            {
              title: t('settings:audit.actor'),
              key: 'actor',
              width: 180,
              render: (_, e) => (
                <>
                  {e.actorName}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                    {t(`common:roles.${e.actorRole}`, { defaultValue: e.actorRole })}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('settings:audit.object'), key: 'object', render: (_, e) => describeAuditObject(e, t) },
            {
              title: t('settings:audit.action'),
              key: 'action',
              width: 160,
              render: (_, e) => (
                <>
                  {t(`settings:audit.actions.${e.action}`)}
                  {e.reason ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {e.reason}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
