import { verifyAuditChain } from '../../../../shared/domain';
import { readAuditAnchor, type DataLayerContext } from '../audited-write';
import type { AuditRepository } from '../types';

export function createAuditRepository(ctx: DataLayerContext): AuditRepository {
  const { db } = ctx;
  return {
    list(filter = {}) {
      const { entity, entityId, limit } = filter;
      // Every index below ends in the primary key (seq), so reverse() gives newest first.
      const collection =
        entity !== undefined && entityId !== undefined
          ? db.audit.where('[entity+entityId]').equals([entity, entityId])
          : entity !== undefined
            ? db.audit.where('entity').equals(entity)
            : entityId !== undefined
              ? db.audit.where('entityId').equals(entityId)
              : db.audit.toCollection();
      const newestFirst = collection.reverse();
      return (limit !== undefined && limit > 0 ? newestFirst.limit(limit) : newestFirst).toArray();
    },

    verify(extraAnchors = []) {
      return db.transaction('r', [db.audit, db.settings], async () => {
        const entries = await db.audit.orderBy('seq').toArray();
        const anchor = await readAuditAnchor(db);
        return verifyAuditChain(entries, anchor ? [anchor, ...extraAnchors] : extraAnchors);
      });
    },

    head: () => readAuditAnchor(db),

    count: () => db.audit.count(),
  };
}
