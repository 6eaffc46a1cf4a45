import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSchema, PHONE_RULE_TEXT } from '../../../shared/domain';

describe('phone numbers', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['0599-1234567', '0599-1234567'],
    ['05991234567', '0599-1234567'],
    ['(0599) 123 4567', '0599-1234567'],
    ['（0599）1234567', '0599-1234567'],
    ['010-12345678', '010-12345678'],
    ['021 6123 4567', '021-61234567'],
    ['+86 599 1234567', '0599-1234567'],
    ['0599-1234567转123', '0599-1234567-123'],
    ['0599-1234567-123', '0599-1234567-123'],
  ])('accepts %s, stored as %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
    expect(phoneSchema.parse(typed)).toBe(stored);
  });

  it.each(['1380013', '1234567', '12345678', '23912345678', '0599-0234567', '139-1234-5678-12', '0599', 'abc', ''])(
    'refuses %s with the same rule the hint states',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
      const r = phoneSchema.safeParse(typed);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(`电话号码格式不正确（${PHONE_RULE_TEXT}）`);
    },
  );
});
