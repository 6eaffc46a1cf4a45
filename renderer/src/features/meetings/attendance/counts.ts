import type { Attendance } from '../../../../../shared/domain';

/** The sign-in board's figures. 应到 counts invitees (not 列席); 实到 counts those present in person or by substitute. */
export interface AttendanceCounts {
  expected: number;
  present: number;
  substituted: number;
  leave: number;
  absent: number;
  /** Invitees with no mark yet (未到). */
  pending: number;
  observers: number;
  observersPresent: number;
}

export function attendanceCounts(rows: readonly Attendance[]): AttendanceCounts {
  const c: AttendanceCounts = {
    expected: 0,
    present: 0,
    substituted: 0,
    leave: 0,
    absent: 0,
    pending: 0,
    observers: 0,
    observersPresent: 0,
  };
  for (const a of rows) {
    const here = a.status === 'present' || a.status === 'substituted';
    if (a.observer) {
      c.observers++;
      if (here) c.observersPresent++;
      continue;
    }
    c.expected++;
    if (here) c.present++;
    if (a.status === 'substituted') c.substituted++;
    if (a.status === 'leave') c.leave++;
    if (a.status === 'absent') c.absent++;
    if (a.status === 'invited') c.pending++;
  }
  return c;
}
