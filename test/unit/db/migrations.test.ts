import type { Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealAuditEntry, STATE_CHECKED, type AuditEntry, type Unit } from '../../../shared/domain';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../../renderer/src/db/migrations';
import { createMigrationHarness, diffTables, dumpTables, type TableRows } from './migration-harness';
import { tinyDataset } from './tiny-dataset';

/** Rows of a database in use: business records, settings with an anchor, and a valid audit chain. */
function seedRows(): TableRows {
  const data = tinyDataset();
  const audit: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const unit of data.units) {
    const e = sealAuditEntry({
      seq: audit.length + 1,
      ts: '2026-09-01T08:00:00.000Z',
      actorId: 'pr1',
      actorName: '王小明',
      actorRole: 'office_staff',
      entity: 'unit',
      entityId: unit.id,
      action: 'demo-load',
      before: null,
      after: unit,
      prevHash,
    });
    audit.push(e);
    prevHash = e.hash;
  }
  return {
    ...data,
    profiles: [
      {
        id: 'pr1',
        name: '王小明',
        unitName: '联席会议办公室',
        role: 'office_staff',
        createdAt: '2026-09-01T08:00:00.000Z',
      },
    ],
    settings: [
      { key: 'profile.current', value: 'pr1' },
      { key: 'audit.head', value: { seq: audit.length, hash: prevHash } },
    ],
    audit,
    drafts: [{ id: 'n1', entity: 'minutes', content: { type: 'doc' }, updatedAt: '2026-09-21T10:00:00.000Z' }],
  };
}

const keyOf = (table: string, row: Record<string, unknown>) =>
  table === 'audit' ? row.seq : table === 'settings' ? row.key : row.id;

/** A candidate next version, declared only here: a new index and a field filled by the upgrade. */
const v2: SchemaVersion = {
  version: SCHEMA_VERSIONS.length + 1,
  stores: { units: 'id, name, kind, sortKey' },
  upgrade: (tx: Transaction) =>
    tx
      .table('units')
      .toCollection()
      .modify((u: Unit & { sortKey?: string }) => {
        u.sortKey = `${u.kind}:${u.name}`;
      })
      .then(() => undefined),
};

describe('migration harness', () => {
  it('reopening a v1 database with the current schema keeps every row and a verifiable chain', async () => {
    const h = createMigrationHarness();
    const rows = seedRows();
    await h.seedAtVersion('jointdesk', [SCHEMA_VERSIONS[0]!], rows);

    const db = await h.openCurrent('jointdesk');
    const after = await dumpTables(db);
    // v2 fills in the minutes link, the deadline rule and the issue year (see migrations-v2.test.ts).
    const v2Fields = { minutes: ['issueYear'], resolutions: ['deadlineRule', 'minutesId', 'issuedOn'] };
    // v6 seals the state of every record into the trail: one system entry each, and the head moves.
    const seeded = (rows['audit'] as AuditEntry[]).length;
    const records = STATE_CHECKED.reduce((n, { table }) => n + (after[table]?.length ?? 0), 0);
    const sealedEntries = Array.from({ length: records }, (_, i) => `audit/${seeded + i + 1}: row appeared`);
    expect(diffTables(rows, after, keyOf, v2Fields)).toEqual([
      expect.stringMatching(/^settings\/"audit\.head"\.value: /),
      ...sealedEntries,
    ]);
    const sealed = (after['audit'] as AuditEntry[]).slice(seeded);
    expect(new Set(sealed.map((e) => `${e.action}/${e.actorId}`))).toEqual(new Set(['migrate/system']));
    expect(sealed.filter((e) => e.entity === 'unit').map((e) => e.entityId)).toEqual(
      (after['units'] as Unit[]).map((u) => u.id),
    );
    expect(await h.storedVersion('jointdesk')).toBe(SCHEMA_VERSIONS.at(-1)!.version);

    const dl = createDataLayer(db);
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: seeded + records });
    // And the migrated database takes new audited writes.
    await dl.units.create({ name: '区自然资源局', kind: 'district_department' });
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: seeded + records + 1 });
    db.close();
  });

  it('runs a data-changing upgrade: new index usable, field filled, nothing else touched', async () => {
    const h = createMigrationHarness();
    const rows = seedRows();
    await h.seedAtVersion('jointdesk', SCHEMA_VERSIONS, rows);

    const db = await h.openWith('jointdesk', [...SCHEMA_VERSIONS, v2]);
    const after = await dumpTables(db);
    expect(await h.storedVersion('jointdesk')).toBe(v2.version);
    expect(diffTables(rows, after, keyOf, { units: ['sortKey'] })).toEqual([]);
    expect(await db.table('units').where('sortKey').equals('township:安平镇人民政府').primaryKeys()).toEqual(['u1']);
    db.close();
  });

  it('catches an upgrade that damages data', async () => {
    const h = createMigrationHarness();
    const rows = seedRows();
    await h.seedAtVersion('jointdesk', SCHEMA_VERSIONS, rows);
    const careless: SchemaVersion = {
      ...v2,
      upgrade: (tx) =>
        tx
          .table('units')
          .toCollection()
          .modify((u: Unit & { sortKey?: string }) => {
            u.sortKey = u.name;
            delete u.liaisonPhone; // the bug the harness must report
          })
          .then(() => undefined),
    };
    const db = await h.openWith('jointdesk', [...SCHEMA_VERSIONS, careless]);
    expect(diffTables(rows, await dumpTables(db), keyOf, { units: ['sortKey'] })).toEqual([
      'units/"u1".liaisonPhone: "13800000001" → undefined',
    ]);
    db.close();
  });

  it('reports lost and unexpected rows', () => {
    const before = { units: [{ id: 'a' }, { id: 'b' }] };
    const after = { units: [{ id: 'a' }, { id: 'c' }] };
    expect(diffTables(before, after, keyOf)).toEqual(['units/"b": row lost', 'units/"c": row appeared']);
  });
});
