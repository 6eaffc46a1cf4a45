import { formatChineseDate, reportTotalsText, type AgendaItem, type Meeting } from '../../../../shared/domain';
import type { BlockNode } from '../../../../shared/editor/document';
import type { reportTableBlocks } from '../../../../shared/export/docx/implementation-report';
import type { JointDeskDB } from '../database';
import { readPreviousHeldMeeting, readReportSelection } from './agenda-standing';

/**
 * The 落实情况通报 section of meeting N's minutes template: a lead paragraph with the figures
 * (reportTotalsText) and the report table (reportTableBlocks), from the same selection the agenda item
 * froze at 已召开 — as of the snapshot's day (the meeting day, or the day it was marked held ahead of it).
 */

/** The editor-table mapper (it lives with the .docx code, which is loaded on demand). */
export type ReportTableMapper = typeof reportTableBlocks;

/**
 * Loads the mapper. Call before the transaction that builds the draft: a module import awaited inside an
 * IndexedDB transaction would let it commit.
 */
export async function loadReportTableMapper(): Promise<ReportTableMapper> {
  return (await import('../../../../shared/export/docx/implementation-report')).reportTableBlocks;
}

/** The day the report of `meeting` was frozen on: its snapshot's day, never after the meeting day. */
function frozenDay(meeting: Meeting, item: AgendaItem): string {
  const day = meeting.startsAt.slice(0, 10);
  const taken = item.snapshot?.takenOn;
  return taken && taken < day ? taken : day;
}

/**
 * Body blocks of each 落实情况通报 item of `agenda` (inside the caller's transaction: meetings, resolutions,
 * taskEvents, minutes, units). Other items get none (the template writes an empty paragraph).
 */
export async function reportSections(
  db: JointDeskDB,
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  tableBlocks: ReportTableMapper,
): Promise<Map<string, BlockNode[]>> {
  const sections = new Map<string, BlockNode[]>();
  const items = agenda.filter((i) => i.kind === 'last_resolutions');
  if (items.length === 0) return sections;
  const previous = await readPreviousHeldMeeting(db, meeting);
  for (const item of items) {
    const on = frozenDay(meeting, item);
    const { selection, unitNames } = await readReportSelection(db, meeting, previous, on);
    const lead = reportLeadParagraph(selection.on, reportTotalsText(selection.totals), selection.totals.total);
    sections.set(item.id, [
      { type: 'paragraph', content: [{ type: 'text', text: lead }] },
      ...tableBlocks(selection, unitNames),
    ]);
  }
  return sections;
}

/** “会议听取了上次会议议定事项落实情况通报。截至2026年9月2日，纳入通报的议定事项共3项，其中……。具体情况如下：” */
export function reportLeadParagraph(on: string, totals: string, total: number): string {
  const asOf = `会议听取了上次会议议定事项落实情况通报。截至${formatChineseDate(on)}`;
  return total === 0 ? `${asOf}，${totals}。` : `${asOf}，纳入通报的议定事项${totals}。具体情况如下：`;
}
