import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../shared/domain';
import { handleVerifyRequest } from '../../../renderer/src/db/audit-worker/handler';
import { runAuditVerify, type VerifyWorker } from '../../../renderer/src/db/audit-worker/run-verify';
import { verifyMessageSchema, type VerifyMessage } from '../../../renderer/src/db/audit-worker/wire';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import { deterministicOptions, freshDependencies, rawWrite, unitInput } from './helpers';

/** A database with a few audited writes, and a way to open it again as the worker does (its own connection). */
async function trail(units = 3) {
  const deps = freshDependencies();
  const db = new JointDeskDB('jointdesk', deps);
  const dl = createDataLayer(db, deterministicOptions());
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  for (let i = 0; i < units; i += 1) await dl.units.create(unitInput(`单位${i}`));
  const open = (name: string) => new JointDeskDB(name, deps);
  return { db, dl, open };
}

async function ask(data: unknown, open: (name: string) => JointDeskDB): Promise<VerifyMessage[]> {
  const messages: VerifyMessage[] = [];
  await handleVerifyRequest(data, (m) => messages.push(m), open);
  // Whatever the worker posts passes the page's checks.
  for (const m of messages) expect(verifyMessageSchema.safeParse(m).success).toBe(true);
  return messages;
}

/** A Worker stand-in that hands each request to the handler, as the real worker script does. */
function inProcessWorker(
  open: (name: string) => JointDeskDB,
  tamper?: (m: VerifyMessage) => unknown,
): VerifyWorker & { terminated: boolean } {
  const w: VerifyWorker & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminated: false,
    postMessage(request) {
      void handleVerifyRequest(request, (m) => w.onmessage?.({ data: tamper ? tamper(m) : m }), open);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('audit verification worker: message protocol', () => {
  it('answers a request with progress, verified prefixes and the result of the whole check', async () => {
    const { db, dl, open } = await trail();
    const messages = await ask({ type: 'verify', dbName: db.name, extraAnchors: [] }, open);
    const head = await dl.audit.head();
    expect(messages).toEqual([
      { type: 'verified', head },
      { type: 'progress', done: 4, total: 4 },
      { type: 'result', result: { ok: true, count: 4, head } },
    ]);
    expect(messages.at(-1)).toEqual({ type: 'result', result: await dl.audit.verify() });
  });

  it('resumes from a checkpoint and finds a record edited behind the app', async () => {
    const { db, open } = await trail();
    const unit = (await db.units.toArray())[0]!;
    await rawWrite(db, 'units', (s) => s.put({ ...unit, name: '改名' }));
    const messages = await ask(
      { type: 'verify', dbName: db.name, extraAnchors: [], from: { seq: 2, hash: (await db.audit.get(2))!.hash } },
      open,
    );
    expect(messages.at(-1)).toMatchObject({
      type: 'result',
      result: { ok: false, problem: 'record-edited', record: { entity: 'unit', id: unit.id, table: 'units' } },
    });
  });

  it('refuses a malformed request and reports a database it cannot read, writing nothing', async () => {
    const { db, open } = await trail(1);
    expect(await ask({ type: 'verify', dbName: '', extraAnchors: [] }, open)).toEqual([
      { type: 'error', message: '审计校验请求格式不正确' },
    ]);
    expect(await ask({ type: 'verify', dbName: db.name, extraAnchors: [{ seq: 1, hash: 'x' }] }, open)).toHaveLength(1);
    const broken = () => {
      throw new Error('无法打开');
    };
    expect(await ask({ type: 'verify', dbName: db.name, extraAnchors: [] }, broken)).toEqual([
      { type: 'error', message: '无法打开' },
    ]);
  });
});

describe('runAuditVerify on the page', () => {
  it('through the worker: relays progress and prefixes, resolves the result, terminates the worker', async () => {
    const { db, dl, open } = await trail();
    const worker = inProcessWorker(open);
    const progress: number[] = [];
    const prefixes: number[] = [];
    const r = await runAuditVerify(db, [], {
      createWorker: () => worker,
      onProgress: (done) => progress.push(done),
      onVerified: (h) => prefixes.push(h.seq),
    });
    expect(r).toEqual(await dl.audit.verify());
    expect(progress).toEqual([4]);
    expect(prefixes).toEqual([4]);
    expect(worker.terminated).toBe(true);
  });

  it('without a Worker, or when the worker fails or answers nonsense, checks on the page instead', async () => {
    const { db, dl, open } = await trail();
    const unit = (await db.units.toArray())[1]!;
    await rawWrite(db, 'units', (s) => s.delete(unit.id));
    const expected: AuditVerification = await dl.audit.verify();
    expect(expected).toMatchObject({ ok: false, problem: 'record-deleted' });
    expect(await runAuditVerify(db, [], { createWorker: () => undefined })).toEqual(expected);
    const failing: VerifyWorker = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage() {
        queueMicrotask(() => failing.onerror?.({ message: 'script failed' }));
      },
      terminate() {},
    };
    expect(await runAuditVerify(db, [], { createWorker: () => failing })).toEqual(expected);
    const liar = inProcessWorker(open, (m) => (m.type === 'result' ? { type: 'result', result: { ok: true } } : m));
    expect(await runAuditVerify(db, [], { createWorker: () => liar })).toEqual(expected);
    expect(
      await runAuditVerify(db, [], {
        createWorker: () => {
          throw new Error('blocked');
        },
      }),
    ).toEqual(expected);
  });
});
