import type { Table } from 'dexie';
import { DomainError, type AuditedEntity } from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { Action } from '../../../../shared/domain/permissions';

/** The master-data records (units, people) that are archived rather than deleted once referenced. */
interface Archivable {
  id: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string | undefined;
}

export interface ArchivableSpec<T extends Archivable> {
  entity: AuditedEntity;
  table: Table<T, string>;
  /** The stored record, or DomainError('not-found') worded for this entity. */
  mustGet: (id: string) => Promise<T>;
  /** Checks the full record against the stored shape. */
  toRecord: (candidate: T) => T;
  /** Tables `assertRestorable` reads besides `table`. */
  restoreReads?: readonly Table[];
  /** Refuses a restore that would break a rule (a namesake in use, an archived unit). */
  assertRestorable: (record: T) => Promise<void>;
  /** Every table `countReferences` reads, so the check and the delete are one transaction. */
  referenceTables: readonly Table[];
  countReferences: (id: string) => Promise<number>;
  /** Why a referenced record cannot be deleted, naming what refers to it. */
  referencedMessage: string;
}

/**
 * archive / restore / remove / referenceCount for an archivable record: each one audited transaction;
 * archiving an archived record (or restoring a live one) changes nothing and writes no audit entry.
 */
export function archivableMethods<T extends Archivable>(ctx: DataLayerContext, spec: ArchivableSpec<T>) {
  const { table, entity } = spec;
  return {
    archive(id: string): Promise<T> {
      return auditedWrite(ctx, [table], async (audit) => {
        guard(audit, `${entity}.archive` as Action);
        const before = await spec.mustGet(id);
        if (before.archived) return before;
        const at = ctx.now().toISOString();
        const after = spec.toRecord({ ...before, archived: true, archivedAt: at, updatedAt: at });
        await table.put(after);
        audit.record({ entity, entityId: id, action: 'archive', before, after });
        return after;
      });
    },

    restore(id: string): Promise<T> {
      return auditedWrite(ctx, [table, ...(spec.restoreReads ?? [])], async (audit) => {
        guard(audit, `${entity}.restore` as Action);
        const before = await spec.mustGet(id);
        if (!before.archived) return before;
        await spec.assertRestorable(before);
        const { archivedAt: _dropped, ...rest } = before;
        const after = spec.toRecord({ ...rest, archived: false, updatedAt: ctx.now().toISOString() } as T);
        await table.put(after);
        audit.record({ entity, entityId: id, action: 'restore', before, after });
        return after;
      });
    },

    remove(id: string): Promise<void> {
      return auditedWrite(ctx, spec.referenceTables, async (audit) => {
        guard(audit, `${entity}.delete` as Action);
        const before = await spec.mustGet(id);
        if ((await spec.countReferences(id)) > 0) throw new DomainError('referenced', spec.referencedMessage);
        await table.delete(id);
        audit.record({ entity, entityId: id, action: 'delete', before, after: null });
      });
    },

    referenceCount(id: string): Promise<number> {
      return ctx.db.transaction('r', spec.referenceTables, () => spec.countReferences(id));
    },
  };
}
