/**
 * The page of the crash-durability test (bundled by test/durability/crash.ts with esbuild, served on its own; never
 * part of the app's build). It writes through the app's real data layer (renderer/src/db: repositories, audited
 * writes, the app's JointDeskDB) into real IndexedDB in a persistent Chromium profile, one write at a time, and
 * reports each write to Node only after the write's transaction promise resolved (a console line `__ACK{json}`).
 * Node SIGKILLs the browser's whole process group at random moments, restarts it on the same profile and asks
 * this page to check every acknowledged write (`check`), then to go on writing (`start`).
 *
 * The writes, chosen by a seeded generator, mix single-record and multi-record ones:
 *   unit      units.create                                   (unit + audit + anchor)
 *   topic     topics.submit                                  (topic + audit + anchor)
 *   convert   topics.act(convert)                            (topic → 转争议 + the new dispute + 2 audit entries)
 *   pipeline  one step of a meeting's life, resumed from what the database holds: accept a topic, create the
 *             meeting (invites every member), put the topic on its agenda, 已通知, 已召开 (topics → 已上会),
 *             ensureForMeeting (minutes + first version + meeting → 纪要起草), save with RESOLUTIONS 议定事项,
 *             送审, switch to the convener, 签发, switch back, 印发 (minutes issued + every resolution a task
 *             + topic 已议定 + meeting 已印发, one transaction).
 * Every ack carries the audit head the write left (seq + hash): a confirmed write is "present" when that entry is
 * in the chain; the kind-specific checks say whether it is complete. The API is `window.__durability`.
 */
import type { MinutesDoc } from '../../shared/editor/document';
import type { AuditEntry, MeetingState, MinutesState } from '../../shared/domain';
import { createDataLayer } from '../../renderer/src/db/data-layer';
import { JointDeskDB } from '../../renderer/src/db/database';

export type Ack =
  | { k: 'setup' | 'switch' | 'accept' | 'topic' | 'unit' | 'meeting' | 'agenda' | 'minutes'; id: string }
  | { k: 'convert'; id: string; disputeId: string }
  | { k: 'transition'; id: string; to: MeetingState }
  | { k: 'save'; id: string; resolutionIds: string[] }
  | { k: 'minutesState'; id: string; to: MinutesState }
  | { k: 'issue'; id: string; meetingId: string; resolutionIds: string[] };

export interface Confirmed {
  /** Sequential number of the write in the run (Node's count). */
  n: number;
  ack: Ack;
  head: { seq: number; hash: string };
  /** Time since the previous ack in the page (the write and its reads), ms. */
  ms: number;
}

export interface CheckResult {
  /** `IDBTransaction.durability` of a read-write transaction of the data layer's database. */
  durability: string;
  checked: number;
  /** Confirmed writes whose audit entry is missing (or differs) or whose record is gone. */
  lost: string[];
  /** Confirmed or unconfirmed writes found partly applied. */
  halfApplied: string[];
  verify: { ok: boolean; count: number; message?: string };
  auditEntries: number;
  records: Record<string, number>;
  /** Audit entries beyond the last confirmed head: committed but not acknowledged before the kill. */
  unacknowledged: number;
}

export interface DurabilityApi {
  start(seed: number): void;
  stop(): Promise<number>;
  check(confirmed: readonly Confirmed[]): Promise<CheckResult>;
  selfTest(confirmed: readonly Confirmed[]): Promise<SelfTest>;
}

const RESOLUTIONS = 3;
const db = new JointDeskDB();
// `?durability=relaxed` measures Chromium's default for comparison only; the app's JointDeskDB is 'strict'.
if (new URLSearchParams(location.search).get('durability') === 'relaxed')
  (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability =
    'relaxed';
const dl = createDataLayer(db);

let running = false;
let loop: Promise<void> | null = null;
let written = 0;
let lastAck = performance.now();

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const today = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
};

async function ack(a: Ack): Promise<void> {
  // Read after the write's promise resolved: nothing else writes in between (one loop).
  const head = await dl.audit.head();
  written++;
  const now = performance.now();
  const ms = Math.round((now - lastAck) * 10) / 10;
  lastAck = now;
  console.log(`__ACK${JSON.stringify({ ack: a, head, ms })}`);
}

interface Setup {
  office: string;
  convener: string;
  units: string[];
}

