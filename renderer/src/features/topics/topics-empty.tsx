import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useTopicsText } from './labels';

/** No topic yet: what the list is for and the first step (or, without units, the step before it). */
export function TopicsEmpty({ hasUnits, onCreate }: { hasUnits: boolean; onCreate: () => void }) {
  const { t } = useTopicsText();
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('topics:empty.title')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ maxWidth: 560 }}>
            {hasUnits ? (
              t('topics:empty.hint')
            ) : (
              <Trans
                t={t}
                i18nKey="topics:empty.noUnits"
                components={{ units: <Link to="/units" />, home: <Link to="/" /> }}
              />
            )}
          </Typography.Text>
        </Flex>
      }
    >
      {hasUnits ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
          {t('topics:list.create')}
        </Button>
      ) : null}
    </Empty>
  );
}
