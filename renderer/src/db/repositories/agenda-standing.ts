import Dexie, { type Table } from 'dexie';
import {
  DISPUTE_STATES,
  OPEN_RESOLUTION_STATES,
  addDays,
  disputeOpenOn,
  isOpenResolution,
  agendaItemSchema,
  isHeldOrLater,
  isStandingItem,
  isoDateOf,
  selectReportItems,
  standingDisputes,
  standingItemView,
  standingReport,
  takeStandingSnapshot,
  type AgendaItem,
  type Dispute,
  type Meeting,
  type ReportSelection,
  type StandingItemView,
  type StandingReport,
  type StandingSource,
} from '../../../../shared/domain';
import type { AuditWriter, DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { withoutUndefined } from './list-helpers';
import { eventsOfEach, minutesHeadersOf, type MinutesHeader } from './native-reads';

/**
 * The one read behind standing agenda items (agenda builder, proposals, the agenda document, the snapshot
 * taken at 已召开, the minutes template's report table). Kept apart from agenda.ts and meetings.ts so both can
 * use it without importing each other. Callers' transactions must cover meetings, resolutions, taskEvents,
 * minutes, units and disputes.
 */

/** Later than any real date: “open now” while the meeting is still being prepared. */
const NOW = '9999-12-31';
/** Dispute states other than 已结案. */
const NOT_CLOSED = DISPUTE_STATES.filter((x) => x !== 'closed');

/**
 * The rows of `table` in any of `states` (its `state` index), as `where('state').anyOf(states)` returns them (key
 * order: state, then id), read as one getAll per state: Dexie's anyOf steps a cursor row by row, which in
 * Chromium costs a request per row (hundreds of open disputes and tasks at ten years).
 */
export async function rowsInStates<T>(table: Table<T, string>, states: readonly string[]): Promise<T[]> {
  const keys = [...new Set(states)].sort();
  return (await Promise.all(keys.map((s) => table.where('state').equals(s).toArray()))).flat();
}

/**
 * The meeting held last before `meeting` (state held or later, earlier date): its deferred topics are
 * carried to this meeting and its resolutions reported on.
 */
export function previousHeldMeeting(meetings: readonly Meeting[], meeting: Meeting): Meeting | undefined {
  let best: Meeting | undefined;
  for (const m of meetings) {
    if (m.id === meeting.id || !isHeldOrLater(m) || m.startsAt >= meeting.startsAt) continue;
    if (!best || m.startsAt > best.startsAt) best = m;
  }
  return best;
}

/** {@link previousHeldMeeting} through the `startsAt` index: the earlier meetings, latest first, until a held one. */
export async function readPreviousHeldMeeting(db: JointDeskDB, meeting: Meeting): Promise<Meeting | undefined> {
  let found: Meeting | undefined;
  await db.meetings
    .where('startsAt')
    .below(meeting.startsAt)
    .reverse()
    .until(() => found !== undefined)
    .each((m) => {
      if (!found && m.id !== meeting.id && isHeldOrLater(m)) found = m;
    });
  return found;
}

/**
 * The disputes open on `day` ({@link disputeOpenOn}), read through the indexes: every one not closed
 * (state index), and the closed ones closed after `day` (`closedOn`, or `stateSince` for a closed row
 * without it: `[state+stateSince]`) — never every closed dispute of ten years.
 */
export async function readDisputesOpenOn(db: JointDeskDB, day: string): Promise<Dispute[]> {
  const [open, closedAfter, closedSince] = await Promise.all([
    rowsInStates(db.disputes, NOT_CLOSED),
    db.disputes.where('closedOn').above(day).toArray(),
    db.disputes.where('[state+stateSince]').between(['closed', day], ['closed', Dexie.maxKey], false, true).toArray(),
  ]);
  const seen = new Set<string>();
  const out: Dispute[] = [];
  for (const d of [...open, ...closedAfter, ...closedSince]) {
    if (seen.has(d.id) || !disputeOpenOn(d, day)) continue;
    seen.add(d.id);
    out.push(d);
  }
  return out;
}

/**
 * How much of each reported resolution a read gives: 'full' (the 落实情况通报 document, the minutes' report
 * table) reads every candidate's task events; 'lines' (the standing item: its figures and lines) reads the
 * events only of the candidates not open (已核验: whether they changed since the previous meeting depends on
 * their 核验 date). An open resolution is reported whatever its events, and neither the figures, the lines nor
 * the order use what its events give (latest progress, 核验, original deadline, changedSince), so the figures
 * and lines are the same either way; the items of open ones then lack those fields. Open tasks carry the events:
 * at ten years (district profile) all 2,354 the proposals read were of open tasks.
 */
export type ReportDetail = 'full' | 'lines';

/** The 落实情况通报 selection of a meeting with the names of the units it mentions. */
export interface ReportRead {
  selection: ReportSelection;
  /** Unit id → name, for the lead and co-units of the reported items. */
  unitNames: Record<string, string>;
}

/**
 * The 落实情况通报 of `meeting` ({@link selectReportItems}: the one rule), reading only what it can cover:
 * the open resolutions (state index), and — with a previous meeting — the verified ones written since the day
 * before its day (`updatedAt` index; a 核验 dated on or after N-1's day is written then, and a UTC timestamp
 * may carry the previous calendar day), else every verified one; their task events (`resolutionId` index),
 * their minutes' headers (by id, or by meeting for rows without `minutesId`: {@link readMinutesHeaders}, from index
 * keys, never the documents) and their units (by id).
 * `on`: the day 逾期 is judged on (default the meeting day). `detail`: see {@link ReportDetail}.
 */
export async function readReportSelection(
  db: JointDeskDB,
  meeting: Meeting,
  previous: Meeting | undefined,
  on?: string,
  detail: ReportDetail = 'full',
): Promise<ReportRead> {
  const since = previous?.startsAt.slice(0, 10);
  const [open, verified] = await Promise.all([
    rowsInStates(db.resolutions, OPEN_RESOLUTION_STATES),
    since
      ? db.resolutions
          .where('updatedAt')
          .aboveOrEqual(addDays(since, -1))
          .filter((r) => r.state === 'verified')
          .toArray()
      : db.resolutions.where('state').equals('verified').toArray(),
  ]);
  const day = meeting.startsAt.slice(0, 10);
  // Issued before N's day and not N's own (the selection checks again, with the minutes' issue date).
  const candidates = [...open, ...verified].filter(
    (r) => r.meetingId !== meeting.id && (r.issuedOn === undefined || r.issuedOn <= day),
  );
  const ids = (detail === 'full' ? candidates : candidates.filter((r) => !isOpenResolution(r))).map((r) => r.id);
  const minutesIds = [...new Set(candidates.flatMap((r) => (r.minutesId ? [r.minutesId] : [])))];
  const orphanMeetings = [...new Set(candidates.filter((r) => !r.minutesId).map((r) => r.meetingId))];
  const [events, minutes] = await Promise.all([
    // One getAll per task (eventsOfEach): Dexie's anyOf steps a cursor across the index in many small
    // requests, which took 1.6 s for 500 tasks at ten-year scale (BENCHMARKS.md) against 77 ms this way.
    eventsOfEach(db, ids).then((lists) => lists.flat()),
    readMinutesHeaders(db, minutesIds, orphanMeetings),
  ]);
  const selection = selectReportItems({
    meeting,
    ...(previous ? { previousMeeting: previous } : {}),
    resolutions: candidates,
    events,
    minutes,
    ...(on ? { on } : {}),
  });
  const unitIds = [...new Set(selection.items.flatMap((i) => [i.leadUnitId, ...i.coUnitIds]))].filter(Boolean);
  const units = await db.units.bulkGet(unitIds);
  const unitNames: Record<string, string> = {};
  for (const u of units) if (u) unitNames[u.id] = u.name;
  return { selection, unitNames };
}

/**
 * The headers ({@link MinutesHeader}) of the minutes `minutesIds` (in that order, missing ones left out), then
 * of every minutes row of `meetingIds` (meeting, then id: the order of `where('meetingId').anyOf(…)`) — the
 * rows the report read whole before Dexie v9, cut to what {@link selectReportItems} uses, from the v9 header
 * index's keys ({@link minutesHeadersOf}); the meetings' rows are found by their `meetingId` index keys.
 */
export async function readMinutesHeaders(
  db: JointDeskDB,
  minutesIds: readonly string[],
  meetingIds: readonly string[],
): Promise<MinutesHeader[]> {
  const ofMeetings =
    meetingIds.length > 0
      ? (
          await Promise.all(
            [...new Set(meetingIds)].sort().map((id) => db.minutes.where('meetingId').equals(id).primaryKeys()),
          )
        ).flat()
      : [];
  const headers = await minutesHeadersOf(db, [...minutesIds, ...ofMeetings]);
  return [...minutesIds, ...ofMeetings].flatMap((id) => {
    const h = headers.get(id);
    return h ? [h] : [];
  });
}

/**
 * When standing items are read: 'live' while the meeting is prepared (what is open now); 'freeze' at the
 * 已召开 transition (open on the meeting day, or today when it is marked held ahead of its day); 'past' for
 * a held meeting whose items have no snapshot (rows older than snapshots: reconstructed as of the meeting
 * day, without today's resolution counts, which say nothing about that day).
 */
export type StandingMoment = { kind: 'live' } | { kind: 'freeze'; today: string } | { kind: 'past' };

/** 'past' for a meeting held or later, else 'live'. */
export function readingMoment(meeting: Meeting): StandingMoment {
  return isHeldOrLater(meeting) ? { kind: 'past' } : { kind: 'live' };
}

function dayOf(meeting: Meeting, moment: StandingMoment): string {
  const day = meeting.startsAt.slice(0, 10);
  if (moment.kind === 'live') return NOW;
  if (moment.kind === 'freeze' && moment.today < day) return moment.today;
  return day;
}

export interface StandingRead {
  source: StandingSource;
  previous: Meeting | undefined;
  /** The 落实情况通报's selection (as of the meeting day; the snapshot's day at 已召开). */
  report: ReportRead;
  /** Its figures and lines (also in `source` unless the moment is 'past'). */
  summary: StandingReport;
  disputes: { dispute: Dispute; onThisAgenda: boolean }[];
}

/** The day the 落实情况通报 judges 逾期 on: the meeting day, or the day it is marked held ahead of it. */
export function reportDay(meeting: Meeting, moment: StandingMoment): string {
  const day = meeting.startsAt.slice(0, 10);
  return moment.kind === 'freeze' && moment.today < day ? moment.today : day;
}

/**
 * The standing source of `meeting` (inside the caller's transaction: meetings, resolutions, taskEvents,
 * minutes, units, disputes). `rows`: tables the caller has already read whole (the agenda builder reads
 * meetings and disputes for its own needs); the report part reads only what it covers ({@link readReportSelection});
 * `detail` 'lines' when only the standing items are wanted (the report's items then lack what open tasks' events
 * give: {@link ReportDetail}).
 */
export async function readStandingSource(
  db: JointDeskDB,
  meeting: Meeting,
  moment: StandingMoment = readingMoment(meeting),
  rows: { meetings?: readonly Meeting[]; disputes?: readonly Dispute[] } = {},
  detail: ReportDetail = 'full',
): Promise<StandingRead> {
  const day = dayOf(meeting, moment);
  const [previous, candidates] = await Promise.all([
    rows.meetings ? previousHeldMeeting(rows.meetings, meeting) : readPreviousHeldMeeting(db, meeting),
    rows.disputes ?? readDisputesOpenOn(db, day),
  ]);
  const report = await readReportSelection(db, meeting, previous, reportDay(meeting, moment), detail);
  const summary = standingReport(report.selection, report.unitNames);
  const disputes = standingDisputes(candidates, meeting, day);
  return {
    previous,
    report,
    summary,
    disputes,
    source: {
      disputes: disputes.map(({ dispute: d, onThisAgenda }) => ({
        id: d.id,
        number: d.number,
        matter: d.matter,
        onThisAgenda,
      })),
      ...(moment.kind === 'past' ? {} : { report: summary }),
    },
  };
}

/** The view of each standing item of `items`, by item id. */
export function standingViews(items: readonly AgendaItem[], source: StandingSource): Record<string, StandingItemView> {
  const out: Record<string, StandingItemView> = {};
  for (const item of items) if (isStandingItem(item)) out[item.id] = standingItemView(item, source);
  return out;
}

/**
 * At 已召开, inside the caller's transaction (tables: meetings, agendaItems, resolutions, taskEvents, minutes,
 * units, disputes): every
 * standing item of `meeting` without a snapshot gets one, audited as an agenda item update.
 */
export async function freezeStandingItems(
  ctx: DataLayerContext,
  audit: AuditWriter,
  meeting: Meeting,
): Promise<AgendaItem[]> {
  const { db } = ctx;
  const today = isoDateOf(ctx.now());
  const items = (await db.agendaItems.where('meetingId').equals(meeting.id).toArray()).sort(
    (a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt),
  );
  const { source } = await readStandingSource(db, meeting, { kind: 'freeze', today }, {}, 'lines');
  const out: AgendaItem[] = [];
  for (const before of items) {
    if (!isStandingItem(before) || before.snapshot) continue;
    const item = withoutUndefined(
      agendaItemSchema.parse({
        ...before,
        snapshot: takeStandingSnapshot(before, source, today),
        updatedAt: ctx.now().toISOString(),
      }),
    );
    await db.agendaItems.put(item);
    audit.record({
      entity: 'agendaItem',
      entityId: item.id,
      action: 'update',
      before,
      after: item,
      reason: '会议已召开，议程定稿',
    });
    out.push(item);
  }
  return out;
}
