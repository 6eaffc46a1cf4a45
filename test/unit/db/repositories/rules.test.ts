import { describe, expect, it } from 'vitest';
import { RULE_PRESETS } from '../../../../shared/domain';
import { auditRowsWhole, withProfile } from '../helpers';

const values = { ...RULE_PRESETS[0]!.values, assistanceWorkingDays: 10 };

describe('rules repository', () => {
  it('lists presets then custom profiles and defaults to the first preset', async () => {
    const { dl } = await withProfile();
    expect((await dl.rules.active()).id).toBe(RULE_PRESETS[0]!.id);
    const custom = await dl.rules.saveCustom({ name: '本镇规则', values });
    expect(custom).toMatchObject({ name: '本镇规则', preset: false, values });
    expect((await dl.rules.list()).map((r) => r.id)).toEqual([...RULE_PRESETS.map((p) => p.id), custom.id]);
  });

  it('audits creating, updating, activating and removing a custom profile', async () => {
    const { db, dl } = await withProfile();
    const count = await db.audit.count();
    const custom = await dl.rules.saveCustom({ name: '本镇规则', values });
    const renamed = await dl.rules.saveCustom({ id: custom.id, name: '本镇规则（修订）', values });
    await dl.rules.setActive(custom.id);
    expect(await dl.rules.active()).toEqual(renamed);
    await expect(dl.rules.removeCustom(custom.id)).rejects.toMatchObject({ code: 'conflict' });
    await dl.rules.setActive(RULE_PRESETS[1]!.id);
    await dl.rules.removeCustom(custom.id);
    const rows = (await auditRowsWhole(db)).slice(count);
    expect(rows.map((r) => [r.entity, r.action])).toEqual([
      ['ruleProfile', 'create'],
      ['ruleProfile', 'update'],
      ['settings', 'update'],
      ['settings', 'update'],
      ['ruleProfile', 'delete'],
    ]);
    expect(rows[1]).toMatchObject({ before: custom, after: renamed });
    expect(rows[2]).toMatchObject({ entityId: 'rules.active', after: { ruleProfileId: custom.id } });
  });

  it('keeps presets read-only and validates values', async () => {
    const { dl } = await withProfile();
    await expect(dl.rules.saveCustom({ id: RULE_PRESETS[0]!.id, name: 'x', values })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(dl.rules.removeCustom(RULE_PRESETS[0]!.id)).rejects.toThrow('预设规则不能删除');
    await expect(
      dl.rules.saveCustom({ name: '坏规则', values: { ...values, transferWorkingDays: 0 } }),
    ).rejects.toThrow('案件移送时限：案件移送时限应为 1 至 60 之间的整数');
    await expect(dl.rules.saveCustom({ name: RULE_PRESETS[0]!.name, values })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(dl.rules.setActive('nope')).rejects.toMatchObject({ code: 'not-found' });
    // Callers get copies: changing one does not change the preset.
    (await dl.rules.active()).values.transferWorkingDays = 99;
    expect(RULE_PRESETS[0]!.values.transferWorkingDays).toBe(3);
  });
});
