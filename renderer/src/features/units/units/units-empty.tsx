import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography, theme } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUnitsText } from '../shared/labels';

export interface UnitsEmptyProps {
  onCreate: () => void;
  onImport: () => void;
  onDownloadTemplate: () => void;
  importing: boolean;
}

/** First start: no units at all. Offers 新增单位, 导入, the template, and a pointer to the demo data. */
export function UnitsEmpty({ onCreate, onImport, onDownloadTemplate, importing }: UnitsEmptyProps) {
  const { t } = useUnitsText();
  const { token } = theme.useToken();
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('units.emptyTitle')}
          </Typography.Text>
          <Typography.Text type="secondary">
            <Trans
              t={t}
              i18nKey="units.emptyHint"
              components={{ home: <Link to="/" style={{ color: token.colorLink }} /> }}
            />
          </Typography.Text>
        </Flex>
      }
    >
      <Flex gap={8} justify="center" wrap>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={onCreate}
          title={t('common.shortcutHint', { key: 'N' })}
          aria-keyshortcuts="n"
        >
          {t('units.add')}
        </Button>
        <Button icon={<UploadOutlined aria-hidden />} loading={importing} onClick={onImport}>
          {t('units.import')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={onDownloadTemplate}>
          {t('units.downloadTemplate')}
        </Button>
      </Flex>
    </Empty>
  );
}
