import { attendeeIdentity, type Attendance, type AttendeeIdentity } from '../../../../../shared/domain';
import type { MeetingLookups } from '../use-lookups';

/** Whom a row is for, as the attendance screens show it: a registered person or a typed guest (列席来宾). */
export function attendeeOf(a: Attendance, lookups: Pick<MeetingLookups, 'person' | 'unit'>): AttendeeIdentity {
  return attendeeIdentity(a, lookups.person, lookups.unit);
}
