import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerPercent, useLedgerExport, type LedgerExportJob } from './use-ledger-export';

export interface LedgerExportButtonProps {
  /**
   * The namespace whose keys under `keyPrefix` name the button and its messages (export, exportHint,
   * title, reading, events, writing, saving, saved, empty, filter).
   */
  ns: 'topics' | 'meetings' | 'disputes' | 'followupLedger';
  /** `ledger.` by default (a feature namespace); '' for a namespace of its own. */
  keyPrefix?: string;
  /** Made when clicked, so it reads the list's filter of that moment. */
  job: (filterName: string) => LedgerExportJob;
  testId: string;
  size?: 'small' | 'middle' | 'large';
}

/**
 * 导出台账 for a list screen's header: runs the job with a progress bar in a modal while it reads and
 * writes (thousands of rows take a few seconds), then says what was saved.
 */
export function LedgerExportButton({ ns, keyPrefix = 'ledger.', job, testId, size }: LedgerExportButtonProps) {
  const { t: tNs } = useTranslation(ns);
  const t = (key: string, values?: Record<string, unknown>) => tNs(`${keyPrefix}${key}`, values ?? {});
  const { message } = App.useApp();
  const { progress, run } = useLedgerExport();

  const onClick = async () => {
    const out = await run(job(t('filter')));
    if (out?.saved) void message.success(t('saved', { name: out.fileName, count: out.rows, ...out.counts }));
    else if (out?.empty) void message.info(t('empty'));
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={progress !== undefined}
        size={size}
        title={t('exportHint')}
        data-testid={testId}
        onClick={() => void onClick()}
      >
        {t('export')}
      </Button>
      <Modal
        open={progress !== undefined}
        title={t('title')}
        footer={null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
      >
        {progress ? (
          <div role="status" aria-live="polite">
            <Progress percent={ledgerPercent(progress)} status="active" />
            <Typography.Text type="secondary">
              {progress.phase === 'saving'
                ? t('saving')
                : t(progress.phase, { done: progress.done, total: progress.total })}
            </Typography.Text>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
