import { permission, type Action, type UserRole } from '../../../../shared/domain';
import type { AttentionCounts } from './use-followup';

export type AttentionKey = keyof AttentionCounts;

export interface AttentionItem {
  key: AttentionKey;
  count: number;
  /** Where the list of those items is (the task list filtered, or the meetings). */
  to: string;
  /** Whether the current role is the one to act on them (else shown for information). */
  yours: boolean;
}

/** Each kind of item, where it is listed, and the write that deals with it (who is to act). */
const ITEMS: readonly { key: AttentionKey; to: string; acts: readonly Action[] }[] = [
  { key: 'overdue', to: '/followup?warning=overdue', acts: ['task.progress', 'task.remind'] },
  { key: 'dueSoon', to: '/followup?warning=due_soon', acts: ['task.progress', 'task.remind'] },
  { key: 'pendingVerification', to: '/followup?state=done_pending_verification', acts: ['task.verify'] },
  { key: 'pendingExtensions', to: '/followup?extension=pending', acts: ['task.decide_extension'] },
  { key: 'minutesAwaitingSignOff', to: '/meetings', acts: ['minutes.sign'] },
];

/**
 * The attention list for a role: the role's own items first (those it has the permission to deal with, by
 * the one permission rule), then the others that have any. Pure.
 */
export function attentionItems(counts: AttentionCounts, role: UserRole | undefined): AttentionItem[] {
  const all = ITEMS.map(({ key, to, acts }) => ({
    key,
    count: counts[key],
    to,
    yours: role !== undefined && acts.some((a) => permission(role, a).allowed),
  }));
  return [...all.filter((i) => i.yours), ...all.filter((i) => !i.yours && i.count > 0)];
}

/** The number beside 督办 in the navigation: what the role itself has to deal with. Pure. */
export function attentionBadgeCount(counts: AttentionCounts | undefined, role: UserRole | undefined): number {
  if (!counts) return 0;
  return attentionItems(counts, role)
    .filter((i) => i.yours)
    .reduce((n, i) => n + i.count, 0);
}
