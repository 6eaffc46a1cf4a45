import {
  agendaItemSchema,
  isHeldOrLater,
  isOpenResolution,
  isStandingItem,
  isoDateOf,
  standingDisputes,
  standingItemView,
  takeStandingSnapshot,
  type AgendaItem,
  type Dispute,
  type Meeting,
  type Resolution,
  type StandingItemView,
  type StandingSource,
} from '../../../../shared/domain';
import type { AuditWriter, DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { withoutUndefined } from './list-helpers';

/**
 * The one read behind standing agenda items (agenda builder, proposals, the agenda document, the snapshot
 * taken at 已召开). Kept apart from agenda.ts and meetings.ts so both can use it without importing each other.
 */

/** Later than any real date: “open now” while the meeting is still being prepared. */
const NOW = '9999-12-31';

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

/**
 * The resolutions the 落实情况通报 of `meeting` covers: every issued resolution of an earlier meeting that
 * is still open, or that changed since `previous` was held (DOMAIN.md "Implementation report").
 */
export function reportedResolutions(
  meetings: readonly Meeting[],
  resolutions: readonly Resolution[],
  meeting: Meeting,
  previous: Meeting | undefined,
): { total: number; open: number } {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const since = previous?.startsAt.slice(0, 10) ?? '';
  let total = 0;
  let open = 0;
  for (const r of resolutions) {
    const source = byId.get(r.meetingId);
    if (!source || source.id === meeting.id || source.startsAt >= meeting.startsAt) continue;
    // Resolutions of minutes never issued are not tasks yet (state 'draft'): not reported.
    if (r.state === 'draft') continue;
    const isOpen = isOpenResolution(r);
    if (isOpen || r.updatedAt.slice(0, 10) >= since) total++;
    if (isOpen) open++;
  }
  return { total, open };
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
  resolutions: { total: number; open: number };
  disputes: { dispute: Dispute; onThisAgenda: boolean }[];
}

/** Builds the standing source from rows already read (call inside a transaction over them). */
export function standingSourceFrom(
  rows: { meetings: readonly Meeting[]; resolutions: readonly Resolution[]; disputes: readonly Dispute[] },
  meeting: Meeting,
  moment: StandingMoment,
): StandingRead {
  const previous = previousHeldMeeting(rows.meetings, meeting);
  const resolutions = reportedResolutions(rows.meetings, rows.resolutions, meeting, previous);
  const disputes = standingDisputes(rows.disputes, meeting, dayOf(meeting, moment));
  return {
    previous,
    resolutions,
    disputes,
    source: {
      disputes: disputes.map(({ dispute: d, onThisAgenda }) => ({
        id: d.id,
        number: d.number,
        matter: d.matter,
        onThisAgenda,
      })),
      ...(moment.kind === 'past' ? {} : { resolutions }),
    },
  };
}

/** Reads meetings, resolutions and disputes (the caller's transaction must cover them). */
export async function readStandingSource(
  db: JointDeskDB,
  meeting: Meeting,
  moment: StandingMoment = readingMoment(meeting),
): Promise<StandingRead> {
  const [meetings, resolutions, disputes] = await Promise.all([
    db.meetings.toArray(),
    db.resolutions.toArray(),
    db.disputes.toArray(),
  ]);
  return standingSourceFrom({ meetings, resolutions, disputes }, meeting, moment);
}

/** The view of each standing item of `items`, by item id. */
export function standingViews(items: readonly AgendaItem[], source: StandingSource): Record<string, StandingItemView> {
  const out: Record<string, StandingItemView> = {};
  for (const item of items) if (isStandingItem(item)) out[item.id] = standingItemView(item, source);
  return out;
}

/**
 * At 已召开, inside the caller's transaction (tables: meetings, agendaItems, resolutions, disputes): every
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
  const { source } = await readStandingSource(db, meeting, { kind: 'freeze', today });
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
