import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_EDITABLE_MEETING_STATES,
  HELD_OR_LATER_MEETING_STATES,
  MEETING_STATES,
  PREPARING_MEETING_STATES,
  isHeldOrLater,
  isPreparing,
} from '../../../shared/domain';

describe('meeting state sets (DOMAIN.md)', () => {
  it('preparing = 筹备, 已通知; held or later = 已召开 … 已印发; attendance editable until signed', () => {
    expect([...PREPARING_MEETING_STATES]).toEqual(['planning', 'notified']);
    expect([...HELD_OR_LATER_MEETING_STATES]).toEqual(['held', 'drafting', 'signed', 'issued']);
    expect([...ATTENDANCE_EDITABLE_MEETING_STATES]).toEqual(['planning', 'notified', 'held', 'drafting']);
  });
  it('every state except cancelled is exactly one of preparing / held-or-later', () => {
    for (const s of MEETING_STATES) {
      const n = Number(isPreparing(s)) + Number(isHeldOrLater({ state: s }));
      expect(n).toBe(s === 'cancelled' ? 0 : 1);
    }
  });
});
