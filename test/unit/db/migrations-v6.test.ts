import type { Transaction } from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordStateHash, STATE_CHECKED, type AuditEntry, type Unit } from '../../../shared/domain';
import { verifyAuditTrail } from '../../../renderer/src/db/audit-verify';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../../renderer/src/db/migrations';
import { appendMigrationEntries } from '../../../renderer/src/db/migrations/audit-seal';
import { rawWrite } from './helpers';
import { createMigrationHarness, dumpTables } from './migration-harness';
import { tinyDataset } from './tiny-dataset';

const upToV5 = SCHEMA_VERSIONS.filter((v) => v.version <= 5);
const noPause = { pause: async () => undefined };

/** A candidate next version that rewrites unit names, with or without sealing what it changed. */
function renameUnits(seal: boolean): SchemaVersion {
  const version = SCHEMA_VERSIONS.at(-1)!.version + 1;
  return {
    version,
    stores: {},
    upgrade: async (tx: Transaction) => {
      const units = tx.table<Unit, string>('units');
      const changed: Unit[] = [];
      for (const u of await units.toArray()) {
        const next = { ...u, name: `${u.name}（更名）` };
        await units.put(next);
        changed.push(next);
      }
      if (seal) {
        await appendMigrationEntries(
          tx,
          version,
          changed.map((u) => ({ entity: 'unit', entityId: u.id, row: u })),
          '单位更名',
        );
      }
    },
  };
}

describe('Dexie v6: the state of every stored record sealed into the trail', () => {
  it('appends one system entry per record with its state hash; the rows stay as they were', async () => {
    const h = createMigrationHarness();
    const rows = tinyDataset() as unknown as Record<string, { id: string }[]>;
    await h.seedAtVersion('v6up', upToV5, rows);
    const db = await h.openCurrent('v6up');
    const dump = await dumpTables(db);
    for (const { table } of STATE_CHECKED) expect(dump[table] ?? []).toEqual(rows[table] ?? []);
    const entries = dump['audit'] as AuditEntry[];
    const records = STATE_CHECKED.flatMap(({ entity, table }) => (rows[table] ?? []).map((r) => ({ entity, r })));
    expect(entries).toHaveLength(records.length);
    expect(entries[0]).toMatchObject({ seq: 1, actorId: 'system', actorName: '系统', action: 'migrate' });
    for (const { entity, r } of records) {
      const e = entries.find((x) => x.entity === entity && x.entityId === r.id)!;
      expect(e.stateHash).toBe(recordStateHash(r));
      expect(e.reason).toBe('记录状态校验起点（数据库版本 6）');
    }
    const dl = createDataLayer(db);
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: records.length });
    // From now on a direct edit of any of them is found.
    await rawWrite(db, 'resolutions', (s) => s.put({ ...rows['resolutions']![0]!, content: '改过' }));
    expect(await dl.audit.verify()).toMatchObject({
      ok: false,
      problem: 'record-edited',
      record: { entity: 'resolution', table: 'resolutions' },
    });
    db.close();
  });

  it('an empty database gets no entries', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v6empty', upToV5, { units: [] });
    const db = await h.openCurrent('v6empty');
    expect(await db.audit.count()).toBe(0);
    db.close();
  });
});

describe('upgrades that change rows write system entries (appendMigrationEntries)', () => {
  it('sealed in the upgrade transaction: the chain and every record still verify', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('mig', upToV5, tinyDataset() as unknown as Record<string, unknown[]>);
    (await h.openCurrent('mig')).close(); // at the current version, states sealed
    const db = await h.openWith('mig', [...SCHEMA_VERSIONS, renameUnits(true)]);
    const units = await db.table<Unit, string>('units').toArray();
    expect(units.every((u) => u.name.endsWith('（更名）'))).toBe(true);
    const tail = (await db.table<AuditEntry, number>('audit').orderBy('seq').toArray()).slice(-units.length);
    expect(tail.map((e) => [e.entityId, e.action, e.actorId, e.stateHash])).toEqual(
      units.map((u) => [u.id, 'migrate', 'system', recordStateHash(u)]),
    );
    expect(await verifyAuditTrail(db, [], undefined, noPause)).toMatchObject({ ok: true });
    db.close();
  });

  it('without them the changed records are named as edited outside the app', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('mig2', upToV5, tinyDataset() as unknown as Record<string, unknown[]>);
    (await h.openCurrent('mig2')).close();
    const db = await h.openWith('mig2', [...SCHEMA_VERSIONS, renameUnits(false)]);
    expect(await verifyAuditTrail(db, [], undefined, noPause)).toMatchObject({
      ok: false,
      problem: 'record-edited',
      record: { entity: 'unit', table: 'units' },
    });
    db.close();
  });

  it('an upgrade that fails after sealing leaves neither its rows nor its entries', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('mig3', upToV5, tinyDataset() as unknown as Record<string, unknown[]>);
    const current = await h.openCurrent('mig3');
    const before = await dumpTables(current);
    current.close();
    const failing: SchemaVersion = {
      ...renameUnits(true),
      upgrade: async (tx) => {
        await renameUnits(true).upgrade!(tx);
        throw new Error('injected');
      },
    };
    await expect(h.openWith('mig3', [...SCHEMA_VERSIONS, failing])).rejects.toThrow();
    const db = await h.openCurrent('mig3');
    expect(await dumpTables(db)).toEqual(before);
    db.close();
  });
});
