import { z } from 'zod';

/** Entities the audit trail speaks of (one per Dexie table that holds business records). */
export const AUDITED_ENTITIES = [
  'unit',
  'person',
  'meeting',
  'attendance',
  'agendaItem',
  'topic',
  'attachment',
  'dispute',
  'minutes',
  'resolution',
  'taskEvent',
  'ruleProfile',
  'profile',
  'settings',
  'system',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'archive',
  'restore',
  'transition',
  'import',
  'export',
  'reveal',
  'delete',
  'demo-load',
  /** A schema upgrade changed the record (actor: the system), or sealed its state when hashes began. */
  'migrate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  /** Gapless sequence from 1; primary key. */
  seq: z.number().int().positive(),
  ts: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  entity: z.enum(AUDITED_ENTITIES),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** JSON snapshots of the record before and after (null for create / delete). */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * True when before/after hold only the fields the change touched, plus the fields naming the record
   * (audit-payload.ts); absent on entries that hold whole snapshots (creates, deletes, exports, and every
   * entry written before changed-field entries began).
   */
  changedOnly: z.literal(true).optional(),
  reason: z.string().optional(),
  /**
   * SHA-256 of the canonical JSON of the record as the entry's transaction left it in its table
   * ({@link AUDITED_TABLES}); null when it was deleted. Absent on entries written before record-state
   * hashes existed, and on entities without a table (settings, system).
   */
  stateHash: z.string().nullable().optional(),
  prevHash: z.string(),
  hash: z.string(),
  /**
   * Electron: HMAC-SHA256 of the hash under the installation's audit key (auditEntryMac in audit-chain.ts),
   * so an entry cannot be forged from the database alone. Absent in the web build, before keys existed,
   * and where the OS offered no encryption for the key; main's head file says from which seq it is required.
   */
  mac: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type UnsealedAuditEntry = Omit<AuditEntry, 'hash'>;

/** The Dexie table holding each audited entity's records, keyed by the entry's entityId. */
export const AUDITED_TABLES: Readonly<Partial<Record<AuditedEntity, string>>> = {
  unit: 'units',
  person: 'people',
  meeting: 'meetings',
  attendance: 'attendance',
  agendaItem: 'agendaItems',
  topic: 'topics',
  attachment: 'attachments',
  dispute: 'disputes',
  minutes: 'minutes',
  resolution: 'resolutions',
  taskEvent: 'taskEvents',
  ruleProfile: 'ruleProfiles',
  profile: 'profiles',
};

/** The chain head recorded outside the chain (settings, backups, exports) so truncation is detectable. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** True for a stored `{ seq, hash }` head (the settings row, a manifest's field); the one check for all readers. */
export function isAuditAnchor(v: unknown): v is AuditAnchor {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { seq?: unknown }).seq === 'number' &&
    typeof (v as { hash?: unknown }).hash === 'string'
  );
}

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
