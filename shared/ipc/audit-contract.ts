import { z } from 'zod';

/**
 * The audit trail's channels to main (RELIABILITY-SECURITY.md AUD-2/AUD-3, Electron only): the audit key
 * (electron/main/audit/audit-key.ts) and main's head file (electron/main/audit/audit-head.ts). Spread into
 * the one IPC contract (contract.ts).
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '不是审计链的哈希格式');
const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The head as main keeps it. */
export const auditHeadStateSchema = z
  .object({
    seq,
    hash: hex64,
    keyedFrom: z.number().int().positive().nullable(),
    updatedAt: z.string().max(40),
    restoredAt: z.string().max(40).optional(),
  })
  .strict();
/** Main's head of the audit chain; `keyedFrom`: from this seq on every entry carries a mac (null: not yet). */
export type AuditHeadState = z.infer<typeof auditHeadStateSchema>;

const none = z.undefined().or(z.object({}).strict());

export const auditIpcContract = {
  /** The installation's 32-byte audit key (base64), made by main on first need; asked for once per page session. */
  'audit:key': {
    input: none,
    output: z.object({ key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict(),
  },
  /** Main's head file, and why it cannot be trusted when it cannot (damaged, altered, missing). */
  'audit:head': {
    input: none,
    output: z.object({ head: auditHeadStateSchema.nullable(), problem: z.string().max(500).optional() }).strict(),
  },
  /**
   * After an audited transaction committed: its new head. Main refuses a head that moves back (a lower seq,
   * or the same seq with another hash) and keeps `keyedFrom` once set.
   */
  'audit:set-head': {
    input: z.object({ seq: seq.min(1), hash: hex64, keyedFrom: z.number().int().positive().nullable() }).strict(),
    output: z.object({ head: auditHeadStateSchema }).strict(),
  },
  /**
   * The one path that may move the head back: after a restore replaced the trail, or when the user accepted
   * the data as found (recovery screen). Main notes the head it replaced.
   */
  'audit:reset-head': {
    input: z.object({ seq, hash: hex64, reason: z.enum(['restore', 'accept-data']) }).strict(),
    output: z.object({ head: auditHeadStateSchema }).strict(),
  },
} as const;
