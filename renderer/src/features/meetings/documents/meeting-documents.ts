import { DomainError } from '../../../../../shared/domain';
import { sessionFileLabel } from '../../../../../shared/export/docx/meeting-doc-model';
import type { Meeting } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import type { MeetingDocumentKind } from '../../../db/repositories/document-settings';
import { toMeetingDocInput, type NoticeOptions } from './build-doc-input';

/** 会议通知 / 会议议程 / 签到表: the file name's first word. */
export const DOCUMENT_FILE_WORDS: Record<MeetingDocumentKind, string> = {
  notice: '会议通知',
  agenda: '会议议程',
  signIn: '签到表',
};

/** `会议通知-2026年第三次定期联席会议.docx` (characters a file system refuses are replaced). */
export function meetingDocumentFileName(
  kind: MeetingDocumentKind,
  m: Pick<Meeting, 'kind' | 'year' | 'sequence'>,
): string {
  return `${DOCUMENT_FILE_WORDS[kind]}-${sessionFileLabel({ ...m, startsAt: '', place: '' })}.docx`.replace(
    /[\\/:*?"<>|]/g,
    '_',
  );
}

/**
 * Builds one of the meeting's documents from the current data. The docx library is loaded on demand; the
 * audit head goes into the file so a printed copy can be matched to the trail (AUD-3).
 */
export async function buildMeetingDocument(
  kind: MeetingDocumentKind,
  meetingId: string,
  notice: NoticeOptions,
): Promise<Uint8Array> {
  const dl = getDataLayer();
  const [docx, src, office, anchor] = await Promise.all([
    import('../../../../../shared/export/docx'),
    dl.documentSettings.meetingSources(meetingId),
    dl.documentSettings.office(),
    dl.audit.head(),
  ]);
  if (!office) throw new DomainError('validation', '请先填写发文机关信息（联席会议办公室名称、发文字号前缀）');
  const input = toMeetingDocInput(src, office, notice, anchor ?? undefined);
  const doc =
    kind === 'notice'
      ? docx.meetingNoticeDocument(input)
      : kind === 'agenda'
        ? docx.meetingAgendaDocument(input)
        : docx.signInSheetDocument(input);
  return docx.packDocx(doc);
}
