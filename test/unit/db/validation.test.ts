import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, unitInputSchema } from '../../../shared/domain';
import { parseOrThrow, UNIT_FIELD_LABELS } from '../../../renderer/src/db/validation';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation');
    return (e as DomainError).message;
  }
  throw new Error('expected a validation error');
}

describe('parseOrThrow', () => {
  it('names the field of the first problem so a form can show it there, without the label', () => {
    const schema = z.object({ complainant: z.object({ phone: z.string().max(3, '号码过长') }) });
    try {
      parseOrThrow(schema, { complainant: { phone: '13812345678' } }, { 'complainant.phone': '投诉举报人电话' });
      throw new Error('expected a validation error');
    } catch (e) {
      expect((e as DomainError).message).toBe('投诉举报人电话：号码过长');
      expect((e as DomainError).field).toEqual({ path: ['complainant', 'phone'], message: '号码过长' });
    }
  });

  it('prefixes the schema message with the field label', () => {
    expect(messageOf(() => parseOrThrow(unitInputSchema, { name: ' ', kind: 'township' }, UNIT_FIELD_LABELS))).toBe(
      '单位名称：请填写单位名称',
    );
    expect(messageOf(() => parseOrThrow(unitInputSchema, { name: '甲', kind: 'x' }, UNIT_FIELD_LABELS))).toBe(
      '单位类别：请选择单位类别',
    );
  });

  it('words missing and mistyped fields in Chinese instead of zod’s type jargon', () => {
    expect(messageOf(() => parseOrThrow(unitInputSchema, { kind: 'township' }, UNIT_FIELD_LABELS))).toBe(
      '单位名称：请填写单位名称',
    );
    expect(messageOf(() => parseOrThrow(unitInputSchema, { name: 42, kind: 'township' }, UNIT_FIELD_LABELS))).toBe(
      '单位名称：单位名称格式不正确',
    );
    expect(messageOf(() => parseOrThrow(unitInputSchema, null, UNIT_FIELD_LABELS))).toBe('输入数据格式不正确');
  });

  it('uses zod’s Chinese locale for checks the schema does not word, and keeps every issue in details', () => {
    const schema = z.object({ code: z.string().length(6), n: z.number().int() });
    try {
      parseOrThrow(schema, { code: 'abc', n: 1.5 }, { code: '邮编', n: '份数' });
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.message).toMatch(/^邮编：.*6/);
      expect(err.details).toHaveLength(2);
      expect(err.details![1]).toMatch(/^份数：/);
    }
  });

  it('returns the parsed (trimmed) value', () => {
    expect(parseOrThrow(unitInputSchema, { name: ' 甲镇 ', kind: 'township' })).toEqual({
      name: '甲镇',
      kind: 'township',
    });
  });
});
