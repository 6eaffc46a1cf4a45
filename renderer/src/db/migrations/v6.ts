import type { Transaction } from 'dexie';
import { STATE_CHECKED } from '../../../../shared/domain';
import { appendMigrationEntries } from './audit-seal';
import type { SchemaVersion } from './types';

/**
 * Version 6 (issue #10 item 6, AUD-1): record-state hashes begin. Every entry written from now on carries
 * the state hash of its record, and verification checks each stored record against the newest one. The
 * records already stored have entries without it, or none at all (data older than the trail), so this
 * upgrade seals each one's current state into the chain: one system entry per record (action 'migrate'),
 * written in the version-change transaction. No schema change (stateHash is not indexed).
 */
async function upgrade(tx: Transaction): Promise<void> {
  for (const { entity, table } of STATE_CHECKED) {
    const rows = (await tx.table(table).toArray()) as { id: string }[];
    await appendMigrationEntries(
      tx,
      6,
      rows.map((row) => ({ entity, entityId: row.id, row })),
      '记录状态校验起点',
    );
  }
}

export const v6: SchemaVersion = { version: 6, stores: {}, upgrade };
