import { ordinalSession } from './format';
import type { Meeting } from './meeting';
import { MEETING_KIND_LABELS } from './meeting-rules';

type Numbered = Pick<Meeting, 'year' | 'sequence' | 'kind'>;

/**
 * The names of a meeting, once, for every screen, message, audit line and document (numbered with
 * Chinese ordinals as the office writes them: 第三次, never 第3次).
 */

/** “2026年第三次定期联席会议”: the meeting as the office files and lists it. */
export function meetingOfficialName(m: Numbered): string {
  return `${m.year}年${ordinalSession(m.sequence)}${MEETING_KIND_LABELS[m.kind]}`;
}

/** “2026年第三次会议” for a regular meeting, “2026年第一次专题会议” for the others (after the joint meeting's name). */
export function meetingSessionName(m: Numbered): string {
  const kind = m.kind === 'regular' ? '会议' : MEETING_KIND_LABELS[m.kind];
  return `${m.year}年${ordinalSession(m.sequence)}${kind}`;
}

/** “××镇综合行政执法协调联席会议2026年第三次会议”: the joint meeting's name + the session. */
export function meetingDisplayName(m: Numbered, jointMeetingName = ''): string {
  return `${jointMeetingName.trim()}${meetingSessionName(m)}`;
}

/** A title worth showing beside the official name (not just the name again, in Chinese or Arabic digits). */
export function distinctTitle(m: Numbered & Pick<Meeting, 'title'>): string | undefined {
  const t = m.title?.trim();
  if (!t) return undefined;
  const plain = [meetingOfficialName(m), `${m.year}年第${m.sequence}次${MEETING_KIND_LABELS[m.kind]}`];
  return plain.includes(t) ? undefined : t;
}
