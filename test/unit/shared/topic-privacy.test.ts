import { describe, expect, it } from 'vitest';
import {
  complainantFields,
  hasComplainantData,
  idNumberProblem,
  maskAddress,
  maskComplainant,
  maskedTopic,
  maskIdNumber,
  maskName,
  maskPhone,
  type Topic,
} from '../../../shared/domain';

describe('complainant masking', () => {
  it('keeps the surname only', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('*');
    expect(maskName('  ')).toBe('');
    // A character outside the BMP counts as one character, not two halves.
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });

  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0599-1234567')).toBe('059*-***4567');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('')).toBe('');
  });

  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('35070219900101123X')).toBe('350702********123X');
    expect(maskIdNumber('350702900101123')).toBe('350702*****1123');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });

  it('keeps the first 6 characters of an address and hides its length', () => {
    expect(maskAddress('城关镇解放路菜市场12号')).toBe('城关镇解放路****');
    expect(maskAddress('城关镇解放路菜市场12号3单元501室')).toBe('城关镇解放路****');
    expect(maskAddress('解放路12号')).toBe('解放路****');
  });

  it('masks every field and leaves absent ones absent', () => {
    expect(maskComplainant({ name: '李四', phone: '13900001111' })).toEqual({ name: '李*', phone: '139****1111' });
    expect(hasComplainantData({ name: ' ' })).toBe(false);
    expect(hasComplainantData(undefined)).toBe(false);
    expect(hasComplainantData({ phone: '13900001111' })).toBe(true);
    expect(complainantFields({ address: 'x', name: 'y', phone: '' })).toEqual(['name', 'address']);
  });

  it('masks the complainant of a topic snapshot and drops an empty one', () => {
    const base: Topic = {
      id: 't1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      title: '占道经营',
      submittingUnitId: 'u1',
      submittedOn: '2026-02-01',
      category: 'other',
      description: '说明',
      urgency: 'normal',
      relatedUnitIds: [],
      state: 'submitted',
    };
    const clear = {
      name: '王五',
      phone: '13812345678',
      idNumber: '35070219900101123X',
      address: '城关镇解放路菜市场12号',
    };
    const masked = maskedTopic({ ...base, complainant: clear });
    expect(masked.complainant).toEqual({
      name: '王*',
      phone: '138****5678',
      idNumber: '350702********123X',
      address: '城关镇解放路****',
    });
    expect(JSON.stringify(masked)).not.toMatch(/王五|13812345678|19900101|菜市场/);
    expect(maskedTopic({ ...base, complainant: { name: '' } })).not.toHaveProperty('complainant');
    expect(maskedTopic(base)).toBe(base);
  });
});

describe('ID number check', () => {
  it('accepts well-formed numbers with a correct check character', () => {
    // 11010519491231002X is the standard's own example.
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('11010519491231002x')).toBeUndefined();
    expect(idNumberProblem('110105491231002')).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toBe('身份证号校验位不正确，请核对');
    expect(idNumberProblem('1101051949')).toMatch(/应为 18 位/);
    expect(idNumberProblem('11010519491231002Y')).toMatch(/应为 18 位/);
  });
});
