import { DomainError, UNIT_KINDS, unitInputSchema, unitSchema, type Unit } from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { UnitsRepository } from '../types';
import { parseOrThrow, UNIT_FIELD_LABELS } from '../validation';
import { archivableMethods } from './archivable';
import { patchOverStored } from './input-patch';
import { countDistinct, matchesSearch, withoutUndefined, zhCollator } from './list-helpers';

export function createUnitsRepository(ctx: DataLayerContext): UnitsRepository {
  const { db } = ctx;
  /** Tables read by the reference check, which runs inside the delete transaction. */
  const refTables = [db.units, db.people, db.topics, db.disputes, db.resolutions, db.agendaItems];

  return {
    async list(filter = {}) {
      const all = await db.units.toArray();
      return all
        .filter((u) => filter.includeArchived || !u.archived)
        .filter((u) => matchesSearch(filter.search, [u.name, u.shortName, u.liaisonName, u.liaisonPhone]))
        .sort(compareUnits);
    },

    get: (id) => db.units.get(id),

    async create(input) {
      const parsed = parseOrThrow(unitInputSchema, input, UNIT_FIELD_LABELS);
      return auditedWrite(ctx, [db.units], async (audit) => {
        guard(audit, 'unit.create');
        await assertNameFree(db, parsed.name);
        const at = ctx.now().toISOString();
        const unit = toRecord({ ...parsed, id: ctx.newId(), createdAt: at, updatedAt: at, archived: false });
        await db.units.add(unit);
        audit.record({ entity: 'unit', entityId: unit.id, action: 'create', before: null, after: unit });
        return unit;
      });
    },

    async update(id, input) {
      return auditedWrite(ctx, [db.units], async (audit) => {
        guard(audit, 'unit.update');
        const before = await mustGet(db, id);
        const parsed = parseOrThrow(
          unitInputSchema,
          patchOverStored(unitInputSchema, before, input),
          UNIT_FIELD_LABELS,
        );
        if (!before.archived) await assertNameFree(db, parsed.name, id);
        const unit = toRecord({
          ...parsed,
          id,
          createdAt: before.createdAt,
          updatedAt: ctx.now().toISOString(),
          archived: before.archived,
          archivedAt: before.archivedAt,
        });
        await db.units.put(unit);
        audit.record({ entity: 'unit', entityId: id, action: 'update', before, after: unit });
        return unit;
      });
    },

    ...archivableMethods(ctx, {
      entity: 'unit',
      table: db.units,
      mustGet: (id) => mustGet(db, id),
      toRecord,
      assertRestorable: (unit) => assertNameFree(db, unit.name, unit.id),
      referenceTables: refTables,
      countReferences: (id) => countUnitReferences(db, id),
      referencedMessage: '该单位已被人员、议题、会议或争议等记录引用，不能删除，只能归档',
    }),
  };
}

/** People, topics (submitting/related), disputes (party/first-handling/designated), resolutions (lead/co), agenda presenters. */
export async function countUnitReferences(db: JointDeskDB, unitId: string): Promise<number> {
  const counts = await Promise.all([
    db.people.where('unitId').equals(unitId).count(),
    countDistinct([
      db.topics.where('submittingUnitId').equals(unitId),
      db.topics.where('relatedUnitIds').equals(unitId),
    ]),
    countDistinct([
      db.disputes.where('partyUnitIds').equals(unitId),
      db.disputes.where('firstHandlingUnitId').equals(unitId),
      db.disputes.where('designatedUnitId').equals(unitId),
    ]),
    countDistinct([
      db.resolutions.where('leadUnitId').equals(unitId),
      db.resolutions.where('coUnitIds').equals(unitId),
    ]),
    db.agendaItems.where('presenterUnitId').equals(unitId).count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/** Another non-archived unit with the same name → conflict (archived namesakes are history). */
export async function assertNameFree(db: JointDeskDB, name: string, exceptId?: string): Promise<void> {
  const clash = await db.units
    .where('name')
    .equals(name)
    .filter((u) => !u.archived && u.id !== exceptId)
    .first();
  if (clash) throw new DomainError('conflict', `已存在同名单位“${name}”`);
}

export function compareUnits(a: Unit, b: Unit): number {
  return UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) || zhCollator.compare(a.name, b.name);
}

async function mustGet(db: JointDeskDB, id: string): Promise<Unit> {
  const unit = await db.units.get(id);
  if (!unit) throw new DomainError('not-found', '找不到该单位，可能已被删除');
  return unit;
}

/** Full record, checked against the stored shape so nothing malformed reaches the table. */
function toRecord(candidate: Unit): Unit {
  return withoutUndefined(unitSchema.parse(candidate));
}
