import type { AgendaItem, Dispute, Meeting, Resolution, TaskEvent } from '../domain';
import { isStandingItem, standingDisputes, takeStandingSnapshot, type StandingSource } from '../domain/agenda-standing';
import { isHeldOrLater } from '../domain/state-sets';
import { parseDay, timestamp } from './dates';

/**
 * The 已召开 transition froze every standing agenda item of a held meeting (its title and the list it
 * showed that day): the disputes open on the meeting day, and the 落实情况通报's count of the earlier
 * meetings' issued resolutions as they stood then (open = not yet verified; also counted: verified since
 * the previous held meeting).
 */
export function addStandingSnapshots(ds: {
  meetings: readonly Meeting[];
  agendaItems: AgendaItem[];
  disputes: readonly Dispute[];
  resolutions: readonly Resolution[];
  taskEvents: readonly TaskEvent[];
}): void {
  const held = ds.meetings.filter(isHeldOrLater).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const startsAt = new Map(ds.meetings.map((m) => [m.id, m.startsAt]));
  const verifiedOn = new Map<string, string>();
  for (const e of ds.taskEvents) {
    if (e.kind !== 'verification') continue;
    const before = verifiedOn.get(e.resolutionId);
    if (before === undefined || e.on < before) verifiedOn.set(e.resolutionId, e.on);
  }
  const itemsByMeeting = new Map<string, AgendaItem[]>();
  for (const item of ds.agendaItems) {
    const list = itemsByMeeting.get(item.meetingId);
    if (list) list.push(item);
    else itemsByMeeting.set(item.meetingId, [item]);
  }

  held.forEach((meeting, i) => {
    const day = meeting.startsAt.slice(0, 10);
    const since = held[i - 1]?.startsAt.slice(0, 10) ?? '';
    let total = 0;
    let open = 0;
    for (const r of ds.resolutions) {
      const source = startsAt.get(r.meetingId);
      if (r.state === 'draft' || !r.issuedOn || r.issuedOn > day || !source || source >= meeting.startsAt) continue;
      const closed = verifiedOn.get(r.id);
      const isOpen = r.state !== 'verified' || closed === undefined || closed > day;
      if (isOpen) open++;
      if (isOpen || (closed !== undefined && closed >= since)) total++;
    }
    const source: StandingSource = {
      disputes: standingDisputes(ds.disputes, meeting, day).map(({ dispute: d, onThisAgenda }) => ({
        id: d.id,
        number: d.number,
        matter: d.matter,
        onThisAgenda,
      })),
      resolutions: { total, open },
    };
    const takenAt = timestamp(parseDay(day), 17, 30);
    for (const item of itemsByMeeting.get(meeting.id) ?? []) {
      if (!isStandingItem(item)) continue;
      item.snapshot = takeStandingSnapshot(item, source, day);
      if (item.updatedAt < takenAt) item.updatedAt = takenAt;
    }
  });
}
