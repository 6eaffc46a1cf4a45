import type Dexie from 'dexie';
import { verifyAuditTrail } from '../audit-verify';
import { JointDeskDB } from '../database';
import { keyedFromWire, verifyRequestSchema, type VerifyMessage } from './wire';

/**
 * The audit verification worker's work (audit-verify.worker.ts), as a plain function so it is tested under
 * Node with fake-indexeddb: opens its own connection to the page's database, runs the whole check
 * (verifyAuditTrail: chain, anchors, record states) reading in key order in chunks, and posts progress,
 * each verified prefix and the result. A request that fails its schema, or a database that cannot be
 * read, is answered with an error message; nothing is written.
 */
export async function handleVerifyRequest(
  data: unknown,
  post: (message: VerifyMessage) => void,
  open: (dbName: string) => Dexie = (name) => new JointDeskDB(name),
): Promise<void> {
  const parsed = verifyRequestSchema.safeParse(data);
  if (!parsed.success) {
    post({ type: 'error', message: '审计校验请求格式不正确' });
    return;
  }
  const { dbName, extraAnchors, from, keyed } = parsed.data;
  let db: Dexie | undefined;
  try {
    db = open(dbName);
    const result = await verifyAuditTrail(db, extraAnchors, (done, total) => post({ type: 'progress', done, total }), {
      ...(from ? { from } : {}),
      ...(keyed ? { keyed: keyedFromWire(keyed) } : {}),
      onVerified: (head) => post({ type: 'verified', head }),
      // Off the page's thread: nothing to yield to between chunks.
      pause: () => Promise.resolve(),
    });
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db?.close();
  }
}