async function ensureSetup(): Promise<Setup> {
  const row = await db.settings.get('durability.setup');
  if (row) return row.value as Setup;
  const office = await dl.profiles.create({ name: '王丽', unitName: '联席会议办公室', role: 'office_staff' });
  const units: string[] = [];
  for (const name of ['城关镇人民政府', '区市场监管局', '区公安分局'])
    units.push((await dl.units.create({ name, kind: name.includes('镇') ? 'township' : 'district_department' })).id);
  await dl.people.create({ name: '陈建国', unitId: units[0], role: 'chief_convener' });
  await dl.people.create({ name: '黄科长', unitId: units[1], role: 'member' });
  const convener = await dl.profiles.create({ name: '陈主任', unitName: '城关镇', role: 'convener' });
  await dl.profiles.switchTo(office.id);
  const setup = { office: office.id, convener: convener.id, units };
  // Not audited on purpose: the test's own bookkeeping (settings is not a business table).
  await db.settings.put({ key: 'durability.setup', value: setup });
  await ack({ k: 'setup', id: office.id });
  return setup;
}

async function asProfile(id: string): Promise<boolean> {
  const current = await dl.profiles.current();
  if (current?.id === id) return false;
  await dl.profiles.switchTo(id);
  await ack({ k: 'switch', id });
  return true;
}

async function submitTopic(s: Setup, rnd: () => number, i: number): Promise<void> {
  const t = await dl.topics.submit({
    title: `议题${i}：农贸市场周边占道经营第${Math.floor(rnd() * 1e6)}号`,
    submittingUnitId: s.units[1],
    submittedOn: today(),
    category: 'jurisdiction_dispute',
    description: '情况说明：'.repeat(1 + Math.floor(rnd() * 20)),
    urgency: rnd() < 0.2 ? 'urgent' : 'normal',
    relatedUnitIds: [s.units[2]],
  });
  await ack({ k: 'topic', id: t.id });
}

/** A topic in `state` not yet used; submits one (one write) when there is none. */
async function topicIn(state: 'submitted' | 'accepted'): Promise<string | undefined> {
  const t = await db.topics.where('state').equals(state).first();
  return t?.id;
}

async function convertStep(s: Setup, rnd: () => number, i: number): Promise<void> {
  const id = await topicIn('submitted');
  if (!id) return submitTopic(s, rnd, i);
  const t = await dl.topics.act(id, { type: 'convert' });
  await ack({ k: 'convert', id, disputeId: t.disputeId! });
}

function withResolutions(doc: MinutesDoc, leads: readonly string[], seed: number): MinutesDoc {
  const nodes = leads.map((lead, j) => ({
    type: 'resolution' as const,
    attrs: {
      id: crypto.randomUUID(),
      content: `议定事项${seed}-${j + 1}：由牵头单位会同相关单位开展联合整治`,
      leadUnitId: lead,
      coUnitIds: [],
      deadline: { kind: 'working_days' as const, days: 5 + j * 5 },
      feedback: '',
    },
  }));
  const at = doc.content.findIndex((n) => n.type === 'heading') + 1;
  return { type: 'doc', content: [...doc.content.slice(0, at), ...nodes, ...doc.content.slice(at)] };
}

/** One write of the current meeting's life (see the file comment), resumed from the database. */
async function pipelineStep(s: Setup, rnd: () => number, i: number): Promise<void> {
  const meetings = await db.meetings.toArray();
  const open = meetings.find((m) => m.state !== 'issued' && m.state !== 'cancelled');
  if (open && (open.state === 'signed' || open.state === 'drafting')) {
    const m = await db.minutes.where('meetingId').equals(open.id).first();
    if (!m) throw new Error(`meeting ${open.id} is ${open.state} without minutes`);
    if (m.state === 'draft') {
      if (await asProfile(s.office)) return;
      const records = await db.resolutions.where('minutesId').equals(m.id).toArray();
      if (records.length === 0) {
        const doc = withResolutions(m.content as MinutesDoc, s.units.slice(0, RESOLUTIONS), i);
        await dl.minutes.save(m.id, doc);
        const ids = (await db.resolutions.where('minutesId').equals(m.id).toArray()).map((r) => r.id).sort();
        await ack({ k: 'save', id: m.id, resolutionIds: ids });
        return;
      }
      await dl.minutes.act(m.id, 'submit');
      await ack({ k: 'minutesState', id: m.id, to: 'review' });
      return;
    }
    if (m.state === 'review') {
      if (await asProfile(s.convener)) return;
      await dl.minutes.act(m.id, 'sign');
      await ack({ k: 'minutesState', id: m.id, to: 'signed' });
      return;
    }
    if (m.state === 'signed') {
      if (await asProfile(s.office)) return;
      await dl.minutes.act(m.id, 'issue');
      const ids = (await db.resolutions.where('minutesId').equals(m.id).toArray()).map((r) => r.id).sort();
      await ack({ k: 'issue', id: m.id, meetingId: open.id, resolutionIds: ids });
      return;
    }
    throw new Error(`minutes ${m.id} in state ${m.state} on an open meeting`);
  }
  if (await asProfile(s.office)) return;
  if (!open) {
    const m = await dl.meetings.create({
      kind: 'regular',
      startsAt: `${today()}T09:00`,
      place: '镇政府三楼会议室',
      chairPersonId: undefined,
    });
    await ack({ k: 'meeting', id: m.id });
    return;
  }
  if (open.state === 'planning') {
    const items = await db.agendaItems.where('meetingId').equals(open.id).toArray();
    if (!items.some((it) => it.topicId)) {
      const accepted = await topicIn('accepted');
      if (accepted) {
        const item = await dl.agenda.addTopic(open.id, accepted);
        await ack({ k: 'agenda', id: item.id });
        return;
      }
      const submitted = await topicIn('submitted');
      if (!submitted) return submitTopic(s, rnd, i);
      await dl.topics.act(submitted, { type: 'accept' });
      await ack({ k: 'accept', id: submitted });
      return;
    }
    await dl.meetings.transition(open.id, 'notified');
    await ack({ k: 'transition', id: open.id, to: 'notified' });
    return;
  }
  if (open.state === 'notified') {
    await dl.meetings.transition(open.id, 'held');
    await ack({ k: 'transition', id: open.id, to: 'held' });
    return;
  }
  if (open.state === 'held') {
    const m = await dl.minutes.ensureForMeeting(open.id);
    await ack({ k: 'minutes', id: m.id });
    return;
  }
  throw new Error(`meeting ${open.id} in state ${open.state}`);
}

