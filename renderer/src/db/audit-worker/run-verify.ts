import type Dexie from 'dexie';
import type { AuditAnchor, AuditVerification } from '../../../../shared/domain';
import { verifyAuditTrail, type VerifyOptions } from '../audit-verify';
import { keyedToWire, verifyMessageSchema, type VerifyRequest } from './wire';
import { runOnWorker, type WorkerPort } from '../../lib/worker-port';

/** The part of a Worker the runner uses (a fake one in tests). */
export type VerifyWorker = WorkerPort;

export interface RunVerifyOptions extends Pick<VerifyOptions, 'from' | 'onVerified' | 'keyed'> {
  onProgress?: (done: number, total: number) => void;
  /** Default: a module Worker of audit-verify.worker.ts, or none where `Worker` does not exist. */
  createWorker?: () => VerifyWorker | undefined;
}

function defaultWorker(): VerifyWorker | undefined {
  if (typeof Worker !== 'function') return undefined;
  // This exact expression is what Vite recognises to bundle the worker as its own same-origin script.
  return new Worker(new URL('./audit-verify.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as VerifyWorker;
}

/**
 * Verifies the audit trail of `db` (chain, anchors, every record's state) in a Web Worker with its own
 * connection to the same IndexedDB, so hashing 200,000 entries never blocks the page: the page only
 * receives progress, the verified prefixes (for the checkpoint) and the result. Where there is no Worker
 * (Vitest in Node), or the worker cannot start or fails, the same check runs on the page's thread in
 * chunks that yield (verifyAuditTrail).
 */
export function runAuditVerify(
  db: Dexie,
  extraAnchors: readonly AuditAnchor[] = [],
  o: RunVerifyOptions = {},
): Promise<AuditVerification> {
  const onPage = () =>
    verifyAuditTrail(db, extraAnchors, o.onProgress, {
      ...(o.from ? { from: o.from } : {}),
      ...(o.onVerified ? { onVerified: o.onVerified } : {}),
      ...(o.keyed ? { keyed: o.keyed } : {}),
    });
  let worker: VerifyWorker | undefined;
  try {
    worker = (o.createWorker ?? defaultWorker)();
  } catch {
    worker = undefined;
  }
  if (!worker) return onPage();
  const w = worker;
  const request: VerifyRequest = {
    type: 'verify',
    dbName: db.name,
    extraAnchors: extraAnchors.map((a) => ({ seq: a.seq, hash: a.hash })),
    ...(o.from ? { from: { seq: o.from.seq, hash: o.from.hash } } : {}),
    ...(o.keyed ? { keyed: keyedToWire(o.keyed) } : {}),
  };
  // A worker that fails does not leave the trail unchecked: the page checks it itself.
  return runOnWorker<AuditVerification>(w, request, [], {
    onFailure: () => onPage(),
    onMessage: (data, { done, fail }) => {
      const parsed = verifyMessageSchema.safeParse(data);
      if (!parsed.success) return fail('unreadable message');
      const m = parsed.data;
      if (m.type === 'progress') o.onProgress?.(m.done, m.total);
      else if (m.type === 'verified') o.onVerified?.(m.head);
      else if (m.type === 'result') done(m.result as AuditVerification);
      else fail(m.type);
    },
  });
}
