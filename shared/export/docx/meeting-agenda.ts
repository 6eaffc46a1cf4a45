import { AlignmentType, Paragraph, type Document, type FileChild } from 'docx';
import { formatChineseDateTime } from '../../domain/format';
import { officialDocument } from './document';
import { CH3, type FontScheme, schemeFonts, widthTwips } from './layout';
import {
  agendaMarker,
  agendaNote,
  breakTitle,
  officeScheme,
  sessionName,
  withoutEndPunctuation,
  type MeetingDocInput,
} from './meeting-doc-model';
import { blankLine, caption, exact, KEEP_PUNCTUATION, labelled, run, title } from './primitives';

/** 城关镇综合行政执法协调联席会议 / 2026年第三次会议议程 (full meeting name + 议程, §2.2). */
export function agendaTitleLines(input: Pick<MeetingDocInput, 'office' | 'meeting'>): string[] {
  return breakTitle([input.office.jointMeetingName, `${sessionName(input.meeting)}议程`]);
}

/** 楷体 note under an item, aligned with the item's text (2字 indent + the 2字 marker “一、”). */
function note(text: string, scheme: FontScheme): Paragraph {
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { left: 4 * CH3 },
    children: [run(text, { font: schemeFonts(scheme).h2 })],
  });
}

/**
 * An item “一、……” starting 2字 in; a wrapped title continues under its first character (4字), as an
 * agenda is read as a list rather than as running text.
 */
function itemParagraph(marker: string, text: string, scheme: FontScheme): Paragraph {
  const hanging = widthTwips(marker);
  return new Paragraph({
    ...KEEP_PUNCTUATION,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(),
    indent: { left: 2 * CH3 + hanging, hanging },
    children: [run(marker, { scheme }), run(text, { scheme })],
  });
}

/**
 * 会议议程 (DOCX-FORMAT §2.2): title, 楷体 题注 with time and place, 主持人, items 一、二、三、 without end
 * punctuation, each with an optional 楷体 note (汇报单位, minutes).
 */
export function meetingAgendaDocument(input: MeetingDocInput): Document {
  const { meeting, agenda } = input;
  const titleLines = agendaTitleLines(input);
  const chair = meeting.chairName?.trim();
  const scheme = officeScheme(input.office);
  const children: FileChild[] = [
    title(titleLines, 0, scheme),
    caption(`（${formatChineseDateTime(meeting.startsAt)}\u3000${meeting.place.trim()}）`, scheme),
    blankLine(),
    ...(chair
      ? [
          labelled(
            '主持人：',
            meeting.chairPost?.trim() ? `${chair}（${meeting.chairPost.trim()}）` : chair,
            undefined,
            scheme,
          ),
        ]
      : []),
    ...agenda.flatMap((item, i) => {
      const n = agendaNote(item);
      return [
        itemParagraph(agendaMarker(i), withoutEndPunctuation(item.title), scheme),
        ...(n ? [note(n, scheme)] : []),
      ];
    }),
  ];
  return officialDocument(children, {
    title: titleLines.join(''),
    creator: input.office.name,
    auditAnchor: input.auditAnchor,
    scheme,
  });
}
