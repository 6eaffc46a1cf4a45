import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Topic } from '../../../shared/domain';
import { generatePiiKeyPair, openSealedJson } from '../../../shared/security/pii-seal';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/migrations';
import {
  prepareUpgradeKey,
  setUpgradePublicKey,
  upgradePublicKey,
  UPGRADE_NEEDS_PII_KEY,
} from '../../../renderer/src/db/migrations/pii-upgrade-key';
import { createMigrationHarness, dumpTables } from './migration-harness';

const upToV5 = SCHEMA_VERSIONS.filter((v) => v.version <= 5);
const upToV6 = SCHEMA_VERSIONS.filter((v) => v.version <= 6);

const CLEAR = {
  name: '金丝雀测试人乙',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  address: '城关镇解放路1号',
};

function topic(id: string, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    createdAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T08:00:00.000Z',
    title: `议题${id}`,
    submittingUnitId: 'u1',
    submittedOn: '2026-06-01',
    category: 'other',
    description: '情况说明',
    urgency: 'normal',
    relatedUnitIds: [],
    state: 'submitted',
    ...extra,
  };
}

const rows = {
  topics: [
    topic('t1', { complainant: CLEAR }),
    topic('t2'),
    topic('t3', { complainant: { name: '' } }),
    topic('t4', { complainant: { phone: '0599-1234567' } }),
  ],
};

afterEach(() => setUpgradePublicKey(undefined));

describe('Dexie v7: complainant data sealed at rest', () => {
  it('seals every clear complainant, keeps the masked form, drops the clear one, and audits each change', async () => {
    const h = createMigrationHarness();
    // From v5, so v6 seals each record's state first (the trail then verifies record by record).
    await h.seedAtVersion('v7up', upToV5, rows);
    const keys = generatePiiKeyPair();
    setUpgradePublicKey(keys.publicKey);
    const db = await h.openCurrent('v7up');
    expect(await h.storedVersion('v7up')).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const dump = await dumpTables(db);
    const byId = new Map((dump.topics as Topic[]).map((t) => [t.id, t]));

    const t1 = byId.get('t1')!;
    expect(t1).not.toHaveProperty('complainant');
    expect(t1.complainantMasked).toEqual({
      name: '金******',
      phone: '138****5678',
      idNumber: '110105********002X',
      address: '城关镇解放路****',
    });
    expect(openSealedJson(keys.secretKey, t1.complainantSealed!)).toEqual(CLEAR);
    expect(byId.get('t2')).toEqual(rows.topics[1]);
    // Nothing to seal: the empty complainant is dropped.
    for (const k of ['complainant', 'complainantMasked', 'complainantSealed'])
      expect(byId.get('t3')).not.toHaveProperty(k);
    expect(openSealedJson(keys.secretKey, byId.get('t4')!.complainantSealed!)).toEqual({ phone: '0599-1234567' });

    // No clear value anywhere in the database (the audit entries carry state hashes, no snapshots).
    const everything = JSON.stringify(dump);
    for (const v of Object.values(CLEAR)) expect(everything).not.toContain(v);
    const migrate = (dump.audit as AuditEntry[]).filter((e) => e.reason?.includes('数据库版本 7'));
    expect(migrate.map((e) => e.entityId).sort()).toEqual(['t1', 't3', 't4']);
    expect(migrate.every((e) => e.action === 'migrate' && e.actorId === 'system')).toBe(true);

    // The trail verifies with the upgraded rows, and the app reveals what the upgrade sealed.
    const dl = createDataLayer(db, {
      pii: {
        publicKey: async () => keys.publicKey,
        open: async (s) => JSON.stringify(openSealedJson(keys.secretKey, s)),
      },
    });
    const verified = await dl.audit.verify();
    expect(verified, JSON.stringify(verified)).toMatchObject({ ok: true });
    await dl.profiles.create({ name: '王丽', unitName: '办公室', role: 'office_staff' });
    expect(await dl.topics.reveal('t1', '核实')).toEqual(CLEAR);
    db.close();
  });

  it('without the key it refuses with a clear message and leaves the database as it was', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v7nokey', upToV6, rows);
    const db = new JointDeskDB('v7nokey', h.deps);
    await expect(db.open()).rejects.toThrow(UPGRADE_NEEDS_PII_KEY);
    db.close();
    expect(await h.storedVersion('v7nokey')).toBe(6);
    const old = await h.openWith('v7nokey', upToV6);
    expect((await dumpTables(old)).topics).toEqual(rows.topics);
    expect(await old.table('audit').count()).toBe(0);
    old.close();

    // With the key the same database then upgrades.
    setUpgradePublicKey(generatePiiKeyPair().publicKey);
    const again = await h.openCurrent('v7nokey');
    expect(((await again.table('topics').get('t1')) as Topic).complainantSealed).toMatch(/^pii1:/);
    again.close();
  });

  it('needs no key when no topic holds complainant data, and opens an empty database', async () => {
    const h = createMigrationHarness();
    await h.seedAtVersion('v7plain', upToV6, { topics: [topic('t2')] });
    const db = await h.openCurrent('v7plain');
    expect(await db.table('topics').toArray()).toEqual([topic('t2')]);
    db.close();
    await h.seedAtVersion('v7empty', upToV6, { topics: [] });
    const empty = await h.openCurrent('v7empty');
    expect(await empty.table('topics').count()).toBe(0);
    empty.close();
  });

  it('the app asks for the key before opening only when an older database holds clear complainant data', async () => {
    const h = createMigrationHarness();
    const pair = generatePiiKeyPair();
    let asked = 0;
    const getKey = async () => (asked++, pair.publicKey);
    // A fresh database: no question.
    expect(await prepareUpgradeKey('fresh', getKey, h.deps)).toBe(false);
    // An older one without complainant data: none either.
    await h.seedAtVersion('older-plain', upToV6, { topics: [topic('t2')] });
    expect(await prepareUpgradeKey('older-plain', getKey, h.deps)).toBe(false);
    expect(asked).toBe(0);
    // An older one with some: asked once, and the key is left for the upgrade, which then runs.
    await h.seedAtVersion('older', upToV6, rows);
    expect(await prepareUpgradeKey('older', getKey, h.deps)).toBe(true);
    expect(asked).toBe(1);
    expect(upgradePublicKey()).toEqual(pair.publicKey);
    const db = await h.openCurrent('older');
    expect(((await db.table('topics').get('t1')) as Topic).complainantSealed).toMatch(/^pii1:/);
    db.close();
    // Once upgraded: no question.
    expect(await prepareUpgradeKey('older', getKey, h.deps)).toBe(false);
    expect(asked).toBe(1);
  });
});
