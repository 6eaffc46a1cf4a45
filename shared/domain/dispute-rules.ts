import { DomainError } from './errors';
import { addDays, daysBetween } from './dates';
import type { Dispute, DisputeState, NegotiationRound } from './dispute';
import type { Action } from './permissions';

/**
 * The statutory path of an enforcement dispute (争议协调处理制度): negotiate; if the parties agree, record
 * the agreement in a meeting's minutes and carry it out; if not, a party applies to the district government,
 * which designates jurisdiction. The first-handling unit keeps enforcing meanwhile.
 */
export type DisputeAction =
  | { type: 'add-round'; round: NegotiationRound }
  | { type: 'agree'; agreement: string; on: string }
  | {
      type: 'escalate';
      on: string;
      application: { matter: string; negotiation: string; focus: string; reasons: string };
      /** Any party may apply (建阳 §4 “任何一方均可以向区政府提出”); default: the first-handling unit. */
      applicantUnitId?: string;
    }
  | { type: 'designate'; decisionNumber: string; unitId: string; on: string }
  | { type: 'close'; on: string; agreementMeetingId?: string }
  | { type: 'reopen'; reason: string; on: string };

export type DisputeActionType = DisputeAction['type'];

/** The permission each step needs (shared/domain/permissions.ts), for the screens to show who may take it. */
export const DISPUTE_ACTION_PERMISSION: Record<DisputeActionType, Action> = {
  'add-round': 'dispute.add_round',
  agree: 'dispute.agree',
  escalate: 'dispute.escalate',
  designate: 'dispute.designate',
  close: 'dispute.close',
  reopen: 'dispute.reopen',
};

const ALLOWED: Record<DisputeState, readonly DisputeActionType[]> = {
  registered: ['add-round'],
  negotiating: ['add-round', 'agree', 'escalate'],
  agreed: ['close'],
  escalated: ['designate'],
  designated: ['close'],
  closed: ['reopen'],
};

const STATE_LABEL: Record<DisputeState, string> = {
  registered: '登记',
  negotiating: '协商中',
  agreed: '协商一致',
  escalated: '提请区政府协调',
  designated: '已指定管辖',
  closed: '已结案',
};

const ACTION_LABEL: Record<DisputeActionType, string> = {
  'add-round': '记录协商',
  agree: '协商一致',
  escalate: '提请区政府协调',
  designate: '记录指定管辖',
  close: '结案',
  reopen: '重新打开',
};

/** Chinese label of a dispute state. */
export function disputeStateLabel(s: DisputeState): string {
  return STATE_LABEL[s];
}

/** Actions the UI may offer for a dispute in its current state. */
export function allowedDisputeActions(d: Pick<Dispute, 'state'>): readonly DisputeActionType[] {
  return ALLOWED[d.state];
}

function refuse(d: Dispute, type: DisputeActionType, why?: string): never {
  throw new DomainError(
    'invalid-transition',
    why ?? `争议处于“${STATE_LABEL[d.state]}”状态，不能${ACTION_LABEL[type]}`,
  );
}

function need(value: string | undefined, label: string): string {
  const v = value?.trim() ?? '';
  if (!v) throw new DomainError('validation', `请填写${label}`);
  return v;
}

/**
 * Apply an action to a dispute; returns the new record or throws DomainError('invalid-transition' |
 * 'validation'). Pure: the caller persists the result and its audit entry.
 */
