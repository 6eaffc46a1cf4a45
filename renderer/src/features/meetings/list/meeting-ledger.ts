import { formatChineseDate } from '../../../../../shared/domain';
import {
  MEETING_LEDGER_SHEET,
  meetingLedger,
  type LedgerAttendance,
  type LedgerSheet,
} from '../../../../../shared/export/ledger';
import type { MeetingLedgerData } from '../../../db/repositories/ledgers';
import type { DataLayer, MeetingListFilter } from '../../../db/types';
import { ledgerFileName, type LedgerExportJob } from '../../ledgers/use-ledger-export';
import { attendanceCounts } from '../attendance/counts';

/**
 * A meeting's attendance as the ledger states it: the sign-in board's figures (列席 as the board counts it)
 * and the units of everyone present, in list order.
 */
export function ledgerAttendance(
  rows: MeetingLedgerData['rows'][number]['attendance'],
  people: MeetingLedgerData['people'],
): LedgerAttendance {
  const c = attendanceCounts(rows);
  const unitIds: string[] = [];
  for (const a of rows) {
    if (a.status !== 'present' && a.status !== 'substituted') continue;
    // A 列席来宾 typed by name has no person record (and no unit to list).
    const unitId = a.personId ? people.get(a.personId)?.unitId : undefined;
    if (unitId && !unitIds.includes(unitId)) unitIds.push(unitId);
  }
  return {
    expected: c.expected,
    present: c.present,
    leave: c.leave,
    absent: c.absent,
    observers: c.observers,
    unitIds,
  };
}

/** 会议台账 of the meetings matching `filter` (all when empty), titled with the day it was made. */
export async function buildMeetingLedger(
  dl: Pick<DataLayer, 'ledgers'>,
  filter: MeetingListFilter,
  today: string,
): Promise<{ sheets: LedgerSheet[]; rows: number }> {
  const data = await dl.ledgers.meetings(filter);
  const rows = data.rows.map((r) => ({ ...r, attendance: ledgerAttendance(r.attendance, data.people) }));
  const sheet = meetingLedger(rows, data);
  return {
    sheets: [{ ...sheet, title: `${MEETING_LEDGER_SHEET}（截至${formatChineseDate(today)}）` }],
    rows: sheet.rows.length,
  };
}

/** The export job of the meetings list's 导出台账 button. */
export function meetingLedgerJob(
  dl: Pick<DataLayer, 'ledgers'>,
  filter: MeetingListFilter,
  today: string,
  filterName: string,
): LedgerExportJob {
  return {
    fileName: ledgerFileName(MEETING_LEDGER_SHEET, today),
    filterName,
    build: () => buildMeetingLedger(dl, filter, today),
    audit: (fileName, rows) => dl.ledgers.recordExport('meetings', fileName, { rows, filter }),
  };
}
