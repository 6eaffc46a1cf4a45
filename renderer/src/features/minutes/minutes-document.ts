import { DomainError, type Meeting, type Minutes } from '../../../../shared/domain';
import { meetingSessionName } from '../../../../shared/domain/minutes-template';
import type { MinutesDoc } from '../../../../shared/editor/document';
import { getDataLayer } from '../../db';
import { todayIso } from '../../ui';

/** 分送 line of the 版记 when the office has not named the recipients. */
export const DEFAULT_DISTRIBUTION = '联席会议各成员单位';

/** `会议纪要-2026年第三次会议（第5期）.docx` (characters a file system refuses are replaced). */
export function minutesFileName(
  meeting: Pick<Meeting, 'year' | 'sequence' | 'kind'>,
  m: Pick<Minutes, 'issueNumber' | 'state'>,
): string {
  const number = m.issueNumber ? `（第${m.issueNumber}期）` : m.state === 'issued' ? '' : '（草稿）';
  return `会议纪要-${meetingSessionName(meeting)}${number}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}

/**
 * The 纪要 .docx of the minutes as they are now (the text being edited when `content` is given). The docx
 * library is loaded on demand; the audit head goes into the file so a printed copy can be matched to the
 * trail (AUD-3). Before 印发 the header says （草稿） and the date is today's.
 */
export async function buildMinutesDocx(minutesId: string, content?: MinutesDoc): Promise<Uint8Array> {
  const dl = getDataLayer();
  const [docx, loaded, units, office, anchor] = await Promise.all([
    import('../../../../shared/export/docx'),
    dl.minutes.load(minutesId),
    dl.units.list({ includeArchived: true }),
    dl.documentSettings.office(),
    dl.audit.head(),
  ]);
  if (!office) throw new DomainError('validation', '请先在“会议文件”中填写发文机关（联席会议办公室）');
  const m = loaded.minutes;
  const issued = m.state === 'issued';
  const date = m.issuedOn && issued ? m.issuedOn : todayIso();
  const doc = docx.minutesDocument({
    doc: content ?? loaded.content,
    header: {
      issuingOffice: office.name,
      date,
      ...(m.issueNumber !== undefined ? { issueNumber: m.issueNumber } : {}),
      ...(m.issueYear !== undefined ? { issueYear: m.issueYear } : {}),
    },
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
    scheme: docx.officeScheme(office),
    jointMeetingName: office.jointMeetingName,
    distribution: DEFAULT_DISTRIBUTION,
    printedBy: office.name,
    printedOn: date,
    draft: !issued,
    ...(anchor ? { auditAnchor: anchor } : {}),
  });
  return docx.packDocx(doc);
}
