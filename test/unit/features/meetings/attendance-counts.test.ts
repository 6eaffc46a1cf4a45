import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../../shared/domain';
import { attendanceCounts } from '../../../../renderer/src/features/meetings/attendance/counts';

let n = 0;
const row = (status: Attendance['status'], observer = false): Attendance => ({
  id: `a${++n}`,
  createdAt: '2026-11-22T01:00:00.000Z',
  updatedAt: '2026-11-22T01:00:00.000Z',
  meetingId: 'm1',
  personId: `p${n}`,
  observer,
  status,
});

describe('sign-in board figures (应到 / 实到 / 请假 / 缺席 / 未到 / 列席)', () => {
  it('counts invitees and observers apart; a substitute counts as present', () => {
    const c = attendanceCounts([
      row('present'),
      row('substituted'),
      row('leave'),
      row('absent'),
      row('invited'),
      row('invited'),
      row('present', true),
      row('invited', true),
    ]);
    expect(c).toEqual({
      expected: 6,
      present: 2,
      substituted: 1,
      leave: 1,
      absent: 1,
      pending: 2,
      observers: 2,
      observersPresent: 1,
    });
  });

  it('is all zero for an empty list', () => {
    expect(Object.values(attendanceCounts([])).every((v) => v === 0)).toBe(true);
  });
});
