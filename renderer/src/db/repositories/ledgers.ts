import { z } from 'zod';
import type { Attendance } from '../../../../shared/domain';
import type { LedgerMeeting, LedgerTopic, MeetingLedgerOptions } from '../../../../shared/export/ledger';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import type { MeetingListFilter, TopicListFilter } from '../types';
import { createDocumentSettingsRepository, NOTICE_NUMBERS_KEY, noticeNumberSchema } from './document-settings';
import { createMeetingsRepository } from './meetings';
import { createTopicsRepository } from './topics';
import type { PiiKeySource } from '../pii';

/** Audit entity ids (entity 'system') of the two ledgers' exports. */
export const TOPIC_LEDGER_EXPORT_ID = 'topics.ledger';
export const MEETING_LEDGER_EXPORT_ID = 'meetings.ledger';

const LEDGER_DOCUMENTS = { topics: '议题台账', meetings: '会议台账' } as const;
export type LedgerKind = keyof typeof LEDGER_DOCUMENTS;

export interface TopicLedgerData {
  /** The topics the list shows for the filter (complainant masked), each with what it led to. */
  rows: LedgerTopic[];
  unitNames: Map<string, string>;
}

/** One meeting's ledger row as read: its attendance list as stored (the feature counts it as the board does). */
export type MeetingLedgerRead = Omit<LedgerMeeting, 'attendance'> & { attendance: Attendance[] };

export interface MeetingLedgerData extends Pick<MeetingLedgerOptions, 'docNumberPrefix'> {
  rows: MeetingLedgerRead[];
  unitNames: Map<string, string>;
  people: Map<string, { name: string; unitId: string }>;
}

/**
 * What the 议题台账 and 会议台账 are made of (shared/export/ledger), read in one transaction each: the list's
 * own query for the filter (topics.list / meetings.list, through their indexes), then what the rows refer
 * to by key or through an index on the rows' ids — never every row of a table the filter narrows.
 */
export interface LedgersRepository {
  topics(filter?: TopicListFilter): Promise<TopicLedgerData>;
  meetings(filter?: MeetingListFilter): Promise<MeetingLedgerData>;
  /** Records a saved ledger in the audit trail (entity 'system', action 'export'): file, row count and filter. */
  recordExport(
    kind: LedgerKind,
    fileName: string,
    detail: { rows: number; filter?: TopicListFilter | MeetingListFilter },
  ): Promise<void>;
}

// Declared here rather than in db/types.ts (which carries others' uncommitted work), as audit.ts does.
declare module '../types' {
  interface DataLayer {
    /** The 议题台账 and 会议台账 (.xlsx from the list screens): their rows and the audit of an export. */
    ledgers: LedgersRepository;
  }
}

