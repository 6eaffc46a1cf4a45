import { DomainError, MEETING_ROLES, personInputSchema, personSchema, type Person } from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { PeopleRepository } from '../types';
import { parseOrThrow, PERSON_FIELD_LABELS } from '../validation';
import { archivableMethods } from './archivable';
import { patchOverStored } from './input-patch';
import { countDistinct, matchesSearch, withoutUndefined, zhCollator } from './list-helpers';

export function createPeopleRepository(ctx: DataLayerContext): PeopleRepository {
  const { db } = ctx;
  const refTables = [db.people, db.attendance, db.topics, db.meetings];

  return {
    async list(filter = {}) {
      const rows = filter.unitId
        ? await db.people.where('unitId').equals(filter.unitId).toArray()
        : await db.people.toArray();
      return rows
        .filter((p) => filter.includeArchived || !p.archived)
        .filter((p) => matchesSearch(filter.search, [p.name, p.post, p.phone]))
        .sort(comparePeople);
    },

    get: (id) => db.people.get(id),

    async create(input) {
      const parsed = parseOrThrow(personInputSchema, input, PERSON_FIELD_LABELS);
      return auditedWrite(ctx, [db.people, db.units], async (audit) => {
        guard(audit, 'person.create');
        await assertUnitUsable(db, parsed.unitId);
        const at = ctx.now().toISOString();
        const person = toRecord({ ...parsed, id: ctx.newId(), createdAt: at, updatedAt: at, archived: false });
        await db.people.add(person);
        audit.record({ entity: 'person', entityId: person.id, action: 'create', before: null, after: person });
        return person;
      });
    },

    async update(id, input) {
      return auditedWrite(ctx, [db.people, db.units], async (audit) => {
        guard(audit, 'person.update');
        const before = await mustGet(db, id);
        const parsed = parseOrThrow(
          personInputSchema,
          patchOverStored(personInputSchema, before, input),
          PERSON_FIELD_LABELS,
        );
        // Moving a person to another unit needs a live unit; staying in a since-archived unit is allowed.
        if (parsed.unitId !== before.unitId) await assertUnitUsable(db, parsed.unitId);
        const person = toRecord({
          ...parsed,
          id,
          createdAt: before.createdAt,
          updatedAt: ctx.now().toISOString(),
          archived: before.archived,
          archivedAt: before.archivedAt,
        });
        await db.people.put(person);
        audit.record({ entity: 'person', entityId: id, action: 'update', before, after: person });
        return person;
      });
    },

    ...archivableMethods(ctx, {
      entity: 'person',
      table: db.people,
      mustGet: (id) => mustGet(db, id),
      toRecord,
      restoreReads: [db.units],
      assertRestorable: (person) => assertUnitUsable(db, person.unitId),
      referenceTables: refTables,
      countReferences: (id) => countPersonReferences(db, id),
      referencedMessage: '该人员已被会议签到、议题或会议主持人等记录引用，不能删除，只能归档',
    }),
  };
}

/** Attendance (attendee or substitute), topics (submitter), meetings (chair). */
export async function countPersonReferences(db: JointDeskDB, personId: string): Promise<number> {
  const counts = await Promise.all([
    countDistinct([
      db.attendance.where('personId').equals(personId),
      db.attendance.where('substitutePersonId').equals(personId),
    ]),
    db.topics.where('submitterPersonId').equals(personId).count(),
    db.meetings.where('chairPersonId').equals(personId).count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

async function assertUnitUsable(db: JointDeskDB, unitId: string): Promise<void> {
  const unit = await db.units.get(unitId);
  if (!unit || unit.archived) {
    const message = '所属单位不存在或已归档';
    throw new DomainError('validation', message, undefined, { path: ['unitId'], message });
  }
}

function comparePeople(a: Person, b: Person): number {
  return MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) || zhCollator.compare(a.name, b.name);
}

async function mustGet(db: JointDeskDB, id: string): Promise<Person> {
  const person = await db.people.get(id);
  if (!person) throw new DomainError('not-found', '找不到该人员，可能已被删除');
  return person;
}

function toRecord(candidate: Person): Person {
  return withoutUndefined(personSchema.parse(candidate));
}
