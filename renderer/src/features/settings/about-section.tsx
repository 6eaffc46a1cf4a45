import { Card, Descriptions, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, SUPPORTED_LANGUAGES, useAppLanguage } from '../../i18n';
import { getHost, type AppInfo } from '../../platform';
import { useReportError } from '../../ui';

/** 关于: version, where the data lives, runtime (from the host adapter), and the interface language. */
export function AboutSection() {
  const { t } = useTranslation('settings');
  const lng = useAppLanguage();
  const reportError = useReportError();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let live = true;
    getHost()
      .appInfo()
      .then((i) => live && setInfo(i), reportError);
    return () => {
      live = false;
    };
  }, [reportError]);

  return (
    <Card id="about" title={t('about.title')}>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'product', label: t('about.product'), children: t('about.productName') },
          { key: 'version', label: t('about.version'), children: info?.version ?? '…' },
          {
            key: 'data',
            label: t('about.dataPath'),
            children: <Typography.Text copyable={!!info}>{info?.dataPath ?? '…'}</Typography.Text>,
          },
          { key: 'runtime', label: t('about.runtime'), children: info?.runtime ?? '…' },
          { key: 'platform', label: t('about.platform'), children: info?.platform ?? '…' },
          {
            key: 'language',
            label: t('about.language'),
            children: (
              <Radio.Group
                value={lng}
                optionType="button"
                onChange={(e) => void setLanguage(e.target.value as (typeof SUPPORTED_LANGUAGES)[number])}
                options={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: t(`about.languages.${l}`) }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
