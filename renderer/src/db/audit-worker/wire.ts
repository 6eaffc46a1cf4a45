import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { VerifyOptions } from '../audit-verify';
import type { AuditAnchor, AuditVerification } from '../../../../shared/domain';

/**
 * What crosses the boundary between the page and the audit verification worker (audit-verify.worker.ts ⇄
 * run-verify.ts). The page sends one request; the worker answers with progress, verified prefixes (the
 * checkpoint to resume from) and one final result or error. Every message from the worker is checked
 * here before the page uses it.
 */

const anchor = z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const verifyRequestSchema = z
  .object({
    type: z.literal('verify'),
    /** The IndexedDB database the worker opens (the page's own, by name). */
    dbName: z.string().min(1).max(200),
    extraAnchors: z.array(anchor).max(100),
    from: anchor.optional(),
    /** Electron: main's head file, the audit key (hex) and from which seq macs are required (audit-session.ts). */
    keyed: z
      .object({
        fileHead: anchor.nullable(),
        key: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .nullable(),
        keyedFrom: z.number().int().positive().nullable(),
        fileProblem: z.string().max(2_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

const problem = z.enum([
  'edited',
  'deleted',
  'reordered',
  'truncated',
  'anchor-mismatch',
  'unkeyed',
  'mac-invalid',
  'head-file',
  'record-edited',
  'record-unaudited',
  'record-deleted',
]);

const verification = z.union([
  z.object({ ok: z.literal(true), count: z.number().int().nonnegative(), head: anchor.nullable() }).strict(),
  z
    .object({
      ok: z.literal(false),
      problem,
      seq: z.number().int().nonnegative(),
      message: z.string().max(2_000),
      record: z.object({ entity: z.string(), id: z.string(), table: z.string() }).strict().optional(),
    })
    .strict(),
]);

export const verifyMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }).strict(),
  z.object({ type: z.literal('verified'), head: anchor }).strict(),
  z.object({ type: z.literal('result'), result: verification }).strict(),
  z.object({ type: z.literal('error'), message: z.string().max(2_000) }).strict(),
]);
export type VerifyMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'verified'; head: AuditAnchor }
  | { type: 'result'; result: AuditVerification }
  | { type: 'error'; message: string };

type WireKeyed = NonNullable<VerifyRequest['keyed']>;

/** The keyed check as it crosses to the worker (the key as hex). */
export function keyedToWire(k: NonNullable<VerifyOptions['keyed']>): WireKeyed {
  return {
    fileHead: k.fileHead ? { seq: k.fileHead.seq, hash: k.fileHead.hash } : null,
    key: k.key ? bytesToHex(k.key) : null,
    keyedFrom: k.keyedFrom ?? null,
    ...(k.fileProblem !== undefined ? { fileProblem: k.fileProblem } : {}),
  };
}

export function keyedFromWire(k: WireKeyed): NonNullable<VerifyOptions['keyed']> {
  return {
    fileHead: k.fileHead,
    key: k.key ? hexToBytes(k.key) : null,
    keyedFrom: k.keyedFrom,
    ...(k.fileProblem !== undefined ? { fileProblem: k.fileProblem } : {}),
  };
}
