import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerPercent, useLedgerExport, type LedgerExportJob } from './use-ledger-export';

export interface LedgerExportButtonProps {
  /**
   * The feature namespace whose `ledger.*` keys name the button and its messages (export, exportHint,
   * title, reading, writing, saving, saved, empty, filter).
   */
  ns: 'topics' | 'meetings';
  /** Made when clicked, so it reads the list's filter of that moment. */
  job: (filterName: string) => LedgerExportJob;
  testId: string;
  size?: 'small' | 'middle' | 'large';
}

/**
 * 导出台账 for a list screen's header: runs the job with a progress bar in a modal while it reads and
 * writes (thousands of rows take a few seconds), then says what was saved.
 */
export function LedgerExportButton({ ns, job, testId, size }: LedgerExportButtonProps) {
  const { t } = useTranslation(ns);
  const { message } = App.useApp();
  const { progress, run } = useLedgerExport();

  const onClick = async () => {
    const out = await run(job(t('ledger.filter')));
    if (out?.saved) void message.success(t('ledger.saved', { name: out.fileName, count: out.rows }));
    else if (out?.empty) void message.info(t('ledger.empty'));
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={progress !== undefined}
        size={size}
        title={t('ledger.exportHint')}
        data-testid={testId}
        onClick={() => void onClick()}
      >
        {t('ledger.export')}
      </Button>
      <Modal
        open={progress !== undefined}
        title={t('ledger.title')}
        footer={null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
      >
        {progress ? (
          <div role="status" aria-live="polite">
            <Progress percent={ledgerPercent(progress)} status="active" />
            <Typography.Text type="secondary">
              {progress.phase === 'writing'
                ? t('ledger.writing', { done: progress.done, total: progress.total })
                : t(`ledger.${progress.phase}`)}
            </Typography.Text>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
