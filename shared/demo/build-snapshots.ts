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

  // Each resolution's events in time order once (rewind's order; a stable sort of the generation order).
  const sortedEventsOf = new Map<string, TaskEvent[]>();
  for (const [id, list] of eventsOf) sortedEventsOf.set(id, [...list].sort(byTime));
  // Linear in the meetings and the resolutions open at each, not meetings × all resolutions: a resolution
  // is rewound only from its issue on, and dropped for good once no later report can list it (see below).
  const candidates: Candidate[] = ds.resolutions
    .map((r, index) => {
      const sorted = sortedEventsOf.get(r.id) ?? [];
      return {
        r,
        index,
        lastChange: lastStateChange(sorted),
        all: eventsOf.get(r.id) ?? [],
        sorted,
        known: 0,
        key: '',
      };
    })
    .filter((c) => c.r.state !== 'draft' && !!c.r.issuedOn)
    .sort((a, b) => a.r.issuedOn!.localeCompare(b.r.issuedOn!) || a.index - b.index);
  let issued = 0;
  let active: Candidate[] = [];

  held.forEach((meeting, i) => {
    const day = meeting.startsAt.slice(0, 10);
    const items = (itemsByMeeting.get(meeting.id) ?? []).filter(isStandingItem);
    if (items.length === 0) return;
    const since = held[i - 1]?.startsAt.slice(0, 10);
    // Generation order, as every resolution used to be visited: the selection keeps it among ties.
    let grew = false;
    while (issued < candidates.length && candidates[issued]!.r.issuedOn! <= day) {
      active.push(candidates[issued++]!);
      grew = true;
    }
    if (grew) active.sort((a, b) => a.index - b.index);

    let report: StandingSource['report'];
    if (items.some((item) => item.kind === 'last_resolutions')) {
      const rewound: Resolution[] = [];
      const events: TaskEvent[] = [];
      const kept: Candidate[] = [];
      for (const c of active) {
        const { r } = c;
        const { past, state } = rewindCached(c, day);
        // Verified before N-1's day with nothing after this day that changes its state: every later report
        // (whose N-1 is later still) leaves it out too, as selectReportItems does here.
        if (since !== undefined && day >= c.lastChange && state.state === 'verified' && closedOn(past) < since) {
          continue;
        }
        kept.push(c);
        if (r.meetingId === meeting.id) continue;
        events.push(...past);
        rewound.push(state);
      }
      active = kept;
      const selection = selectReportItems({
        meeting,
        ...(held[i - 1] ? { previousMeeting: held[i - 1] } : {}),
        resolutions: rewound,
        events,
        minutes: ds.minutes ?? [],
      });
      report = standingReport(selection, unitNames);
    }
    const source: StandingSource = {
      disputes: items.some((item) => item.kind === 'disputes_review')
        ? standingDisputes(ds.disputes, meeting, day).map(({ dispute: d, onThisAgenda }) => ({
            id: d.id,
            number: d.number,
            matter: d.matter,
            onThisAgenda,
          }))
        : [],
      ...(report ? { report } : {}),
    };
    const takenAt = timestamp(parseDay(day), 17, 30);
    for (const item of items) {
      const snapshot = takeStandingSnapshot(item, source, day);
      // The demo's minutes were written from the stored agenda titles (before the tasks existed): the report
      // item keeps its stored title, with the selection's lines under it.
      item.snapshot = item.kind === 'last_resolutions' ? { ...snapshot, title: item.title } : snapshot;
      if (item.updatedAt < takenAt) item.updatedAt = takenAt;
    }
  });
}

/** A resolution the reports may list, with its rewind at the last meeting day asked (days only grow). */
interface Candidate {
  r: Resolution;
  /** Position in ds.resolutions. */
  index: number;
  lastChange: string;
  /** Its events in generation order, and in time order. */
  all: TaskEvent[];
  sorted: TaskEvent[];
  /** How many of `sorted` are dated up to the last day asked. */
  known: number;
  /** What the rewind below depends on: `known`, and which of extension / cannot-complete showed that day. */
  key: string;
  past?: TaskEvent[];
  state?: Resolution;
}

/** {@link rewind} of `c.r` at `day` (not before the last day asked), recomputed only when something moved. */
function rewindCached(c: Candidate, day: string): { past: TaskEvent[]; state: Resolution } {
  while (c.known < c.sorted.length && c.sorted[c.known]!.on <= day) c.known++;
  const { extension, cannotComplete } = c.r;
  const ext =
    !extension || extension.requestedOn > day ? '-' : extension.decidedOn && extension.decidedOn > day ? 'p' : 'a';
  const key = `${c.known}${ext}${cannotComplete && cannotComplete.on <= day ? 'c' : '-'}`;
  if (key !== c.key || !c.past || !c.state) {
    c.key = key;
    c.past = c.known === c.sorted.length ? c.all : c.all.filter((e) => e.on <= day);
    c.state = rewind(c.r, c.sorted.slice(0, c.known), day);
  }
  return { past: c.past, state: c.state };
}

const byTime = (a: TaskEvent, b: TaskEvent) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt);

/** Day of the last event that moves a rewound state (progress, 办结报告, 核验); '' when none. */
function lastStateChange(sorted: readonly TaskEvent[] | undefined): string {
  let last = '';
  for (const e of sorted ?? []) {
    if ((e.kind === 'progress' || e.kind === 'completion' || e.kind === 'verification') && e.on > last) last = e.on;
  }
  return last;
}

/** The day selectReportItems takes as closed: the latest passing 核验 among `events` (none: never before since). */
function closedOn(events: readonly TaskEvent[]): string {
  let best: TaskEvent | undefined;
  for (const e of events) {
    if (e.kind === 'verification' && e.approved !== false && (!best || byTime(e, best) > 0)) best = e;
  }
  return best?.on ?? '\uffff';
}

/** `r` as it stood at the end of `day`, from its events up to that day (`past`, in time order). */
function rewind(r: Resolution, past: readonly TaskEvent[], day: string): Resolution {
  let state: ResolutionState = 'not_started';
  for (const e of past) {
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
