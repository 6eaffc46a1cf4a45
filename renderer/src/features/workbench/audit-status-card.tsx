import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuditVerifyProgress, AuditVerifyResult, useAuditVerify } from '../../ui/audit-verify';

export interface AuditStatusCardProps {
  /** Number of entries (the newest entry's seq, since seq is gapless from 1). */
  count: number | undefined;
}

/** 全过程记录 on the workbench: how many entries, and a button to check the hash chain. */
export function AuditStatusCard({ count }: AuditStatusCardProps) {
  const { t } = useTranslation('workbench');
  const { checking, result, verify, progress } = useAuditVerify();
  return (
    <Card title={t('audit.title')} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('audit.body')}
        </Typography.Paragraph>
        <Typography.Text>{count === undefined ? t('audit.counting') : t('audit.count', { count })}</Typography.Text>
        <div>
          <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        </div>
        {/* A pass is only shown while it still covers the newest entry; a failure stays until re-checked. */}
        {checking ? <AuditVerifyProgress progress={progress} /> : null}
        {result && (!result.ok || result.count === count) ? <AuditVerifyResult result={result} /> : null}
      </Flex>
    </Card>
  );
}
