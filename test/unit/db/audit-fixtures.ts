import { STATE_CHECKED } from '../../../shared/domain';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { appendMigrationEntries, type MigratedRecord } from '../../../renderer/src/db/migrations/audit-seal';

/**
 * Test fixtures written straight into tables (to set up a state the app's own writes would take long to
 * reach) have no audit entries, and verify() names such rows as added behind the app. This seals the state
 * of every such row into the trail, as an upgrade that changes rows does (a system 'migrate' entry each).
 */
export async function sealFixtureRows(db: JointDeskDB): Promise<void> {
  await db.transaction('rw', db.tables, async (tx) => {
    const records: MigratedRecord[] = [];
    for (const { entity, table } of STATE_CHECKED) {
      for (const row of (await db.table(table).toArray()) as { id: string }[]) {
        const entries = await db.audit.where('[entity+entityId]').equals([entity, row.id]).count();
        if (entries === 0) records.push({ entity, entityId: row.id, row });
      }
    }
    await appendMigrationEntries(tx, db.verno, records, '测试数据');
  });
}
