import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditEntrySides, type AuditEntry, type AuditedEntity } from '../../../shared/domain';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import type { DataLayer } from '../../../renderer/src/db/types';
import { personInput, unitInput, withProfile } from './helpers';

/** Every stored record equals its state after its newest audit entry (auditEntrySides); deleted records are gone. */
async function expectRecordsMatchAudit(db: JointDeskDB): Promise<void> {
  // Changed-field entries applied over the record's create entry must give exactly the stored row.
  const byRecord = new Map<string, AuditEntry[]>();
  for (const e of await db.audit.orderBy('seq').toArray()) {
    const k = `${e.entity}/${e.entityId}`;
    byRecord.set(k, [...(byRecord.get(k) ?? []), e]);
  }
  const latest = new Map<string, unknown>();
  for (const [k, entries] of byRecord) latest.set(k, auditEntrySides(entries).get(entries.at(-1)!.seq)!.after);
  const tables: [AuditedEntity, JointDeskDB['units'] | JointDeskDB['people']][] = [
    ['unit', db.units],
    ['person', db.people],
  ];
  for (const [entity, table] of tables) {
    const rows = await table.toArray();
    for (const row of rows) expect(latest.get(`${entity}/${row.id}`)).toEqual(row);
    const auditedLive = [...latest].filter(([k, after]) => k.startsWith(`${entity}/`) && after !== null);
    expect(auditedLive).toHaveLength(rows.length);
  }
}

type Op =
  | { kind: 'createUnit'; name: number }
  | { kind: 'updateUnit' | 'archiveUnit' | 'restoreUnit' | 'removeUnit'; unit: number; phone: number }
  | { kind: 'createPerson'; unit: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createUnit' as const), name: fc.nat(5) }),
  fc.record({
    kind: fc.constantFrom('updateUnit' as const, 'archiveUnit' as const, 'restoreUnit' as const, 'removeUnit' as const),
    unit: fc.nat(5),
    phone: fc.nat(9),
  }),
  fc.record({ kind: fc.constant('createPerson' as const), unit: fc.nat(5) }),
);

async function apply(dl: DataLayer, db: JointDeskDB, op: Op): Promise<void> {
  const units = await db.units.orderBy('id').toArray();
  const pick = (i: number) => units[i % Math.max(units.length, 1)]?.id ?? 'missing';
  switch (op.kind) {
    case 'createUnit':
      await dl.units.create(unitInput(`单位${op.name}`));
      return;
    case 'updateUnit':
      await dl.units.update(pick(op.unit), { liaisonPhone: `1380000000${op.phone}` });
      return;
    case 'archiveUnit':
      await dl.units.archive(pick(op.unit));
      return;
    case 'restoreUnit':
      await dl.units.restore(pick(op.unit));
      return;
    case 'removeUnit':
      await dl.units.remove(pick(op.unit));
      return;
    case 'createPerson':
      await dl.people.create(personInput(`人员${op.unit}`, pick(op.unit)));
      return;
  }
}

describe('audit invariants under random operations and faults', () => {
  it('after every operation, committed or refused or faulted, the chain verifies and records match the trail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: opArb, faultAt: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 3 }) }), {
          minLength: 1,
          maxLength: 10,
        }),
        async (steps) => {
          const { db, dl } = await withProfile();
          for (const { op, faultAt } of steps) {
            let seen = 0;
            const hit = () => {
              seen += 1;
              if (faultAt !== null && seen === faultAt) throw new Error('injected');
            };
            for (const t of db.tables) {
              t.hook('creating', hit);
              t.hook('updating', hit);
            }
            // Refusals (duplicate name, referenced, not found) and injected faults are both expected.
            await apply(dl, db, op).then(
              () => undefined,
              () => undefined,
            );
            for (const t of db.tables) {
              t.hook('creating').unsubscribe(hit);
              t.hook('updating').unsubscribe(hit);
            }
            expect((await dl.audit.verify()).ok).toBe(true);
            await expectRecordsMatchAudit(db);
          }
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
