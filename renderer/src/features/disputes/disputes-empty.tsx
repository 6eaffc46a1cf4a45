import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState, Guarded } from '../../ui';
import { useDisputesText } from './labels';

/** No dispute yet: what a dispute is for here, and the first step (or, without units, the step before). */
export function DisputesEmpty({ hasUnits, onRegister }: { hasUnits: boolean; onRegister: () => void }) {
  const { t } = useDisputesText();
  const noUnits = (
    <Trans t={t} i18nKey="disputes:empty.noUnits" components={{ units: <Link to="/units" />, home: <Link to="/" /> }} />
  );
  return (
    <EmptyState title={t('disputes:empty.title')} hint={hasUnits ? t('disputes:empty.hint') : noUnits}>
      {hasUnits ? (
        <Guarded action="dispute.register" hide>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onRegister}>
            {t('disputes:list.register')}
          </Button>
        </Guarded>
      ) : null}
    </EmptyState>
  );
}
