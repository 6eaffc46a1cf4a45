import type { Transaction } from 'dexie';
import { DomainError, hasComplainantData, sealedTopic, type Topic } from '../../../../shared/domain';
import { appendMigrationEntries } from './audit-seal';
import { UPGRADE_NEEDS_PII_KEY, upgradePublicKey } from './pii-upgrade-key';
import type { SchemaVersion } from './types';

/**
 * Version 7 (issue #10 item 5, PII-1): complainant data encrypted at rest. Every topic that still holds
 * `complainant` in clear gets `complainantMasked` + `complainantSealed` (sealed to the installation's public
 * key, synchronously: shared/security/pii-seal.ts) and loses the clear field. The key comes from
 * pii-upgrade-key.ts, set by the app before it opens the database; without it, and with clear data to
 * seal, the upgrade throws and the version-change transaction rolls back (nothing is skipped).
 *
 * The change is data, so each changed topic gets a system 'migrate' audit entry with its new state hash
 * (appendMigrationEntries, the audit trail's hook for upgrades that change rows). Idempotent: a row in the
 * stored form is not touched. No schema change.
 */
async function upgrade(tx: Transaction): Promise<void> {
  const table = tx.table<Topic, string>('topics');
  const clear = (await table.toArray()).filter((t) => t.complainant !== undefined);
  if (clear.length === 0) return;
  const key = upgradePublicKey();
  if (!key && clear.some((t) => hasComplainantData(t.complainant))) {
    throw new DomainError('validation', UPGRADE_NEEDS_PII_KEY);
  }
  const sealed = clear.map((t) => sealedTopic(t, key));
  await table.bulkPut(sealed);
  await appendMigrationEntries(
    tx,
    7,
    sealed.map((row) => ({ entity: 'topic' as const, entityId: row.id, row })),
    '投诉举报人信息改为加密保存',
  );
}

export const v7: SchemaVersion = { version: 7, stores: {}, upgrade };
