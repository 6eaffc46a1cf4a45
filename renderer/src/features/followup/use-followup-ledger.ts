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
import { todayIso } from '../../ui';
import type { LedgerExportJob, LedgerReadProgress } from '../ledgers/use-ledger-export';

/** The i18n namespace of the ledger export (renderer/src/i18n/locales/<lng>/followupLedger.json). */
export const FOLLOWUP_LEDGER_NS = 'followupLedger';

/** Tasks read per list page and per events read (each a bounded, indexed read). */
export const LEDGER_PAGE_SIZE = 2000;

/** `督办事项台账-20261202.xlsx` */
export function followupLedgerFileName(today: string): string {
  return `督办事项台账-${today.replaceAll('-', '')}.xlsx`;
}

/** What reading the ledger reports: tasks page by page, then their events in batches. */
export type LedgerProgress = LedgerReadProgress;

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

/**
 * 导出台账 of the follow-up list: every issued task with its 办理记录, run by the shared ledger export
 * (progress bar, exceljs loaded on first use, saved through the host, audited as an export).
 */
export function followupLedgerJob(filterName: string): LedgerExportJob {
  const dl = getDataLayer();
  const today = todayIso();
  const fileName = followupLedgerFileName(today);
  return {
    fileName,
    filterName,
    build: async (onProgress) => {
      const built = await buildFollowupLedgerSheets(dl, today, onProgress);
      return { sheets: built.sheets, rows: built.tasks, counts: { tasks: built.tasks, events: built.events } };
    },
    audit: (name, _rows, counts) =>
      dl.followup.recordLedgerExport(name, { tasks: counts.tasks ?? 0, events: counts.events ?? 0 }),
  };
}
