import Dexie from 'dexie';
import {
  DomainError,
  businessDate,
  permission,
  type Resolution,
  type TaskEvent,
  type UserProfile,
} from '../../../../shared/domain';
import {
  FEEDBACK_META_KEYS,
  feedbackOutcomeText,
  feedbackTaskAction,
  formatFeedbackIssue,
  interpretFeedbackForm,
  referencedTaskIds,
  type FeedbackContext,
  type FeedbackEntry,
  type FeedbackFormSheets,
  type FeedbackIssue,
  type FeedbackMeta,
  type FeedbackTask,
} from '../../../../shared/import/feedback-form';
import { auditedWrite, readCurrentProfile, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import type { ApplyTaskActionInTransaction } from './followup';

/** One row of the import preview: the task and what will be recorded. */
export interface FeedbackPreviewRow {
  row: number;
  taskId: string;
  content: string;
  /** e.g. 报送进展（2026年11月20日，完成比例 60%） */
  outcome: string;
  text: string;
  /** Recorded by an earlier import of the same form: skipped. */
  already: boolean;
}

export type FeedbackPreview =
  | {
      ok: true;
      meta: FeedbackMeta;
      unitName: string;
      rows: FeedbackPreviewRow[];
      /** Rows that will record something. */
      toRecord: number;
      /** Rows left empty by the unit. */
      blankRows: number;
    }
  | { ok: false; issues: FeedbackIssue[] };

export interface FeedbackImportResult {
  recorded: number;
  skipped: number;
  formId: string;
}

/** Audit entity id of the exports of one unit's 任务通知 / 反馈表: `feedback-form:<form id>`. */
export const feedbackFormAuditId = (formId: string) => `feedback-form:${formId}`;

/**
 * The exchange with member units that do not use the app (issue 9 item 4): the unit's open tasks for the
 * 任务通知 and the 反馈表, the preview of a filled form, and its import — every row recorded through the
 * follow-up rules (`applyInTransaction`: permission guard, task-rules.applyTaskAction, event + audit) in ONE
 * audited transaction, each row's idempotency key stored with its event.
 */
export function createFeedbackFormOps(ctx: DataLayerContext, applyInTransaction: ApplyTaskActionInTransaction) {
  const { db } = ctx;
  const today = () => businessDate(ctx.now());
  const tables = [db.resolutions, db.taskEvents, db.units, db.attachments];

  /** Whether the actor may record 报告办结 for this unit's task (a liaison of the unit); the office may not. */
  const mayClaimDone = (actor: UserProfile | undefined, r: Resolution): boolean =>
    actor !== undefined &&
    permission(actor.role, 'task.claim_done', {
      actorUnitId: actor.unitId,
      targetUnitIds: [r.leadUnitId, ...r.coUnitIds],
    }).allowed;

  /** What the interpretation needs from the database (read inside the caller's transaction). */
  const contextFor = async (sheets: FeedbackFormSheets, unitId: string): Promise<FeedbackContext> => {
    const unit = await db.units.get(unitId);
    if (!unit) throw new DomainError('not-found', '找不到该成员单位');
    const ids = referencedTaskIds(sheets);
    const records = await db.resolutions.bulkGet(ids);
    const tasks = new Map<string, FeedbackTask>();
    for (const r of records) {
      if (!r || r.state === 'draft') continue;
      const role = r.leadUnitId === unitId ? 'lead' : r.coUnitIds.includes(unitId) ? 'co' : undefined;
      if (role) tasks.set(r.id, { resolution: r, role });
    }
    // The keys already stored: one [resolutionId+on] range per referenced task, never a scan of the events.
    const importedKeys = new Set<string>();
    const lists = await Promise.all(
      [...tasks.keys()].map((id) =>
        db.taskEvents.where('[resolutionId+on]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
      ),
    );
    for (const e of lists.flat()) if (e.importKey) importedKeys.add(e.importKey);
    const formUnitId = (sheets.meta?.[FEEDBACK_META_KEYS.unitId] ?? '').trim();
    const formUnit = formUnitId && formUnitId !== unitId ? await db.units.get(formUnitId) : undefined;
    return {
      unitId,
      unitName: unit.name,
      today: today(),
      tasks,
      importedKeys,
      unitNameOf: (id) => (formUnit && formUnit.id === id ? formUnit.name : undefined),
    };
  };

  return {
    async previewFeedbackForm(sheets: FeedbackFormSheets, unitId: string): Promise<FeedbackPreview> {
      return db.transaction('r', [...tables, db.settings, db.profiles], async () => {
        const c = await contextFor(sheets, unitId);
        const out = interpretFeedbackForm(sheets, c);
        if (!out.ok) return out;
        const actor = await readCurrentProfile(db);
        const rows = out.entries.map((e) => {
          const r = c.tasks.get(e.taskId)!.resolution;
          return {
            row: e.row,
            taskId: e.taskId,
            content: r.content,
            outcome: feedbackOutcomeText(e, mayClaimDone(actor, r)),
            text: e.text,
            already: e.already,
          };
        });
        return {
          ok: true,
          meta: out.meta,
          unitName: c.unitName,
          rows,
          toRecord: rows.filter((r) => !r.already).length,
          blankRows: out.blankRows,
        };
      });
    },

    /**
     * Records the form in ONE transaction, re-checking everything inside it; any problem → nothing written,
     * DomainError('import-invalid') naming the rows and columns. Rows recorded before (same key) are skipped.
     */
    async importFeedbackForm(
      sheets: FeedbackFormSheets,
      unitId: string,
      fileName: string,
    ): Promise<FeedbackImportResult> {
      return auditedWrite(ctx, tables, async (audit: AuditWriter) => {
        // The office records a unit's report (task.progress); a liaison only for its own unit.
        guard(audit, 'task.progress');
        const actor = audit.currentActor;
        if (actor.role === 'liaison' && actor.unitId !== unitId)
          throw new DomainError('forbidden', '联络员只能导入本单位的反馈表');
        const c = await contextFor(sheets, unitId);
        const out = interpretFeedbackForm(sheets, c);
        if (!out.ok) throw refusal(out.issues);
        let recorded = 0;
        let skipped = 0;
        for (const entry of out.entries) {
          if (entry.already) {
            skipped++;
            continue;
          }
          await recordRow(audit, entry, unitId, c, actor);
          recorded++;
        }
        audit.record({
          entity: 'system',
          entityId: feedbackFormAuditId(out.meta.formId),
          action: 'import',
          before: null,
          after: {
            document: '督办事项反馈表',
            unitId,
            fileName: fileName.trim().slice(0, 200),
            recorded,
            skipped,
            blankRows: out.blankRows,
          },
        });
        return { recorded, skipped, formId: out.meta.formId };
      });
    },

    /** Records a saved 任务通知 (.docx) or 反馈表 (.xlsx) of a unit in the audit trail. */
    recordExchangeExport(input: {
      unitId: string;
      formId: string;
      fileName: string;
      tasks: number;
      document: '任务通知' | '督办事项反馈表';
    }): Promise<void> {
      return auditedWrite(ctx, [db.units], async (audit) => {
        guard(audit, 'document.export');
        if (!(await db.units.get(input.unitId))) throw new DomainError('not-found', '找不到该成员单位');
        audit.record({
          entity: 'system',
          entityId: feedbackFormAuditId(input.formId),
          action: 'export',
          before: null,
          after: {
            document: input.document,
            unitId: input.unitId,
            fileName: input.fileName.trim().slice(0, 200),
            tasks: input.tasks,
          },
        });
      });
    },
  };

  async function recordRow(
    audit: AuditWriter,
    entry: FeedbackEntry,
    unitId: string,
    c: FeedbackContext,
    actor: UserProfile,
  ): Promise<void> {
    const before = c.tasks.get(entry.taskId)!.resolution;
    const action = feedbackTaskAction(entry, unitId, mayClaimDone(actor, before));
    try {
      await applyInTransaction(
        audit,
        entry.taskId,
        action.type,
        () => action,
        async () => ({ importKey: entry.key }) satisfies Partial<TaskEvent>,
      );
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, `第 ${entry.row} 行：${e.message}`, e.details);
      throw e;
    }
  }
}

function refusal(issues: FeedbackIssue[]): DomainError {
  const lines = issues.map(formatFeedbackIssue);
  const shown = lines.slice(0, 5).join('；');
  return new DomainError(
    'import-invalid',
    `反馈表未导入（未写入任何记录）：${shown}${lines.length > 5 ? `；另有 ${lines.length - 5} 处问题` : ''}`,
    lines,
  );
}

export type FeedbackFormOps = ReturnType<typeof createFeedbackFormOps>;
