import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  DomainError,
  sealedTopic,
  topicHasComplainant,
  type AuditedEntity,
  type Minutes,
  type Topic,
} from '../../../../shared/domain';
import { DATASET_SCHEMAS } from '../../../../shared/demo/integrity';
import type { Dataset } from '../../../../shared/demo/types';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { JointDeskDB } from '../database';
import type { PiiKeySource } from '../pii';
import type { DemoRepository } from '../types';
import { issueMessage, safeParseZh } from '../validation';
import { withoutUndefined } from './list-helpers';

interface DatasetPart {
  key: keyof Dataset;
  /** Chinese name used in error messages. */
  label: string;
  schema: z.ZodType<{ id: string }>;
  entity: AuditedEntity;
  table: (db: JointDeskDB) => Table<{ id: string }, string>;
}

/** Dataset keys in dependency order (units before the people in them, meetings before attendance …). */
const PARTS: readonly DatasetPart[] = [
  { key: 'units', label: '单位', schema: DATASET_SCHEMAS.units, entity: 'unit', table: (db) => db.units },
  { key: 'people', label: '人员', schema: DATASET_SCHEMAS.people, entity: 'person', table: (db) => db.people },
  { key: 'meetings', label: '会议', schema: DATASET_SCHEMAS.meetings, entity: 'meeting', table: (db) => db.meetings },
  {
    key: 'attendance',
    label: '出席记录',
    schema: DATASET_SCHEMAS.attendance,
    entity: 'attendance',
    table: (db) => db.attendance,
  },
  {
    key: 'agendaItems',
    label: '议程',
    schema: DATASET_SCHEMAS.agendaItems,
    entity: 'agendaItem',
    table: (db) => db.agendaItems,
  },
  { key: 'topics', label: '议题', schema: DATASET_SCHEMAS.topics, entity: 'topic', table: (db) => db.topics },
  { key: 'disputes', label: '争议', schema: DATASET_SCHEMAS.disputes, entity: 'dispute', table: (db) => db.disputes },
  { key: 'minutes', label: '会议纪要', schema: DATASET_SCHEMAS.minutes, entity: 'minutes', table: (db) => db.minutes },
  {
    key: 'resolutions',
    label: '议定事项',
    schema: DATASET_SCHEMAS.resolutions,
    entity: 'resolution',
    table: (db) => db.resolutions,
  },
  {
    key: 'taskEvents',
    label: '督办记录',
    schema: DATASET_SCHEMAS.taskEvents,
    entity: 'taskEvent',
    table: (db) => db.taskEvents,
  },
];

/**
 * Records per bulkAdd when loading a dataset (the ten-year district profile has ~57,000 records and as
 * many audit entries): large enough for few round trips, small enough that hashing one batch overlaps
 * the database writing it and the previous batch's entries, and pending audit entries never pile up.
 */
export const DEMO_LOAD_BATCH = 2000;

export function createDemoRepository(ctx: DataLayerContext, pii: PiiKeySource): DemoRepository {
  const { db } = ctx;
  return {
    isEmpty: () => db.transaction('r', [db.units, db.people], () => isEmpty(db)),

    async load(dataset) {
      // Validate everything before opening the transaction: a bad record fails fast and names itself.
      const parsed = PARTS.map((part) => ({ part, rows: validatePart(part, (dataset as Partial<Dataset>)[part.key]) }));
      // The generator's fictitious complainants are sealed like any others (PII-1): the key first, outside
      // the transaction (in the web build this is where the passphrase is set on a first load).
      const topics = parsed.find((p) => p.part.key === 'topics');
      if (topics && (topics.rows as Topic[]).some(topicHasComplainant)) {
        const publicKey = await pii.publicKey();
        topics.rows = (topics.rows as Topic[]).map((t) => sealedTopic(t, publicKey));
      }
      return auditedWrite(ctx, [...PARTS.map((p) => p.table(db)), db.minutesVersions], async (audit) => {
        guard(audit, 'demo.load');
        if (!(await isEmpty(db))) throw new DomainError('conflict', '数据库中已有单位或人员，不能载入演示数据');
        let records = 0;
        // A pipeline in this one transaction (all or nothing): batch k's rows go to IndexedDB first and their
        // record states are hashed while the database writes them and batch k-1's entries; batch k's entries
        // are sealed (flush) once batch k-1's are written, while the next batch is already on its way. One
        // flush at a time, in batch order, so the chain is exactly the one a batch-by-batch load makes.
        let flushed: Promise<void> = Promise.resolve();
        for (const { part, rows } of parsed) {
          for (let i = 0; i < rows.length; i += DEMO_LOAD_BATCH) {
            const batch = rows.slice(i, i + DEMO_LOAD_BATCH);
            const written = part.table(db).bulkAdd(batch);
            for (const row of batch) {
              audit.record(
                { entity: part.entity, entityId: row.id, action: 'demo-load', before: null, after: row },
                { row },
              );
            }
            await flushed;
            await written;
            flushed = audit.flush();
            // A failed write aborts the transaction and is thrown by the await above or below; until then the
            // pending flush must not count as an unhandled rejection.
            flushed.catch(() => undefined);
            records += batch.length;
          }
        }
        await flushed;
        // Each minutes opens with its first version, as minutes made in the app do (历史版本 is never empty).
        const actor = audit.currentActor;
        const at = ctx.now().toISOString();
        const minutes = (parsed.find((p) => p.part.key === 'minutes')?.rows ?? []) as Minutes[];
        await db.minutesVersions.bulkAdd(
          minutes.map((m) =>
            withoutUndefined({
              id: ctx.newId(),
              minutesId: m.id,
              version: m.version,
              content: m.content,
              contentHash: m.contentHash,
              cause: 'created' as const,
              summary: '演示数据',
              authorProfileId: actor.id,
              authorName: actor.name,
              state: m.state,
              createdAt: at,
            }),
          ),
        );
        return { records };
      });
    },
  };
}

async function isEmpty(db: JointDeskDB): Promise<boolean> {
  return (await db.units.count()) === 0 && (await db.people.count()) === 0;
}

function validatePart(part: DatasetPart, rows: unknown): { id: string }[] {
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) throw new DomainError('validation', `演示数据的“${part.label}”不是列表`);
  return rows.map((row, i) => {
    const result = safeParseZh(part.schema, row);
    if (result.success) return result.data;
    const first = result.error.issues[0];
    const detail = first ? issueMessage(first, row, {}, true) : '格式不正确';
    throw new DomainError('validation', `演示数据第 ${i + 1} 条${part.label}不正确（${detail}）`);
  });
}
