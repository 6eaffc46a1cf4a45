import {
  DomainError,
  MINUTES_ACTION_LABELS,
  MINUTES_ACTION_PERMISSION,
  MINUTES_STATE_LABELS,
  businessDate,
  isHeldOrLater,
  isMinutesEditable,
  meetingStateForMinutes,
  minutesSchema,
  minutesVersionSchema,
  nextIssueNumber,
  placeResolutions,
  planResolutionSync,
  recordFieldsOf,
  resolutionProblems,
  resolutionSchema,
  resolveDeadline,
  taskEventSchema,
  transitionMinutes,
  type Meeting,
  type Minutes,
  type MinutesAction,
  type MinutesVersion,
  type Resolution,
  type TaskEvent,
} from '../../../../shared/domain';
import { buildMinutesDraft } from '../../../../shared/domain/minutes-template';
import type { MinutesDoc } from '../../../../shared/editor/document';
import { minutesContentHash } from '../../../../shared/editor/hash';
import { cleanMinutesDoc, type QuarantineEntry } from '../../../../shared/editor/schema';
import { docToPlainText } from '../../../../shared/editor/text';
import { auditedWrite, type AuditWriter, type DataLayerContext } from '../audited-write';
import { guard } from '../permission-guard';
import { parseOrThrow } from '../validation';
import { readCalendar } from './calendar';
import { DOCUMENT_OFFICE_KEY } from './document-settings';
import { withoutUndefined } from './list-helpers';
import { markTopicsResolved } from './meetings';
import { readMinutesWording } from './minutes-template';
import { loadReportTableMapper, reportSections } from './minutes-report';
import { meetingDocOfficeSchema } from '../../../../shared/export/docx/meeting-doc-model';

/** The `drafts` row entity of unsaved minutes text (autosave; not audited, RELIABILITY DUR-9). */
export const MINUTES_DRAFT_ENTITY = 'minutes';

export interface MinutesDraftRow {
  content: MinutesDoc;
  updatedAt: string;
  /** The record's content hash the draft was started from (a draft over an older base is still shown). */
  baseHash?: string;
}

export interface SaveResult {
  minutes: Minutes;
  /** The document as stored: differs from the input when a resolution was re-numbered or content quarantined. */
  content: MinutesDoc;
  changed: boolean;
  quarantine: QuarantineEntry[];
}

export interface MinutesRepository {
  forMeeting(meetingId: string): Promise<Minutes | undefined>;
  get(id: string): Promise<Minutes | undefined>;
  /**
   * The minutes of a held meeting, created from the template the first time (meeting → 纪要起草, one
   * transaction). Refused before the meeting is held.
   */
  ensureForMeeting(meetingId: string): Promise<Minutes>;
  /** The content check on load: the stored document cleaned, with what was quarantined. */
  load(id: string): Promise<{ minutes: Minutes; content: MinutesDoc; quarantine: QuarantineEntry[] }>;
  /** Autosave: unaudited, only while the minutes are editable. */
  saveDraft(id: string, content: unknown): Promise<void>;
  draft(id: string): Promise<MinutesDraftRow | undefined>;
  discardDraft(id: string): Promise<void>;
  /**
   * Saves the text into the record and keeps the resolution records in step with the document's
   * resolution nodes — all in one audited transaction (content hash + summary, not the text).
   */
  save(id: string, content: unknown, summary?: string): Promise<SaveResult>;
  /** A named snapshot (保存版本). */
  saveVersion(id: string, summary?: string): Promise<MinutesVersion>;
  versions(id: string): Promise<MinutesVersion[]>;
  /** Restore = a new version with the old content (only while editable). */
  restore(id: string, versionId: string): Promise<Minutes>;
  /** 送审 / 退回修改 / 签发 / 印发 / 更正. Issuing creates the follow-up tasks. */
  act(id: string, action: MinutesAction, o?: { comment?: string; reason?: string }): Promise<Minutes>;
  resolutions(id: string): Promise<Resolution[]>;
  recordExport(id: string, fileName: string): Promise<void>;
}

