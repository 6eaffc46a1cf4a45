import { DomainError, meetingDisplayName } from '../../../../../shared/domain';
import {
  officeScheme,
  sessionFileLabel,
  type MeetingDocOffice,
} from '../../../../../shared/export/docx/meeting-doc-model';
import type { Meeting } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import type { MeetingDocumentKind, MeetingDocumentSources } from '../../../db/repositories/document-settings';
import { toMeetingDocInput, type NoticeOptions } from './build-doc-input';

/** 会议通知 / 会议议程 / 签到表 / 落实情况通报: the file name's first word. */
export const DOCUMENT_FILE_WORDS: Record<MeetingDocumentKind, string> = {
  notice: '会议通知',
  agenda: '会议议程',
  signIn: '签到表',
  report: '落实情况通报',
};

/**
 * What the 通报's title reports on: meeting N-1 by its full name (城关镇……联席会议2026年第一次会议 →
 * “关于……第一次会议议定事项落实情况的通报”), or 以往会议 before any meeting was held.
 */
export function reportMeetingName(
  src: Pick<MeetingDocumentSources, 'previousMeeting'>,
  office: Pick<MeetingDocOffice, 'jointMeetingName'>,
): string {
  const prev = src.previousMeeting;
  return prev ? meetingDisplayName(prev, office.jointMeetingName) : `${office.jointMeetingName.trim()}以往会议`;
}

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
 * Builds one of the meeting's documents from the current data (the 落实情况通报 from the one selection,
 * the same the agenda item shows). The docx library is loaded on demand; the
 * audit head goes into the file so a printed copy can be matched to the trail (AUD-3).
 */
export async function buildMeetingDocument(
  kind: MeetingDocumentKind,
  meetingId: string,
  notice: NoticeOptions,
  /** 成文日期 of the 通报 (the business date). */
  today: string,
): Promise<Uint8Array> {
  const dl = getDataLayer();
  const [docx, src, office, anchor] = await Promise.all([
    import('../../../../../shared/export/docx'),
    dl.documentSettings.meetingSources(meetingId),
    dl.documentSettings.office(),
    dl.audit.head(),
  ]);
  if (!office) throw new DomainError('validation', '请先填写发文机关信息（联席会议办公室名称、发文字号前缀）');
  if (kind === 'report') {
    if (!src.report) throw new DomainError('not-found', '落实情况通报的数据未能读取，请刷新后重试');
    return docx.packDocx(
      docx.implementationReportDocument({
        office,
        meetingName: reportMeetingName(src, office),
        date: today,
        selection: src.report.selection,
        unitNames: src.report.unitNames,
        scheme: officeScheme(office),
        ...(anchor ? { auditAnchor: anchor } : {}),
      }),
    );
  }
  const input = toMeetingDocInput(src, office, notice, anchor ?? undefined);
  const doc =
    kind === 'notice'
      ? docx.meetingNoticeDocument(input)
      : kind === 'agenda'
        ? docx.meetingAgendaDocument(input)
        : docx.signInSheetDocument(input);
  return docx.packDocx(doc);
}
