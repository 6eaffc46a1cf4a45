import { describe, expect, it, vi } from 'vitest';
import { effectiveTopic, type AuditEntry, type Topic } from '../../../shared/domain';
import type { JointDeskDB } from '../../../renderer/src/db/database';
import { createDataLayer } from '../../../renderer/src/db/data-layer';
import { memoryPiiKeys } from '../../../renderer/src/db/pii';
import {
  auditRows,
  deterministicOptions,
  personInput,
  snapshotTables,
  unitInput,
  withProfile,
  type Harness,
} from './helpers';

/** Today in the harness clock is 2026-11-22 (deterministicOptions). */
async function setup(): Promise<Harness & { town: string; dept: string; water: string; liaison: string }> {
  const h = await withProfile();
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const dept = (await h.dl.units.create(unitInput('区市场监管局'))).id;
  const water = (await h.dl.units.create(unitInput('区水利局'))).id;
  const liaison = (await h.dl.people.create(personInput('林一', town, { role: 'liaison' }))).id;
  return { ...h, town, dept, water, liaison };
}

const COMPLAINANT = {
  name: '张三丰',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  address: '城关镇解放路菜市场12号3单元',
};
/** Substrings of the clear complainant data that must never reach the audit trail. */
const CLEAR = /张三丰|13812345678|19491231|菜市场12号/;

const input = (town: string, extra: Record<string, unknown> = {}) => ({
  title: '农贸市场周边占道经营查处主体不明',
  submittingUnitId: town,
  submittedOn: '2026-11-20',
  category: 'jurisdiction_dispute',
  description: '农贸市场外侧人行道占道经营，镇综合执法队与市场监管所均认为不属本单位职责。',
  urgency: 'normal',
  relatedUnitIds: [],
  ...extra,
});

/** The audit rows written since `from` rows existed. */
async function newRows(db: JointDeskDB, from: number): Promise<AuditEntry[]> {
  return (await auditRows(db)).slice(from);
}

