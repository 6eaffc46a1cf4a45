import type Dexie from 'dexie';
import { maskedTopic, type AuditAction, type AuditEntry, type AuditedEntity } from '../../../../shared/domain';
import {
  AUDIT_TRAIL_EXPORT_ID,
  auditDayBounds,
  auditReferences,
  emptyAuditLookups,
  type AuditLookups,
} from '../../../../shared/domain/audit-labels';
import { auditedWrite, readAuditAnchor, type DataLayerContext } from '../audited-write';
import { verifyAuditTrail } from '../audit-verify';
import type { JointDeskDB } from '../database';
import type { AuditRepository } from '../types';

/** What the audit trail viewer filters by (every part optional; days are business days, inclusive). */
export interface AuditTrailFilter {
  entity?: AuditedEntity;
  /** One record's entries (with `entity`). */
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  from?: string;
  to?: string;
}

export interface AuditTrailPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Current names of what these entries speak of (read by id for these entries only). */
  lookups: AuditLookups;
  /** `beforeSeq` of the next, older page; undefined on the last page. */
  nextBeforeSeq?: number;
  /** Entries matching the filter, when one index range answers it exactly; undefined when not counted. */
  total?: number;
  /** An upper bound of the matching entries (the index range read), for an export's progress. */
  atMost: number;
}

/** Entries per page of an export read (each page one bounded read through an index). */
export const AUDIT_EXPORT_PAGE = 2_000;

declare module '../types' {
  interface AuditRepository {
    /**
     * One page of the entries matching `filter`, newest first, older than `beforeSeq`: read through the
     * narrowest of the `[entity+seq]`, `[actorId+seq]`, `[action+seq]` ranges (counted first, index
     * only), the days bounded through `ts`; at most `limit` rows read beyond the cursor's skipped ones.
     */
    page(filter: AuditTrailFilter, cursor?: { beforeSeq?: number; limit?: number }): Promise<AuditTrailPage>;
    /** One entry and the names of every record its before/after refers to (for the field-by-field view). */
    entry(seq: number): Promise<{ entry: AuditEntry; lookups: AuditLookups } | undefined>;
    /** The people who appear as actors (every actor is a user profile), by name. */
    actors(): Promise<{ id: string; name: string }[]>;
    /** Audits a saved export of the trail (entity 'system', id 'audit.trail', action 'export'). */
    recordExport(fileName: string, detail: { rows: number; filter: string }): Promise<void>;
  }
}

export { VERIFY_CHUNK } from '../audit-verify';

export function createAuditRepository(ctx: DataLayerContext): AuditRepository {
  const { db } = ctx;
  return {
    list(filter = {}) {
      const { entity, entityId, limit } = filter;
      // Every index below ends in the primary key (seq), so reverse() gives newest first.
      const collection =
        entity !== undefined && entityId !== undefined
          ? db.audit.where('[entity+entityId]').equals([entity, entityId])
          : entity !== undefined
            ? db.audit.where('entity').equals(entity)
            : entityId !== undefined
              ? db.audit.where('entityId').equals(entityId)
              : db.audit.toCollection();
      const newestFirst = collection.reverse();
      return (limit !== undefined && limit > 0 ? newestFirst.limit(limit) : newestFirst).toArray();
    },

    /** The chain, then every audited record against it (audit-verify.ts), on this page's connection. */
    verify: (extraAnchors = [], onProgress, options = {}) => verifyAuditTrail(db, extraAnchors, onProgress, options),

    head: () => readAuditAnchor(db),

    page: (filter, cursor = {}) =>
      db.transaction('r', lookupTables(db), () => readPage(db, filter, cursor.beforeSeq, cursor.limit ?? 20)),

    entry: (seq) =>
      db.transaction('r', lookupTables(db), async () => {
        const entry = await db.audit.get(seq);
        return entry ? { entry, lookups: await readLookups(db, [entry], 'all') } : undefined;
      }),

    async actors() {
      const profiles = await db.profiles.toArray();
      return profiles.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },

    recordExport: (fileName, detail) =>
      auditedWrite(ctx, [], async (audit) => {
        audit.record({
          entity: 'system',
          entityId: AUDIT_TRAIL_EXPORT_ID,
          action: 'export',
          before: null,
          after: { document: '审计记录', fileName, ...detail },
        });
      }),

    count: () => db.audit.count(),
  };
}

const MAX_SEQ = Number.MAX_SAFE_INTEGER;

function lookupTables(db: JointDeskDB) {
  return [db.audit, db.disputes, db.topics, db.meetings, db.units, db.people, db.profiles, db.resolutions];
}

type Range = (lo: number, hi: number) => Dexie.Collection<AuditEntry, number>;

