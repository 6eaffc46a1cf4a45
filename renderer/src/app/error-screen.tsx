import { Button, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorScreenProps {
  error: unknown;
  /** Offered next to 重新加载 when the error is confined to one screen. */
  onBack?: () => void;
}

/** Full text of an error for a fault report: message, stack, where, which browser. */
export function errorReport(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return [
    `${e.name}: ${e.message}`,
    e.stack ?? '',
    `URL: ${location.href}`,
    `UA: ${navigator.userAgent}`,
    `Time: ${new Date().toISOString()}`,
  ].join('\n');
}

/** What the user sees instead of a white screen when rendering fails. */
export function ErrorScreen({ error, onBack }: ErrorScreenProps) {
  const { t } = useTranslation('app');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const messageText = error instanceof Error ? error.message : String(error);

  const copy = () => {
    navigator.clipboard.writeText(errorReport(error)).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={t('error.subtitle')}
      extra={
        <Space wrap>
          <Button type="primary" onClick={() => location.reload()}>
            {t('error.reload')}
          </Button>
          <Button onClick={copy}>{copied === 'yes' ? t('error.copied') : t('error.copy')}</Button>
          {onBack ? <Button onClick={onBack}>{t('error.back')}</Button> : null}
        </Space>
      }
    >
      <div className="jd-error-box">
        <Typography.Text strong>{t('error.messageLabel')}</Typography.Text>
        <pre className="jd-error-detail">{messageText}</pre>
        {copied === 'failed' ? <Typography.Text type="danger">{t('error.copyFailed')}</Typography.Text> : null}
      </div>
    </Result>
  );
}