describe('topics repository', () => {
  it('submits a topic in state submitted with one create entry, and lists it masked', async () => {
    const { db, dl, town, dept, liaison, profile } = await setup();
    const start = await db.audit.count();
    const t = await dl.topics.submit(
      input(town, {
        submitterPersonId: liaison,
        relatedUnitIds: [dept, town, dept],
        proposedHandling: '  ',
        complainant: { ...COMPLAINANT, phone: ' 13812345678 ' },
      }),
    );
    expect(t).toMatchObject({ state: 'submitted', relatedUnitIds: [dept], submitterPersonId: liaison });
    expect(t).not.toHaveProperty('proposedHandling');
    // The stored record keeps the clear data only sealed (PII-1); what the repository hands out is masked.
    const stored = (await db.topics.get(t.id))!;
    expect(stored).not.toHaveProperty('complainant');
    expect(stored.complainantSealed).toMatch(/^pii1:/);
    expect(stored.complainantMasked).toEqual(t.complainant);
    expect(JSON.stringify(stored)).not.toMatch(CLEAR);
    expect(await dl.topics.reveal(t.id, '核实')).toEqual(COMPLAINANT);
    expect(t.complainant).toEqual({
      name: '张**',
      phone: '138****5678',
      idNumber: '110105********002X',
      address: '城关镇解放路****',
    });
    expect((await dl.topics.get(t.id))?.complainant).toEqual(t.complainant);
    expect((await dl.topics.list())[0]?.complainant).toEqual(t.complainant);

    const rows = (await newRows(db, start)).filter((r) => r.action !== 'reveal');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'topic',
      entityId: t.id,
      action: 'create',
      before: null,
      actorId: profile.id,
    });
    expect((rows[0]?.after as Topic).complainant).toEqual(t.complainant);
    expect(JSON.stringify(rows)).not.toMatch(CLEAR);
    // Neither the clear values nor their ciphertext go into the append-only trail.
    expect(JSON.stringify(rows)).not.toContain('pii1:');
  });

  it('refuses bad submissions with a Chinese message naming the field, writing nothing', async () => {
    const { db, dl, town, dept, water } = await setup();
    const other = (await dl.people.create(personInput('黄二', dept))).id;
    await dl.units.archive(water);
    const before = await snapshotTables(db);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: '  ' }, /^议题名称：请填写议题名称/],
      [{ category: 'gossip' }, /^议题类别：请选择议题类别/],
      [{ description: '' }, /^情况说明：请填写情况说明/],
      [{ submittingUnitId: undefined }, /^提交单位：请填写提交单位/],
      [{ submittedOn: '2026-11-23' }, /^提交日期：不能晚于今天/],
      [{ submittedOn: '2026-02-30' }, /日期不存在/],
      [{ submittingUnitId: 'nope' }, /^提交单位：找不到所选单位/],
      [{ relatedUnitIds: [water] }, /^相关单位：“区水利局”已归档/],
      [{ submitterPersonId: other }, /^提交人：黄二不是提交单位的人员/],
      [{ complainant: { phone: '12345' } }, /^投诉举报人电话：电话号码格式不正确/],
      [{ complainant: { idNumber: '110105194912310021' } }, /^投诉举报人身份证号：身份证号校验位不正确/],
    ];
    for (const [extra, message] of cases) {
      await expect(dl.topics.submit(input(town, extra)), JSON.stringify(extra)).rejects.toThrow(message);
    }
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('updates while submitted or returned, keeps the complainant unless replaced, and refuses afterwards', async () => {
    const { db, dl, town, dept } = await setup();
    const t = await dl.topics.submit(input(town, { complainant: COMPLAINANT, proposedHandling: '提请会议明确' }));
    const start = await db.audit.count();

    const u1 = await dl.topics.update(t.id, {
      title: '农贸市场外侧占道经营查处主体',
      relatedUnitIds: [dept],
      proposedHandling: '',
    });
    expect(u1).toMatchObject({ title: '农贸市场外侧占道经营查处主体', relatedUnitIds: [dept], state: 'submitted' });
    expect(u1).not.toHaveProperty('proposedHandling');
    const sealedBefore = (await db.topics.get(t.id))?.complainantSealed;
    expect(sealedBefore).toMatch(/^pii1:/);
    expect(await dl.topics.reveal(t.id, '核实')).toEqual(COMPLAINANT);

    await dl.topics.update(t.id, { complainant: { name: '李四', phone: '' } });
    const replaced = (await db.topics.get(t.id))!;
    expect(replaced.complainantSealed).not.toBe(sealedBefore);
    expect(replaced.complainantMasked).toEqual({ name: '李*' });
    expect(await dl.topics.reveal(t.id, '核实')).toEqual({ name: '李四' });
    await dl.topics.update(t.id, { complainant: { name: ' ', phone: '' } });
    const cleared = (await db.topics.get(t.id))!;
    for (const k of ['complainant', 'complainantMasked', 'complainantSealed']) expect(cleared).not.toHaveProperty(k);

    const rows = await newRows(db, start);
    expect(rows.map((r) => r.action)).toEqual(['update', 'reveal', 'update', 'reveal', 'update']);
    expect(JSON.stringify(rows)).not.toMatch(/张三丰|李四|13812345678|19491231|菜市场12号/);

    await dl.topics.act(t.id, { type: 'return', reason: '请补充现场照片' });
    await expect(dl.topics.update(t.id, { description: '补充了现场照片' })).resolves.toMatchObject({
      state: 'returned',
    });
    await dl.topics.act(t.id, { type: 'resubmit' });
    await dl.topics.act(t.id, { type: 'accept' });
    await expect(dl.topics.update(t.id, { title: '改名' })).rejects.toThrow(/“已受理”状态，不能再修改/);
  });

  it('writes the record and its transition entry together for every triage action', async () => {
    const { db, dl, town, dept } = await setup();
    const t = await dl.topics.submit(input(town, { relatedUnitIds: [dept], complainant: COMPLAINANT }));
    const steps: [Parameters<typeof dl.topics.act>[1], Topic['state'], string | undefined][] = [
      [{ type: 'return', reason: ' 材料不全，请补充 ' }, 'returned', '材料不全，请补充'],
      [{ type: 'resubmit' }, 'submitted', undefined],
      [{ type: 'accept' }, 'accepted', undefined],
    ];
    for (const [action, state, reason] of steps) {
      const start = await db.audit.count();
      const saved = await dl.topics.act(t.id, action);
      expect(saved.state).toBe(state);
      const stored = await db.topics.get(t.id);
      expect(stored?.state).toBe(state);
      const rows = await newRows(db, start);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entity: 'topic', entityId: t.id, action: 'transition' });
      expect(rows[0]?.reason).toBe(reason);
      expect((rows[0]?.after as Topic).state).toBe(state);
      expect(JSON.stringify(rows)).not.toMatch(CLEAR);
    }
    expect((await db.topics.get(t.id))?.returnReason).toBe('材料不全，请补充');

    // Defer and escalate belong to topics that went to a meeting.
    await db.topics.update(t.id, { state: 'discussed', meetingId: 'm1' });
    const deferred = await dl.topics.act(t.id, { type: 'defer' }, '待补充调查');
    expect(deferred).toMatchObject({ state: 'deferred', meetingId: 'm1' });
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'transition', reason: '待补充调查' });
    expect((await dl.topics.act(t.id, { type: 'escalate' })).state).toBe('escalated');
  });

  it('refuses a return without a reason and actions the state does not allow, writing nothing', async () => {
    const { db, dl, town } = await setup();
    const t = await dl.topics.submit(input(town));
    const before = await snapshotTables(db);
    await expect(dl.topics.act(t.id, { type: 'return', reason: '   ' })).rejects.toThrow('请填写退回原因');
    await expect(dl.topics.act(t.id, { type: 'resubmit' })).rejects.toThrow('议题处于“待审核”状态，不能重新提交');
    await expect(dl.topics.act(t.id, { type: 'defer' })).rejects.toThrow(/不能暂缓/);
    await expect(dl.topics.act(t.id, { type: 'escalate' })).rejects.toThrow(/不能提交党政联席会议/);
    await expect(dl.topics.act(t.id, { type: 'schedule', meetingId: 'm1' } as never)).rejects.toThrow();
    await expect(dl.topics.act('nope', { type: 'accept' })).rejects.toThrow('找不到该议题');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('merges into a live survivor; merged topics follow it, also along a chain', async () => {
    const { db, dl, town } = await setup();
    const a = await dl.topics.submit(input(town, { title: '甲' }));
    const b = await dl.topics.submit(input(town, { title: '乙' }));
    const c = await dl.topics.submit(input(town, { title: '丙' }));
    const d = await dl.topics.submit(input(town, { title: '丁' }));
    await dl.topics.act(c.id, { type: 'accept' });

    const start = await db.audit.count();
    const merged = await dl.topics.act(a.id, { type: 'merge', intoTopicId: b.id });
    expect(merged).toMatchObject({ state: 'merged', mergedIntoTopicId: b.id });
    expect(await newRows(db, start)).toEqual([
      expect.objectContaining({ entity: 'topic', entityId: a.id, action: 'transition', reason: '合并至《乙》' }),
    ]);

    // b merges on into c: a follows the chain to c.
    await dl.topics.act(b.id, { type: 'merge', intoTopicId: c.id });
    const all = new Map((await db.topics.toArray()).map((t) => [t.id, t]));
    expect(effectiveTopic(all.get(a.id)!, all).id).toBe(c.id);
    expect(effectiveTopic(all.get(a.id)!, all).state).toBe('accepted');

    // Survivors that are not topics of their own any more are refused, and so is the topic itself.
    const before = await snapshotTables(db);
    await expect(dl.topics.act(d.id, { type: 'merge', intoTopicId: a.id })).rejects.toThrow(
      '不能合并到“已合并”的议题《甲》，请选择尚待上会研究的议题',
    );
    await dl.topics.act(d.id, { type: 'return', reason: '重复' }).then(() => dl.topics.act(d.id, { type: 'resubmit' }));
    const e = await dl.topics.submit(input(town, { title: '戊' }));
    await dl.topics.act(e.id, { type: 'return', reason: '不属于联席会议职责' });
    await expect(dl.topics.act(d.id, { type: 'merge', intoTopicId: e.id })).rejects.toThrow(/“退回”的议题《戊》/);
    await expect(dl.topics.act(d.id, { type: 'merge', intoTopicId: d.id })).rejects.toThrow('不能将议题合并到其自身');
    await expect(dl.topics.act(d.id, { type: 'merge', intoTopicId: 'nope' })).rejects.toThrow(/找不到该议题/);
    expect((await db.topics.get(d.id))?.state).toBe('submitted');
    expect(before.topics).toHaveLength(4);
  });

  it('converts into a pre-filled dispute with the next number, in one transaction with both entries', async () => {
    const { db, dl, town, dept, water } = await setup();
    const existing = await dl.disputes.register({
      matter: '河道采砂监管',
      type: 'responsibility',
      partyUnitIds: [dept, water],
      firstHandlingUnitId: water,
      registeredOn: '2026-10-01',
    });
    expect(existing.number).toBe('争〔2026〕1号');
    const t = await dl.topics.submit(
      input(town, { category: 'case_transfer', relatedUnitIds: [dept, water], complainant: COMPLAINANT }),
    );
    await dl.topics.act(t.id, { type: 'accept' });
    const start = await db.audit.count();

    const converted = await dl.topics.act(t.id, { type: 'convert' });
    expect(converted.state).toBe('converted');
    const dispute = await db.disputes.get(converted.disputeId!);
    expect(dispute).toMatchObject({
      number: '争〔2026〕2号',
      matter: t.title,
      type: 'transfer',
      partyUnitIds: [town, dept, water],
      positions: {},
      firstHandlingUnitId: town,
      relatedTopicId: t.id,
      registeredOn: '2026-11-22',
      state: 'registered',
      stateSince: '2026-11-22',
      rounds: [],
    });
    const rows = await newRows(db, start);
    expect(rows.map((r) => [r.entity, r.action, r.entityId])).toEqual([
      ['dispute', 'create', dispute!.id],
      ['topic', 'transition', t.id],
    ]);
    expect(rows[0]?.reason).toBe(`由议题《${t.title}》转为争议`);
    expect(rows[1]?.reason).toBe('转为争议 争〔2026〕2号');
    expect(JSON.stringify(rows)).not.toMatch(CLEAR);
  });

  it('asks for the other party when the topic names only its own unit, and checks the one chosen', async () => {
    const { db, dl, town, dept, water } = await setup();
    const t = await dl.topics.submit(input(town, { category: 'other' }));
    const before = await snapshotTables(db);
    await expect(dl.topics.act(t.id, { type: 'convert' })).rejects.toThrow(/请选择争议的另一方/);
    await dl.units.archive(water);
    const archived = await snapshotTables(db);
    await expect(dl.topics.act(t.id, { type: 'convert', otherPartyUnitIds: [water] })).rejects.toThrow(
      '“区水利局”已归档',
    );
    expect(await snapshotTables(db)).toEqual(archived);
    expect(before.disputes).toEqual([]);

    const converted = await dl.topics.act(t.id, { type: 'convert', otherPartyUnitIds: [dept] });
    expect(await db.disputes.get(converted.disputeId!)).toMatchObject({
      partyUnitIds: [town, dept],
      type: 'jurisdiction',
      number: '争〔2026〕1号',
    });
    await expect(dl.topics.act(t.id, { type: 'convert', otherPartyUnitIds: [dept] })).rejects.toThrow(
      '议题处于“转争议”状态，不能转为争议',
    );
    expect(await db.disputes.count()).toBe(1);
  });

  it('leaves topic, dispute and audit untouched when the conversion fails at any write', async () => {
    const { db, dl, town, dept } = await setup();
    const t = await dl.topics.submit(input(town, { relatedUnitIds: [dept] }));
    const before = await snapshotTables(db);
    // Fail each of the writes the conversion makes (dispute, topic, audit rows, anchor).
    for (const table of [db.disputes, db.topics, db.audit, db.settings]) {
      const fail = () => {
        throw new Error(`injected fault in ${table.name}`);
      };
      const hook =
        table.name === 'settings' || table.name === 'topics' ? table.hook('updating') : table.hook('creating');
      hook.subscribe(fail);
      await expect(dl.topics.act(t.id, { type: 'convert' })).rejects.toThrow(/injected fault/);
      hook.unsubscribe(fail);
      expect(await snapshotTables(db), table.name).toEqual(before);
    }
  });

  it('reveals the complainant only after writing a reveal entry that holds no clear data', async () => {
    const { db, dl, town, profile } = await setup();
    const t = await dl.topics.submit(input(town, { complainant: { name: '张三丰', phone: '13812345678' } }));
    const start = await db.audit.count();
    const clear = await dl.topics.reveal(t.id, ' 核实投诉情况 ');
    expect(clear).toEqual({ name: '张三丰', phone: '13812345678' });
    const rows = await newRows(db, start);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'topic',
      entityId: t.id,
      action: 'reveal',
      actorId: profile.id,
      reason: '核实投诉情况',
      before: null,
      after: { title: t.title, fields: ['name', 'phone'] },
    });
    expect(JSON.stringify(rows)).not.toMatch(/张三丰|13812345678/);

    // A reveal needs a reason: without one it is refused and leaves no entry.
    const before = await db.audit.count();
    await expect(dl.topics.reveal(t.id)).rejects.toThrow();
    await expect(dl.topics.reveal(t.id, '  ')).rejects.toThrow();
    expect(await db.audit.count()).toBe(before);

    const plain = await dl.topics.submit(input(town));
    const count = await db.audit.count();
    await expect(dl.topics.reveal(plain.id, '核实投诉情况')).rejects.toThrow('该议题没有投诉举报人信息');
    expect(await db.audit.count()).toBe(count);
  });

  it('keeps clear complainant data out of every audit snapshot of a full topic life', async () => {
    const { db, dl, town, dept } = await setup();
    const a = await dl.topics.submit(input(town, { relatedUnitIds: [dept], complainant: COMPLAINANT }));
    const b = await dl.topics.submit(input(town, { title: '乙', complainant: COMPLAINANT }));
    await dl.topics.update(a.id, { description: '补充说明' });
    await dl.topics.act(b.id, { type: 'merge', intoTopicId: a.id });
    await dl.topics.act(a.id, { type: 'return', reason: '补充材料' });
    await dl.topics.act(a.id, { type: 'resubmit' });
    await dl.topics.act(a.id, { type: 'convert' });
    await dl.topics.reveal(a.id, '核实投诉情况');
    const all = JSON.stringify(await auditRows(db));
    expect(all).not.toMatch(CLEAR);
    expect(all).toContain('张**');
  });

  it('lists newest first and filters by state, category, unit, dates and text (not complainant data)', async () => {
    const { dl, town, dept, water } = await setup();
    const a = await dl.topics.submit(
      input(town, { title: '油烟扰民', submittedOn: '2026-10-01', category: 'responsibility_boundary' }),
    );
    const b = await dl.topics.submit(
      input(dept, { title: '无证经营', submittedOn: '2026-11-01', relatedUnitIds: [water] }),
    );
    const c = await dl.topics.submit(
      input(water, {
        title: '河道采砂',
        submittedOn: '2026-11-15',
        complainant: { name: '王五' },
        description: '夜间采砂',
      }),
    );
    await dl.topics.act(b.id, { type: 'accept' });
    const ids = async (f: Parameters<typeof dl.topics.list>[0]) => (await dl.topics.list(f)).map((t) => t.id);
    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ states: ['accepted'] })).toEqual([b.id]);
    expect(await ids({ states: ['accepted', 'submitted'] })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ category: 'responsibility_boundary' })).toEqual([a.id]);
    expect(await ids({ unitId: water })).toEqual([c.id, b.id]);
    expect(await ids({ from: '2026-11-01', to: '2026-11-14' })).toEqual([b.id]);
    expect(await ids({ search: '采砂' })).toEqual([c.id]);
    expect(await ids({ search: '区市场监管局' })).toEqual([b.id]);
    expect(await ids({ search: '王五' })).toEqual([]);
  });
});

