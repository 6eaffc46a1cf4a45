import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../shared/domain';
import { DEFAULT_MINUTES_WORDING } from '../../../shared/domain/minutes-template';
import { auditedWrite } from '../../../renderer/src/db/audited-write';
import { MINUTES_TEMPLATE_KEY, readMinutesWording } from '../../../renderer/src/db/repositories/minutes-template';
import { auditRows, deterministicOptions, snapshotTables, withProfile } from './helpers';

async function setup() {
  const h = await withProfile();
  const become = async (role: UserRole) => {
    const p = await h.dl.profiles.create({ name: `测试${role}`, unitName: '城关镇人民政府', role });
    await h.dl.profiles.switchTo(p.id);
    return p;
  };
  return { ...h, become };
}

const INTRO = '{日期}{时段}，{主持人}主持召开{会议名称}，会议地点为{地点}。会议听取了{听取事项}。';

describe('minutes template repository', () => {
  it('gives the default wording until one is saved', async () => {
    const { dl } = await setup();
    expect(await dl.minutesTemplate.wording()).toEqual(DEFAULT_MINUTES_WORDING);
  });

  it('saves a wording (trimmed; keys left out keep their value), audited as a settings change', async () => {
    const { db, dl, profile } = await setup();
    const before = await db.audit.count();
    const saved = await dl.minutesTemplate.save({ intro: `  ${INTRO} `, leaveLabel: '请　假' });
    expect(saved).toEqual({ ...DEFAULT_MINUTES_WORDING, intro: INTRO, leaveLabel: '请　假' });
    expect(await dl.minutesTemplate.wording()).toEqual(saved);
    const rows = (await auditRows(db)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'settings',
      entityId: MINUTES_TEMPLATE_KEY,
      action: 'update',
      before: null,
      after: { name: '会议纪要模板措辞', ...saved },
      actorId: profile.id,
    });

    const next = await dl.minutesTemplate.save({ closing: '现纪要如下：' });
    expect(next).toEqual({ ...saved, closing: '现纪要如下：' });
    expect((await auditRows(db)).at(-1)).toMatchObject({
      before: { closing: DEFAULT_MINUTES_WORDING.closing },
      after: { closing: '现纪要如下：' },
    });
    // The same wording again writes nothing.
    const count = await db.audit.count();
    await dl.minutesTemplate.save({ closing: '现纪要如下：' });
    expect(await db.audit.count()).toBe(count);
    expect((await dl.audit.verify()).ok).toBe(true);
  });

  it('refuses invalid wording with a Chinese message naming the field; nothing is written', async () => {
    const { db, dl } = await setup();
    const before = await snapshotTables(db);
    await expect(dl.minutesTemplate.save({ intro: '   ' })).rejects.toMatchObject({
      code: 'validation',
      message: '导语：导语不能为空',
      field: { path: ['intro'] },
    });
    await expect(dl.minutesTemplate.save({ intro: '{日期}召开{会议}' })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('导语中有未知的占位符：{会议}') as unknown,
    });
    await expect(dl.minutesTemplate.save({ presentLabel: '' })).rejects.toMatchObject({
      message: '出席标签：出席标签不能为空',
    });
    await expect(dl.minutesTemplate.save({ observerLabel: '列席人员和工作人员名单' })).rejects.toMatchObject({
      message: '列席标签：列席标签不能超过 10 个字',
    });
    await expect(dl.minutesTemplate.save({ closing: 3 })).rejects.toMatchObject({
      code: 'validation',
      message: '结束语：结束语格式不正确',
    });
    await expect(dl.minutesTemplate.save('导语')).rejects.toMatchObject({ code: 'validation' });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('only office staff may change or reset the wording', async () => {
    const { db, dl, become } = await setup();
    await dl.minutesTemplate.save({ closing: '现纪要如下：' });
    for (const role of ['convener', 'supervisor', 'liaison'] as const) {
      await become(role);
      const before = await snapshotTables(db);
      await expect(dl.minutesTemplate.save({ closing: '纪要如下：' })).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('只有办公室工作人员可以修改纪要模板') as unknown,
      });
      await expect(dl.minutesTemplate.reset()).rejects.toMatchObject({ code: 'forbidden' });
      expect(await snapshotTables(db)).toEqual(before);
      expect((await dl.minutesTemplate.wording()).closing).toBe('现纪要如下：');
    }
  });

  it('reset returns to the defaults, audited; a reset with nothing saved writes nothing', async () => {
    const { db, dl } = await setup();
    let count = await db.audit.count();
    expect(await dl.minutesTemplate.reset()).toEqual(DEFAULT_MINUTES_WORDING);
    expect(await db.audit.count()).toBe(count);

    await dl.minutesTemplate.save({ intro: INTRO });
    count = await db.audit.count();
    expect(await dl.minutesTemplate.reset()).toEqual(DEFAULT_MINUTES_WORDING);
    expect(await dl.minutesTemplate.wording()).toEqual(DEFAULT_MINUTES_WORDING);
    expect(await db.settings.get(MINUTES_TEMPLATE_KEY)).toBeUndefined();
    const rows = (await auditRows(db)).slice(count);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'settings',
      entityId: MINUTES_TEMPLATE_KEY,
      action: 'update',
      before: { intro: INTRO },
      after: { intro: DEFAULT_MINUTES_WORDING.intro },
      reason: '恢复默认措辞',
    });
  });

  it('readMinutesWording fills defaults field by field and works inside another transaction', async () => {
    const { db } = await setup();
    await db.settings.put({
      key: MINUTES_TEMPLATE_KEY,
      value: { intro: INTRO, closing: 42, presentLabel: '', leaveLabel: '请假人员' },
    });
    const ctx = { db, ...deterministicOptions() };
    const wording = await auditedWrite(ctx, [db.meetings], () => readMinutesWording(db));
    expect(wording).toEqual({ ...DEFAULT_MINUTES_WORDING, intro: INTRO, leaveLabel: '请假人员' });
    const inRead = await db.transaction('r', [db.settings], () => readMinutesWording(db));
    expect(inRead).toEqual(wording);
  });
});