async function readPage(
  db: JointDeskDB,
  filter: AuditTrailFilter,
  beforeSeq: number | undefined,
  limit: number,
): Promise<AuditTrailPage> {
  const none: AuditTrailPage = { entries: [], lookups: emptyAuditLookups(), total: 0, atMost: 0 };
  // The seq range of the days (entries are appended in time order). Only Dexie promises are awaited
  // inside the transaction (a plain async helper resolving without a query would end it).
  const { fromTs, toTs } = auditDayBounds(filter.from, filter.to);
  let lo = 1;
  let hi = MAX_SEQ;
  if (fromTs !== undefined) {
    const [first] = await db.audit.where('ts').aboveOrEqual(fromTs).limit(1).primaryKeys();
    if (first === undefined) return none;
    lo = first;
  }
  if (toTs !== undefined) {
    const [last] = await db.audit.where('ts').below(toTs).reverse().limit(1).primaryKeys();
    if (last === undefined) return none;
    hi = last;
  }
  if (lo > hi) return none;

  // The equality constraints an index answers together with a seq range.
  const byIndex: { name: string; range: Range }[] = [];
  const pairRange =
    (index: string, value: string): Range =>
    (a, b) =>
      db.audit.where(index).between([value, a], [value, b], true, true);
  if (filter.entity !== undefined) byIndex.push({ name: 'entity', range: pairRange('[entity+seq]', filter.entity) });
  if (filter.actorId !== undefined)
    byIndex.push({ name: 'actorId', range: pairRange('[actorId+seq]', filter.actorId) });
  if (filter.action !== undefined) byIndex.push({ name: 'action', range: pairRange('[action+seq]', filter.action) });

  let chosen: { name: string; range: Range };
  let atMost: number;
  if (filter.entity !== undefined && filter.entityId !== undefined) {
    // One record: few entries; its own index, the seq range checked on each.
    const { entity, entityId } = filter;
    chosen = {
      name: 'entityId',
      range: (a, b) =>
        db.audit
          .where('[entity+entityId]')
          .equals([entity, entityId])
          .and((e) => e.seq >= a && e.seq <= b),
    };
    atMost = await db.audit.where('[entity+entityId]').equals([entity, entityId]).count();
  } else if (byIndex.length > 0) {
    // The narrowest range, counted on the index alone.
    const counts = await Promise.all(byIndex.map((c) => c.range(lo, hi).count()));
    const i = counts.indexOf(Math.min(...counts));
    chosen = byIndex[i]!;
    atMost = counts[i]!;
  } else {
    chosen = { name: 'seq', range: (a, b) => db.audit.where('seq').between(a, b, true, true) };
    atMost = await chosen.range(lo, hi).count();
  }

  const rest = (e: AuditEntry) =>
    (filter.entity === undefined || e.entity === filter.entity) &&
    (filter.actorId === undefined || e.actorId === filter.actorId) &&
    (filter.action === undefined || e.action === filter.action) &&
    (fromTs === undefined || e.ts >= fromTs) &&
    (toTs === undefined || e.ts < toTs);
  const top = beforeSeq !== undefined ? Math.min(hi, beforeSeq - 1) : hi;
  const rows =
    top < lo
      ? []
      : await chosen
          .range(lo, top)
          .reverse()
          .filter(rest)
          .limit(limit + 1)
          .toArray();
  const entries = rows.slice(0, limit);
  // Exact when the chosen range is the whole filter (no other constraint filtered rows out).
  const exact = byIndex.length <= 1;
  return {
    entries,
    lookups: await readLookups(db, entries, 'subject'),
    ...(rows.length > limit ? { nextBeforeSeq: entries[entries.length - 1]!.seq } : {}),
    ...(exact ? { total: atMost } : {}),
    atMost,
  };
}

/** The names the entries need, read by id (bulkGet) for these entries only. */
async function readLookups(
  db: JointDeskDB,
  entries: readonly AuditEntry[],
  scope: 'subject' | 'all',
): Promise<AuditLookups> {
  const refs = auditReferences(entries, scope);
  const lookups = emptyAuditLookups();
  const get = <T>(table: Dexie.Table<T, string>, ids: string[]) => table.bulkGet(ids);
  const [disputes, topics, meetings, units, people, profiles, resolutions] = await Promise.all([
    get(db.disputes, refs.disputes),
    get(db.topics, refs.topics),
    get(db.meetings, refs.meetings),
    get(db.units, refs.units),
    get(db.people, refs.people),
    get(db.profiles, refs.profiles),
    get(db.resolutions, refs.resolutions),
  ]);
  const out = lookups as { [K in keyof AuditLookups]: Map<string, unknown> };
  for (const d of disputes) if (d) out.disputes.set(d.id, { number: d.number });
  // Only the title leaves, masked as everywhere else (PII-2).
  for (const t of topics) if (t) out.topics.set(t.id, { title: maskedTopic(t).title });
  for (const m of meetings) if (m) out.meetings.set(m.id, { year: m.year, sequence: m.sequence, kind: m.kind });
  for (const u of units) if (u) out.units.set(u.id, { name: u.name });
  for (const p of people) if (p) out.people.set(p.id, { name: p.name });
  for (const p of profiles) if (p) out.profiles.set(p.id, { name: p.name });
  for (const r of resolutions) if (r) out.resolutions.set(r.id, { content: r.content });
  return lookups;
}
