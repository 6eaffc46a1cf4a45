import type { AuditEntry } from '../../domain/audit';
import { AUDIT_ACTION_LABELS, auditObjectLabel, formatAuditTime, type AuditLookups } from '../../domain/audit-labels';
import { ROLE_LABELS } from '../../domain/permissions';
import { type LedgerCell, type LedgerColumn, safeCell } from './cells';

export const AUDIT_TRAIL_SHEET = '审计记录';

export const AUDIT_TRAIL_COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 10 },
  { header: '时间', width: 22 },
  { header: '操作人', width: 14 },
  { header: '角色', width: 16 },
  { header: '操作', width: 14 },
  { header: '对象', width: 44 },
  { header: '原因', width: 30 },
];

/** One row of the exported trail (the lookups cover the entry's object). */
export function auditTrailRow(e: AuditEntry, lookups: AuditLookups): LedgerCell[] {
  return [
    e.seq,
    formatAuditTime(e.ts),
    safeCell(e.actorName),
    (ROLE_LABELS as Record<string, string>)[e.actorRole] ?? safeCell(e.actorRole),
    AUDIT_ACTION_LABELS[e.action],
    safeCell(auditObjectLabel(e, lookups)),
    safeCell(e.reason ?? ''),
  ];
}
