import type { Transaction } from 'dexie';
import { businessDate } from '../../../../shared/domain/clock';
import type { SchemaVersion } from './types';

type Row = Record<string, unknown>;

const MISSING_REASON = '（迁移前未记录原因）';

function dateOf(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined;
}

/**
 * Rewrites one v1 resolution row into the v2 model (main state separate from side records).
 * Pure and idempotent: a row already in the v2 shape comes back unchanged.
 */
export function upgradeResolutionRow(row: Row, ctx: { minutes?: Row; extensionEvents: Row[]; today: string }): Row {
  const out: Row = { ...row };
  const state = row.state;
  if (state === 'extension_requested') {
    out.state = 'in_progress';
    if (!out.extension) {
      const latest = [...ctx.extensionEvents].sort((a, b) =>
        String(a.createdAt ?? a.on).localeCompare(String(b.createdAt ?? b.on)),
      )[ctx.extensionEvents.length - 1];
      const requestedOn = dateOf(latest?.on) ?? dateOf(row.updatedAt) ?? ctx.today;
      const proposed = dateOf(latest?.newDeadline) ?? dateOf(row.deadline) ?? requestedOn;
      const decided = typeof latest?.approved === 'boolean';
      out.extension = {
        state: decided ? (latest.approved ? 'approved' : 'refused') : 'pending',
        requestedOn,
        proposedDeadline: proposed,
        reason: typeof latest?.text === 'string' && latest.text.trim() ? latest.text : MISSING_REASON,
        ...(decided ? { decidedOn: requestedOn } : {}),
      };
    }
  } else if (state === 'cannot_complete') {
    out.state = 'in_progress';
    if (!out.cannotComplete) {
      const reason = typeof row.cannotCompleteReason === 'string' && row.cannotCompleteReason.trim();
      out.cannotComplete = {
        reason: reason || MISSING_REASON,
        on: dateOf(row.updatedAt) ?? ctx.today,
        escalated: false,
      };
    }
  }
  if (!out.deadlineRule) {
    if (typeof row.deadlineWorkingDays === 'number' && row.deadlineWorkingDays >= 1) {
      out.deadlineRule = { kind: 'working_days', days: Math.min(365, Math.floor(row.deadlineWorkingDays)) };
    } else if (dateOf(row.deadline)) {
      out.deadlineRule = { kind: 'date', date: dateOf(row.deadline) };
    }
  }
  if (ctx.minutes) {
    if (out.minutesId === undefined) out.minutesId = ctx.minutes.id;
    if (out.issuedOn === undefined && dateOf(ctx.minutes.issuedOn)) out.issuedOn = dateOf(ctx.minutes.issuedOn);
  }
  return out;
}

/** Adds `issueYear` to a v1 minutes row (year of issuance, else the meeting's year). Idempotent. */
export function upgradeMinutesRow(row: Row, meeting: Row | undefined): Row {
  if (typeof row.issueYear === 'number') return row;
  const issued = dateOf(row.issuedOn);
  const year = issued ? Number(issued.slice(0, 4)) : typeof meeting?.year === 'number' ? meeting.year : undefined;
  return year === undefined ? row : { ...row, issueYear: year };
}

async function upgrade(tx: Transaction): Promise<void> {
  const today = businessDate(new Date());
  const meetings = new Map<string, Row>();
  for (const m of (await tx.table('meetings').toArray()) as Row[]) meetings.set(String(m.id), m);

  const minutesByMeeting = new Map<string, Row>();
  const minutesTable = tx.table('minutes');
  for (const m of (await minutesTable.toArray()) as Row[]) {
    const next = upgradeMinutesRow(m, meetings.get(String(m.meetingId)));
    if (next !== m) await minutesTable.put(next);
    minutesByMeeting.set(String(m.meetingId), next);
  }

  const events = new Map<string, Row[]>();
  for (const e of (await tx.table('taskEvents').toArray()) as Row[]) {
    if (e.kind !== 'extension') continue;
    const list = events.get(String(e.resolutionId)) ?? [];
    list.push(e);
    events.set(String(e.resolutionId), list);
  }

  const resolutions = tx.table('resolutions');
  for (const r of (await resolutions.toArray()) as Row[]) {
    const next = upgradeResolutionRow(r, {
      minutes: minutesByMeeting.get(String(r.meetingId)),
      extensionEvents: events.get(String(r.id)) ?? [],
      today,
    });
    if (JSON.stringify(next) !== JSON.stringify(r)) await resolutions.put(next);
  }
}

/**
 * Version 2 (minutes issue): indexes for minutes by issue year/number and resolutions by minutes;
 * resolution rows move to the model whose main state is separate from the extension and
 * cannot-complete side records.
 */
export const v2: SchemaVersion = {
  version: 2,
  stores: {
    minutes: 'id, meetingId, state, issueNumber, issueYear, [issueYear+issueNumber]',
    resolutions: 'id, meetingId, minutesId, [minutesId+state], agendaItemId, state, deadline, leadUnitId, *coUnitIds',
  },
  upgrade,
};
