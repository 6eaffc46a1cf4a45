import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { auditEntrySides, type AuditEntry, type UserProfile } from '../../../shared/domain';
import { createDataLayer, type DataLayerOptions } from '../../../renderer/src/db/data-layer';
import { JointDeskDB, type DatabaseDependencies } from '../../../renderer/src/db/database';
import { memoryPiiKeys } from '../../../renderer/src/db/pii';
import type { DataLayer } from '../../../renderer/src/db/types';

/** A private in-memory IndexedDB, so no test sees another's data. */
export function freshDependencies(): DatabaseDependencies {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDatabase(name = 'jointdesk-test'): JointDeskDB {
  return new JointDeskDB(name, freshDependencies());
}

/** Deterministic clock (one second per call) and ids (`id-1`, `id-2`, …). */
export function deterministicOptions(): Required<DataLayerOptions> {
  let tick = 0;
  let id = 0;
  return {
    now: () => new Date(Date.UTC(2026, 10, 22, 1, 0, tick++)),
    newId: () => `id-${++id}`,
    pii: memoryPiiKeys(),
  };
}

export interface Harness {
  db: JointDeskDB;
  dl: DataLayer;
  profile: UserProfile;
}

/** Fresh database + data layer with a current profile (the profile's creation is audit entry 1). */
export async function withProfile(opts: DataLayerOptions = deterministicOptions()): Promise<Harness> {
  const db = freshDatabase();
  const dl = createDataLayer(db, opts);
  const profile = await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  return { db, dl, profile };
}

export const unitInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'district_department',
  ...extra,
});

export const personInput = (name: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  name,
  unitId,
  role: 'member',
  ...extra,
});

/** Every audit row, oldest first, straight from the table. */
export function auditRows(db: JointDeskDB): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

/**
 * Every audit row, oldest first, each changed-fields entry (`changedOnly`) with before/after as whole
 * record states, applied over its record's earlier entries (auditEntrySides) — what the trail says the
 * record was, to compare with the record itself. Other entries (creates, exports …) as stored.
 */
export async function auditRowsWhole(db: JointDeskDB): Promise<AuditEntry[]> {
  const rows = await auditRows(db);
  const byRecord = new Map<string, AuditEntry[]>();
  for (const e of rows) {
    const k = `${e.entity}/${e.entityId}`;
    byRecord.set(k, [...(byRecord.get(k) ?? []), e]);
  }
  const sides = new Map<number, { before: unknown; after: unknown }>();
  for (const entries of byRecord.values()) for (const [seq, s] of auditEntrySides(entries)) sides.set(seq, s);
  return rows.map((e) => (e.changedOnly ? { ...e, ...sides.get(e.seq)! } : e));
}

/** Writes to an object store with raw IndexedDB, bypassing Dexie and its append-only hooks. */
export async function rawWrite(db: JointDeskDB, store: string, op: (s: IDBObjectStore) => IDBRequest): Promise<void> {
  await db.open();
  const tx = db.backendDB().transaction(store, 'readwrite');
  op(tx.objectStore(store));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('raw write aborted'));
  });
}

/** Contents of every table, for "nothing changed" assertions. */
export async function snapshotTables(db: JointDeskDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

export class InjectedFault extends Error {}

/**
 * Makes the k-th record mutation (create, update or delete on any table, through Dexie) throw.
 * Returns a function that removes the hooks and tells how many mutations were seen.
 */
export function failAtMutation(db: JointDeskDB, k: number): () => number {
  let seen = 0;
  const hit = () => {
    seen += 1;
    if (seen === k) throw new InjectedFault(`injected fault at mutation ${k}`);
  };
  const undo: (() => void)[] = [];
  for (const table of db.tables) {
    for (const type of ['creating', 'updating', 'deleting'] as const) {
      // The hook signatures differ per type; all three accept a function that ignores its arguments.
      const hook = table.hook(type as 'creating');
      hook.subscribe(hit);
      undo.push(() => hook.unsubscribe(hit));
    }
  }
  return () => {
    for (const u of undo) u();
    return seen;
  };
}
