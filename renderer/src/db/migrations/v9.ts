import type { SchemaVersion } from './types';

/**
 * Version 9 (performance issue #12): an index that gives the header of a 纪要 — the fields the 落实情况通报 needs
 * (its meeting, issue date and 第×期) — from its keys, so the agenda builder no longer reads whole minutes rows
 * (each holds its document; at ten years the report read 67 rows, 4.1 MB, for these five fields). Index-only: no
 * row changes (Dexie builds the new index over the existing rows).
 *
 * - minutes `[id+meetingId+issuedOn+issueYear+issueNumber]`: by id, the issued minutes' header from a key
 *   cursor. A row missing one of the fields (not issued, or issued without its numbers) is not in the index;
 *   readers read such a row as a record, as before.
 */
export const v9: SchemaVersion = {
  version: 9,
  stores: {
    minutes:
      'id, meetingId, state, issueNumber, issueYear, [issueYear+issueNumber], [id+meetingId+issuedOn+issueYear+issueNumber]',
  },
};
