import { describe, expect, it } from 'vitest';
import { sideBySide } from '../../../renderer/src/features/minutes/text-diff';

describe('sideBySide', () => {
  it('keeps equal lines on both sides', () => {
    const rows = sideBySide('一、关于\n会议议定\n', '一、关于\n会议议定\n');
    expect(rows.every((r) => r.kind === 'same')).toBe(true);
    expect(rows).toHaveLength(2);
  });

  it('pairs a changed line and marks only the changed characters', () => {
    const rows = sideBySide('由县司法局牵头，于12月1日前完成\n', '由县公安局牵头，于12月1日前完成\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('changed');
    expect(
      rows[0]!.left
        ?.filter((p) => p.changed)
        .map((p) => p.text)
        .join(''),
    ).toBe('司法');
    expect(
      rows[0]!.right
        ?.filter((p) => p.changed)
        .map((p) => p.text)
        .join(''),
    ).toBe('公安');
  });

  it('shows added and removed lines on one side only', () => {
    const rows = sideBySide('甲\n乙\n', '甲\n丙\n丁\n');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'added']);
    expect(sideBySide('甲\n乙\n', '甲\n').map((r) => r.kind)).toEqual(['same', 'removed']);
  });
});