async function writeLoop(seed: number): Promise<void> {
  const rnd = mulberry32(seed);
  const s = await ensureSetup();
  lastAck = performance.now();
  for (let i = 0; running; i++) {
    const r = rnd();
    try {
      if (r < 0.2) {
        if (!(await asProfile(s.office))) {
          const u = await dl.units.create({
            name: `测试单位${seed}-${i}`,
            kind: 'district_department',
            shortName: rnd() < 0.5 ? `单位${i}` : undefined,
          });
          await ack({ k: 'unit', id: u.id });
        }
      } else if (r < 0.4) {
        if (!(await asProfile(s.office))) await submitTopic(s, rnd, i);
      } else if (r < 0.6) {
        if (!(await asProfile(s.office))) await convertStep(s, rnd, i);
      } else {
        await pipelineStep(s, rnd, i);
      }
    } catch (e) {
      running = false;
      console.log(`__ERR${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
      throw e;
    }
  }
}

const MEETING_ORDER: MeetingState[] = ['planning', 'notified', 'held', 'drafting', 'signed', 'issued'];
const MINUTES_ORDER: MinutesState[] = ['draft', 'review', 'signed', 'issued'];

async function check(confirmed: readonly Confirmed[]): Promise<CheckResult> {
  const lost: string[] = [];
  const half: string[] = [];
  const [units, topics, disputes, meetings, minutes, resolutions, agenda, profiles] = await Promise.all([
    db.units.toArray(),
    db.topics.toArray(),
    db.disputes.toArray(),
    db.meetings.toArray(),
    db.minutes.toArray(),
    db.resolutions.toArray(),
    db.agendaItems.toArray(),
    db.profiles.toArray(),
  ]);
  const audit: AuditEntry[] = await db.audit.orderBy('seq').toArray();
  const bySeq = new Map(audit.map((e) => [e.seq, e]));
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const U = byId(units);
  const T = byId(topics);
  const D = byId(disputes);
  const M = byId(meetings);
  const N = byId(minutes);
  const R = byId(resolutions);
  const A = byId(agenda);
  const P = byId(profiles);

  // 1. Every confirmed write: its audit entry is in the chain, its records are there and complete.
  let lastHead = 0;
  for (const c of confirmed) {
    const tag = `#${c.n} ${c.ack.k} ${c.ack.id}`;
    lastHead = Math.max(lastHead, c.head.seq);
    const entry = bySeq.get(c.head.seq);
    if (!entry || entry.hash !== c.head.hash) lost.push(`${tag}: audit entry ${c.head.seq} missing or different`);
    const a = c.ack;
    switch (a.k) {
      case 'setup':
      case 'switch':
        if (!P.has(a.id)) lost.push(`${tag}: profile missing`);
        break;
      case 'unit':
        if (!U.has(a.id)) lost.push(`${tag}: unit missing`);
        break;
      case 'topic':
        if (!T.has(a.id)) lost.push(`${tag}: topic missing`);
        break;
      case 'accept': {
        const t = T.get(a.id);
        if (!t || t.state === 'submitted') lost.push(`${tag}: topic not accepted (${t?.state})`);
        break;
      }
      case 'convert': {
        const t = T.get(a.id);
        const d = D.get(a.disputeId);
        if (!t && !d) lost.push(`${tag}: topic and dispute missing`);
        else if (!t || !d || t.state !== 'converted' || t.disputeId !== d.id || d.relatedTopicId !== t.id)
          (t?.state === 'converted' || d ? half : lost).push(
            `${tag}: topic ${t?.state}/${t?.disputeId}, dispute ${d ? d.relatedTopicId : 'missing'}`,
          );
        break;
      }
      case 'meeting':
        if (!M.has(a.id)) lost.push(`${tag}: meeting missing`);
        break;
      case 'agenda': {
        const it = A.get(a.id);
        if (!it) lost.push(`${tag}: agenda item missing`);
        else if (!it.topicId || T.get(it.topicId)?.meetingId !== it.meetingId)
          half.push(`${tag}: agenda item without its topic scheduled`);
        break;
      }
      case 'transition': {
        const m = M.get(a.id);
        if (!m || MEETING_ORDER.indexOf(m.state) < MEETING_ORDER.indexOf(a.to))
          lost.push(`${tag}: meeting ${m?.state}, confirmed ${a.to}`);
        break;
      }
      case 'minutes': {
        const n = N.get(a.id);
        if (!n) lost.push(`${tag}: minutes missing`);
        else if (MEETING_ORDER.indexOf(M.get(n.meetingId)?.state ?? 'planning') < MEETING_ORDER.indexOf('drafting'))
          half.push(`${tag}: minutes without its meeting in 纪要起草`);
        break;
      }
      case 'save': {
        const missing = a.resolutionIds.filter((id) => !R.has(id));
        if (missing.length === a.resolutionIds.length) lost.push(`${tag}: resolutions missing`);
        else if (missing.length > 0) half.push(`${tag}: ${missing.length}/${a.resolutionIds.length} resolutions`);
        break;
      }
      case 'minutesState': {
        const n = N.get(a.id);
        if (!n || MINUTES_ORDER.indexOf(n.state) < MINUTES_ORDER.indexOf(a.to))
          lost.push(`${tag}: minutes ${n?.state}, confirmed ${a.to}`);
        break;
      }
      case 'issue': {
        const n = N.get(a.id);
        const tasks = a.resolutionIds.map((id) => R.get(id));
        const issuedTasks = tasks.filter((r) => r && r.state !== 'draft' && r.issuedOn && r.deadline).length;
        const meetingIssued = M.get(a.meetingId)?.state === 'issued';
        if (a.resolutionIds.length !== RESOLUTIONS) half.push(`${tag}: issued with ${a.resolutionIds.length} tasks`);
        if (n?.state !== 'issued' && issuedTasks === 0 && !meetingIssued) lost.push(`${tag}: minutes ${n?.state}`);
        else if (n?.state !== 'issued' || issuedTasks !== a.resolutionIds.length || !meetingIssued)
          half.push(
            `${tag}: minutes ${n?.state}, ${issuedTasks}/${a.resolutionIds.length} tasks, meeting ${meetingIssued}`,
          );
        break;
      }
    }
  }

  // 2. Every record, confirmed or not, is whole: multi-record writes all or nothing, and each record equals its
  //    latest audited state (the audit entry and the record were written in one transaction).
  for (const t of topics) {
    if (t.state === 'converted' && D.get(t.disputeId ?? '')?.relatedTopicId !== t.id)
      half.push(`topic ${t.id} converted without its dispute`);
  }
  for (const d of disputes) {
    if (
      d.relatedTopicId &&
      (T.get(d.relatedTopicId)?.state !== 'converted' || T.get(d.relatedTopicId)?.disputeId !== d.id)
    )
      half.push(`dispute ${d.id} without its converted topic`);
  }
  for (const n of minutes) {
    const rs = resolutions.filter((r) => r.minutesId === n.id);
    const issued = rs.filter((r) => r.state !== 'draft').length;
    if (
      n.state === 'issued' &&
      (issued !== rs.length || rs.length !== RESOLUTIONS || M.get(n.meetingId)?.state !== 'issued')
    )
      half.push(`minutes ${n.id} issued with ${issued}/${rs.length} tasks, meeting ${M.get(n.meetingId)?.state}`);
    if (n.state !== 'issued' && issued > 0) half.push(`minutes ${n.id} ${n.state} with ${issued} issued tasks`);
  }
  const latest = new Map<string, AuditEntry>();
  const created = new Set<string>();
  for (const e of audit) {
    latest.set(`${e.entity}:${e.entityId}`, e);
    if (e.action === 'create') created.add(`${e.entity}:${e.entityId}`);
  }
  const tables: [string, Map<string, { id: string; updatedAt?: string; state?: string }>][] = [
    ['unit', U],
    ['topic', T],
    ['dispute', D],
    ['meeting', M],
    ['minutes', N],
    ['resolution', R],
  ];
  for (const [entity, rows] of tables) {
    for (const [id, row] of rows) {
      const key = `${entity}:${id}`;
      if (!created.has(key)) half.push(`${key}: record without its audit entry`);
      const after = latest.get(key)?.after as { updatedAt?: string; state?: string } | null | undefined;
      if (after && after.updatedAt !== undefined && after.updatedAt !== row.updatedAt)
        half.push(`${key}: record updatedAt ${row.updatedAt} ≠ audited ${after.updatedAt}`);
      if (after && after.state !== undefined && after.state !== row.state)
        half.push(`${key}: record state ${row.state} ≠ audited ${after.state}`);
    }
    for (const key of created) {
      if (!key.startsWith(`${entity}:`)) continue;
      const last = latest.get(key);
      if (last?.action !== 'delete' && !rows.has(key.slice(entity.length + 1)))
        half.push(`${key}: audited but the record is missing`);
    }
  }

  const v = await dl.audit.verify();
  // The durability Chromium was asked for on a read-write transaction of this database.
  const durability = await db.transaction('rw', db.settings, async (tx) => {
    await db.settings.get('durability.setup');
    return (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.durability;
  });
  return {
    durability,
    checked: confirmed.length,
    lost,
    halfApplied: half,
    verify: v.ok
      ? { ok: true, count: v.count }
      : { ok: false, count: audit.length, message: `${v.problem}@${v.seq}: ${v.message}` },
    auditEntries: audit.length,
    records: {
      units: units.length,
      topics: topics.length,
      disputes: disputes.length,
      meetings: meetings.length,
      minutesIssued: minutes.filter((n) => n.state === 'issued').length,
      resolutions: resolutions.length,
    },
    unacknowledged: Math.max(0, (audit.at(-1)?.seq ?? 0) - lastHead),
  };
}

/** Writes raw IndexedDB, bypassing Dexie (and its append-only audit hooks), as damage would. */
async function rawWrite(store: string, op: (s: IDBObjectStore) => IDBRequest): Promise<void> {
  await db.open();
  const tx = db.backendDB().transaction(store, 'readwrite');
  op(tx.objectStore(store));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('raw write aborted'));
  });
}

