import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { getDataLayer } from '../../db';
import { todayIso } from '../../ui/format';
import { Guarded } from '../../ui/guarded';
import { useReportError } from '../../ui/use-report-error';

/** Lets the browser paint the spinner before the synchronous generator takes the main thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/**
 * Offered while the database holds no units and no people: load a realistic demo township, or start
 * blank in 单位与人员.
 */
export function DemoDataCard() {
  const { t } = useTranslation('workbench');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [loading, setLoading] = useState(false);

  const load = async () => {
    setLoading(true);
    try {
      // The generator and its catalogues are loaded only when asked for (not with the first screen; issue 12).
      const [{ DEMO_DEFAULTS, generateDemoDataset }] = await Promise.all([
        import('../../../../shared/demo/generate'),
        nextFrame(),
      ]);
      const dataset = generateDemoDataset({ ...DEMO_DEFAULTS, today: todayIso() });
      const { records } = await getDataLayer().demo.load(dataset);
      void message.success(t('demo.loaded', { count: records }));
    } catch (e) {
      reportError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card className="jd-demo-card" style={{ marginBottom: 16 }}>
      <Spin spinning={loading} description={t('demo.loading')}>
        <Flex gap={20} align="flex-start" wrap>
          <DatabaseOutlined style={{ fontSize: 40, color: '#1d3f72', marginTop: 4 }} />
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('demo.title')}
            </Typography.Title>
            <Typography.Paragraph>{t('demo.body')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('demo.note')}</Typography.Paragraph>
            <Flex gap={12} wrap>
              {/* Only the office loads data or starts the register: another role is told who does. */}
              <Guarded action="demo.load">
                <Button
                  type="primary"
                  size="large"
                  icon={<DatabaseOutlined />}
                  loading={loading}
                  onClick={() => void load()}
                >
                  {t('demo.load')}
                </Button>
              </Guarded>
              <Guarded action="unit.create" hide>
                <Button size="large" icon={<PlusOutlined />} disabled={loading} onClick={() => void navigate('/units')}>
                  {t('demo.blank')}
                </Button>
              </Guarded>
            </Flex>
          </div>
        </Flex>
      </Spin>
    </Card>
  );
}
