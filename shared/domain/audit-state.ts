import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import { AUDITED_TABLES, type AuditEntry, type AuditedEntity } from './audit';
import { AUDIT_ENTITY_LABELS } from './audit-labels';

/**
 * Record-state hashes (RELIABILITY-SECURITY.md AUD-1/AUD-3): every audit entry of an entity that lives in a
 * table carries `stateHash`, the SHA-256 of the canonical JSON of the record as the entry's transaction left
 * it (null once deleted). The chain then vouches for the business records too: a record edited, added or
 * deleted in IndexedDB without the app no longer matches the newest entry for its id, and verification
 * names it. Hashing is synchronous (`@noble/hashes`) so it can run inside the writing transaction.
 */

/**
 * Binary values cannot be hashed synchronously from a Blob; an attachment's bytes are vouched for by the
 * SHA-256 its audit entry records, its row by everything else plus the blob's size and type.
 */
function hashable(row: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(row)) {
    const binary =
      typeof Blob !== 'undefined' && v instanceof Blob
        ? { blob: v.size, type: v.type }
        : v instanceof ArrayBuffer || ArrayBuffer.isView(v)
          ? { bytes: (v as ArrayBuffer).byteLength }
          : undefined;
    if (binary) (out ??= { ...row })[k] = binary;
  }
  return out ?? row;
}

/** SHA-256 hex of the canonical JSON of a stored record; null for none (deleted). */
export function recordStateHash(row: unknown): string | null {
  if (row === undefined || row === null) return null;
  const json = canonicalJson(
    typeof row === 'object' && !Array.isArray(row) ? hashable(row as Record<string, unknown>) : row,
  );
  if (json === undefined) throw new Error('记录无法序列化');
  return bytesToHex(sha256(utf8ToBytes(json)));
}

/** Entities whose records the state check covers, with their table. */
export const STATE_CHECKED: readonly { entity: AuditedEntity; table: string }[] = Object.entries(AUDITED_TABLES).map(
  ([entity, table]) => ({ entity: entity as AuditedEntity, table: table! }),
);

/** Marks in the tracker: the record's newest entry says it was deleted / predates state hashes. */
const DELETED = '-';
const LEGACY = '';

export type RecordProblem = 'record-edited' | 'record-unaudited' | 'record-deleted';

export interface RecordStateProblem {
  problem: RecordProblem;
  entity: AuditedEntity;
  entityId: string;
  table: string;
  message: string;
}

/**
 * The newest state hash per record id, built while the chain is read in key order: only id → hash is kept
 * (about 150 bytes per record, whatever the number of entries). Then each table's rows are fed in any order
 * and `finishTable` names records the trail expects but the table no longer holds.
 */
export function createStateTracker() {
  const byEntity = new Map<AuditedEntity, Map<string, string>>();
  for (const { entity } of STATE_CHECKED) byEntity.set(entity, new Map());

  const note = (e: Pick<AuditEntry, 'entity' | 'entityId' | 'stateHash'>): void => {
    const ids = byEntity.get(e.entity);
    if (!ids) return;
    if (e.stateHash === undefined) {
      // An entry without a state hash (older, or its table not part of the write) keeps what is known.
      if (!ids.has(e.entityId)) ids.set(e.entityId, LEGACY);
      return;
    }
    ids.set(e.entityId, e.stateHash === null ? DELETED : e.stateHash);
  };

  const problem = (
    problem: RecordProblem,
    entity: AuditedEntity,
    entityId: string,
    table: string,
    deletedInTrail = false,
  ): RecordStateProblem => {
    const what = `${AUDIT_ENTITY_LABELS[entity]}记录（${table} 表，编号 ${entityId}）`;
    const message = deletedInTrail
      ? `${what}按审计记录已被删除，却仍在表中（在本应用之外被添加或恢复）`
      : problem === 'record-edited'
        ? `${what}与审计记录不符（在本应用之外被修改）`
        : problem === 'record-unaudited'
          ? `${what}没有对应的审计记录（在本应用之外被添加）`
          : `${what}按审计记录应当存在，但已不在表中（在本应用之外被删除）`;
    return { problem, entity, entityId, table, message };
  };

  /**
   * What the trail says of one record against the row the table holds now (undefined: no row): the problem,
   * or null when they agree. Records whose entries all predate state hashes are accepted.
   */
  const judge = (
    entity: AuditedEntity,
    table: string,
    id: string,
    row: { id: string } | undefined,
  ): RecordStateProblem | null => {
    const expected = byEntity.get(entity)?.get(id);
    if (expected === LEGACY) return null;
    if (row === undefined) {
      return expected === undefined || expected === DELETED ? null : problem('record-deleted', entity, id, table);
    }
    if (expected === undefined) return problem('record-unaudited', entity, id, table);
    if (expected === DELETED) return problem('record-unaudited', entity, id, table, true);
    return expected === recordStateHash(row) ? null : problem('record-edited', entity, id, table);
  };

  /** Marks a record as seen in its table (what is left after the table are records it should hold). */
  const seen = (entity: AuditedEntity, id: string): void => {
    byEntity.get(entity)?.delete(id);
  };

  /** Ids the trail holds a live state hash for and that were not seen in the table. */
  const unseen = (entity: AuditedEntity): string[] =>
    [...(byEntity.get(entity) ?? [])].filter(([, h]) => h !== LEGACY && h !== DELETED).map(([id]) => id);

  /** Frees a table's ids once it is done. */
  const clear = (entity: AuditedEntity): void => byEntity.get(entity)?.clear();

  return { note, judge, seen, unseen, clear };
}
