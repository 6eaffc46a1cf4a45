import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChineseDate } from '../../../../shared/domain';
import {
  RESOLUTION_LEDGER_SHEET,
  TASK_EVENT_LEDGER_SHEET,
  resolutionLedger,
  type LedgerSheet,
  type LedgerTask,
} from '../../../../shared/export/ledger';
import { getDataLayer } from '../../db';
import type { DataLayer } from '../../db/types';
import { writeLedgerWorkbook } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { todayIso, useReportError } from '../../ui';

/** The i18n namespace of the ledger export (renderer/src/i18n/locales/<lng>/followupLedger.json). */
export const FOLLOWUP_LEDGER_NS = 'followupLedger';

/** Tasks read per list page and per events read (each a bounded, indexed read). */
export const LEDGER_PAGE_SIZE = 2000;

/** `督办事项台账-20261202.xlsx` */
export function followupLedgerFileName(today: string): string {
  return `督办事项台账-${today.replaceAll('-', '')}.xlsx`;
}

export type LedgerProgress =
  { phase: 'reading' | 'events' | 'writing'; done: number; total: number } | { phase: 'saving' };

/**
 * The two sheets of the 督办事项台账, read through the data layer: every issued task page by page
 * (`followup.list`, {@link LEDGER_PAGE_SIZE} a page — each page re-ranks the index keys, so pages are
 * large), their events in batches (`followup.events`, through [resolutionId+on]) — never a whole-table
 * read in one go.
 */
export async function buildFollowupLedgerSheets(
  dl: Pick<DataLayer, 'followup' | 'units' | 'calendar'>,
  today: string,
  onProgress: (p: LedgerProgress) => void = () => {},
  pageSize = LEDGER_PAGE_SIZE,
): Promise<{ sheets: [LedgerSheet, LedgerSheet]; tasks: number; events: number }> {
  const [units, calendar] = await Promise.all([dl.units.list({ includeArchived: true }), dl.calendar.calendar()]);
  const tasks: LedgerTask[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += pageSize) {
    const page = await dl.followup.list({ offset, limit: pageSize });
    total = page.total;
    for (const row of page.rows) {
      tasks.push({
        resolution: row.resolution,
        warning: row.warning,
        meeting: row.meeting,
        ...(row.issueNumber !== undefined ? { issueNumber: row.issueNumber } : {}),
        ...(row.issueYear !== undefined ? { issueYear: row.issueYear } : {}),
        events: [],
      });
    }
    onProgress({ phase: 'reading', done: tasks.length, total });
    if (page.rows.length === 0) break;
  }
  let events = 0;
  for (let i = 0; i < tasks.length; i += pageSize) {
    const batch = tasks.slice(i, i + pageSize);
    const byTask = await dl.followup.events(batch.map((t) => t.resolution.id));
    for (const t of batch) {
      t.events = byTask.get(t.resolution.id) ?? [];
      events += t.events.length;
    }
    onProgress({ phase: 'events', done: Math.min(i + pageSize, tasks.length), total: tasks.length });
  }
  const [main, record] = resolutionLedger(tasks, { unitNames: new Map(units.map((u) => [u.id, u.name])), calendar });
  const asOf = `（截至${formatChineseDate(today)}）`;
  return {
    sheets: [
      { ...main, title: `${RESOLUTION_LEDGER_SHEET}${asOf}` },
      { ...record, title: `${TASK_EVENT_LEDGER_SHEET}${asOf}` },
    ],
    tasks: tasks.length,
    events,
  };
}

export interface FollowupLedgerExport {
  exporting: boolean;
  /** Where a running export is (for a progress bar); undefined when idle. */
  progress: LedgerProgress | undefined;
  /** Resolves with what was saved, or undefined when cancelled, empty or failed (the error is reported). */
  exportLedger: () => Promise<{ fileName: string; tasks: number; events: number } | undefined>;
}

/**
 * 导出台账: every issued task with its 办理记录 as an .xlsx (exceljs loaded on first use), saved through
 * the host and audited as an export. Progress is reported while reading and writing.
 */
export function useFollowupLedgerExport(): FollowupLedgerExport {
  const { t } = useTranslation(FOLLOWUP_LEDGER_NS);
  const reportError = useReportError();
  const [progress, setProgress] = useState<LedgerProgress | undefined>(undefined);

  const exportLedger = useCallback(async () => {
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const dl = getDataLayer();
      const today = todayIso();
      const built = await buildFollowupLedgerSheets(dl, today, setProgress);
      const bytes = await writeLedgerWorkbook(built.sheets, {
        onProgress: (done, total) => setProgress({ phase: 'writing', done, total }),
      });
      setProgress({ phase: 'saving' });
      const fileName = followupLedgerFileName(today);
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes,
        filters: [{ name: t('filter'), extensions: ['xlsx'] }],
      });
      if (!result.saved) return undefined;
      await dl.followup.recordLedgerExport(fileName, { tasks: built.tasks, events: built.events });
      return { fileName, tasks: built.tasks, events: built.events };
    } catch (e) {
      reportError(e);
      return undefined;
    } finally {
      setProgress(undefined);
    }
  }, [reportError, t]);

  return { exporting: progress !== undefined, progress, exportLedger };
}
