import { z } from 'zod';
import type { AuditAnchor } from '../../../shared/domain';

/**
 * The head of the last audit verification that passed, kept OUTSIDE IndexedDB (the page's localStorage, a
 * separate store on disk): someone who rewrites the database directly — truncates the trail and moves its
 * head back, deletes it with its head, or re-seals the whole chain — does not also find and change this,
 * and the next check (at start, or 校验完整性) fails at the checkpoint. It also lets the check at start
 * resume there instead of re-hashing the whole trail. A restore replaces the trail on purpose, so it
 * clears the checkpoint and the next check is a full one.
 */

const checkpointSchema = z
  .object({
    seq: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    verifiedAt: z.string(),
  })
  .strict();
export type AuditCheckpoint = z.infer<typeof checkpointSchema>;

/** Minimal storage (localStorage, or a Map-backed fake in tests). */
export interface CheckpointStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyOf = (dbName: string) => `jointdesk.audit.checkpoint.${dbName}`;

function defaultStorage(): CheckpointStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: no checkpoint, every check is a full one
  }
}

/** The stored checkpoint, or null (none yet, unreadable, or not one of ours — a full check then runs). */
export function readAuditCheckpoint(
  dbName: string,
  storage: CheckpointStorage | null = defaultStorage(),
): AuditCheckpoint | null {
  const raw = storage?.getItem(keyOf(dbName));
  if (!raw) return null;
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Records the head of a verification that passed (nothing for an empty trail). */
export function saveAuditCheckpoint(
  dbName: string,
  head: AuditAnchor | null,
  now: Date,
  storage: CheckpointStorage | null = defaultStorage(),
): void {
  if (!storage || !head) return;
  const value: AuditCheckpoint = { seq: head.seq, hash: head.hash, verifiedAt: now.toISOString() };
  try {
    storage.setItem(keyOf(dbName), JSON.stringify(value));
  } catch {
    // storage full or disabled: the next check is a full one
  }
}

export function clearAuditCheckpoint(dbName: string, storage: CheckpointStorage | null = defaultStorage()): void {
  try {
    storage?.removeItem(keyOf(dbName));
  } catch {
    // nothing to clear
  }
}
