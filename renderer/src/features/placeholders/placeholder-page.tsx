import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useUnits } from '../../db';
import { Page } from '../../ui';

/** Sections whose screens later work fills; until then they say honestly what they will hold. */
export type PlaceholderSection = 'meetings' | 'topics' | 'disputes' | 'followup' | 'stats';

export interface PlaceholderPageProps {
  section: PlaceholderSection;
}

/** An honest empty state: what the section will hold, that it is not built yet, what works now. */
export function PlaceholderPage({ section }: PlaceholderPageProps) {
  const { t } = useTranslation('app');
  const navigate = useNavigate();
  const features = t(`placeholders.${section}.features`, { returnObjects: true }) as unknown;
  const list = Array.isArray(features) ? (features as string[]) : [];
  // The advice must be true: registering units is only the next step while none are registered.
  const units = useUnits();
  const registered = units?.length ?? 0;
  return (
    <Page title={t(`nav.${section}`)} description={t(`placeholders.${section}.summary`)}>
      <Card>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('placeholders.underConstruction')}
            </Typography.Text>
          }
        >
          <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}>
            <Typography.Paragraph type="secondary">{t('placeholders.willHold')}</Typography.Paragraph>
            <ul>
              {list.map((item) => (
                <li key={item}>
                  <Typography.Text>{item}</Typography.Text>
                </li>
              ))}
            </ul>
            <Typography.Paragraph type="secondary">
              {registered > 0 ? t('placeholders.meanwhileReady', { count: registered }) : t('placeholders.meanwhile')}
            </Typography.Paragraph>
          </div>
          {registered > 0 ? (
            <Button type="primary" onClick={() => void navigate('/')}>
              {t('placeholders.goWorkbench')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void navigate('/units')}>
              {t('placeholders.goUnits')}
            </Button>
          )}
        </Empty>
      </Card>
    </Page>
  );
}
