import type { z } from 'zod';
import {
  DomainError,
  personInputSchema,
  personSchema,
  requiredText,
  unitInputSchema,
  unitSchema,
  type Person,
  type Unit,
} from '../../../../shared/domain';
import type { ValidatedUnitsPeople } from '../../../../shared/import/types';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { ImporterRepository } from '../types';
import { issueMessage, PERSON_FIELD_LABELS, safeParseZh, UNIT_FIELD_LABELS } from '../validation';
import { withoutUndefined } from './list-helpers';

const importedPersonSchema = personInputSchema
  .omit({ unitId: true })
  .extend({ unitName: requiredText('所属单位', 60) });
const IMPORTED_PERSON_LABELS = { ...PERSON_FIELD_LABELS, unitName: '所属单位' };

export function createImporterRepository(ctx: DataLayerContext): ImporterRepository {
  const { db } = ctx;
  return {
    async unitsAndPeople(data) {
      const { units, people } = parseAll(data);
      return auditedWrite(ctx, [db.units, db.people], async (audit) => {
        guard(audit, 'master.import');
        // Existing live units by name; archived ones do not take part in name resolution.
        const unitIdByName = new Map<string, string>();
        for (const u of await db.units.toArray()) if (!u.archived) unitIdByName.set(u.name, u.id);

        const at = ctx.now().toISOString();
        const newUnits: Unit[] = units.map(({ value, where }) => {
          if (unitIdByName.has(value.name)) {
            throw new DomainError('conflict', `${where}：已存在同名单位“${value.name}”`);
          }
          const unit = withoutUndefined(
            unitSchema.parse({ ...value, id: ctx.newId(), createdAt: at, updatedAt: at, archived: false }),
          );
          unitIdByName.set(unit.name, unit.id);
          return unit;
        });
        await db.units.bulkAdd(newUnits);
        for (const u of newUnits)
          audit.record({ entity: 'unit', entityId: u.id, action: 'import', before: null, after: u });

        const newPeople: Person[] = people.map(({ value: { unitName, ...rest }, where }) => {
          const unitId = unitIdByName.get(unitName);
          if (!unitId) throw new DomainError('import-invalid', `${where}：所属单位“${unitName}”不存在或已归档`);
          return withoutUndefined(
            personSchema.parse({ ...rest, unitId, id: ctx.newId(), createdAt: at, updatedAt: at, archived: false }),
          );
        });
        await db.people.bulkAdd(newPeople);
        for (const p of newPeople)
          audit.record({ entity: 'person', entityId: p.id, action: 'import', before: null, after: p });

        return { units: newUnits.length, people: newPeople.length };
      });
    },
  };
}

interface Located<T> {
  value: T;
  /** "单位表第 3 行" when the row number is known, else "单位表第 3 条". */
  where: string;
}

/** Validates every row before the transaction; the first bad row is named in the error. */
function parseAll(data: ValidatedUnitsPeople): {
  units: Located<z.output<typeof unitInputSchema>>[];
  people: Located<z.output<typeof importedPersonSchema>>[];
} {
  const d = data as Partial<ValidatedUnitsPeople> | null;
  if (!d || !Array.isArray(d.units) || !Array.isArray(d.people)) {
    throw new DomainError('import-invalid', '导入数据格式不正确：缺少单位或人员列表');
  }
  const units = d.units.map((row, i) => parseRow(unitInputSchema, row, locate('单位表', row, i), UNIT_FIELD_LABELS));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.value.name)) throw new DomainError('import-invalid', `${u.where}：单位“${u.value.name}”在表中重复`);
    seen.add(u.value.name);
  }
  const people = d.people.map((row, i) =>
    parseRow(importedPersonSchema, row, locate('人员表', row, i), IMPORTED_PERSON_LABELS),
  );
  return { units, people };
}

function parseRow<S extends z.ZodType>(
  schema: S,
  row: unknown,
  where: string,
  labels: Record<string, string>,
): Located<z.output<S>> {
  const result = safeParseZh(schema, row);
  if (result.success) return { value: result.data, where };
  const first = result.error.issues[0];
  throw new DomainError('import-invalid', `${where}：${first ? issueMessage(first, row, labels) : '格式不正确'}`);
}

/** Uses an Excel `row` number if the validator kept one; otherwise the position in the list. */
function locate(sheet: string, row: unknown, index: number): string {
  const excelRow = (row as { row?: unknown } | null)?.row;
  const name = (row as { name?: unknown } | null)?.name;
  const who = typeof name === 'string' && name.trim() ? `（${name.trim()}）` : '';
  return typeof excelRow === 'number' ? `${sheet}第 ${excelRow} 行${who}` : `${sheet}第 ${index + 1} 条${who}`;
}
