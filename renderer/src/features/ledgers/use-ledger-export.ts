import { useCallback, useState } from 'react';
import type { LedgerSheet } from '../../../../shared/export/ledger';
import { writeLedgerWorkbook } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { useReportError } from '../../ui';

/**
 * Where a running ledger export is, for its progress bar. A job that reads in pages reports `reading`
 * (and `events` for a second read) with counts; one that reads in one go reports plain `reading`.
 */
export type LedgerExportProgress =
  | { phase: 'reading'; done?: number; total?: number }
  | { phase: 'events'; done: number; total: number }
  | { phase: 'writing'; done: number; total: number }
  | { phase: 'saving' };

/** What a job's build may report while it reads. */
export type LedgerReadProgress = Extract<LedgerExportProgress, { phase: 'reading' | 'events' }>;

/** One ledger export: what to read and write, how to name and audit the file. */
export interface LedgerExportJob {
  /** Suggested file name, e.g. `议题台账-20261203.xlsx`. */
  fileName: string;
  /** Name of the file type in the save dialog (e.g. Excel 工作簿). */
  filterName: string;
  /**
   * Reads the rows through the data layer and builds the sheets; `rows` is what the audit entry counts,
   * `counts` further figures for the saved message (e.g. `{ tasks, events }`).
   */
  build: (
    onProgress: (p: LedgerReadProgress) => void,
  ) => Promise<{ sheets: LedgerSheet[]; rows: number; counts?: Record<string, number> }>;
  /** Records the saved file in the audit trail (a repository method). */
  audit: (fileName: string, rows: number, counts: Record<string, number>) => Promise<void>;
}

export type LedgerExportOutcome =
  { saved: true; fileName: string; rows: number; counts: Record<string, number> } | { saved: false; empty: boolean };

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
        const built = await job.build(setProgress);
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
        const counts = built.counts ?? {};
        await job.audit(job.fileName, built.rows, counts);
        return { saved: true, fileName: job.fileName, rows: built.rows, counts };
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

/** The bar's percentage: reading is quick next to writing (reading 0–10 %, a second read 10–25 %, writing 25–99 %). */
export function ledgerPercent(p: LedgerExportProgress): number {
  if (p.phase === 'saving') return 100;
  if (p.phase === 'reading' && (p.total === undefined || p.done === undefined)) return 5;
  const done = p.done ?? 0;
  const total = p.total ?? 0;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const [from, span] = p.phase === 'reading' ? [0, 10] : p.phase === 'events' ? [10, 15] : [25, 74];
  return Math.min(99, Math.round(from + share * span));
}

/** `议题台账-20261203.xlsx` */
export function ledgerFileName(document: string, today: string): string {
  return `${document}-${today.replaceAll('-', '')}.xlsx`;
}
