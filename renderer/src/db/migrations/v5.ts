import type { SchemaVersion } from './types';

/**
 * Version 5 (issue #11 item 9): indexes for the audit trail viewer at ten years of a busy office
 * (~200,000 entries). Index-only: no row changes (Dexie builds the new indexes over the existing rows).
 *
 * - audit `[entity+seq]`, `[actorId+seq]`, `[action+seq]`: one page of the entries of one object type,
 *   one person or one action, newest first from a `seq` cursor and within a `seq` range (the days
 *   filtered, found through `ts`), counted without reading rows.
 */
export const v5: SchemaVersion = {
  version: 5,
  stores: {
    audit: 'seq, ts, entity, entityId, [entity+entityId], action, actorId, [entity+seq], [actorId+seq], [action+seq]',
  },
};
