import { useLiveQuery } from 'dexie-react-hooks';
import type { AgendaItem, Attendance, Meeting, MeetingKind, MeetingState } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';
import type { AgendaProposals, MeetingListFilter } from '../types';

/** Live list of meetings, newest first; `undefined` while loading. */
export function useMeetings(filter: MeetingListFilter = {}): Meeting[] | undefined {
  const { year, kind, states } = filter;
  // Compared by value: callers usually pass a fresh array on every render.
  const statesKey = states?.join(',') ?? '';
  return useLiveQuery(
    () =>
      getDataLayer().meetings.list({
        year,
        kind,
        states: statesKey ? (statesKey.split(',') as MeetingState[]) : undefined,
      }),
    [year, kind, statesKey],
  );
}

/** One meeting: `undefined` while loading, `null` when there is no such meeting (or no id). */
export function useMeeting(id: string | undefined): Meeting | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDataLayer().meetings.get(id)) ?? null) : null), [id]);
}

/** The 第N次 a new meeting of that year and kind would get; `undefined` while loading or without input. */
export function useNextMeetingSequence(year: number | undefined, kind: MeetingKind | undefined): number | undefined {
  return useLiveQuery(
    async () => (year !== undefined && kind ? getDataLayer().meetings.nextSequence(year, kind) : undefined),
    [year, kind],
  );
}

/** Attendance of one meeting (invitees, then observers); `undefined` while loading. */
export function useAttendance(meetingId: string | undefined): Attendance[] | undefined {
  return useLiveQuery(async () => (meetingId ? getDataLayer().attendance.list(meetingId) : []), [meetingId]);
}

/** Agenda items of one meeting in order; `undefined` while loading. */
export function useAgenda(meetingId: string | undefined): AgendaItem[] | undefined {
  return useLiveQuery(async () => (meetingId ? getDataLayer().agenda.list(meetingId) : []), [meetingId]);
}

/** What the agenda builder proposes (standing items, backlog, disputes); `undefined` while loading. */
export function useAgendaProposals(meetingId: string | undefined): AgendaProposals | null | undefined {
  return useLiveQuery(async () => (meetingId ? getDataLayer().agenda.proposals(meetingId) : null), [meetingId]);
}
