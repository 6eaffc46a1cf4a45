import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDisputesText } from './labels';

/** No dispute yet: what a dispute is for here, and the first step (or, without units, the step before). */
export function DisputesEmpty({ hasUnits, onRegister }: { hasUnits: boolean; onRegister: () => void }) {
  const { t } = useDisputesText();
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('disputes:empty.title')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ maxWidth: 560 }}>
            {hasUnits ? (
              t('disputes:empty.hint')
            ) : (
              <Trans
                t={t}
                i18nKey="disputes:empty.noUnits"
                components={{ units: <Link to="/units" />, home: <Link to="/" /> }}
              />
            )}
          </Typography.Text>
        </Flex>
      }
    >
      {hasUnits ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onRegister}>
          {t('disputes:list.register')}
        </Button>
      ) : null}
    </Empty>
  );
}
