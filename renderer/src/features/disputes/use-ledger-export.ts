import { App } from 'antd';
import { useState } from 'react';
import { formatChineseDate } from '../../../../shared/domain';
import { disputeLedger } from '../../../../shared/export/ledger';
import { getDataLayer } from '../../db';
import { writeLedgerXlsx } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { todayIso, useReportError } from '../../ui';
import { useDisputesText } from './labels';

/** `执法争议台账-20261122.xlsx` */
export function ledgerFileName(today: string): string {
  return `执法争议台账-${today.replaceAll('-', '')}.xlsx`;
}

/** 导出台账: every dispute as the office's .xlsx ledger, saved through the host, audited as an export. */
export function useLedgerExport(): { exporting: boolean; exportLedger: () => Promise<void> } {
  const { t } = useDisputesText();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [exporting, setExporting] = useState(false);

  const exportLedger = async () => {
    setExporting(true);
    const key = 'disputes-ledger';
    void message.open({ key, type: 'loading', content: t('disputes:ledger.building'), duration: 0 });
    try {
      const dl = getDataLayer();
      const [disputes, units] = await Promise.all([dl.disputes.list(), dl.units.list({ includeArchived: true })]);
      const today = todayIso();
      const sheet = disputeLedger(disputes, new Map(units.map((u) => [u.id, u.name])));
      const bytes = await writeLedgerXlsx(sheet, { title: `执法争议台账（截至${formatChineseDate(today)}）` });
      const fileName = ledgerFileName(today);
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes,
        filters: [{ name: t('disputes:ledger.filter'), extensions: ['xlsx'] }],
      });
      message.destroy(key);
      if (result.saved) {
        await dl.disputes.recordExport('ledger', fileName);
        void message.success(t('disputes:ledger.saved', { name: fileName, count: disputes.length }));
      }
    } catch (e) {
      message.destroy(key);
      reportError(e);
    } finally {
      setExporting(false);
    }
  };

  return { exporting, exportLedger };
}
