import { afterEach, describe, expect, it } from 'vitest';
import { buildBackupArchive } from '../../../shared/backup/format';
import type { Topic } from '../../../shared/domain';
import { generatePiiKeyPair, openSealedJson } from '../../../shared/security/pii-seal';
import { exportTables, databaseDigest } from '../../../renderer/src/db/backup/backup';
import { restoreBackup, verifyBackupFile } from '../../../renderer/src/db/backup/restore';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import {
  setUpgradeKeyProvider,
  setUpgradePublicKey,
  UPGRADE_NEEDS_PII_KEY,
} from '../../../renderer/src/db/migrations/pii-upgrade-key';
import { freshDependencies, unitInput } from './helpers';

const CLEAR = { name: '金丝雀测试人丙', phone: '13812345678', idNumber: '11010519491231002X' };
const NOW = () => new Date('2026-03-09T02:00:00.000Z');

/** A v6 backup (the last schema before sealing) whose one topic holds its complainant in clear. */
async function olderBackup() {
  const deps = freshDependencies();
  const db = new JointDeskDB('jointdesk', deps);
  const dl = createDataLayer(db, { now: NOW });
  await dl.profiles.create({ name: '王丽', unitName: '办公室', role: 'office_staff' });
  const unit = await dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }));
  await dl.topics.submit({
    title: '夜市油烟',
    submittingUnitId: unit.id,
    submittedOn: '2026-03-01',
    category: 'other',
    description: '说明',
    urgency: 'normal',
    relatedUnitIds: [],
  });
  const { tables, auditHead } = await exportTables(db);
  const topics = tables['topics'] as Topic[];
  tables['topics'] = topics.map((t) => ({ ...t, complainant: CLEAR }));
  const { bytes } = await buildBackupArchive({
    tables,
    appVersion: '0.0.9',
    schemaVersion: 6,
    createdAt: NOW(),
    kind: 'manual',
    auditHead,
  });
  return { db, deps, bytes, topicId: topics[0]!.id };
}

afterEach(() => {
  setUpgradeKeyProvider(undefined);
  setUpgradePublicKey(undefined);
});

describe('restore of an older backup with clear complainant data (PII-1)', () => {
  it('gets the key through the registered provider and restores the values sealed', async () => {
    const { db, deps, bytes, topicId } = await olderBackup();
    const pair = generatePiiKeyPair();
    setUpgradeKeyProvider(async () => pair.publicKey);
    await restoreBackup(db, verifyBackupFile(bytes), {
      deps,
      appVersion: '0.1.0',
      keepPreRestoreBackup: async () => undefined,
    });
    const t = (await db.topics.get(topicId))!;
    expect(t).not.toHaveProperty('complainant');
    expect(openSealedJson(pair.secretKey, t.complainantSealed!)).toEqual(CLEAR);
    const all = JSON.stringify(await exportTables(db));
    for (const v of Object.values(CLEAR)) expect(all).not.toContain(v);
    db.close();
  });

  it('without a key the restore is refused with the message and the live data stays as it was', async () => {
    const { db, deps, bytes } = await olderBackup();
    const before = await databaseDigest(db);
    await expect(
      restoreBackup(db, verifyBackupFile(bytes), {
        deps,
        appVersion: '0.1.0',
        keepPreRestoreBackup: async () => undefined,
      }),
    ).rejects.toThrow(/投诉举报人信息保护密钥/);
    expect(await databaseDigest(db)).toBe(before);
    db.close();
    expect(UPGRADE_NEEDS_PII_KEY).toContain('保护密钥');
  });
});
