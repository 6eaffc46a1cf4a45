import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_LEDGER_NS, useFollowupLedgerExport, type LedgerProgress } from './use-followup-ledger';

function percentOf(p: LedgerProgress): number {
  if (p.phase === 'saving') return 100;
  const share = p.total > 0 ? p.done / p.total : 0;
  // Reading tasks and events is quick next to writing the workbook: 0–10 %, 10–25 %, 25–99 %.
  const [from, span] = p.phase === 'reading' ? [0, 10] : p.phase === 'events' ? [10, 15] : [25, 74];
  return Math.min(99, Math.round(from + share * span));
}

/**
 * 导出台账 for the follow-up list page header: exports every issued task with its 办理记录 as .xlsx, with a
 * progress bar while a long export runs (thousands of tasks take a few seconds to write).
 */
export function FollowupLedgerButton({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation(FOLLOWUP_LEDGER_NS);
  const { message } = App.useApp();
  const { exporting, progress, exportLedger } = useFollowupLedgerExport();

  const run = async () => {
    const out = await exportLedger();
    if (out) void message.success(t('saved', { name: out.fileName, tasks: out.tasks, events: out.events }));
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={exporting}
        size={size}
        title={t('exportHint')}
        data-testid="followup-ledger-export"
        onClick={() => void run()}
      >
        {t('export')}
      </Button>
      <Modal open={exporting} title={t('title')} footer={null} closable={false} maskClosable={false} destroyOnHidden>
        {progress ? (
          <div role="status" aria-live="polite">
            <Progress percent={percentOf(progress)} status="active" />
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
