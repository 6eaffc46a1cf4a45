import type { SchemaVersion } from './types';

/**
 * Version 8 (performance issue #12): indexes that let the topics list and the chair's review read one page
 * in the order the screen shows, and count without loading rows. Index-only: no row changes (Dexie builds
 * the new indexes over the existing rows).
 *
 * - topics `[submittedOn+createdAt]`, `[state+submittedOn+createdAt]`, `[category+submittedOn+createdAt]`,
 *   `[category+state+submittedOn+createdAt]`: the list's order (newest submission, then latest entered, then
 *   id — the index's own tie-break) with no filter, a state, a category, or both, each within a date range;
 *   the last also counts a category's topics per state.
 * - topics `mergedIntoTopicId`: the topics merged into one (its detail page), instead of every topic.
 * - disputes `[state+registeredOn+number]`: the open disputes in the review's order (registration, then
 *   number) from the index keys alone, so only the page's rows are read.
 */
export const v8: SchemaVersion = {
  version: 8,
  stores: {
    disputes:
      'id, number, state, registeredOn, firstHandlingUnitId, designatedUnitId, *partyUnitIds, ' +
      'closedOn, [state+stateSince], agendaMeetingId, [state+registeredOn+number]',
    topics:
      'id, state, submittedOn, category, submittingUnitId, submitterPersonId, meetingId, *relatedUnitIds, ' +
      '[state+submittedOn], [submittedOn+createdAt], [state+submittedOn+createdAt], ' +
      '[category+submittedOn+createdAt], [category+state+submittedOn+createdAt], mergedIntoTopicId',
  },
};
