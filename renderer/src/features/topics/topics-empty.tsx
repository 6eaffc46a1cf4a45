import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState, Guarded } from '../../ui';
import { useTopicsText } from './labels';

/** No topic yet: what the list is for and the first step (or, without units, the step before it). */
export function TopicsEmpty({ hasUnits, onCreate }: { hasUnits: boolean; onCreate: () => void }) {
  const { t } = useTopicsText();
  const noUnits = (
    <Trans t={t} i18nKey="topics:empty.noUnits" components={{ units: <Link to="/units" />, home: <Link to="/" /> }} />
  );
  return (
    <EmptyState title={t('topics:empty.title')} hint={hasUnits ? t('topics:empty.hint') : noUnits}>
      {hasUnits ? (
        <Guarded action="topic.submit" hide>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
            {t('topics:list.create')}
          </Button>
        </Guarded>
      ) : null}
    </EmptyState>
  );
}
