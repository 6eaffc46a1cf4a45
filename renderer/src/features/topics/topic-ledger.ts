import { formatChineseDate } from '../../../../shared/domain';
import { TOPIC_LEDGER_SHEET, topicLedger, type LedgerSheet } from '../../../../shared/export/ledger';
import type { DataLayer, TopicListFilter } from '../../db/types';
import { ledgerFileName, type LedgerExportJob } from '../ledgers/use-ledger-export';
import type { TopicFilters } from './topic-list';

/** The data-layer filter of what the topics list shows for its filters (the state tab included). */
export function topicLedgerFilter(f: TopicFilters): TopicListFilter {
  const search = f.search.trim();
  return {
    ...(f.state !== 'all' ? { states: [f.state] } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.range.from ? { from: f.range.from } : {}),
    ...(f.range.to ? { to: f.range.to } : {}),
    ...(search ? { search } : {}),
  };
}

/** 议题台账 of the topics matching `filter` (all when empty), titled with the day it was made. */
export async function buildTopicLedger(
  dl: Pick<DataLayer, 'ledgers'>,
  filter: TopicListFilter,
  today: string,
): Promise<{ sheets: LedgerSheet[]; rows: number }> {
  const data = await dl.ledgers.topics(filter);
  const sheet = topicLedger(data.rows, data.unitNames);
  return {
    sheets: [{ ...sheet, title: `${TOPIC_LEDGER_SHEET}（截至${formatChineseDate(today)}）` }],
    rows: sheet.rows.length,
  };
}

/** The export job of the topics list's 导出台账 button. */
export function topicLedgerJob(
  dl: Pick<DataLayer, 'ledgers'>,
  filters: TopicFilters,
  today: string,
  filterName: string,
): LedgerExportJob {
  const filter = topicLedgerFilter(filters);
  return {
    fileName: ledgerFileName(TOPIC_LEDGER_SHEET, today),
    filterName,
    build: () => buildTopicLedger(dl, filter, today),
    audit: (fileName, rows) => dl.ledgers.recordExport('topics', fileName, { rows, filter }),
  };
}