const LABELS = { content: '纪要内容', state: '状态' };

export function createMinutesRepository(ctx: DataLayerContext): MinutesRepository {
  const { db } = ctx;
  const today = () => businessDate(ctx.now());

  const audited = <T>(fn: (audit: AuditWriter) => Promise<T>) =>
    auditedWrite(
      ctx,
      [
        db.minutes,
        db.minutesVersions,
        db.resolutions,
        db.taskEvents,
        db.meetings,
        db.topics,
        db.drafts,
        db.agendaItems,
        db.attendance,
        db.people,
        db.units,
      ],
      fn,
    );

  const addVersion = async (
    audit: AuditWriter,
    m: Minutes,
    cause: NonNullable<MinutesVersion['cause']>,
    summary: string,
    reason?: string,
  ): Promise<MinutesVersion> => {
    const actor = audit.currentActor;
    const v = withoutUndefined(
      minutesVersionSchema.parse({
        id: ctx.newId(),
        minutesId: m.id,
        version: m.version,
        content: m.content,
        contentHash: m.contentHash,
        cause,
        summary,
        reason,
        authorProfileId: actor.id,
        authorName: actor.name,
        state: m.state,
        createdAt: ctx.now().toISOString(),
      }),
    );
    await db.minutesVersions.add(v);
    return v;
  };

  /** The meeting follows its minutes (one lifecycle): 纪要起草 / 已签发 / 已印发. */
  const syncMeeting = async (audit: AuditWriter, m: Minutes): Promise<void> => {
    const before = await db.meetings.get(m.meetingId);
    if (!before) throw new DomainError('not-found', '找不到该会议纪要所属的会议');
    // During a correction the issued minutes stand until the corrected version is re-issued.
    if (m.issuedOn && m.state !== 'issued' && before.state === 'issued') return;
    const state = meetingStateForMinutes(m.state);
    if (before.state === state) return;
    const after: Meeting = { ...before, state, updatedAt: ctx.now().toISOString() };
    await db.meetings.put(after);
    audit.record({
      entity: 'meeting',
      entityId: after.id,
      action: 'transition',
      before,
      after,
      reason: `会议纪要${MINUTES_STATE_LABELS[m.state]}`,
    });
  };

  const mustGet = async (id: string): Promise<Minutes> => {
    const m = await db.minutes.get(id);
    if (!m) throw new DomainError('not-found', '找不到该会议纪要，可能已被删除');
    return m;
  };

  const assertEditable = (m: Minutes, what: string) => {
    if (!isMinutesEditable(m)) {
      throw new DomainError(
        'invalid-transition',
        `会议纪要处于“${MINUTES_STATE_LABELS[m.state]}”状态，不能${what}；如需修改，请先退回修改或更正`,
      );
    }
  };

  /** Writes `content` into the record and the resolution records (inside the caller's transaction). */
  const writeContent = async (
    audit: AuditWriter,
    before: Minutes,
    input: unknown,
    summary: string,
  ): Promise<SaveResult> => {
    const cleaned = cleanMinutesDoc(input);
    let content = cleaned.doc;
    const agenda = await db.agendaItems.where('meetingId').equals(before.meetingId).toArray();
    const records = await db.resolutions.where('minutesId').equals(before.id).toArray();
    // A node copied from other minutes carries that record's id: it becomes a new resolution here.
    const mine = new Set(records.map((r) => r.id));
    const seen = new Set<string>();
    let renumbered = false;
    const blocks = [];
    for (const node of content.content) {
      if (node.type === 'resolution') {
        const taken =
          seen.has(node.attrs.id) || (!mine.has(node.attrs.id) && (await db.resolutions.get(node.attrs.id)));
        if (taken) {
          renumbered = true;
          const fresh = { ...node, attrs: { ...node.attrs, id: ctx.newId() } };
          seen.add(fresh.attrs.id);
          blocks.push(fresh);
          continue;
        }
        seen.add(node.attrs.id);
      }
      blocks.push(node);
    }
    if (renumbered) content = { type: 'doc', content: blocks };

    const hash = minutesContentHash(content);
    const placed = placeResolutions(content, agenda);
    const plan = planResolutionSync(placed, records);
    if (plan.orphanedTasks.length > 0) {
      throw new DomainError(
        'conflict',
        `已印发的议定事项不能在更正中删除：${plan.orphanedTasks.map((r) => `“${r.content.slice(0, 20)}”`).join('、')}。` +
          '如确已不需办理，请在督办中说明不能办结的原因。',
      );
    }
    const at = ctx.now().toISOString();
    for (const p of plan.add) {
      const r = toResolution({
        id: p.attrs.id,
        createdAt: at,
        updatedAt: at,
        meetingId: before.meetingId,
        minutesId: before.id,
        state: 'draft',
        ...recordFieldsOf(p),
      });
      await db.resolutions.add(r);
      audit.record({ entity: 'resolution', entityId: r.id, action: 'create', before: null, after: r });
    }
    for (const { before: r, placed: p } of plan.update) {
      // An issued task changes only when a corrected version is re-issued (then the change is recorded on it).
      if (r.state !== 'draft') continue;
      const { feedback: _f, agendaItemId: _a, deadlineRule: _d, ...kept } = r;
      const fields = recordFieldsOf(p);
      const after = toResolution({
        ...kept,
        ...fields,
        updatedAt: at,
      });
      await db.resolutions.put(after);
      audit.record({ entity: 'resolution', entityId: r.id, action: 'update', before: r, after });
    }
    for (const r of plan.remove) {
      await db.resolutions.delete(r.id);
      audit.record({ entity: 'resolution', entityId: r.id, action: 'delete', before: r, after: null });
    }

    const changed = hash !== before.contentHash;
    let minutes = before;
    if (changed) {
      minutes = toMinutes({ ...before, content, contentHash: hash, updatedAt: at });
      await db.minutes.put(minutes);
      audit.record({
        entity: 'minutes',
        entityId: before.id,
        action: 'update',
        before: brief(before),
        after: { ...brief(minutes), summary, characters: docToPlainText(content).length },
      });
    }
    await db.drafts.delete(before.id);
    return { minutes, content, changed: changed || renumbered, quarantine: cleaned.quarantined };
  };

  /** 印发: every resolution becomes a task (未启动) with its deadline; a re-issue records what changed. */
  const issueTasks = async (audit: AuditWriter, m: Minutes, on: string): Promise<void> => {
    const calendar = await readCalendar(db);
    const records = await db.resolutions.where('minutesId').equals(m.id).toArray();
    const placed = placeResolutions(
      m.content as MinutesDoc,
      await db.agendaItems.where('meetingId').equals(m.meetingId).toArray(),
    );
    const byId = new Map(placed.map((p) => [p.attrs.id, p]));
    const units = new Set((await db.units.toArray()).map((u) => u.id));
    const problems = resolutionProblems(placed, units);
    if (problems.length > 0) throw new DomainError('validation', `不能印发：${problems.slice(0, 5).join('；')}`);
    const at = ctx.now().toISOString();
    const topicIds = new Set<string>();
    for (const r of records) {
      const p = byId.get(r.id);
      if (!p) continue;
      const fields = recordFieldsOf(p);
      const rule = fields.deadlineRule;
      if (!rule) continue;
      if (r.agendaItemId ?? fields.agendaItemId) {
        const item = await db.agendaItems.get((fields.agendaItemId ?? r.agendaItemId) as string);
        if (item?.topicId) topicIds.add(item.topicId);
      }
      if (r.state === 'draft') {
        const due = resolveDeadline(rule, on, calendar);
        const { feedback: _f, agendaItemId: _a, deadlineRule: _d, ...kept } = r;
        const after = toResolution({
          ...kept,
          ...fields,
          state: 'not_started',
          issuedOn: on,
          deadline: due.date,
          deadlineProvisional: due.provisional || undefined,
          updatedAt: at,
        });
        await db.resolutions.put(after);
        audit.record({
          entity: 'resolution',
          entityId: r.id,
          action: 'transition',
          before: r,
          after,
          reason: '会议纪要印发，转为督办任务',
        });
        continue;
      }
      // Re-issue after a correction: the task keeps its state and history; what changed is recorded on it.
      const due = resolveDeadline(rule, r.issuedOn ?? on, calendar);
      const deadlineChanged =
        JSON.stringify(r.deadlineRule ?? null) !== JSON.stringify(rule) && due.date !== r.deadline;
      const contentChanged =
        r.content !== fields.content ||
        r.leadUnitId !== fields.leadUnitId ||
        JSON.stringify(r.coUnitIds) !== JSON.stringify(fields.coUnitIds) ||
        (r.feedback ?? '') !== (fields.feedback ?? '');
      if (!deadlineChanged && !contentChanged && JSON.stringify(r.deadlineRule ?? null) === JSON.stringify(rule))
        continue;
      const { feedback: _f, agendaItemId: _a, deadlineRule: _d, ...kept } = r;
      const after = toResolution({
        ...kept,
        ...fields,
        ...(deadlineChanged ? { deadline: due.date, deadlineProvisional: due.provisional || undefined } : {}),
        updatedAt: at,
      });
      await db.resolutions.put(after);
      const reason = `会议纪要更正：${m.correctionReason ?? ''}`.trim();
      audit.record({ entity: 'resolution', entityId: r.id, action: 'update', before: r, after, reason });
      const event = toEvent({
        id: ctx.newId(),
        resolutionId: r.id,
        kind: deadlineChanged ? 'deadline_change' : 'comment',
        on,
        text: deadlineChanged
          ? `会议纪要更正，完成时限由${r.deadline ?? '（未定）'}改为${due.date}${due.provisional ? '（暂定）' : ''}。${m.correctionReason ?? ''}`
          : `会议纪要更正，议定事项内容已修改。${m.correctionReason ?? ''}`,
        ...(deadlineChanged ? { newDeadline: due.date } : {}),
        createdAt: at,
      });
      await db.taskEvents.add(event);
      audit.record({ entity: 'taskEvent', entityId: event.id, action: 'create', before: null, after: event });
    }
    await markTopicsResolved(ctx, audit, m.meetingId, [...topicIds]);
  };

  return {
    forMeeting: (meetingId) => db.minutes.where('meetingId').equals(meetingId).first(),
    get: (id) => db.minutes.get(id),

    async ensureForMeeting(meetingId) {
      const existing = await db.minutes.where('meetingId').equals(meetingId).first();
      if (existing) return existing;
      // The 落实情况通报 table's mapper, loaded before the transaction (see loadReportTableMapper).
      const reportTable = await loadReportTableMapper();
      return audited(async (audit) => {
        guard(audit, 'minutes.draft');
        const again = await db.minutes.where('meetingId').equals(meetingId).first();
        if (again) return again;
        const meeting = await db.meetings.get(meetingId);
        if (!meeting) throw new DomainError('not-found', '找不到该会议，可能已被删除');
        if (meeting.state === 'cancelled') throw new DomainError('invalid-transition', '会议已取消，没有会议纪要');
        if (!isHeldOrLater(meeting)) {
          throw new DomainError('invalid-transition', '会议召开后才能起草会议纪要；请先将会议标记为已召开');
        }
        const [agenda, attendance, people, units, officeRow, wording] = await Promise.all([
          db.agendaItems.where('meetingId').equals(meetingId).toArray(),
          db.attendance.where('meetingId').equals(meetingId).toArray(),
          db.people.toArray(),
          db.units.toArray(),
          db.settings.get(DOCUMENT_OFFICE_KEY),
          readMinutesWording(db),
        ]);
        agenda.sort((a, b) => a.order - b.order);
        const office = meetingDocOfficeSchema.safeParse(officeRow?.value);
        const content = buildMinutesDraft({
          meeting,
          agenda,
          attendance,
          people,
          units,
          chair: meeting.chairPersonId ? people.find((p) => p.id === meeting.chairPersonId) : undefined,
          officeName: office.success ? office.data.name : '联席会议办公室',
          // Before the office has filled in its names the 导语 says “主持召开2026年第二次会议”, not the office's name.
          jointMeetingName: office.success ? office.data.jointMeetingName : '',
          wording,
          sections: await reportSections(db, meeting, agenda, reportTable),
        });
        const at = ctx.now().toISOString();
        const minutes = toMinutes({
          id: ctx.newId(),
          createdAt: at,
          updatedAt: at,
          meetingId,
          state: 'draft',
          content,
          contentHash: minutesContentHash(content),
          version: 1,
        });
        await db.minutes.add(minutes);
        audit.record({
          entity: 'minutes',
          entityId: minutes.id,
          action: 'create',
          before: null,
          after: brief(minutes),
        });
        await addVersion(audit, minutes, 'created', '由模板生成');
        await syncMeeting(audit, minutes);
        return minutes;
      });
    },

    async load(id) {
      const minutes = await mustGet(id);
      const cleaned = cleanMinutesDoc(minutes.content);
      return { minutes, content: cleaned.doc, quarantine: cleaned.quarantined };
    },

    async saveDraft(id, content) {
      const doc = cleanMinutesDoc(content).doc;
      await db.transaction('rw', [db.minutes, db.drafts], async () => {
        const m = await mustGet(id);
        assertEditable(m, '修改');
        const row: MinutesDraftRow = { content: doc, updatedAt: ctx.now().toISOString(), baseHash: m.contentHash };
        await db.drafts.put({ id, entity: MINUTES_DRAFT_ENTITY, content: row, updatedAt: row.updatedAt });
      });
    },

    async draft(id) {
      const row = await db.drafts.get(id);
      if (!row || row.entity !== MINUTES_DRAFT_ENTITY) return undefined;
      const value = row.content as Partial<MinutesDraftRow> | undefined;
      if (!value || typeof value !== 'object' || !value.content) return undefined;
      return {
        content: cleanMinutesDoc(value.content).doc,
        updatedAt: row.updatedAt,
        ...(value.baseHash ? { baseHash: value.baseHash } : {}),
      };
    },

    discardDraft: (id) => db.drafts.delete(id),

    async save(id, content, summary = '保存') {
      return audited(async (audit) => {
        guard(audit, 'minutes.draft');
        const before = await mustGet(id);
        assertEditable(before, '修改');
        return writeContent(audit, before, content, summary);
      });
    },

    async saveVersion(id, summary) {
      return audited(async (audit) => {
        guard(audit, 'minutes.draft');
        const before = await mustGet(id);
        const m = toMinutes({ ...before, version: before.version + 1, updatedAt: ctx.now().toISOString() });
        await db.minutes.put(m);
        const v = await addVersion(audit, m, 'manual', summary?.trim() || `第 ${m.version} 版`);
        audit.record({
          entity: 'minutes',
          entityId: id,
          action: 'update',
          before: brief(before),
          after: { ...brief(m), summary: v.summary },
        });
        return v;
      });
    },

    versions: async (id) =>
      (await db.minutesVersions.where('minutesId').equals(id).toArray()).sort((a, b) => b.version - a.version),

    async restore(id, versionId) {
      return audited(async (audit) => {
        guard(audit, 'minutes.draft');
        const before = await mustGet(id);
        assertEditable(before, '恢复历史版本');
        const v = await db.minutesVersions.get(versionId);
        if (!v || v.minutesId !== id) throw new DomainError('not-found', '找不到该版本');
        const { minutes } = await writeContent(audit, before, v.content, `恢复自第 ${v.version} 版`);
        const m = toMinutes({ ...minutes, version: before.version + 1, updatedAt: ctx.now().toISOString() });
        await db.minutes.put(m);
        await addVersion(audit, m, 'restore', `恢复自第 ${v.version} 版`);
        audit.record({
          entity: 'minutes',
          entityId: id,
          action: 'update',
          before: brief(minutes),
          after: { ...brief(m), restoredFrom: v.version },
        });
        return m;
      });
    },

    async act(id, action, o = {}) {
      return audited(async (audit) => {
        guard(audit, MINUTES_ACTION_PERMISSION[action]);
        let before = await mustGet(id);
        // A pending autosave belongs to the text being sent on: save it first, in this transaction.
        if (action === 'submit') {
          const draft = await db.drafts.get(id);
          const draftDoc = (draft?.content as Partial<MinutesDraftRow> | undefined)?.content;
          if (draftDoc) before = (await writeContent(audit, before, draftDoc, '送审前保存')).minutes;
          const placed = placeResolutions(
            before.content as MinutesDoc,
            await db.agendaItems.where('meetingId').equals(before.meetingId).toArray(),
          );
          const problems = resolutionProblems(placed, new Set((await db.units.toArray()).map((u) => u.id)));
          if (problems.length > 0) throw new DomainError('validation', `不能送审：${problems.slice(0, 5).join('；')}`);
        }
        const on = today();
        const actor = audit.currentActor;
        const issueNumber =
          action === 'issue' && before.issueNumber === undefined
            ? nextIssueNumber(
                await db.minutes
                  .where('issueYear')
                  .equals(Number(on.slice(0, 4)))
                  .toArray(),
                Number(on.slice(0, 4)),
              )
            : undefined;
        const next = transitionMinutes(before, action, {
          on,
          at: ctx.now().toISOString(),
          actor: { id: actor.id, name: actor.name },
          ...(o.comment !== undefined ? { comment: o.comment } : {}),
          ...(o.reason !== undefined ? { reason: o.reason } : {}),
          ...(issueNumber !== undefined ? { issueNumber } : {}),
        });
        const m = toMinutes({ ...next, version: before.version + 1 });
        if (action === 'issue') {
          const clash = await db.minutes
            .where('[issueYear+issueNumber]')
            .equals([m.issueYear as number, m.issueNumber as number])
            .first();
          if (clash && clash.id !== m.id)
            throw new DomainError('conflict', `${m.issueYear}年第${m.issueNumber}期已被其他会议纪要使用`);
        }
        await db.minutes.put(m);
        const summary =
          action === 'issue'
            ? `${MINUTES_ACTION_LABELS[action]}（${m.issueYear}年第${m.issueNumber}期）`
            : MINUTES_ACTION_LABELS[action];
        await addVersion(audit, m, action === 'correct' ? 'correction' : 'state', summary, o.reason ?? o.comment);
        audit.record({
          entity: 'minutes',
          entityId: id,
          action: 'transition',
          before: brief(before),
          after: brief(m),
          ...((o.comment ?? o.reason)?.trim() ? { reason: (o.comment ?? o.reason)!.trim() } : {}),
        });
        if (action === 'issue') await issueTasks(audit, m, m.issuedOn ?? on);
        await syncMeeting(audit, m);
        return m;
      });
    },

    resolutions: (id) => db.resolutions.where('minutesId').equals(id).toArray(),

    async recordExport(id, fileName) {
      await auditedWrite(ctx, [db.minutes], async (audit) => {
        const m = await mustGet(id);
        audit.record({
          entity: 'minutes',
          entityId: id,
          action: 'export',
          before: null,
          after: { document: '会议纪要', fileName, version: m.version, contentHash: m.contentHash },
        });
      });
    },
  };
}

/** What the audit trail keeps of a minutes record: everything but the text (its hash stands for it). */
function brief(m: Minutes): Omit<Minutes, 'content'> {
  const { content: _c, ...rest } = m;
  return rest;
}

function toMinutes(candidate: Minutes): Minutes {
  return withoutUndefined(parseOrThrow(minutesSchema, candidate, LABELS));
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
  return withoutUndefined(taskEventSchema.parse(candidate));
}
