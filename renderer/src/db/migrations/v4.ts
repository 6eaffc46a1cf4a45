import type { SchemaVersion } from './types';

/**
 * Version 4 (performance issue #12): indexes for the agenda proposals and the dispute and topic reads
 * of one meeting at ten years of a busy district (~600 disputes, ~3,000 topics). Index-only: no row
 * changes (Dexie builds the new indexes over the existing rows).
 *
 * - disputes `closedOn`, `[state+stateSince]`: disputes closed after a day (still open on a past
 *   meeting's day: `closedOn`, or `stateSince` for a closed row without it), without reading every
 *   closed dispute.
 * - disputes `agendaMeetingId`: the disputes put on one meeting's agenda.
 * - topics `[state+submittedOn]`: topics of some states in a date range, newest first, and their
 *   counts per state without loading rows.
 */
export const v4: SchemaVersion = {
  version: 4,
  stores: {
    disputes:
      'id, number, state, registeredOn, firstHandlingUnitId, designatedUnitId, *partyUnitIds, ' +
      'closedOn, [state+stateSince], agendaMeetingId',
    topics:
      'id, state, submittedOn, category, submittingUnitId, submitterPersonId, meetingId, *relatedUnitIds, ' +
      '[state+submittedOn]',
  },
};
