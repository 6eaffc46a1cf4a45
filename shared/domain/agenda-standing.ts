import type { Dispute } from './dispute';
import type { AgendaItem, AgendaSnapshot, Meeting } from './meeting';

/**
 * Standing agenda items (通报, 研究未结执法争议, 传达上级精神 …) show data that keeps changing while the
 * meeting is prepared. Their title and their list are computed here together, from the same read, so the
 * “（N件）” in a title always matches the list under it; at 已召开 both are frozen into the item's
 * {@link AgendaSnapshot} and from then on the snapshot is what the agenda, its documents and the minutes read.
 */

/** Marks a dispute the office put on this very meeting. */
export const ON_THIS_MEETING_MARK = '（已列入本次会议）';

/** The count a standing title carries, e.g. the “（8件）” of 研究未结执法争议（8件）. */
const COUNT_RE = /（\d+件）/u;

/** 研究未结执法争议（N件）: the proposed title of the disputes review. */
export function disputesReviewTitle(count: number): string {
  return `研究未结执法争议（${count}件）`;
}

/** An open dispute as a standing item lists it. */
export interface StandingDisputeRow {
  id: string;
  number: string;
  matter: string;
  /** Put on this meeting's agenda (`agendaMeetingId`). */
  onThisAgenda: boolean;
}

/** The live data standing items are computed from, read once. */
export interface StandingSource {
  /** Open disputes in agenda order: the ones put on this meeting first, then the oldest. */
  disputes: readonly StandingDisputeRow[];
  /** Resolutions the 落实情况通报 covers; absent when not known (an old held meeting without snapshot). */
  resolutions?: { total: number; open: number };
}

/** What a standing item shows: its title and the lines under it. */
export interface StandingItemView {
  title: string;
  lines: string[];
  /** From the snapshot taken when the meeting was held. */
  frozen: boolean;
  /** When frozen: the day the snapshot was taken. */
  takenOn?: string;
}

/** Every item that is not a topic is a standing item (its content is the office's, not a submitter's). */
export function isStandingItem(item: Pick<AgendaItem, 'kind'>): boolean {
  return item.kind !== 'topic';
}

/** The title a past or present agenda item goes by: its snapshot's once frozen, else the stored one. */
export function agendaItemTitle(item: Pick<AgendaItem, 'title' | 'snapshot'>): string {
  return item.snapshot?.title ?? item.title;
}

/**
 * Whether `d` was open on `day` (YYYY-MM-DD): registered by then and not yet closed. A closed dispute
 * without `closedOn` counts as closed since its `stateSince`.
 */
export function disputeOpenOn(
  d: Pick<Dispute, 'registeredOn' | 'state' | 'closedOn' | 'stateSince'>,
  day: string,
): boolean {
  if (d.registeredOn > day) return false;
  if (d.state !== 'closed') return true;
  return (d.closedOn ?? d.stateSince) > day;
}

/**
 * The disputes a standing item of `meeting` lists on `day`: open that day, the ones put on this meeting
 * first, then oldest registration, then number.
 */
export function standingDisputes<D extends Dispute>(
  disputes: readonly D[],
  meeting: Pick<Meeting, 'id'>,
  day: string,
): { dispute: D; onThisAgenda: boolean }[] {
  return disputes
    .filter((d) => disputeOpenOn(d, day))
    .map((dispute) => ({ dispute, onThisAgenda: dispute.agendaMeetingId === meeting.id }))
    .sort(
      (a, b) =>
        Number(b.onThisAgenda) - Number(a.onThisAgenda) ||
        a.dispute.registeredOn.localeCompare(b.dispute.registeredOn) ||
        a.dispute.number.localeCompare(b.dispute.number),
    );
}

/** The lines of a standing item, from `source`. */
function linesOf(kind: AgendaItem['kind'], source: StandingSource): string[] {
  if (kind === 'disputes_review') {
    return source.disputes.map((d) => `${d.number} ${d.matter}${d.onThisAgenda ? ON_THIS_MEETING_MARK : ''}`);
  }
  if (kind === 'last_resolutions' && source.resolutions && source.resolutions.total > 0) {
    const { total, open } = source.resolutions;
    return [`共${total}项议定事项，其中未办结${open}项`];
  }
  return [];
}

/**
 * What a standing item shows. Frozen: its snapshot. Live: the lines from `source`, and the title with any
 * “（N件）” rewritten to the number of lines, so a title can never promise 8 disputes over a list of 9.
 */
export function standingItemView(
  item: Pick<AgendaItem, 'kind' | 'title' | 'snapshot'>,
  source: StandingSource,
): StandingItemView {
  if (item.snapshot) {
    const { title, lines, takenOn } = item.snapshot;
    return { title, lines: [...lines], frozen: true, takenOn };
  }
  const lines = linesOf(item.kind, source);
  const title =
    item.kind === 'disputes_review' && COUNT_RE.test(item.title)
      ? item.title.replace(COUNT_RE, `（${lines.length}件）`)
      : item.title;
  return { title, lines, frozen: false };
}

/** The snapshot a standing item gets at 已召开: exactly what it showed live at that moment. */
export function takeStandingSnapshot(
  item: Pick<AgendaItem, 'kind' | 'title' | 'snapshot'>,
  source: StandingSource,
  takenOn: string,
): AgendaSnapshot {
  if (item.snapshot) return item.snapshot;
  const { title, lines } = standingItemView(item, source);
  return { takenOn, title, lines };
}
