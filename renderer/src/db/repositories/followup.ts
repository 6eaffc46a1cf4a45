import Dexie from 'dexie';
import {
  DomainError,
  OPEN_RESOLUTION_STATES,
  TASK_ACTION_LABELS,
  TASK_ACTION_PERMISSION,
  WARNED_STATES,
  applyTaskAction,
  businessDate,
  resolutionSchema,
  taskEventSchema,
  warningLevelOf,
  type Resolution,
  type ResolutionState,
  type TaskAction,
  type TaskActionName,
  type TaskEvent,
} from '../../../../shared/domain';
import { auditedWrite, readCurrentProfile, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import { parseOrThrow } from '../validation';
import type { AttachmentMeta } from '../types';
import { prepareAttachments, storeAttachment, type PreparedAttachment } from './attachments';
import { readCalendar } from './calendar';
import { withoutUndefined } from './list-helpers';
import { createFeedbackFormOps } from './feedback-form';
import { eventsOfEach } from './native-reads';
import { createTaskReads, eventOrder, MAX_DATE } from './followup-list';
import type { ApplyTaskActionInTransaction, AttentionCounts, FollowupRepository, TaskRow } from './followup-types';

export type { WarningLevel } from '../../../../shared/domain';
export type {
  ApplyTaskActionInTransaction,
  AttentionCounts,
  FollowupRepository,
  TaskDetail,
  TaskListFilter,
  TaskRow,
} from './followup-types';

/** Audit entity id of 督办事项台账 exports. */
export const FOLLOWUP_LEDGER_EXPORT_ID = 'followup-ledger';

/** Settings key of the 督办通知单 numbers: `{ [year]: last number issued }`. */
export const NOTICE_NUMBERS_KEY = 'followup.noticeNumbers';

export function createFollowupRepository(ctx: DataLayerContext): FollowupRepository {
  const { db } = ctx;
  const today = () => businessDate(ctx.now());
  // The reads (list, get, the rule profile and calendar of a call) live in followup-list.ts.
  const { readTables, readContext, list, get } = createTaskReads(db, today);

  /**
   * One action inside an open audited transaction: permission (a liaison: the task's lead or co-unit), the
   * rule, the task, its event and the audit entries. `prepare` adds fields to the event (e.g. the notice
   * number, a feedback form's idempotency key). Used by {@link act} and by the feedback-form import, which
   * records many actions in one transaction.
   */
  const applyInTransaction: ApplyTaskActionInTransaction = async (audit, id, name, build, prepare, files = []) => {
    const before = await db.resolutions.get(id);
    if (!before) throw new DomainError('not-found', '找不到该督办任务，可能已被删除');
    guard(audit, TASK_ACTION_PERMISSION[name], { targetUnitIds: [before.leadUnitId, ...before.coUnitIds] });
    if (files.length > 0) guard(audit, 'attachment.add');
    const actor = audit.currentActor;
    const action = build(actor, before);
    const calendar = await readCalendar(db);
    const at = ctx.now().toISOString();
    const out = applyTaskAction(before, action, { on: today(), at, actorName: actor.name, calendar });
    let resolution = before;
    if (out.resolution !== before) {
      resolution = toResolution(out.resolution);
      await db.resolutions.put(resolution);
      audit.record({
        entity: 'resolution',
        entityId: id,
        action: resolution.state !== before.state ? 'transition' : 'update',
        before,
        after: resolution,
        reason: TASK_ACTION_LABELS[action.type],
      });
    }
    // A liaison reports for its own unit (when it is one of the task's units).
    const ownUnit =
      actor.role === 'liaison' &&
      actor.unitId &&
      (before.leadUnitId === actor.unitId || before.coUnitIds.includes(actor.unitId))
        ? actor.unitId
        : undefined;
    const extra = prepare ? await prepare(audit, out.event) : {};
    const event = toEvent({
      ...(ownUnit ? { unitId: ownUnit } : {}),
      ...out.event,
      ...extra,
      id: ctx.newId(),
      createdAt: at,
    });
    await db.taskEvents.add(event);
    audit.record({ entity: 'taskEvent', entityId: event.id, action: 'create', before: null, after: event });
    // The event's files (报送进展, 办结报告): owner = the new event.
    for (const file of files) await storeAttachment(ctx, audit, { type: 'progress', id: event.id }, file);
    return { resolution, event };
  };

  /** One action in ONE audited transaction (see {@link applyInTransaction}). */
  const act = <T>(
    id: string,
    name: TaskActionName,
    build: (actor: { unitId?: string | undefined; role: string }, before: Resolution) => TaskAction,
    finish: (out: { resolution: Resolution; event: TaskEvent }, audit: AuditWriter) => Promise<T> | T,
    prepare?: (audit: AuditWriter, event: Omit<TaskEvent, 'id' | 'createdAt'>) => Promise<Partial<TaskEvent>>,
    files: readonly PreparedAttachment[] = [],
  ): Promise<T> =>
    auditedWrite(ctx, [db.resolutions, db.taskEvents, db.attachments], async (audit) =>
      finish(await applyInTransaction(audit, id, name, build, prepare, files), audit),
    );

  const resolutionOf = ({ resolution }: { resolution: Resolution }) => resolution;

  const unitOpenTasks: FollowupRepository['unitOpenTasks'] = async (unitId) => {
    const states = [...WARNED_STATES];
    const [led, co] = await Promise.all([list({ leadUnitId: unitId, states }), list({ coUnitId: unitId, states })]);
    const rows = [
      ...led.rows.map((r) => ({ ...r, role: 'lead' as const })),
      ...co.rows.filter((r) => r.resolution.leadUnitId !== unitId).map((r) => ({ ...r, role: 'co' as const })),
    ];
    const key = (r: TaskRow) => r.resolution.deadline ?? MAX_DATE;
    return rows.sort((a, b) => key(a).localeCompare(key(b)) || a.resolution.id.localeCompare(b.resolution.id));
  };

  return {
    list,
    get,
    unitOpenTasks,
    feedbackForms: createFeedbackFormOps(ctx, applyInTransaction),

    progress: async (id, input) => {
      // Files are read and checked before the transaction opens (it would commit while a Blob is read).
      const files = await prepareAttachments(input.attachments);
      return act(
        id,
        'progress',
        (actor) => {
          if (actor.role === 'liaison' && input.unitId !== undefined && input.unitId !== actor.unitId)
            throw new DomainError('forbidden', '联络员只能以本单位名义报送进展');
          return {
            type: 'progress',
            text: input.text,
            on: input.on,
            ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
            ...(input.percent !== undefined ? { percent: input.percent } : {}),
          };
        },
        resolutionOf,
        undefined,
        files,
      );
    },

    remind: (id, input) => {
      let notice: { year: number; number: number } | undefined;
      return act(
        id,
        'remind',
        () => ({ type: 'remind', text: input.text }),
        (out) => ({ ...out, noticeNumber: notice! }),
        async (audit, event) => {
          const year = Number(event.on.slice(0, 4));
          const row = await db.settings.get(NOTICE_NUMBERS_KEY);
          const before = isNumberMap(row?.value) ? row.value : {};
          const number = (before[String(year)] ?? 0) + 1;
          const after = { ...before, [String(year)]: number };
          await db.settings.put({ key: NOTICE_NUMBERS_KEY, value: after });
          audit.record({ entity: 'settings', entityId: NOTICE_NUMBERS_KEY, action: 'update', before, after });
          notice = { year, number };
          return { notice };
        },
      );
    },

    comment: (id, text) =>
      act(
        id,
        'comment',
        () => ({ type: 'comment', text }),
        ({ event }) => event,
      ),

    requestExtension: (id, input) =>
      act(
        id,
        'request_extension',
        () => ({ type: 'request_extension', proposedDeadline: input.proposedDeadline, reason: input.reason }),
        resolutionOf,
      ),

    decideExtension: (id, input) =>
      act(
        id,
        'decide_extension',
        () => ({
          type: 'decide_extension',
          approved: input.approved,
          ...(input.note !== undefined ? { note: input.note } : {}),
        }),
        resolutionOf,
      ),

    cannotComplete: (id, input) =>
      act(id, 'cannot_complete', () => ({ type: 'cannot_complete', reason: input.reason }), resolutionOf),

    escalate: (id, input) =>
      act(
        id,
        'escalate',
        () => ({ type: 'escalate', ...(input.note !== undefined ? { note: input.note } : {}) }),
        resolutionOf,
      ),

    claimDone: async (id, input) => {
      const files = await prepareAttachments(input.attachments);
      return act(id, 'claim_done', () => ({ type: 'claim_done', text: input.text }), resolutionOf, undefined, files);
    },

    verify: (id, input) =>
      act(id, 'verify', () => ({ type: 'verify', passed: input.passed, finding: input.finding }), resolutionOf),

    attention: () =>
      db.transaction('r', readTables, async (): Promise<AttentionCounts> => {
        const zero = {
          dueSoon: 0,
          overdue: 0,
          pendingVerification: 0,
          pendingExtensions: 0,
          minutesAwaitingSignOff: 0,
        };
        const [profile, rc] = await Promise.all([readCurrentProfile(db), readContext()]);
        if (!profile) return zero;
        const { overdueBefore, dueSoonBefore } = rc.bounds;
        const open = (r: Resolution) => OPEN_RESOLUTION_STATES.includes(r.state);
        // Counts run side by side in the one transaction; the few pending extensions are read in one getAll
        // and filtered here (a filtered count would step a cursor through them one request at a time).
        const pending = () => db.resolutions.where('extension.state').equals('pending').toArray();
        const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
        if (profile.role === 'liaison') {
          const unit = profile.unitId;
          if (!unit) return zero;
          const range = (s: ResolutionState, from: unknown, to: unknown) =>
            db.resolutions
              .where('[leadUnitId+state+deadline]')
              .between([unit, s, from], [unit, s, to], true, false)
              .count();
          const [overdue, dueSoon, pendingVerification, coHandled, extensions] = await Promise.all([
            Promise.all(WARNED_STATES.map((s) => range(s, Dexie.minKey, overdueBefore))).then(sum),
            Promise.all(WARNED_STATES.map((s) => range(s, overdueBefore, dueSoonBefore))).then(sum),
            db.resolutions.where('[leadUnitId+state]').equals([unit, 'done_pending_verification']).count(),
            // Co-handled tasks (multi-entry index: a unit co-handles far fewer tasks than exist).
            db.resolutions.where('coUnitIds').equals(unit).toArray(),
            pending(),
          ]);
          const counts = { ...zero, overdue, dueSoon, pendingVerification };
          for (const r of coHandled) {
            if (r.leadUnitId === unit) continue;
            const level = warningLevelOf(r, rc.bounds);
            if (level === 'overdue') counts.overdue++;
            if (level === 'due_soon') counts.dueSoon++;
            if (r.state === 'done_pending_verification') counts.pendingVerification++;
          }
          counts.pendingExtensions = extensions.filter(
            (r) => open(r) && (r.leadUnitId === unit || r.coUnitIds.includes(unit)),
          ).length;
          return counts;
        }
        const range = (s: ResolutionState, from: unknown, to: unknown) =>
          db.resolutions.where('[state+deadline]').between([s, from], [s, to], true, false).count();
        const signOff = profile.role === 'office_staff' || profile.role === 'convener';
        const [overdue, dueSoon, pendingVerification, extensions, minutesAwaitingSignOff] = await Promise.all([
          Promise.all(WARNED_STATES.map((s) => range(s, Dexie.minKey, overdueBefore))).then(sum),
          Promise.all(WARNED_STATES.map((s) => range(s, overdueBefore, dueSoonBefore))).then(sum),
          db.resolutions.where('state').equals('done_pending_verification').count(),
          pending(),
          signOff ? db.minutes.where('state').equals('review').count() : 0,
        ]);
        return {
          overdue,
          dueSoon,
          pendingVerification,
          pendingExtensions: extensions.filter(open).length,
          minutesAwaitingSignOff,
        };
      }),

    events: (resolutionIds) =>
      db.transaction('r', [db.taskEvents], async () => {
        const ids = [...new Set(resolutionIds)];
        const lists = await eventsOfEach(db, ids);
        return new Map(ids.map((id, i) => [id, lists[i]!.sort(eventOrder)]));
      }),

    recordLedgerExport: (fileName, counts) =>
      auditedWrite(ctx, [db.resolutions], async (audit) => {
        audit.record({
          entity: 'system',
          entityId: FOLLOWUP_LEDGER_EXPORT_ID,
          action: 'export',
          before: null,
          after: { document: '督办事项台账', fileName, rows: counts.tasks, events: counts.events },
        });
      }),

    eventAttachments: (resolutionId) =>
      db.transaction('r', [db.taskEvents, db.attachments], async () => {
        const events = await db.taskEvents
          .where('[resolutionId+on]')
          .between([resolutionId, Dexie.minKey], [resolutionId, Dexie.maxKey])
          .toArray();
        // Only these kinds carry files; one index range per event, never a scan.
        const owners = events.filter((e) => e.kind === 'progress' || e.kind === 'completion').sort(eventOrder);
        const lists = await Promise.all(
          owners.map((e) => db.attachments.where('[ownerType+ownerId]').equals(['progress', e.id]).toArray()),
        );
        const out = new Map<string, AttachmentMeta[]>();
        owners.forEach((e, i) => {
          const files = lists[i]!.map(({ data: _content, ...meta }) => meta as AttachmentMeta).sort(
            (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
          );
          if (files.length > 0) out.set(e.id, files);
        });
        return out;
      }),

    recordNoticeExport: (resolutionId, eventId, fileName) =>
      auditedWrite(ctx, [db.resolutions, db.taskEvents], async (audit) => {
        const r = await db.resolutions.get(resolutionId);
        if (!r) throw new DomainError('not-found', '找不到该督办任务，可能已被删除');
        const e = await db.taskEvents.get(eventId);
        if (!e || e.resolutionId !== resolutionId || e.kind !== 'reminder')
          throw new DomainError('not-found', '找不到这次催办记录');
        if (!e.notice) throw new DomainError('validation', '这次催办没有督办通知单编号');
        audit.record({
          entity: 'resolution',
          entityId: resolutionId,
          action: 'export',
          before: null,
          after: {
            document: '督办通知单',
            fileName: fileName.trim(),
            eventId,
            notice: { year: e.notice.year, number: e.notice.number },
            on: e.on,
          },
        });
      }),
  };
}

function isNumberMap(v: unknown): v is Record<string, number> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  );
}

function toResolution(candidate: Resolution): Resolution {
  return withoutUndefined(
    parseOrThrow(resolutionSchema, candidate, {
      content: '议定事项内容',
      leadUnitId: '牵头单位',
      deadline: '完成时限',
    }),
  );
}

function toEvent(candidate: TaskEvent): TaskEvent {
  return withoutUndefined(parseOrThrow(taskEventSchema, candidate, { text: '内容', on: '日期', percent: '完成比例' }));
}
