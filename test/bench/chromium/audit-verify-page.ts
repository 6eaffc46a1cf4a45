/**
 * The page of the audit verification bench (audit-verify.ts): seeds a trail of `entries` sealed entries over
 * `records` units (each entry carrying its record's state hash, the rows written too) in a real IndexedDB, then
 * runs the app's check (runAuditVerify) in the audit worker or on the page's thread, timing it and taking the
 * longest main-thread block ('longtask', > 50 ms) seen meanwhile.
 */
import {
  GENESIS_HASH,
  recordStateHash,
  sealAuditEntry,
  type AuditEntry,
  type AuditVerification,
} from '../../../shared/domain';
import { runAuditVerify, type VerifyWorker } from '../../../renderer/src/db/audit-worker/run-verify';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { timedRun } from './bench-page-shared';

const DB_NAME = 'audit-verify-bench';

export interface AuditVerifyRun {
  ms: number;
  longest: number;
  ok: boolean;
  count: number;
}

export interface AuditVerifyBenchApi {
  seed(entries: number, records: number): Promise<{ ms: number }>;
  run(where: 'worker' | 'page'): Promise<AuditVerifyRun>;
}

let db: JointDeskDB | undefined;

const api: AuditVerifyBenchApi = {
  async seed(entries, records) {
    const t0 = performance.now();
    await new JointDeskDB(DB_NAME).delete();
    db = new JointDeskDB(DB_NAME);
    const at = '2026-11-22T02:00:00.000Z';
    const units = Array.from({ length: records }, (_, i) => ({
      id: `u${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      name: `单位${i}`,
      kind: 'district_department',
      archived: false,
    }));
    const hashes = units.map((u) => recordStateHash(u));
    await db.units.bulkAdd(units as never);
    let prev = GENESIS_HASH;
    let batch: AuditEntry[] = [];
    for (let seq = 1; seq <= entries; seq++) {
      const i = (seq - 1) % records;
      const e = sealAuditEntry({
        seq,
        ts: at,
        actorId: 'p1',
        actorName: '王丽',
        actorRole: 'office_staff',
        entity: 'unit',
        entityId: units[i]!.id,
        action: seq <= records ? 'create' : 'update',
        before: null,
        after: seq <= records ? units[i] : null,
        stateHash: hashes[i]!,
        prevHash: prev,
      });
      prev = e.hash;
      batch.push(e);
      if (batch.length === 5_000 || seq === entries) {
        await db.audit.bulkAdd(batch);
        batch = [];
      }
    }
    await db.settings.put({ key: 'audit.head', value: { seq: entries, hash: prev } });
    return { ms: performance.now() - t0 };
  },

  async run(where) {
    const { ms, longest, out } = await timedRun<AuditVerification>(() =>
      runAuditVerify(db!, [], {
        createWorker: () =>
          where === 'worker' ? (new Worker('/worker.js', { type: 'module' }) as unknown as VerifyWorker) : undefined,
      }),
    );
    return { ms, longest, ok: out.ok, count: out.ok ? out.count : -1 };
  },
};

(globalThis as unknown as { __auditVerifyBench: AuditVerifyBenchApi }).__auditVerifyBench = api;
