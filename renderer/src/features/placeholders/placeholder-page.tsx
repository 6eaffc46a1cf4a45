import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
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
            <Typography.Paragraph type="secondary">{t('placeholders.meanwhile')}</Typography.Paragraph>
          </div>
          <Button type="primary" onClick={() => void navigate('/units')}>
            {t('placeholders.goUnits')}
          </Button>
        </Empty>
      </Card>
    </Page>
  );
}
