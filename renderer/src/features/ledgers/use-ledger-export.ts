import { useCallback, useState } from 'react';
import type { LedgerSheet } from '../../../../shared/export/ledger';
import { writeLedgerWorkbook } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { useReportError } from '../../ui';

/** Where a running ledger export is, for its progress bar. */
export type LedgerExportProgress =
  { phase: 'reading' } | { phase: 'writing'; done: number; total: number } | { phase: 'saving' };

/** One ledger export: what to read and write, how to name and audit the file. */
export interface LedgerExportJob {
  /** Suggested file name, e.g. `议题台账-20261203.xlsx`. */
  fileName: string;
  /** Name of the file type in the save dialog (e.g. Excel 工作簿). */
  filterName: string;
  /** Reads the rows through the data layer and builds the sheets; `rows` is what the audit entry counts. */
  build: () => Promise<{ sheets: LedgerSheet[]; rows: number }>;
  /** Records the saved file in the audit trail (a repository method). */
  audit: (fileName: string, rows: number) => Promise<void>;
}

export type LedgerExportOutcome = { saved: true; fileName: string; rows: number } | { saved: false; empty: boolean };

/**
 * 导出台账 from a list screen: builds the sheets, writes the workbook with `writeLedgerWorkbook` (frozen
 * header, widths, real dates, formula-safe text; yields while writing so the page stays responsive), saves
 * it through the host's save dialog and audits the saved file. An empty ledger is not written.
 */
export function useLedgerExport(): {
  progress: LedgerExportProgress | undefined;
  run: (job: LedgerExportJob) => Promise<LedgerExportOutcome | undefined>;
} {
  const reportError = useReportError();
  const [progress, setProgress] = useState<LedgerExportProgress | undefined>(undefined);

  const run = useCallback(
    async (job: LedgerExportJob): Promise<LedgerExportOutcome | undefined> => {
      setProgress({ phase: 'reading' });
      try {
        const built = await job.build();
        if (built.rows === 0) return { saved: false, empty: true };
        const bytes = await writeLedgerWorkbook(built.sheets, {
          onProgress: (done, total) => setProgress({ phase: 'writing', done, total }),
        });
        setProgress({ phase: 'saving' });
        const result = await getHost().saveFile({
          suggestedName: job.fileName,
          bytes,
          filters: [{ name: job.filterName, extensions: ['xlsx'] }],
        });
        if (!result.saved) return { saved: false, empty: false };
        await job.audit(job.fileName, built.rows);
        return { saved: true, fileName: job.fileName, rows: built.rows };
      } catch (e) {
        reportError(e);
        return undefined;
      } finally {
        setProgress(undefined);
      }
    },
    [reportError],
  );

  return { progress, run };
}

/** The bar's percentage: reading is quick next to writing (0–10 %, then 10–99 %). */
export function ledgerPercent(p: LedgerExportProgress): number {
  if (p.phase === 'saving') return 100;
  if (p.phase === 'reading') return 5;
  const share = p.total > 0 ? p.done / p.total : 0;
  return Math.min(99, Math.round(10 + share * 89));
}

/** `议题台账-20261203.xlsx` */
export function ledgerFileName(document: string, today: string): string {
  return `${document}-${today.replaceAll('-', '')}.xlsx`;
}
