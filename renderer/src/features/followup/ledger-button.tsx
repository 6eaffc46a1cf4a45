import { LedgerExportButton } from '../ledgers/ledger-export-button';
import { FOLLOWUP_LEDGER_NS, followupLedgerJob } from './use-followup-ledger';

/**
 * 导出台账 for the follow-up list page header: exports every issued task with its 办理记录 as .xlsx, with a
 * progress bar while a long export runs (thousands of tasks take a few seconds to write).
 */
export function FollowupLedgerButton({ size }: { size?: 'small' | 'middle' | 'large' }) {
  return (
    <LedgerExportButton
      ns={FOLLOWUP_LEDGER_NS}
      keyPrefix=""
      job={followupLedgerJob}
      testId="followup-ledger-export"
      {...(size ? { size } : {})}
    />
  );
}
