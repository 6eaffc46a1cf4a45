import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditHeadStore, HEAD_ALTERED, type AuditHeadFs } from '../../../electron/main/audit/audit-head';
import {
  auditEntryMac,
  recordStateHash,
  sealAuditEntry,
  type AuditEntry,
  type UnsealedAuditEntry,
} from '../../../shared/domain';
import { runAuditVerify, type VerifyWorker } from '../../../renderer/src/db/audit-worker/run-verify';
import { handleVerifyRequest } from '../../../renderer/src/db/audit-worker/handler';
import { appendMigrationEntries } from '../../../renderer/src/db/migrations/audit-seal';
import {
  auditVerifyInputs,
  endAuditSession,
  resetMainAuditHead,
  startAuditSession,
  type AuditSession,
} from '../../../renderer/src/db/audit-session';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../../renderer/src/db/database';
import type { AuditHost } from '../../../renderer/src/platform/host';
import { auditRows, deterministicOptions, freshDependencies, rawWrite, unitInput } from './helpers';

/**
 * Issue 10, "5 of 11 raw-IndexedDB tamperings are never found": with main's head file and the audit key (the
 * Electron build), each of the five is found. Main is faked only at the IPC boundary: the host below calls the
 * real head store (electron/main/audit/audit-head.ts) over an in-memory file, with a fixed key.
 */

const DB = 'jointdesk';
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);

function memoryFs(files: Map<string, Uint8Array>): AuditHeadFs {
  return {
    readFile: async (p) => {
      const data = files.get(p);
      if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return data;
    },
    writeFileAtomic: async (p, data) => void files.set(p, data),
  };
}

/** Main as the renderer sees it through the bridge: the real head store, a fixed key (or none). */
function fakeMain(key: Uint8Array | null = KEY) {
  const files = new Map<string, Uint8Array>();
  const head = createAuditHeadStore({
    filePath: '/userData/audit-head.json',
    fs: memoryFs(files),
    key: async () => key,
    keyCreatedThisSession: () => true,
  });
  const host: AuditHost = {
    key: async () => {
      if (!key) throw new Error('操作系统未提供加密存储');
      return key;
    },
    readHead: () => head.read(),
    setHead: (h) => head.advance(h),
    resetHead: (h) => head.reset(h),
  };
  return { host, head, files };
}

afterEach(() => endAuditSession(DB));

/** A profile and 11 units (12 entries) written with the session running; main's head is at 12. */
async function keyedTrail(key: Uint8Array | null = KEY) {
  const main = fakeMain(key);
  const session = await startAuditSession(main.host, DB, () => undefined);
  const deps = freshDependencies();
  const db = new JointDeskDB(DB, deps);
  const dl = createDataLayer(db, deterministicOptions());
  await dl.profiles.create({ name: '王小明', unitName: '联席会议办公室', role: 'office_staff' });
  const units = [];
  for (let i = 1; i <= 11; i++) units.push(await dl.units.create(unitInput(`第${i}局`)));
  await session.settled();
  const verify = async () => dl.audit.verify([], undefined, { keyed: (await auditVerifyInputs(DB))! });
  return { main, session, db, dl, deps, units, verify, rows: await auditRows(db) };
}

/** An entry sealed the way someone with the database but without the key can: a valid hash, no mac. */
function forged(prev: AuditEntry, patch: Partial<UnsealedAuditEntry>): AuditEntry {
  const { hash: _h, mac: _m, ...base } = prev;
  return sealAuditEntry({ ...base, seq: prev.seq + 1, prevHash: prev.hash, ...patch });
}

/**
 * The database rolled back to its first 8 entries as a whole: the later entries, the units they created
 * (the 8th to 11th) and the settings head moved back — consistent in itself.
 */
async function rollBackTo8(db: JointDeskDB, rows: AuditEntry[], units: { id: string }[]) {
  await rawWrite(db, 'audit', (s) => s.delete(IDBKeyRange.lowerBound(9)));
  for (const u of units.slice(7)) await rawWrite(db, 'units', (s) => s.delete(u.id));
  await setSettingsHead(db, { seq: 8, hash: rows[7]!.hash });
}

async function setSettingsHead(db: JointDeskDB, head: { seq: number; hash: string } | null) {
  await rawWrite(db, 'settings', (s) => (head ? s.put({ key: 'audit.head', value: head }) : s.delete('audit.head')));
}

