import { describe, expect, it } from 'vitest';
import { personInputSchema, topicInputSchema, unitInputSchema } from '../../../shared/domain';
import { zodFieldError, zodRule } from '../../../renderer/src/ui/zod-rule';

describe('zodFieldError', () => {
  it('uses the schema’s Chinese "请填写…" for an untouched or blank required text', () => {
    expect(zodFieldError(unitInputSchema.shape.name, undefined)).toBe('请填写单位名称');
    expect(zodFieldError(unitInputSchema.shape.name, '   ')).toBe('请填写单位名称');
    expect(zodFieldError(personInputSchema.shape.name, null)).toBe('请填写姓名');
  });

  it('accepts valid values and blank optional fields', () => {
    expect(zodFieldError(unitInputSchema.shape.name, '市场监管局')).toBeUndefined();
    expect(zodFieldError(unitInputSchema.shape.shortName, undefined)).toBeUndefined();
    expect(zodFieldError(unitInputSchema.shape.liaisonPhone, '')).toBeUndefined();
    expect(zodFieldError(personInputSchema.shape.phone, '0571-88886666')).toBeUndefined();
  });

  it('reports the schema message for an invalid value', () => {
    expect(zodFieldError(unitInputSchema.shape.liaisonPhone, '12345')).toMatch(/^电话号码格式不正确/);
    expect(zodFieldError(unitInputSchema.shape.name, '单'.repeat(61))).toBe('单位名称不能超过 60 个字');
  });

  it('reports the enum message for a missing select', () => {
    expect(zodFieldError(unitInputSchema.shape.kind, undefined)).toBe('请选择单位类别');
    expect(zodFieldError(personInputSchema.shape.role, null)).toBe('请选择联席会议职务');
    expect(zodFieldError(unitInputSchema.shape.kind, 'nonsense')).toBe('请选择单位类别');
  });

  it('prefers requiredMessage for an empty required field, but not for an invalid one', () => {
    const opts = { requiredMessage: '请选择所属单位' };
    expect(zodFieldError(personInputSchema.shape.unitId, undefined, opts)).toBe('请选择所属单位');
    expect(zodFieldError(personInputSchema.shape.unitId, 'u'.repeat(65), opts)).toBe('编号过长');
  });

  it('falls back to zod’s Chinese texts, never English, where the schema has none', () => {
    const message = zodFieldError(unitInputSchema.shape.note, 42);
    expect(message).toBeDefined();
    expect(message).toMatch(/[\u4e00-\u9fff]/u);
    expect(message).not.toMatch(/expected|invalid/i);
  });
});

describe('zodRule', () => {
  it('resolves for a valid value and rejects with the message otherwise', async () => {
    const rule = zodRule(unitInputSchema.shape.liaisonPhone);
    await expect(rule.validator({}, '13800138000')).resolves.toBeUndefined();
    await expect(rule.validator({}, 'abc')).rejects.toThrow(/电话号码格式不正确/);
  });

  it('asks for an untouched required text instead of reporting a type error', async () => {
    await expect(zodRule(topicInputSchema.shape.title).validator({}, undefined)).rejects.toThrow('请填写议题名称');
    await expect(zodRule(topicInputSchema.shape.proposedHandling).validator({}, null)).resolves.toBeUndefined();
  });
});