describe('topics repository: complainant data sealed at rest (PII-1)', () => {
  it('keeps the sealed values through every triage step, and asks the key source only when needed', async () => {
    const { db, dl, town, dept } = await setup();
    const a = await dl.topics.submit(input(town, { relatedUnitIds: [dept], complainant: COMPLAINANT }));
    const sealed = (await db.topics.get(a.id))!.complainantSealed;
    await dl.topics.act(a.id, { type: 'return', reason: '补充材料' });
    await dl.topics.update(a.id, { description: '补充说明' });
    await dl.topics.act(a.id, { type: 'resubmit' });
    await dl.topics.act(a.id, { type: 'accept' });
    const after = (await db.topics.get(a.id))!;
    expect(after.state).toBe('accepted');
    expect(after.complainantSealed).toBe(sealed);
    expect(after).not.toHaveProperty('complainant');
    expect(await dl.topics.reveal(a.id, '核实')).toEqual(COMPLAINANT);
  });

  it('a reveal the key source cannot open writes no entry and shows nothing; a refused role never asks it', async () => {
    const h = await withProfile();
    const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
    const open = vi.fn(async () => {
      throw new Error('口令不正确');
    });
    const keys = memoryPiiKeys();
    const dl = createDataLayer(h.db, { ...deterministicOptions(), pii: { publicKey: keys.publicKey, open } });
    const t = await dl.topics.submit(input(town, { complainant: COMPLAINANT }));
    const count = await h.db.audit.count();
    await expect(dl.topics.reveal(t.id, '核实')).rejects.toThrow('口令不正确');
    expect(await h.db.audit.count()).toBe(count);

    // A supervisor is refused before anything is opened.
    await dl.profiles.create({ name: '纪检员', unitName: '纪工委', role: 'supervisor' });
    open.mockClear();
    await expect(dl.topics.reveal(t.id, '核实')).rejects.toThrow();
    expect(open).not.toHaveBeenCalled();
    expect(await h.db.audit.count()).toBeGreaterThan(count);
    expect((await auditRows(h.db)).some((r) => r.action === 'reveal')).toBe(false);
  });

  it('submits without complainant data without asking for the key', async () => {
    const h = await withProfile();
    const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
    const publicKey = vi.fn(async () => {
      throw new Error('no key');
    });
    const dl = createDataLayer(h.db, { ...deterministicOptions(), pii: { publicKey, open: vi.fn() } });
    const t = await dl.topics.submit(input(town));
    await dl.topics.update(t.id, { title: '改名' });
    expect(publicKey).not.toHaveBeenCalled();
    await expect(dl.topics.submit(input(town, { complainant: { name: '张三' } }))).rejects.toThrow('no key');
  });
});
