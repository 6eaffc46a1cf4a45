import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import {
  auditObjectLabel,
  auditObjectName,
  formatAuditTime,
  type AuditLookups,
} from '../../../../shared/domain/audit-labels';
import { formatDateTime } from '../../ui';
import { AUDIT_TRAIL_NS } from './use-audit-trail';

/**
 * How the trail words an entry's time and object in the interface language: in Chinese the domain's
 * own label (执法争议 城关执争〔2026〕9号, times in Asia/Shanghai), in English the entity's translated name
 * before the record's name.
 */
export function useAuditText() {
  const { t, i18n } = useTranslation([AUDIT_TRAIL_NS, 'settings']);
  const zh = i18n.language.startsWith('zh');
  return {
    time: (ts: string) => (zh ? formatAuditTime(ts) : formatDateTime(ts)),
    object: (e: AuditEntry, lookups: AuditLookups) => {
      if (zh) return auditObjectLabel(e, lookups);
      const name = auditObjectName(e, lookups);
      const kind = t(`settings:audit.entities.${e.entity}`);
      if (e.entity === 'system') return name ?? kind;
      return `${kind} ${name ?? t('deleted')}`;
    },
  };
}