describe('audit trail keyed and anchored by main (Electron)', () => {
  it('entries carry macs, main holds the head and the keyed seq, and an intact trail verifies', async () => {
    const { main, rows, verify } = await keyedTrail();
    expect(rows).toHaveLength(12);
    for (const e of rows) expect(e.mac).toBe(auditEntryMac(KEY, e.hash));
    expect((await main.head.read()).head).toMatchObject({ seq: 12, hash: rows[11]!.hash, keyedFrom: 1 });
    expect(await verify()).toMatchObject({ ok: true, count: 12, head: { seq: 12 } });
  });

  it('1. truncate the trail and move its head back: found through main’s head file', async () => {
    const { db, dl, rows, units, verify } = await keyedTrail();
    await rollBackTo8(db, rows, units);
    // What the database alone says: nothing wrong (this was one of the five never found).
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: 8 });
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'truncated', seq: 9 });
    expect(!r.ok && r.message).toMatch(/主程序保存的链头文件表明至少应有 12 条/);
  });

  it('2. delete every entry and the head (and the records they speak of): found', async () => {
    const { db, dl, verify } = await keyedTrail();
    await rawWrite(db, 'audit', (s) => s.clear());
    await setSettingsHead(db, null);
    await rawWrite(db, 'units', (s) => s.clear());
    await rawWrite(db, 'profiles', (s) => s.clear());
    // To the database alone this is a fresh installation.
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: 0 });
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated', seq: 1 });
  });

  it('3. re-hash the whole chain (one entry changed) with a new head: found by the macs and by main’s head', async () => {
    const { db, rows, verify, dl } = await keyedTrail();
    const resealed: AuditEntry[] = [];
    let prev = rows[3]!;
    for (const e of rows.slice(4)) {
      const { hash: _h, mac, ...base } = e;
      const changed = e.seq === 5 ? { ...base, actorName: '冒名者' } : base;
      // The old mac is kept (the forger cannot compute a new one).
      const entry = { ...sealAuditEntry({ ...changed, prevHash: prev.hash }), ...(mac ? { mac } : {}) };
      resealed.push(entry);
      prev = entry;
    }
    for (const e of resealed) await rawWrite(db, 'audit', (s) => s.put(e));
    await setSettingsHead(db, { seq: 12, hash: prev.hash });
    expect(await dl.audit.verify()).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, problem: 'mac-invalid', seq: 5 });
    // Main's head alone (no key available to the check) finds it too.
    const inputs = (await auditVerifyInputs(DB))!;
    expect(await dl.audit.verify([], undefined, { keyed: { ...inputs, key: null } })).toMatchObject({
      ok: false,
      problem: 'anchor-mismatch',
      seq: 12,
    });
  });

  it('4. append a forged entry with a valid hash: found (no mac, or a made-up one)', async () => {
    const { db, dl, rows, verify } = await keyedTrail();
    const entry = forged(rows[11]!, { action: 'update', reason: '补录' });
    await rawWrite(db, 'audit', (s) => s.put(entry));
    await setSettingsHead(db, { seq: 13, hash: entry.hash });
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: 13 });
    expect(await verify()).toMatchObject({ ok: false, problem: 'unkeyed', seq: 13 });
    await rawWrite(db, 'audit', (s) => s.put({ ...entry, mac: 'ab'.repeat(32) }));
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'mac-invalid', seq: 13 });
    expect(!r.ok && r.message).toMatch(/校验码不正确/);
  });

  it('5. edit a business record directly, with a forged entry for its new state: found', async () => {
    const { db, dl, rows, units, verify } = await keyedTrail();
    const unit = units[4]!;
    const edited = { ...(await db.units.get(unit.id))!, name: '伪造局' };
    await rawWrite(db, 'units', (s) => s.put(edited));
    // The plain edit is already named by the record-state check …
    expect(await verify()).toMatchObject({ ok: false, problem: 'record-edited' });
    // … so the forger adds an entry carrying the edited record's state hash, which the key gives away.
    const entry = forged(rows[11]!, {
      entity: 'unit',
      entityId: unit.id,
      action: 'update',
      before: null,
      after: null,
      stateHash: recordStateHash(edited),
    });
    await rawWrite(db, 'audit', (s) => s.put(entry));
    await setSettingsHead(db, { seq: 13, hash: entry.hash });
    expect(await dl.audit.verify()).toMatchObject({ ok: true, count: 13 });
    expect(await verify()).toMatchObject({ ok: false, problem: 'unkeyed', seq: 13 });
  });

  it('stripping the macs is found from the keyed seq main recorded', async () => {
    const { db, rows, verify } = await keyedTrail();
    const { mac: _m, ...bare } = rows[6]!;
    await rawWrite(db, 'audit', (s) => s.put(bare));
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'unkeyed', seq: 7 });
    expect(!r.ok && r.message).toMatch(/缺少校验码/);
  });

  it('main’s head file altered outside the app is reported as a break, not trusted', async () => {
    const { main, verify } = await keyedTrail();
    const path = '/userData/audit-head.json';
    main.files.set(
      path,
      new TextEncoder().encode(new TextDecoder().decode(main.files.get(path)).replace('"seq": 12', '"seq": 8')),
    );
    const r = await verify();
    expect(r).toMatchObject({ ok: false, problem: 'head-file' });
    expect(!r.ok && r.message).toBe(HEAD_ALTERED);
  });

  it('the check at start finds a tampering through the worker and through the resumed checkpoint', async () => {
    const { db, deps, rows, units } = await keyedTrail();
    await rollBackTo8(db, rows, units);
    const keyed = (await auditVerifyInputs(DB))!;
    // The audit worker's handler, in process, on its own connection (the key crosses as hex).
    const worker: VerifyWorker = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: (request) =>
        void handleVerifyRequest(
          request,
          (m) => worker.onmessage?.({ data: m }),
          (n) => new JointDeskDB(n, deps),
        ),
      terminate: () => undefined,
    };
    expect(await runAuditVerify(db, [], { keyed, createWorker: () => worker })).toMatchObject({
      ok: false,
      problem: 'truncated',
      seq: 9,
    });
    // Resuming from a checkpoint at the rolled-back head: main's head (12) lies beyond it, still found.
    expect(
      await runAuditVerify(db, [], { keyed, from: { seq: 8, hash: rows[7]!.hash }, createWorker: () => undefined }),
    ).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('a write rolled back by its outer transaction does not move main’s head', async () => {
    const { main, db, dl, session } = await keyedTrail();
    await expect(
      db.transaction('rw', [db.units, db.audit, db.settings, db.profiles], async () => {
        await dl.units.create(unitInput('回滚局'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await session.settled();
    expect((await main.head.read()).head?.seq).toBe(12);
    await dl.units.create(unitInput('第12局'));
    await session.settled();
    expect((await main.head.read()).head?.seq).toBe(13);
  });

  it('main refuses a head behind its own; a restore resets it through its own path', async () => {
    const { main, db, rows, units, session, verify } = await keyedTrail();
    await expect(main.host.setHead({ seq: 8, hash: rows[7]!.hash, keyedFrom: 1 })).rejects.toThrow(/不能后退/);
    // A restore of an older state (here: as of the 8th entry), then main's head follows it.
    await rollBackTo8(db, rows, units);
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated' });
    await resetMainAuditHead(db, 'restore');
    expect((await main.head.read()).head).toMatchObject({ seq: 8, keyedFrom: null, restoredAt: expect.any(String) });
    expect(await verify()).toMatchObject({ ok: true, count: 8 });
    expect(session.key).toBe(KEY);
  });

  it('an upgrade’s system entries are keyed too, and main’s head follows their commit', async () => {
    const { main, db, session, units, verify } = await keyedTrail();
    const row = await db.units.get(units[0]!.id);
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendMigrationEntries(Dexie.currentTransaction, 99, [{ entity: 'unit', entityId: row!.id, row }], '测试升级'),
    );
    await session.settled();
    const last = (await auditRows(db)).at(-1)!;
    expect(last).toMatchObject({ seq: 13, action: 'migrate', actorId: 'system', mac: auditEntryMac(KEY, last.hash) });
    expect((await main.head.read()).head).toMatchObject({ seq: 13, hash: last.hash });
    expect(await verify()).toMatchObject({ ok: true, count: 13 });
  });

  it('without a key (no OS encryption) entries carry no mac and main’s head still anchors the chain', async () => {
    const { main, db, rows, units, verify, session } = await keyedTrail(null);
    expect((session as AuditSession).keyProblem).toMatch(/加密存储/);
    expect(rows.every((e) => e.mac === undefined)).toBe(true);
    expect((await main.head.read()).head).toMatchObject({ seq: 12, keyedFrom: null });
    expect(await verify()).toMatchObject({ ok: true, count: 12 });
    await rollBackTo8(db, rows, units);
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated', seq: 9 });
  });
});
