import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { unitOptionsByKind } from '../../../renderer/src/ui/unit-options';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('unitOptionsByKind', () => {
  it('groups units under their kind in the register’s order and leaves out empty kinds', () => {
    const [first, last] = ['township', 'district_government'] as const;
    const groups = unitOptionsByKind(
      [
        { id: 'u3', name: '丙', kind: last },
        { id: 'u1', name: '甲', kind: first },
        { id: 'u2', name: '乙', kind: last },
      ],
      t,
    );
    expect(groups).toEqual([
      { label: `«units:kind.${first}»`, title: `«units:kind.${first}»`, options: [{ value: 'u1', label: '甲' }] },
      {
        label: `«units:kind.${last}»`,
        title: `«units:kind.${last}»`,
        options: [
          { value: 'u3', label: '丙' },
          { value: 'u2', label: '乙' },
        ],
      },
    ]);
  });
});
