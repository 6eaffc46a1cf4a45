import type { Dispute } from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import { todayIso } from '../../ui';
import { positionsNotQuoted } from './application-prefill';

/** Whom the application is addressed to (区政府, the escalation authority named by the seed). */
export const ESCALATION_AUTHORITY = '区人民政府';

/** `提请协调申请-城关执争〔2026〕3号.docx` (characters a file system refuses are replaced). */
export function applicationFileName(d: Dispute): string {
  return `提请协调申请-${d.number}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}

/**
 * Builds the 提请协调申请 .docx. The docx library is loaded on demand (it is large and only needed
 * here); the audit head goes into the file so a printed copy can be matched to the trail (AUD-3).
 */
export async function buildApplicationDocx(
  d: Dispute,
  unitNames: ReadonlyMap<string, string>,
  applicant: string,
): Promise<Uint8Array> {
  const [{ disputeApplicationDocument, packDocx }, anchor] = await Promise.all([
    import('../../../../shared/export/docx'),
    getDataLayer().audit.head(),
  ]);
  const doc = disputeApplicationDocument({
    dispute: { ...d, positions: positionsNotQuoted(d) },
    unitNames,
    applicant,
    authority: ESCALATION_AUTHORITY,
    date: d.escalatedOn ?? todayIso(),
    ...(anchor ? { auditAnchor: anchor } : {}),
  });
  return packDocx(doc);
}
