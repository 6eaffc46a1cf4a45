import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../../shared/domain/audit-labels';
import { formatChineseDate } from '../../../../shared/domain/format';
import { AUDIT_TRAIL_COLUMNS, AUDIT_TRAIL_SHEET, auditTrailRow } from '../../../../shared/export/ledger/audit-trail';
import type { LedgerCell } from '../../../../shared/export/ledger/cells';
import { getDataLayer } from '../../db';
import { AUDIT_EXPORT_PAGE, type AuditTrailFilter, type AuditTrailPage } from '../../db/repositories/audit';
import { writeLedgerWorkbook } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { todayIso, useReportError } from '../../ui';

/** The i18n namespace of the audit trail viewer (renderer/src/i18n/locales/<lng>/auditTrail.json). */
export const AUDIT_TRAIL_NS = 'auditTrail';

/** Entries per page of the settings screen. */
export const AUDIT_PAGE_SIZE = 20;

/** One page of the filtered trail, live (re-read when entries are appended); undefined while loading. */
export function useAuditTrailPage(filter: AuditTrailFilter, beforeSeq: number | undefined): AuditTrailPage | undefined {
  const { entity, entityId, actorId, action, from, to } = filter;
  return useLiveQuery(
    () =>
      getDataLayer().audit.page({ entity, entityId, actorId, action, from, to }, { beforeSeq, limit: AUDIT_PAGE_SIZE }),
    [entity, entityId, actorId, action, from, to, beforeSeq],
  );
}

/** One entry with the names of everything its before/after refers to; null when there is none. */
export function useAuditEntry(seq: number | undefined) {
  return useLiveQuery(
    async () => (seq === undefined ? null : ((await getDataLayer().audit.entry(seq)) ?? null)),
    [seq],
  );
}

export function useAuditActors() {
  return useLiveQuery(() => getDataLayer().audit.actors(), []);
}

/** The chain head's seq (a verification pass is shown only while it still covers it). */
export function useAuditHeadSeq(): number | undefined {
  return useLiveQuery(async () => (await getDataLayer().audit.head())?.seq ?? 0, []);
}

/** `审计记录-20261122.xlsx` */
export function auditTrailFileName(today: string): string {
  return `审计记录-${today.replaceAll('-', '')}.xlsx`;
}

/** The filter in words, for the sheet's title and the export's own audit entry: `执法争议；新建；2026年3月1日至…`. */
export function describeAuditFilter(f: AuditTrailFilter, actorName?: string, objectName?: string): string {
  const parts = [
    f.entity ? AUDIT_ENTITY_LABELS[f.entity] : undefined,
    objectName,
    actorName,
    f.action ? AUDIT_ACTION_LABELS[f.action] : undefined,
    f.from || f.to ? `${f.from ? formatChineseDate(f.from) : ''}至${f.to ? formatChineseDate(f.to) : ''}` : undefined,
  ].filter((p): p is string => !!p);
  return parts.join('；');
}

export type AuditExportProgress = { phase: 'reading' | 'writing'; done: number; total: number } | { phase: 'saving' };

/**
 * 导出 Excel: the filtered trail page by page ({@link AUDIT_EXPORT_PAGE} entries a read, each through the
 * audit indexes with the names of that page's objects), written with the ledger writer, saved through
 * the host and audited as an export.
 */
export function useAuditTrailExport() {
  const { t } = useTranslation(AUDIT_TRAIL_NS);
  const reportError = useReportError();
  const [progress, setProgress] = useState<AuditExportProgress | undefined>(undefined);

  const exportTrail = useCallback(
    async (filter: AuditTrailFilter, description: string): Promise<{ fileName: string; rows: number } | undefined> => {
      setProgress({ phase: 'reading', done: 0, total: 0 });
      try {
        const dl = getDataLayer();
        const rows: LedgerCell[][] = [];
        let beforeSeq: number | undefined;
        let atMost = 0;
        do {
          const page = await dl.audit.page(filter, { beforeSeq, limit: AUDIT_EXPORT_PAGE });
          if (beforeSeq === undefined) atMost = page.total ?? page.atMost;
          for (const e of page.entries) rows.push(auditTrailRow(e, page.lookups));
          setProgress({ phase: 'reading', done: rows.length, total: Math.max(atMost, rows.length) });
          beforeSeq = page.nextBeforeSeq;
        } while (beforeSeq !== undefined);
        if (rows.length === 0) return { fileName: '', rows: 0 };
        const today = todayIso();
        const title = `${AUDIT_TRAIL_SHEET}（${description || t('export.all')}，截至${formatChineseDate(today)}）`;
        const bytes = await writeLedgerWorkbook(
          [{ name: AUDIT_TRAIL_SHEET, columns: AUDIT_TRAIL_COLUMNS, rows, title }],
          {
            onProgress: (done, total) => setProgress({ phase: 'writing', done, total }),
          },
        );
        setProgress({ phase: 'saving' });
        const fileName = auditTrailFileName(today);
        const result = await getHost().saveFile({
          suggestedName: fileName,
          bytes,
          filters: [{ name: t('export.filter'), extensions: ['xlsx'] }],
        });
        if (!result.saved) return undefined;
        await dl.audit.recordExport(fileName, { rows: rows.length, filter: description || t('export.all') });
        return { fileName, rows: rows.length };
      } catch (e) {
        reportError(e);
        return undefined;
      } finally {
        setProgress(undefined);
      }
    },
    [reportError, t],
  );

  return { exporting: progress !== undefined, progress, exportTrail };
}
