import { formatChineseDate } from '../../../../shared/domain';
import { disputeLedger } from '../../../../shared/export/ledger';
import { getDataLayer } from '../../db';
import { todayIso } from '../../ui';
import { ledgerFileName, type LedgerExportJob } from '../ledgers/use-ledger-export';

/** The document name of the disputes ledger (file `执法争议台账-20261122.xlsx`, audited under this name). */
export const DISPUTE_LEDGER_DOCUMENT = '执法争议台账';

/** 导出台账 of the disputes register: every dispute, run by the shared ledger export, audited as an export. */
export function disputeLedgerJob(filterName: string): LedgerExportJob {
  const dl = getDataLayer();
  const today = todayIso();
  return {
    fileName: ledgerFileName(DISPUTE_LEDGER_DOCUMENT, today),
    filterName,
    build: async () => {
      const [disputes, units] = await Promise.all([dl.disputes.list(), dl.units.list({ includeArchived: true })]);
      const sheet = disputeLedger(disputes, new Map(units.map((u) => [u.id, u.name])));
      return {
        sheets: [{ ...sheet, title: `${DISPUTE_LEDGER_DOCUMENT}（截至${formatChineseDate(today)}）` }],
        rows: disputes.length,
      };
    },
    audit: (fileName) => dl.disputes.recordExport('ledger', fileName),
  };
}