export function transitionDispute(d: Dispute, action: DisputeAction): Dispute {
  if (!ALLOWED[d.state].includes(action.type)) refuse(d, action.type);
  switch (action.type) {
    case 'add-round': {
      need(action.round.participants, '参加人员');
      need(action.round.content, '协商内容');
      const last = d.rounds[d.rounds.length - 1];
      if (last && action.round.date < last.date) {
        throw new DomainError('validation', '协商日期不能早于上一次协商');
      }
      if (action.round.date < d.registeredOn) throw new DomainError('validation', '协商日期不能早于登记日期');
      return {
        ...d,
        rounds: [...d.rounds, action.round],
        state: 'negotiating',
        stateSince: d.state === 'negotiating' ? d.stateSince : action.round.date,
      };
    }
    case 'agree':
      return { ...d, agreement: need(action.agreement, '协商一致内容'), state: 'agreed', stateSince: action.on };
    case 'escalate': {
      const a = action.application;
      const application = {
        matter: need(a.matter, '争议事项'),
        negotiation: need(a.negotiation, '协商情况'),
        focus: need(a.focus, '争议焦点'),
        reasons: need(a.reasons, '各方理由和依据'),
      };
      const applicantUnitId = action.applicantUnitId ?? d.firstHandlingUnitId;
      if (!d.partyUnitIds.includes(applicantUnitId)) {
        throw new DomainError('validation', '申请单位：只能由争议一方提请协调');
      }
      return {
        ...d,
        escalation: { ...application, applicantUnitId },
        escalatedOn: action.on,
        state: 'escalated',
        stateSince: action.on,
      };
    }
    case 'designate':
      if (action.on < (d.escalatedOn ?? d.registeredOn)) {
        throw new DomainError('validation', '指定管辖日期不能早于提请日期');
      }
      return {
        ...d,
        decisionNumber: need(action.decisionNumber, '决定文号'),
        designatedUnitId: need(action.unitId, '指定管辖单位'),
        designatedOn: action.on,
        state: 'designated',
        stateSince: action.on,
      };
    case 'close': {
      if (d.state === 'agreed') {
        const meetingId = action.agreementMeetingId ?? d.agreementMeetingId;
        if (!meetingId) {
          refuse(d, 'close', '协商一致的争议须关联记载该协议的会议纪要后才能结案');
        }
        return { ...d, agreementMeetingId: meetingId, closedOn: action.on, state: 'closed', stateSince: action.on };
      }
      return { ...d, closedOn: action.on, state: 'closed', stateSince: action.on };
    }
    case 'reopen':
      return {
        ...d,
        reopenReason: need(action.reason, '重新打开的原因'),
        closedOn: undefined,
        state: 'negotiating',
        stateSince: action.on,
      };
  }
}

/** Chair's-review thresholds, in calendar days (configurable in settings). */
export interface StuckThresholds {
  /** Registered with no negotiation round for more than N days. */
  registeredDays: number;
  /** Negotiating for more than N days with no agreement → suggest escalation. */
  negotiatingDays: number;
  /** No negotiation round for more than N days while negotiating. */
  sinceLastRoundDays: number;
  /** Waiting for the district government's designation for more than N days. */
  escalatedDays: number;
  /** Agreed or designated but not closed for more than N days. */
  toCloseDays: number;
}

export const DEFAULT_STUCK_THRESHOLDS: StuckThresholds = {
  registeredDays: 7,
  negotiatingDays: 30,
  sinceLastRoundDays: 15,
  escalatedDays: 60,
  toCloseDays: 30,
};

/** Why a dispute counts as stuck: a code and the days it counts (worded by the interface's i18n). */
export type StuckReason =
  | { code: 'no_negotiation'; days: number }
  | { code: 'no_agreement'; days: number }
  | { code: 'since_last_round'; days: number }
  | { code: 'no_designation'; days: number }
  | { code: 'not_closed'; days: number; state: 'agreed' | 'designated' };

/** The suggested next step for a stuck dispute. */
export const STUCK_SUGGESTIONS = [
  'organise_negotiation',
  'escalate',
  'negotiate_again',
  'urge_district',
  'link_minutes_and_close',
  'urge_designated_and_close',
] as const;
export type StuckSuggestion = (typeof STUCK_SUGGESTIONS)[number];

export interface DisputeAssessment {
  ageDays: number;
  daysInState: number;
  daysSinceLastRound: number | null;
  stuck: boolean;
  /** Why it is stuck, empty when not stuck. */
  reasons: StuckReason[];
  /** A suggested next step (建议提请区政府协调 …). */
  suggestion?: StuckSuggestion;
}

/** How long a dispute has waited and whether it is stuck; `today` is injected so tests control the clock. */
export function assessDispute(
  d: Dispute,
  today: string,
  t: StuckThresholds = DEFAULT_STUCK_THRESHOLDS,
): DisputeAssessment {
  const ageDays = daysBetween(d.registeredOn, today);
  const daysInState = daysBetween(d.stateSince, today);
  const last = d.rounds[d.rounds.length - 1];
  const daysSinceLastRound = last ? daysBetween(last.date, today) : null;
  const reasons: StuckReason[] = [];
  let suggestion: StuckSuggestion | undefined;
  switch (d.state) {
    case 'registered':
      if (daysInState > t.registeredDays) {
        reasons.push({ code: 'no_negotiation', days: daysInState });
        suggestion = 'organise_negotiation';
      }
      break;
    case 'negotiating':
      if (daysInState > t.negotiatingDays) {
        reasons.push({ code: 'no_agreement', days: daysInState });
        suggestion = 'escalate';
      }
      if (daysSinceLastRound !== null && daysSinceLastRound > t.sinceLastRoundDays) {
        reasons.push({ code: 'since_last_round', days: daysSinceLastRound });
        suggestion ??= 'negotiate_again';
      }
      break;
    case 'escalated':
      if (daysInState > t.escalatedDays) {
        reasons.push({ code: 'no_designation', days: daysInState });
        suggestion = 'urge_district';
      }
      break;
    case 'agreed':
    case 'designated':
      if (daysInState > t.toCloseDays) {
        reasons.push({ code: 'not_closed', days: daysInState, state: d.state });
        suggestion = d.state === 'agreed' ? 'link_minutes_and_close' : 'urge_designated_and_close';
      }
      break;
    case 'closed':
      break;
  }
  return { ageDays, daysInState, daysSinceLastRound, stuck: reasons.length > 0, reasons, suggestion };
}

