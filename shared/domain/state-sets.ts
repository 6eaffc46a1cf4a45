import type { Meeting, MeetingState } from './meeting';

/**
 * The named sets of states (DOMAIN.md), declared once. Components and repositories import these instead of
 * copying literal arrays.
 */

/** A meeting still being prepared: details, agenda and invitations may change (筹备, 已通知). */
export const PREPARING_MEETING_STATES: readonly MeetingState[] = ['planning', 'notified'];
/** A meeting that has taken place (已召开 and every minutes-driven state after it). */
export const HELD_OR_LATER_MEETING_STATES: readonly MeetingState[] = ['held', 'drafting', 'signed', 'issued'];
/** States in which attendance may still be recorded or corrected (until the minutes are signed). */
export const ATTENDANCE_EDITABLE_MEETING_STATES: readonly MeetingState[] = ['planning', 'notified', 'held', 'drafting'];
/** States after 已召开 that follow the minutes and are never set by hand. */
export const MINUTES_DRIVEN_MEETING_STATES: readonly MeetingState[] = ['drafting', 'signed', 'issued'];

export function isPreparing(m: Pick<Meeting, 'state'> | MeetingState): boolean {
  return PREPARING_MEETING_STATES.includes(typeof m === 'string' ? m : m.state);
}

export function isHeldOrLater(m: Pick<Meeting, 'state'> | MeetingState): boolean {
  return HELD_OR_LATER_MEETING_STATES.includes(typeof m === 'string' ? m : m.state);
}

export function isAttendanceEditable(m: Pick<Meeting, 'state'> | MeetingState): boolean {
  return ATTENDANCE_EDITABLE_MEETING_STATES.includes(typeof m === 'string' ? m : m.state);
}
