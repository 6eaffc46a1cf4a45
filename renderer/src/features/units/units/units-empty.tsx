import { Flex, theme } from 'antd';
import { type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui';
import { useUnitsText } from '../shared/labels';

/** First start: no units at all. Carries the list's own buttons and a pointer to the demo data. */
export function UnitsEmpty({ actions }: { actions: ReactNode }) {
  const { t } = useUnitsText();
  const { token } = theme.useToken();
  return (
    <EmptyState
      title={t('units.emptyTitle')}
      hint={
        <Trans
          t={t}
          i18nKey="units.emptyHint"
          components={{ home: <Link to="/" style={{ color: token.colorLink }} /> }}
        />
      }
    >
      <Flex gap={8} justify="center" wrap>
        {actions}
      </Flex>
    </EmptyState>
  );
}