/**
 * That `check` can fail (run once, at the end: it damages the database): a confirmed write that is not there,
 * a converted topic whose dispute is gone, an issued minutes with a task back in draft.
 */
async function selfTest(confirmed: readonly Confirmed[]): Promise<SelfTest> {
  const last = confirmed.at(-1);
  const forged: Confirmed = {
    n: confirmed.length + 1,
    ack: { k: 'unit', id: 'forged-unit' },
    head: { seq: (last?.head.seq ?? 0) + 1000, hash: '0'.repeat(64) },
    ms: 0,
  };
  const a = await check([...confirmed, forged]);
  const converted = confirmed.find((c) => c.ack.k === 'convert')?.ack as { disputeId: string } | undefined;
  const issued = confirmed.find((c) => c.ack.k === 'issue')?.ack as { resolutionIds: string[] } | undefined;
  if (converted) await rawWrite('disputes', (st) => st.delete(converted.disputeId));
  if (issued) {
    const r = await db.resolutions.get(issued.resolutionIds[0]!);
    await rawWrite('resolutions', (st) => st.put({ ...r, state: 'draft' }));
  }
  const b = await check(confirmed);
  return {
    forgedWriteLost: a.lost.some((l) => l.includes('forged-unit')),
    deletedDisputeFound: !!converted && b.halfApplied.some((l) => l.includes(converted.disputeId)),
    draftTaskFound: !!issued && b.halfApplied.some((l) => l.includes('issued with')),
  };
}

export interface SelfTest {
  forgedWriteLost: boolean;
  deletedDisputeFound: boolean;
  draftTaskFound: boolean;
}

const api: DurabilityApi = {
  selfTest,
  start(seed) {
    if (running) return;
    running = true;
    loop = writeLoop(seed).catch(() => undefined);
  },
  async stop() {
    running = false;
    await loop;
    return written;
  },
  check,
};
(globalThis as unknown as { __durability: DurabilityApi }).__durability = api;
