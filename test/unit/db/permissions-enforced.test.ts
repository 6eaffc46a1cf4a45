import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../shared/domain';
import { snapshotTables, unitInput, withProfile } from './helpers';

const COMPLAINANT = { name: '张三丰', phone: '13812345678' };

async function setup() {
  const h = await withProfile();
  const office = h.profile;
  const town = (await h.dl.units.create(unitInput('城关镇人民政府', { kind: 'township' }))).id;
  const topic = await h.dl.topics.submit({
    title: '农贸市场周边占道经营查处主体不明',
    submittingUnitId: town,
    submittedOn: '2026-11-20',
    category: 'jurisdiction_dispute',
    description: '农贸市场外侧人行道占道经营，镇综合执法队与市场监管所均认为不属本单位职责。',
    urgency: 'normal',
    relatedUnitIds: [],
    complainant: COMPLAINANT,
  });
  const become = async (role: UserRole) => {
    const p = await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇人民政府', role });
    await h.dl.profiles.switchTo(p.id);
    return p;
  };
  return { ...h, office, town, topic, become };
}

describe('permissions enforced in repositories', () => {
  it('a supervisor cannot accept or return topics, delete units or reveal complainant data; nothing changes', async () => {
    const { db, dl, town, topic, become } = await setup();
    await become('supervisor');
    const before = await snapshotTables(db);
    await expect(dl.topics.act(topic.id, { type: 'accept' })).rejects.toMatchObject({
      code: 'forbidden',
      message: '只有办公室工作人员可以受理议题；当前角色为“监督人员（纪工委/司法所）”',
    });
    await expect(dl.topics.act(topic.id, { type: 'return', reason: '材料不全' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(dl.units.remove(town)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dl.units.archive(town)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dl.topics.reveal(topic.id, '核实情况')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('a convener cannot create units or meetings; a liaison can submit a topic but not accept it', async () => {
    const { db, dl, town, topic, become } = await setup();
    await become('convener');
    await expect(dl.units.create(unitInput('区水利局'))).rejects.toMatchObject({ code: 'forbidden' });
    await become('liaison');
    const before = await db.topics.count();
    const t = await dl.topics.submit({
      title: '河道两岸违建查处职责不清',
      submittingUnitId: town,
      submittedOn: '2026-11-21',
      category: 'jurisdiction_dispute',
      description: '河道管理范围内违建，镇与水利部门均认为不属本单位职责。',
      urgency: 'normal',
      relatedUnitIds: [],
    });
    expect(await db.topics.count()).toBe(before + 1);
    await expect(dl.topics.act(t.id, { type: 'accept' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dl.topics.act(topic.id, { type: 'accept' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('office staff reveal complainant data only with a reason', async () => {
    const { dl, topic } = await setup();
    await expect(dl.topics.reveal(topic.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dl.topics.reveal(topic.id, '   ')).rejects.toMatchObject({ code: 'forbidden' });
    const clear = await dl.topics.reveal(topic.id, '核实投诉情况');
    expect(clear.name).toBe('张三丰');
  });

  it('office staff can accept the topic a supervisor could not', async () => {
    const { db, dl, topic } = await setup();
    await dl.topics.act(topic.id, { type: 'accept' });
    expect((await db.topics.get(topic.id))?.state).toBe('accepted');
  });
});
