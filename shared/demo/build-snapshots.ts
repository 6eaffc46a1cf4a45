import type { AgendaItem, Dispute, Meeting, Minutes, Resolution, ResolutionState, TaskEvent, Unit } from '../domain';
import {
  isStandingItem,
  standingDisputes,
  standingReport,
  takeStandingSnapshot,
  type StandingSource,
} from '../domain/agenda-standing';
import { selectReportItems } from '../domain/implementation-report';
import { isHeldOrLater } from '../domain/state-sets';
import { parseDay, timestamp } from './dates';

/**
 * The 已召开 transition froze every standing agenda item of a held meeting (its title and the list it
 * showed that day): the disputes open on the meeting day, and the 落实情况通报 of the earlier meetings'
 * issued resolutions as they stood then — the one selection (selectReportItems) over the resolutions
 * rewound to the meeting day: only the events dated up to it, the state those events had led to
 * (核验 passed → 已核验办结, 办结报告 → 已办结待核验, progress → 办理中, else 未启动), and no extension or
 * cannot-complete recorded after it (the deadline stays the current one: an extension approved later shows
 * as requested).
 */
export function addStandingSnapshots(ds: {
  meetings: readonly Meeting[];
  agendaItems: AgendaItem[];
  disputes: readonly Dispute[];
  resolutions: readonly Resolution[];
  taskEvents: readonly TaskEvent[];
  minutes?: readonly Minutes[];
  units?: readonly Unit[];
}): void {
  const held = ds.meetings.filter(isHeldOrLater).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const unitNames = Object.fromEntries((ds.units ?? []).map((u) => [u.id, u.name]));
  const eventsOf = new Map<string, TaskEvent[]>();
  for (const e of ds.taskEvents) {
    const list = eventsOf.get(e.resolutionId);
    if (list) list.push(e);
    else eventsOf.set(e.resolutionId, [e]);
  }
  const itemsByMeeting = new Map<string, AgendaItem[]>();
  for (const item of ds.agendaItems) {
    const list = itemsByMeeting.get(item.meetingId);
    if (list) list.push(item);
    else itemsByMeeting.set(item.meetingId, [item]);
  }

  held.forEach((meeting, i) => {
    const day = meeting.startsAt.slice(0, 10);
    const rewound: Resolution[] = [];
    const events: TaskEvent[] = [];
    for (const r of ds.resolutions) {
      if (r.state === 'draft' || !r.issuedOn || r.issuedOn > day || r.meetingId === meeting.id) continue;
      const past = (eventsOf.get(r.id) ?? []).filter((e) => e.on <= day);
      events.push(...past);
      rewound.push(rewind(r, past, day));
    }
    const selection = selectReportItems({
      meeting,
      ...(held[i - 1] ? { previousMeeting: held[i - 1] } : {}),
      resolutions: rewound,
      events,
      minutes: ds.minutes ?? [],
    });
    const source: StandingSource = {
      disputes: standingDisputes(ds.disputes, meeting, day).map(({ dispute: d, onThisAgenda }) => ({
        id: d.id,
        number: d.number,
        matter: d.matter,
        onThisAgenda,
      })),
      report: standingReport(selection, unitNames),
    };
    const takenAt = timestamp(parseDay(day), 17, 30);
    for (const item of itemsByMeeting.get(meeting.id) ?? []) {
      if (!isStandingItem(item)) continue;
      const snapshot = takeStandingSnapshot(item, source, day);
      // The demo's minutes were written from the stored agenda titles (before the tasks existed): the report
      // item keeps its stored title, with the selection's lines under it.
      item.snapshot = item.kind === 'last_resolutions' ? { ...snapshot, title: item.title } : snapshot;
      if (item.updatedAt < takenAt) item.updatedAt = takenAt;
    }
  });
}

/** `r` as it stood at the end of `day`, from its events up to that day (`past`). */
function rewind(r: Resolution, past: readonly TaskEvent[], day: string): Resolution {
  let state: ResolutionState = 'not_started';
  for (const e of [...past].sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt))) {
    if (e.kind === 'progress' && state === 'not_started') state = 'in_progress';
    if (e.kind === 'completion') state = 'done_pending_verification';
    if (e.kind === 'verification') {
      state = e.approved === false ? 'in_progress' : 'verified';
    }
  }
  const { extension, cannotComplete, ...rest } = r;
  return {
    ...rest,
    state,
    ...(extension && extension.requestedOn <= day
      ? { extension: extension.decidedOn && extension.decidedOn > day ? { ...extension, state: 'pending' } : extension }
      : {}),
    ...(cannotComplete && cannotComplete.on <= day ? { cannotComplete } : {}),
  };
}
