import {
  auditEntrySides,
  disputeInputSchema,
  type AuditAction,
  type AuditEntry,
  type Dispute,
  type DisputeInput,
  type DisputeState,
} from '../../../../shared/domain';

/** One thing that changed in a dispute, as the timeline words it (texts come from i18n). */
export type TimelineChange =
  | { kind: 'created'; number: string }
  | { kind: 'demo'; number: string }
  | { kind: 'state'; from: DisputeState; to: DisputeState }
  | { kind: 'round'; n: number; date: string; outcome?: string }
  | { kind: 'agreement'; text: string }
  | { kind: 'escalated'; date: string }
  | { kind: 'designated'; unitId: string; decisionNumber: string; date: string }
  | { kind: 'closed'; date: string; meetingId?: string }
  | { kind: 'reopened'; reason: string }
  | { kind: 'agenda'; meetingId: string }
  | { kind: 'fields'; fields: EditableField[] }
  | { kind: 'exported'; fileName: string };

export interface TimelineEvent {
  seq: number;
  ts: string;
  actorName: string;
  actorRole: string;
  action: AuditAction;
  changes: TimelineChange[];
  /** The audit entry's reason, unless a change already says it (a reopen's reason). */
  reason?: string;
}

/** The fields the registration form edits, in the schema's order. */
export type EditableField = keyof DisputeInput;
export const EDITABLE_FIELDS = Object.keys(disputeInputSchema.shape) as EditableField[];

/**
 * The dispute's timeline from its audit trail (as `audit.list` returns it, newest first): oldest
 * first, each entry described by what differs between the dispute's states before and after it
 * (changed-field entries applied over the dispute's earlier entries: auditEntrySides), so the
 * timeline shows exactly what was recorded — including changes made by an older app version.
 */
export function disputeTimeline(entries: readonly AuditEntry[]): TimelineEvent[] {
  // Changed-field entries hold only what changed: compare whole states, rebuilt from the record's trail.
  const sides = auditEntrySides(entries);
  return [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const changes = describe({ ...e, ...(e.action === 'export' ? {} : sides.get(e.seq)) });
      const saidByChange = changes.some((c) => c.kind === 'reopened' && c.reason === e.reason);
      return {
        seq: e.seq,
        ts: e.ts,
        actorName: e.actorName,
        actorRole: e.actorRole,
        action: e.action,
        changes,
        ...(e.reason && !saidByChange ? { reason: e.reason } : {}),
      };
    });
}

function describe(e: AuditEntry): TimelineChange[] {
  if (e.action === 'export') {
    const fileName = (e.after as { fileName?: unknown } | null)?.fileName;
    return [{ kind: 'exported', fileName: typeof fileName === 'string' ? fileName : '' }];
  }
  const action = e.action;
  const before = asDispute(e.before);
  const after = asDispute(e.after);
  if (!after) return [];
  if (!before) {
    return [
      action === 'demo-load' || action === 'import'
        ? { kind: 'demo', number: after.number }
        : { kind: 'created', number: after.number },
    ];
  }
  const out: TimelineChange[] = [];
  after.rounds.slice(before.rounds.length).forEach((r, i) => {
    out.push({
      kind: 'round',
      n: before.rounds.length + i + 1,
      date: r.date,
      ...(r.outcome ? { outcome: r.outcome } : {}),
    });
  });
  if (before.state !== after.state) out.push({ kind: 'state', from: before.state, to: after.state });
  if (after.agreement && after.agreement !== before.agreement) out.push({ kind: 'agreement', text: after.agreement });
  if (after.escalatedOn && after.escalatedOn !== before.escalatedOn)
    out.push({ kind: 'escalated', date: after.escalatedOn });
  if (after.designatedUnitId && after.designatedOn !== before.designatedOn) {
    out.push({
      kind: 'designated',
      unitId: after.designatedUnitId,
      decisionNumber: after.decisionNumber ?? '',
      date: after.designatedOn ?? '',
    });
  }
  if (after.state === 'closed' && before.state !== 'closed') {
    out.push({
      kind: 'closed',
      date: after.closedOn ?? after.stateSince,
      ...(after.agreementMeetingId ? { meetingId: after.agreementMeetingId } : {}),
    });
  }
  if (before.state === 'closed' && after.state !== 'closed' && after.reopenReason) {
    out.push({ kind: 'reopened', reason: after.reopenReason });
  }
  if (after.agendaMeetingId && after.agendaMeetingId !== before.agendaMeetingId) {
    out.push({ kind: 'agenda', meetingId: after.agendaMeetingId });
  }
  const fields = EDITABLE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (fields.length > 0) out.push({ kind: 'fields', fields });
  return out;
}

function asDispute(v: unknown): Dispute | undefined {
  return typeof v === 'object' && v !== null && 'state' in v && 'rounds' in v ? (v as Dispute) : undefined;
}
