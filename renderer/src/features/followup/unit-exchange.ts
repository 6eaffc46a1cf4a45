import { DomainError, formatChineseDate, meetingDisplayName } from '../../../../shared/domain';
import type { MeetingDocOffice } from '../../../../shared/export/docx/meeting-doc-model';
import { supervisionDeadlineText, supervisionSourceText } from '../../../../shared/export/docx/supervision-notice';
import type { FeedbackFormInput, FeedbackFormSheets } from '../../../../shared/import/feedback-form';
import { getDataLayer } from '../../db';
import type { TaskRow } from '../../db/repositories/followup';

/**
 * Member units without the app (督办 → 成员单位反馈): per unit, the 督办任务通知 (.docx) and the 督办事项办理情况反馈表
 * (.xlsx) listing its open tasks, both built from the same rows (`followup.unitOpenTasks`), and reading a filled
 * form back through the guarded .xlsx path. docx, exceljs and the readers are loaded on demand.
 */

export type UnitTask = TaskRow & { role: 'lead' | 'co' };

/** `督办任务通知-区市场监管局-20261122.docx` / `督办事项反馈表-区市场监管局-20261122.xlsx` */
export function unitExchangeFileName(kind: 'notice' | 'form', unitName: string, date: string): string {
  const safe = unitName.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '成员单位';
  const day = date.replaceAll('-', '');
  return kind === 'notice' ? `督办任务通知-${safe}-${day}.docx` : `督办事项反馈表-${safe}-${day}.xlsx`;
}

interface Sources {
  office: MeetingDocOffice;
  unitName: string;
  unitNames: Map<string, string>;
  tasks: UnitTask[];
}

async function sources(unitId: string): Promise<Sources> {
  const dl = getDataLayer();
  const [office, units, tasks] = await Promise.all([
    dl.documentSettings.office(),
    dl.units.list({ includeArchived: true }),
    dl.followup.unitOpenTasks(unitId),
  ]);
  if (!office) throw new DomainError('validation', '请先在“会议文件”中填写发文机关（联席会议办公室）');
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const unitName = unitNames.get(unitId);
  if (!unitName) throw new DomainError('not-found', '找不到该成员单位');
  return { office, unitName, unitNames, tasks };
}

/** 城关镇……联席会议2026年第三次会议纪要（2026年第3期） */
function sourceText(t: UnitTask, office: MeetingDocOffice): string {
  return supervisionSourceText({
    meetingName: meetingDisplayName(t.meeting, office.jointMeetingName),
    ...(t.issueNumber !== undefined ? { issueText: `${t.issueYear ?? t.meeting.year}年第${t.issueNumber}期` } : {}),
  });
}

/** The 督办任务通知 of one unit, dated `date`, asking for feedback by `feedbackBy`. */
export async function buildUnitNoticeDocx(unitId: string, date: string, feedbackBy?: string): Promise<Uint8Array> {
  const [docx, s, anchor] = await Promise.all([
    import('../../../../shared/export/docx'),
    sources(unitId),
    getDataLayer().audit.head(),
  ]);
  const { office } = s;
  const doc = docx.unitTaskNoticeDocument({
    office,
    unitName: s.unitName,
    date,
    ...(feedbackBy ? { feedbackBy } : {}),
    tasks: s.tasks.map((t) => {
      const r = t.resolution;
      return {
        content: r.content,
        sourceText: sourceText(t, office),
        role: t.role,
        ...(t.role === 'co' ? { leadUnitName: s.unitNames.get(r.leadUnitId) ?? '' } : {}),
        deadlineText: r.deadline
          ? `${formatChineseDate(r.deadline)}${r.deadlineProvisional ? '（暂定）' : ''}`
          : '见会议纪要',
        ...(r.feedback ? { feedbackText: r.feedback } : {}),
      };
    }),
    contact: {
      ...(office.contactName ? { name: office.contactName } : {}),
      ...(office.contactPhone ? { phone: office.contactPhone } : {}),
    },
    scheme: docx.officeScheme(office),
    ...(anchor ? { auditAnchor: anchor } : {}),
  });
  return docx.packDocx(doc);
}

/** The 反馈表 of one unit: its open tasks, bound to this form by `formId`. */
export async function buildUnitFeedbackForm(
  unitId: string,
  formId: string,
  date: string,
  feedbackBy?: string,
): Promise<{ bytes: Uint8Array; tasks: number; unitName: string }> {
  const [{ buildFeedbackFormWorkbook }, s] = await Promise.all([
    import('../../lib/xlsx/feedback-form-workbook'),
    sources(unitId),
  ]);
  const input: FeedbackFormInput = {
    formId,
    unitId,
    unitName: s.unitName,
    issuedOn: date,
    ...(feedbackBy ? { feedbackBy } : {}),
    officeName: s.office.name,
    tasks: s.tasks.map((t) => {
      const r = t.resolution;
      return {
        taskId: r.id,
        role: t.role,
        content: r.content,
        sourceText: sourceText(t, s.office),
        deadlineText: supervisionDeadlineText({
          content: r.content,
          ...(r.deadline ? { deadline: r.deadline } : {}),
          ...(r.deadlineProvisional ? { deadlineProvisional: true } : {}),
        }),
        feedbackText: r.feedback?.trim() || '办理时限届满前书面反馈办理情况',
        ...(r.issuedOn ? { issuedOn: r.issuedOn } : {}),
      };
    }),
  };
  return { bytes: await buildFeedbackFormWorkbook(input), tasks: s.tasks.length, unitName: s.unitName };
}

/** A filled form as plain cells, through the guarded path (size cap, zip limits, row caps). */
export async function readFilledFeedbackForm(bytes: Uint8Array, fileName?: string): Promise<FeedbackFormSheets> {
  const { readFeedbackFormWorkbook } = await import('../../lib/xlsx/read-feedback-form');
  return readFeedbackFormWorkbook(bytes, fileName === undefined ? {} : { fileName });
}
