import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import { z } from 'zod';

/**
 * What an audit entry keeps of the record it speaks of (issue 10, AUD: "entries store a changed-fields
 * diff (or a content hash for large documents) rather than two full copies of the record").
 *
 * - An update (both sides a record) keeps only the top-level fields whose value changed, on both sides,
 *   plus the few fields that name the record ({@link AUDIT_IDENTITY_FIELDS}) so a list of entries can
 *   still say what each is about. The entry is marked `changedOnly: true`.
 * - A create, delete, import or export keeps its one side whole.
 * - On either kind, a field whose canonical JSON is longer than {@link AUDIT_DIGEST_OVER} characters (a
 *   纪要's body, a long 附件 list) is kept as a {@link ContentDigest}: its SHA-256 and length. The record's
 *   own state is covered by the entry's `stateHash`; the text itself is in the record and its versions.
 *
 * Entries written before this rule hold two full copies and stay valid: readers use
 * {@link auditEntrySides}, which treats both shapes alike.
 */

/** Longer top-level values (canonical JSON, in UTF-16 code units) are kept as a digest. */
export const AUDIT_DIGEST_OVER = 4096;

/**
 * Fields that name the record or what it belongs to (its number, title, name, meeting, person …): kept on
 * both sides of a changed-fields entry when the record has them, so the trail can name its subject.
 * Equal on both sides, they never show as a change.
 */
export const AUDIT_IDENTITY_FIELDS = [
  'number',
  'title',
  'name',
  'year',
  'sequence',
  'kind',
  'meetingId',
  'personId',
  'guestName',
  'substituteName',
  'resolutionId',
  'minutesId',
  'ownerType',
  'ownerId',
] as const;

export const contentDigestSchema = z
  .object({
    digest: z.literal('sha256'),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** Length of the canonical JSON that was hashed. */
    chars: z.number().int().nonnegative(),
  })
  .strict();
export type ContentDigest = z.infer<typeof contentDigestSchema>;

export function isContentDigest(v: unknown): v is ContentDigest {
  return contentDigestSchema.safeParse(v).success;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function canonical(v: unknown): string {
  // undefined (an absent field) has no JSON; it never equals a present value.
  return v === undefined ? '\u0000undefined' : (canonicalJson(v) ?? '\u0000undefined');
}

/** The value as the trail keeps it: itself, or its digest when it is long. */
function compact(v: unknown): unknown {
  if (v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  // The canonical JSON only differs from JSON.stringify's in the order of keys, so its length is the same:
  // the native stringify decides, and the canonical text is only made for a value kept as a digest.
  if (JSON.stringify(v).length <= AUDIT_DIGEST_OVER) return v;
  const json = canonical(v);
  return json.length > AUDIT_DIGEST_OVER
    ? ({ digest: 'sha256', hash: bytesToHex(sha256(utf8ToBytes(json))), chars: json.length } satisfies ContentDigest)
    : v;
}

function compactAll(snapshot: unknown): unknown {
  const r = asRecord(snapshot);
  if (!r) return snapshot ?? null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = compact(v);
  return out;
}

/** Actions whose entries hold the record's state (whole or its changed fields). */
const SNAPSHOT_ACTIONS: ReadonlySet<string> = new Set([
  'create',
  'update',
  'archive',
  'restore',
  'transition',
  'import',
  'delete',
  'demo-load',
]);

export interface AuditPayload {
  before: unknown;
  after: unknown;
  /** Present (true) when before/after hold only the changed fields and the identity fields. */
  changedOnly?: true;
}

/**
 * The before/after an entry stores for a change from `before` to `after` (see the module comment).
 * `changedOnly: false` keeps both sides whole (long values still digested): for settings and other
 * entries whose earlier state no entry of the trail holds.
 */
export function auditPayload(before: unknown, after: unknown, options: { changedOnly: boolean }): AuditPayload {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b || !a || !options.changedOnly) return { before: compactAll(before), after: compactAll(after) };
  const outBefore: Record<string, unknown> = {};
  const outAfter: Record<string, unknown> = {};
  const identity = new Set<string>(AUDIT_IDENTITY_FIELDS);
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const bv = b[k];
    const av = a[k];
    if (canonical(bv) !== canonical(av)) {
      if (bv !== undefined) outBefore[k] = compact(bv);
      if (av !== undefined) outAfter[k] = compact(av);
    } else if (identity.has(k) && av !== undefined) {
      outBefore[k] = compact(bv);
      outAfter[k] = compact(av);
    }
  }
  return { before: outBefore, after: outAfter, changedOnly: true };
}

/**
 * The record as it stood before and after each entry, for readers that compare whole states (a
 * dispute's timeline): `entries` are one record's entries in any order; changed-fields entries are
 * applied over the state the earlier entries left. Where the history does not reach back to a whole
 * state (the trail starts with a changed-fields entry), the states hold only what is known.
 * Keyed by seq.
 */
export function auditEntrySides(
  entries: readonly {
    seq: number;
    action: string;
    before: unknown;
    after: unknown;
    changedOnly?: boolean | undefined;
  }[],
): Map<number, { before: Record<string, unknown> | null; after: Record<string, unknown> | null }> {
  const out = new Map<number, { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>();
  let state: Record<string, unknown> | null = null;
  for (const e of [...entries].sort((x, y) => x.seq - y.seq)) {
    if (!SNAPSHOT_ACTIONS.has(e.action)) {
      // An export, a reveal or a sealing upgrade says nothing of the record's fields: its state stands.
      out.set(e.seq, { before: state, after: state });
      continue;
    }
    if (!e.changedOnly) {
      const before = asRecord(e.before) ?? null;
      const after = asRecord(e.after) ?? null;
      out.set(e.seq, { before, after });
      state = after;
      continue;
    }
    const before: Record<string, unknown> = { ...(state ?? {}), ...(asRecord(e.before) ?? {}) };
    const changed = asRecord(e.after) ?? {};
    const after: Record<string, unknown> = { ...before };
    for (const k of Object.keys(asRecord(e.before) ?? {})) if (!(k in changed)) delete after[k];
    Object.assign(after, changed);
    out.set(e.seq, { before, after });
    state = after;
  }
  return out;
}
