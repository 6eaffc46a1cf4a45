import type { SchemaVersion } from './types';

/**
 * Version 3 (follow-up issue): indexes for the task list, board, attention counts and the
 * implementation report at ten years of a busy district (~8,000 resolutions, ~40,000 events).
 * Index-only: no row changes (Dexie builds the new indexes over the existing rows).
 *
 * - `[state+deadline]`: 临期/逾期 ranges per state (warning filters, attention counts, the board).
 * - `[leadUnitId+state]`, `[leadUnitId+state+deadline]`: a unit's tasks by state and due window (liaisons).
 * - `[meetingId+state]`: a source meeting's tasks.
 * - `extension.state`: pending 延期申请 (counted for the chair).
 * - `updatedAt`: tasks changed since a date (落实情况通报).
 * - taskEvents `[resolutionId+on]`: a task's timeline in date order, and its latest event.
 */
export const v3: SchemaVersion = {
  version: 3,
  stores: {
    resolutions:
      'id, meetingId, minutesId, [minutesId+state], agendaItemId, state, deadline, leadUnitId, *coUnitIds, ' +
      '[state+deadline], [leadUnitId+state], [leadUnitId+state+deadline], [meetingId+state], extension.state, updatedAt',
    taskEvents: 'id, resolutionId, kind, on, [resolutionId+on]',
  },
};
