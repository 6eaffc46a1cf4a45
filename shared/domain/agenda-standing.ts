import type { Dispute } from './dispute';
import { formatChineseDate } from './format';
import type { ReportSelection } from './implementation-report';
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

/** The usual titles of the 落实情况通报 item (proposed, or added by hand), which get its figures appended. */
export const REPORT_ITEM_BASE_TITLES = ['通报上次会议议定事项落实情况', '上次会议议定事项落实情况通报'] as const;

/** The figures a 落实情况通报 title carries, e.g. the “（共6项，已办结2项）”. */
const REPORT_COUNT_RE = /（共\d+项，已办结\d+项）/u;

/** 通报上次会议议定事项落实情况（共N项，已办结M项）: 已办结 = 已核验办结 (a task is closed only by 核验). */
export function reportItemTitle(total: number, verified: number, base: string = REPORT_ITEM_BASE_TITLES[0]): string {
  return `${base}（共${total}项，已办结${verified}项）`;
}

/** Cap on the 议定事项 text in an agenda line: the line names the item, the report gives it whole. */
export const REPORT_LINE_CONTENT_CAP = 60;

/** What the 落实情况通报 item shows: the selection's figures and one line per reported resolution. */
export interface StandingReport {
  total: number;
  /** 已核验办结. */
  verified: number;
  /** Not yet verified (isOpenResolution): the item is required while this is above 0. */
  open: number;
  /** One line per item, in report order. */
  lines: string[];
}

/**
 * The 落实情况通报 item's figures and lines, from the one selection ({@link selectReportItems}):
 * “1. 开展占道经营联合整治（区市场监管局牵头，2026年10月9日前，办理中，逾期3天）”.
 */
export function standingReport(
  selection: ReportSelection,
  unitNames: Readonly<Record<string, string>>,
): StandingReport {
  const lines = selection.items.map((item, k) => {
    const chars = [...item.content.replace(/\s+/g, ' ').trim()];
    const content =
      chars.length > REPORT_LINE_CONTENT_CAP ? `${chars.slice(0, REPORT_LINE_CONTENT_CAP).join('')}……` : chars.join('');
    const lead = (unitNames[item.leadUnitId] ?? '').trim();
    const facts = [
      lead ? `${lead}牵头` : '',
      item.deadline ? `${formatChineseDate(item.deadline)}前${item.deadlineProvisional ? '（暂定）' : ''}` : '',
      item.stateLabel,
      item.overdue ? `逾期${item.overdueDays}天` : '',
      item.extension?.state === 'approved' ? '已延期' : item.extension?.state === 'pending' ? '申请延期' : '',
      item.cannotComplete ? (item.cannotComplete.escalated ? '不能办结，已提交党政联席会议' : '不能办结') : '',
    ].filter(Boolean);
    return `${k + 1}. ${content}（${facts.join('，')}）`;
  });
  const { total, byState, open } = selection.totals;
  return { total, verified: byState.verified, open, lines };
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
  /**
   * The 落实情况通报's figures and lines ({@link standingReport}); absent when not known (an old held meeting
   * without snapshot).
   */
  report?: StandingReport;
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
  if (kind === 'last_resolutions' && source.report) return [...source.report.lines];
  return [];
}

/** The title of a live standing item: its stored title with the count of what it lists. */
function liveTitle(item: Pick<AgendaItem, 'kind' | 'title'>, source: StandingSource, lines: number): string {
  if (item.kind === 'disputes_review' && COUNT_RE.test(item.title)) {
    return item.title.replace(COUNT_RE, `（${lines}件）`);
  }
  if (item.kind === 'last_resolutions' && source.report) {
    const { total, verified } = source.report;
    if (REPORT_COUNT_RE.test(item.title)) {
      return item.title.replace(REPORT_COUNT_RE, `（共${total}项，已办结${verified}项）`);
    }
    const base = REPORT_ITEM_BASE_TITLES.find((b) => b === item.title.trim());
    // A title the office wrote itself is kept as written.
    if (base) return reportItemTitle(total, verified, base);
  }
  return item.title;
}

/**
 * What a standing item shows. Frozen: its snapshot. Live: the lines from `source`, and the title with any
 * “（N件）” rewritten to the number of lines, so a title can never promise 8 disputes over a list of 9; the
 * 落实情况通报's “（共N项，已办结M项）” is written from the same selection as its lines (added to its usual
 * title, rewritten where present).
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
  return { title: liveTitle(item, source, lines.length), lines, frozen: false };
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
