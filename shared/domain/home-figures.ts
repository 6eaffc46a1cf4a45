import { addDays, daysBetween } from './dates';
import { DISPUTE_STATES, type Dispute, type DisputeState } from './dispute';
import { assessDispute, openDisputesByAge, type DisputeAssessment, type StuckThresholds } from './dispute-rules';

/** Figures of the role home screens other than the supervisor's table (unit-quarter-figures.ts). */

/** Monday to Sunday of the week containing `today` (YYYY-MM-DD). */
export function weekOf(today: string): { start: string; end: string } {
  // 1970-01-05 was a Monday.
  const offset = (((daysBetween('1970-01-05', today) % 7) + 7) % 7) as number;
  const start = addDays(today, -offset);
  return { start, end: addDays(start, 6) };
}

/** Age brackets of open disputes for the chair (calendar days since registration, inclusive upper bounds). */
export const DISPUTE_AGE_BUCKETS = [
  { key: 'upTo30', maxDays: 30 },
  { key: 'upTo90', maxDays: 90 },
  { key: 'upTo180', maxDays: 180 },
  { key: 'over180', maxDays: Infinity },
] as const;
export type DisputeAgeBucket = (typeof DISPUTE_AGE_BUCKETS)[number]['key'];

export interface DisputeReviewRow {
  dispute: Dispute;
  assessment: DisputeAssessment;
}

export interface DisputeReviewSummary {
  open: number;
  stuck: number;
  byAge: { key: DisputeAgeBucket; count: number; stuck: number }[];
  byState: { state: DisputeState; count: number; stuck: number }[];
  /** Stuck ones first (longest in their state first), then the others oldest first. */
  rows: DisputeReviewRow[];
}

/**
 * The chair's view of unresolved disputes, by the chair's review rules (assessDispute with the configured
 * thresholds, openDisputesByAge): how many by age bracket and by state, how many of each are stuck.
 */
export function disputeReviewSummary(
  disputes: readonly Dispute[],
  today: string,
  thresholds: StuckThresholds,
): DisputeReviewSummary {
  const ordered = openDisputesByAge(disputes).map((dispute) => ({
    dispute,
    assessment: assessDispute(dispute, today, thresholds),
  }));
  const byAge = DISPUTE_AGE_BUCKETS.map((b) => ({ key: b.key, count: 0, stuck: 0 }));
  const byStateMap = new Map<DisputeState, { count: number; stuck: number }>();
  for (const r of ordered) {
    const bucket = byAge[DISPUTE_AGE_BUCKETS.findIndex((b) => r.assessment.ageDays <= b.maxDays)]!;
    bucket.count++;
    const s = byStateMap.get(r.dispute.state) ?? { count: 0, stuck: 0 };
    s.count++;
    if (r.assessment.stuck) {
      bucket.stuck++;
      s.stuck++;
    }
    byStateMap.set(r.dispute.state, s);
  }
  const byState = DISPUTE_STATES.flatMap((state) => {
    const s = byStateMap.get(state);
    return s ? [{ state, ...s }] : [];
  });
  const stuckRows = ordered
    .filter((r) => r.assessment.stuck)
    .sort((a, b) => b.assessment.daysInState - a.assessment.daysInState);
  return {
    open: ordered.length,
    stuck: stuckRows.length,
    byAge,
    byState,
    rows: [...stuckRows, ...ordered.filter((r) => !r.assessment.stuck)],
  };
}