/** One row of the chair's review: an open dispute and how it stands on the review day. */
export interface ChairReviewRow {
  dispute: Dispute;
  assessment: DisputeAssessment;
}

/** The chair's review on `today`: open disputes oldest first, each assessed once, and how many are stuck. */
export function chairReviewRows(
  ds: readonly Dispute[],
  today: string,
  t: StuckThresholds = DEFAULT_STUCK_THRESHOLDS,
): { rows: ChairReviewRow[]; stuck: number } {
  const rows = openDisputesByAge(ds).map((dispute) => ({ dispute, assessment: assessDispute(dispute, today, t) }));
  return { rows, stuck: rows.reduce((n, r) => n + (r.assessment.stuck ? 1 : 0), 0) };
}

/** The open dispute states the chair's review lists (every state but closed). */
export const REVIEW_DISPUTE_STATES = ['registered', 'negotiating', 'agreed', 'escalated', 'designated'] as const;
export type ReviewDisputeState = (typeof REVIEW_DISPUTE_STATES)[number];

/**
 * {@link assessDispute}'s time-in-state rule as a day to compare `stateSince` with: an open dispute in state `s`
 * is stuck by its time in state exactly when `stateSince < cutoffs[s]` (daysInState > that state's threshold).
 * A negotiating dispute is also stuck when its last round is older than `sinceLastRoundDays`: that is not a
 * `stateSince` condition and must be assessed on its rows (`alsoStuckOnRounds`). With these a repository counts
 * the stuck disputes on the `[state+stateSince]` index instead of assessing every open one.
 */
export function stuckStateSinceCutoffs(
  today: string,
  t: StuckThresholds = DEFAULT_STUCK_THRESHOLDS,
): { cutoffs: Record<ReviewDisputeState, string>; alsoStuckOnRounds: ReviewDisputeState } {
  const before = (days: number) => addDays(today, -days);
  return {
    cutoffs: {
      registered: before(t.registeredDays),
      negotiating: before(t.negotiatingDays),
      agreed: before(t.toCloseDays),
      escalated: before(t.escalatedDays),
      designated: before(t.toCloseDays),
    },
    alsoStuckOnRounds: 'negotiating',
  };
}

/** The chair's review order (registration day, then number) on the parts of an open dispute's index key. */
export function compareReviewOrder(
  a: Pick<Dispute, 'registeredOn' | 'number'>,
  b: Pick<Dispute, 'registeredOn' | 'number'>,
): number {
  return a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : a.number.localeCompare(b.number);
}

/** Open disputes (not closed) sorted oldest first — the chair's review order. */
export function openDisputesByAge(ds: readonly Dispute[]): Dispute[] {
  return ds
    .filter((d) => d.state !== 'closed')
    .slice()
    .sort(compareReviewOrder);
}

/** What the dispute page's banner says about who handles the matter now. */
export type HandlingNotice =
  | { kind: 'first_handling'; unitId: string }
  | { kind: 'designated'; unitId: string; on?: string; closed: boolean }
  | { kind: 'closed'; unitId: string };

/**
 * While the dispute is open the 先行处理单位 must keep enforcing (争议期间不得停止执法活动). Once the district
 * has designated jurisdiction (指定管辖), the designated unit handles it: the banner names that unit instead.
 */
export function handlingNotice(
  d: Pick<Dispute, 'state' | 'firstHandlingUnitId' | 'designatedUnitId' | 'designatedOn'>,
): HandlingNotice {
  if (d.designatedUnitId && (d.state === 'designated' || d.state === 'closed')) {
    return {
      kind: 'designated',
      unitId: d.designatedUnitId,
      ...(d.designatedOn ? { on: d.designatedOn } : {}),
      closed: d.state === 'closed',
    };
  }
  if (d.state === 'closed') return { kind: 'closed', unitId: d.firstHandlingUnitId };
  return { kind: 'first_handling', unitId: d.firstHandlingUnitId };
}