export function createLedgersRepository(ctx: DataLayerContext, pii: PiiKeySource): LedgersRepository {
  const { db } = ctx;
  const topicsRepo = createTopicsRepository(ctx, pii);
  const meetingsRepo = createMeetingsRepository(ctx);
  const documents = createDocumentSettingsRepository(ctx);

  return {
    topics: (filter = {}) =>
      db.transaction(
        'r',
        [db.topics, db.units, db.meetings, db.disputes, db.agendaItems, db.resolutions],
        async (): Promise<TopicLedgerData> => {
          const [topics, units] = await Promise.all([topicsRepo.list(filter), db.units.toArray()]);
          const ids = (pick: (t: (typeof topics)[number]) => string | undefined) => [
            ...new Set(topics.map(pick).filter((v): v is string => v !== undefined)),
          ];
          const resolved = topics.filter((t) => t.state === 'resolved');
          const [meetings, merged, disputes, items] = await Promise.all([
            db.meetings.bulkGet(ids((t) => t.meetingId)),
            db.topics.bulkGet(ids((t) => (t.state === 'merged' ? t.mergedIntoTopicId : undefined))),
            db.disputes.bulkGet(ids((t) => (t.state === 'converted' ? t.disputeId : undefined))),
            resolved.length > 0
              ? db.agendaItems
                  .where('topicId')
                  .anyOf(resolved.map((t) => t.id))
                  .toArray()
              : Promise.resolve([]),
          ]);
          const resolutions =
            items.length > 0
              ? await db.resolutions
                  .where('agendaItemId')
                  .anyOf(items.map((i) => i.id))
                  .toArray()
              : [];
          const meetingById = new Map(meetings.filter((m) => m !== undefined).map((m) => [m.id, m]));
          const mergedById = new Map(merged.filter((m) => m !== undefined).map((m) => [m.id, m]));
          const disputeById = new Map(disputes.filter((d) => d !== undefined).map((d) => [d.id, d]));
          // Only the item of the meeting the topic went to (a deferred topic may have had an earlier one).
          const itemTopic = new Map(items.map((i) => [i.id, i]));
          const byTopic = new Map<string, { content: string }[]>();
          for (const r of resolutions) {
            const item = r.agendaItemId ? itemTopic.get(r.agendaItemId) : undefined;
            if (!item?.topicId || r.state === 'draft' || r.meetingId !== item.meetingId) continue;
            byTopic.set(item.topicId, [...(byTopic.get(item.topicId) ?? []), { content: r.content }]);
          }
          const rows = topics.map((topic): LedgerTopic => {
            const meeting = topic.meetingId ? meetingById.get(topic.meetingId) : undefined;
            const into = topic.mergedIntoTopicId ? mergedById.get(topic.mergedIntoTopicId) : undefined;
            const dispute = topic.disputeId ? disputeById.get(topic.disputeId) : undefined;
            const own = byTopic.get(topic.id);
            return {
              topic,
              ...(meeting ? { meeting } : {}),
              ...(into ? { mergedInto: { title: into.title } } : {}),
              ...(dispute ? { disputeNumber: dispute.number } : {}),
              ...(own ? { resolutions: own } : {}),
            };
          });
          return { rows, unitNames: new Map(units.map((u) => [u.id, u.name])) };
        },
      ),

    meetings: (filter = {}) =>
      db.transaction(
        'r',
        [db.meetings, db.units, db.people, db.settings, db.attendance, db.agendaItems, db.minutes, db.resolutions],
        async (): Promise<MeetingLedgerData> => {
          const [meetings, units, people, office, numbersRow] = await Promise.all([
            meetingsRepo.list(filter),
            db.units.toArray(),
            db.people.toArray(),
            documents.office(),
            db.settings.get(NOTICE_NUMBERS_KEY),
          ]);
          const ids = meetings.map((m) => m.id);
          const [attendance, items, minutes, counts] = await Promise.all([
            ids.length > 0 ? db.attendance.where('meetingId').anyOf(ids).toArray() : Promise.resolve([]),
            ids.length > 0 ? db.agendaItems.where('meetingId').anyOf(ids).toArray() : Promise.resolve([]),
            ids.length > 0 ? db.minutes.where('meetingId').anyOf(ids).toArray() : Promise.resolve([]),
            // Issued 议定事项 per meeting: two index counts each, no resolution row is read.
            Promise.all(
              ids.map(async (id) => {
                const [all, drafts] = await Promise.all([
                  db.resolutions.where('meetingId').equals(id).count(),
                  db.resolutions.where('[meetingId+state]').equals([id, 'draft']).count(),
                ]);
                return all - drafts;
              }),
            ),
          ]);
          const numbers = z.record(z.string(), noticeNumberSchema).safeParse(numbersRow?.value);
          const group = <T extends { meetingId: string }>(rows: readonly T[]) => {
            const out = new Map<string, T[]>();
            for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r]);
            return out;
          };
          const attendanceOf = group(attendance);
          const itemsOf = group(items);
          const minutesOf = new Map(minutes.map((m) => [m.meetingId, m]));
          const rows = meetings.map((meeting, i): MeetingLedgerRead => {
            const notice = numbers.success ? numbers.data[meeting.id] : undefined;
            const m = minutesOf.get(meeting.id);
            return {
              meeting,
              topicCount: (itemsOf.get(meeting.id) ?? []).filter((x) => x.kind === 'topic').length,
              attendance: attendanceOf.get(meeting.id) ?? [],
              ...(notice ? { notice } : {}),
              ...(m ? { minutes: m } : {}),
              resolutionCount: counts[i]!,
            };
          });
          return {
            rows,
            unitNames: new Map(units.map((u) => [u.id, u.name])),
            people: new Map(people.map((p) => [p.id, { name: p.name, unitId: p.unitId }])),
            ...(office?.docNumberPrefix ? { docNumberPrefix: office.docNumberPrefix } : {}),
          };
        },
      ),

    recordExport: (kind, fileName, detail) =>
      auditedWrite(ctx, [], async (audit) => {
        audit.record({
          entity: 'system',
          entityId: kind === 'topics' ? TOPIC_LEDGER_EXPORT_ID : MEETING_LEDGER_EXPORT_ID,
          action: 'export',
          before: null,
          after: {
            document: LEDGER_DOCUMENTS[kind],
            fileName,
            rows: detail.rows,
            ...(detail.filter ? { filter: detail.filter } : {}),
          },
        });
      }),
  };
}
