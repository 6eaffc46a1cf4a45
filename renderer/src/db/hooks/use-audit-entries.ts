import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type { AuditListFilter } from '../types';

/** Audit entries, newest first; `undefined` while loading. */
export function useAuditEntries(filter: AuditListFilter = {}): AuditEntry[] | undefined {
  const { entity, entityId, limit } = filter;
  return useLiveQuery(() => getDataLayer().audit.list({ entity, entityId, limit }), [entity, entityId, limit]);
}
