import { describe, expect, it } from 'vitest';
import {
  isoDateSchema,
  isoDateTimeSchema,
  personInputSchema,
  phoneSchema,
  RULE_PRESETS,
  ruleProfileSchema,
  ruleValuesSchema,
  unitInputSchema,
  userProfileInputSchema,
} from '../../../shared/domain';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

describe('shared zod schemas', () => {
  it('accepts real calendar dates only', () => {
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(firstMessage(isoDateSchema.safeParse('2026-02-29'))).toBe('日期不存在');
    expect(firstMessage(isoDateSchema.safeParse('2026/3/9'))).toBe('日期格式应为 YYYY-MM-DD');
    expect(isoDateTimeSchema.safeParse('2026-03-09T09:30').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-09T09:30:00.000Z').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-09 09:30').success).toBe(false);
  });

  it.each(['13812345678', '0599-5831234', '05995831234', '0591-87654321-808', '139-1234-5678'])(
    'accepts phone %s',
    (p) => {
      expect(phoneSchema.safeParse(p).success).toBe(true);
    },
  );

  it.each(['12345', '23812345678', '138123456789', '电话', '0599-12', '5831234', '1380013'])(
    'refuses phone %s with a clear message',
    (p) => {
      expect(firstMessage(phoneSchema.safeParse(p))).toBe(
        '电话号码格式不正确（手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线）',
      );
    },
  );

  it('validates a unit with Chinese messages naming the field', () => {
    expect(unitInputSchema.safeParse({ name: '区市场监督管理局', kind: 'district_department' }).success).toBe(true);
    expect(firstMessage(unitInputSchema.safeParse({ name: '  ', kind: 'township' }))).toBe('请填写单位名称');
    expect(firstMessage(unitInputSchema.safeParse({ name: '城关镇', kind: 'nope' }))).toBe('请选择单位类别');
    expect(
      firstMessage(unitInputSchema.safeParse({ name: '城关镇', kind: 'township', shortName: '字'.repeat(21) })),
    ).toBe('简称不能超过 20 个字');
    expect(unitInputSchema.safeParse({ name: '城关镇', kind: 'township', liaisonPhone: '' }).success).toBe(true);
  });

  it('validates a person and their joint-meeting role', () => {
    const ok = { name: '罗建平', unitId: 'u1', role: 'chief_convener', phone: '13812345678' };
    expect(personInputSchema.safeParse(ok).success).toBe(true);
    expect(firstMessage(personInputSchema.safeParse({ ...ok, role: 'boss' }))).toBe('请选择联席会议职务');
    expect(firstMessage(personInputSchema.safeParse({ ...ok, name: '' }))).toBe('请填写姓名');
  });

  it('validates the local user profile', () => {
    expect(userProfileInputSchema.safeParse({ name: '王丽', unitName: '城关镇', role: 'supervisor' }).success).toBe(
      true,
    );
    expect(firstMessage(userProfileInputSchema.safeParse({ name: '王丽', unitName: '城关镇', role: 'admin' }))).toBe(
      '请选择角色',
    );
  });

  it('keeps every rule preset valid and refuses impossible limits', () => {
    for (const p of RULE_PRESETS) expect(ruleProfileSchema.safeParse(p).success, p.name).toBe(true);
    const values = { ...RULE_PRESETS[0]!.values, transferWorkingDays: 0 };
    expect(firstMessage(ruleValuesSchema.safeParse(values))).toBe('案件移送时限应为 1 至 60 之间的整数');
    expect(firstMessage(ruleValuesSchema.safeParse({ ...values, transferWorkingDays: 2.5 }))).toBe(
      '案件移送时限应为 1 至 60 之间的整数',
    );
    expect(firstMessage(ruleValuesSchema.safeParse({ ...values, meetingsPerQuarter: 13 }))).toBe(
      '每季度定期会议次数应为 1 至 12 之间的整数',
    );
  });

  it('keeps the localities’ differing numbers as data, not constants', () => {
    const byName = new Map(RULE_PRESETS.map((p) => [p.name, p.values]));
    expect(byName.get('南平市建阳区')?.assistanceWorkingDays).toBe(7);
    expect(byName.get('卫滨区')?.assistanceWorkingDays).toBe(5);
    expect(byName.get('晋江市新塘街道')?.receiptNoticeWorkingDays).toBe(5);
    expect(byName.get('南平市建阳区')?.receiptNoticeWorkingDays).toBe(3);
  });
});
