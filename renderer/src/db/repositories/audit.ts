import { createChainVerifier } from '../../../../shared/domain';
import { readAuditAnchor, type DataLayerContext } from '../audited-write';
import type { AuditRepository } from '../types';

/** Entries per verification step (about 40 ms of hashing on an office PC). */
export const VERIFY_CHUNK = 2_000;

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

    /**
     * Verifies the chain in chunks of `VERIFY_CHUNK` entries, each read in its own short transaction,
     * yielding to the page between chunks and reporting progress: 200,000 entries neither freeze the
     * page nor hold the whole table in memory. Entries appended meanwhile are checked too.
     */
    async verify(extraAnchors = [], onProgress) {
      const [anchor, total] = await db.transaction('r', [db.audit, db.settings], async () => [
        await readAuditAnchor(db),
        await db.audit.count(),
      ]);
      const verifier = createChainVerifier(anchor ? [anchor, ...extraAnchors] : extraAnchors);
      let after = 0;
      for (;;) {
        const chunk = await db.audit.where('seq').above(after).limit(VERIFY_CHUNK).toArray();
        if (chunk.length === 0) break;
        const problem = verifier.feed(chunk);
        if (problem) return problem;
        after = chunk[chunk.length - 1]!.seq;
        onProgress?.(verifier.count, Math.max(total, verifier.count));
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      return verifier.finish();
    },

    head: () => readAuditAnchor(db),

    count: () => db.audit.count(),
  };
}
