import { describe, expect, it } from 'vitest';
import { personInputSchema, unitInputSchema } from '../../../../shared/domain';
import { blankToUndefined, parseFormValues } from '../../../../renderer/src/features/units/form/zod-form';

describe('parseFormValues', () => {
  it('returns the trimmed schema output with blank optional fields as undefined', () => {
    const r = parseFormValues(unitInputSchema, { name: ' 司法所 ', kind: 'justice_office', shortName: '', note: '  ' });
    expect(r).toEqual({
      ok: true,
      value: { name: '司法所', kind: 'justice_office', shortName: undefined, note: undefined },
    });
  });

  it('keeps the keys of cleared fields, so an update clears them instead of keeping the stored value', () => {
    const r = parseFormValues(unitInputSchema, { name: 'A', kind: 'township', liaisonName: '' });
    expect(r.ok && 'liaisonName' in r.value).toBe(true);
  });

  it('groups every issue by field for form.setFields', () => {
    const r = parseFormValues(personInputSchema, { name: '', unitId: '', role: undefined, phone: '1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byName = Object.fromEntries(r.fields.map((f) => [f.name, f.errors]));
    expect(byName.name).toEqual(['请填写姓名']);
    expect(byName.role).toEqual(['请选择联席会议职务']);
    expect(byName.phone?.[0]).toMatch(/^电话号码格式不正确/);
    expect(byName.unitId).toHaveLength(1);
  });

  it('applies per-field options such as requiredMessage', () => {
    const r = parseFormValues(
      personInputSchema,
      { name: '张伟', role: 'member' },
      { unitId: { requiredMessage: '请选择所属单位' } },
    );
    expect(r).toEqual({ ok: false, fields: [{ name: 'unitId', errors: ['请选择所属单位'] }] });
  });
});

describe('blankToUndefined', () => {
  it('blanks strings and nulls but keeps other values', () => {
    expect(blankToUndefined({ a: ' ', b: null, c: 'x', d: 0, e: false })).toEqual({
      a: undefined,
      b: undefined,
      c: 'x',
      d: 0,
      e: false,
    });
  });
});
