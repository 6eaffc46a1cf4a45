import { DomainError, placeResolutions, type TaskEvent } from '../../../../shared/domain';
import { meetingDisplayName } from '../../../../shared/domain/minutes-template';
import { getDataLayer } from '../../db';

/** 编号 of a 督办通知单: numbered per year when the 催办 is saved. */
export interface NoticeNumber {
  year: number;
  number: number;
}

/** `督办通知单-2026年第3号.docx` */
export function supervisionNoticeFileName(notice: NoticeNumber): string {
  return `督办通知单-${notice.year}年第${notice.number}号.docx`;
}

/** The number a reminder was given (stored on the event), if any. */
export function reminderNotice(e: TaskEvent): NoticeNumber | undefined {
  return e.kind === 'reminder' ? e.notice : undefined;
}

/**
 * The 督办通知单 .docx (DOCX-FORMAT.md §2.4) of one 催办 of a task, from the mapper
 * `supervisionNoticeDocument` in shared/export/docx: the task, its source (meeting, 第×期, which 议定事项 of the
 * minutes), the reminder's text as 督办要求 and its date as 交办日期, the office's contact. The docx library is
 * loaded on demand; the audit head goes into the file so a printed copy can be matched to the trail.
 */
export async function buildSupervisionNoticeDocx(resolutionId: string, eventId: string): Promise<Uint8Array> {
  const dl = getDataLayer();
  const [docx, task, units, office, anchor] = await Promise.all([
    import('../../../../shared/export/docx'),
    dl.followup.get(resolutionId),
    dl.units.list({ includeArchived: true }),
    dl.documentSettings.office(),
    dl.audit.head(),
  ]);
  if (!task) throw new DomainError('not-found', '找不到该督办任务');
  const reminder = task.events.find((e) => e.id === eventId && e.kind === 'reminder');
  if (!reminder) throw new DomainError('not-found', '找不到这次催办记录');
  const notice = reminderNotice(reminder);
  if (!notice) throw new DomainError('validation', '这次催办没有督办通知单编号');
  if (!office) throw new DomainError('validation', '请先在“会议文件”中填写发文机关（联席会议办公室）');

  const r = task.resolution;
  const name = (id: string) => units.find((u) => u.id === id)?.name ?? '（未知单位）';
  const itemNumber = task.minutesId ? await resolutionPosition(task.minutesId, r.id) : undefined;
  const contact = {
    ...(office.contactName ? { name: office.contactName } : {}),
    ...(office.contactPhone ? { phone: office.contactPhone } : {}),
  };
  const doc = docx.supervisionNoticeDocument({
    office,
    number: notice,
    date: reminder.on,
    resolution: {
      content: r.content,
      ...(r.deadline ? { deadline: r.deadline } : {}),
      ...(r.deadlineProvisional ? { deadlineProvisional: true } : {}),
      ...(r.deadlineRule ? { deadlineRule: r.deadlineRule } : {}),
    },
    leadUnitName: name(r.leadUnitId),
    coUnitNames: r.coUnitIds.map(name),
    source: {
      meetingName: meetingDisplayName(task.meeting, office.jointMeetingName),
      ...(task.issueNumber !== undefined
        ? { issueText: `${task.issueYear ?? task.meeting.year}年第${task.issueNumber}期` }
        : {}),
      ...(itemNumber !== undefined ? { itemNumber } : {}),
    },
    requirement: reminder.text,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    scheme: docx.officeScheme(office),
    ...(anchor ? { auditAnchor: anchor } : {}),
  });
  return docx.packDocx(doc);
}

/** 第几项: the resolution's place among the minutes' 议定事项 (document order). */
async function resolutionPosition(minutesId: string, resolutionId: string): Promise<number | undefined> {
  const { content } = await getDataLayer().minutes.load(minutesId);
  return placeResolutions(content, []).find((p) => p.attrs.id === resolutionId)?.index;
}
