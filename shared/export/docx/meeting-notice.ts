import { type Document, type FileChild } from 'docx';
import { formatChineseDate } from '../../domain/format';
import { officialDocument } from './document';
import { schemeFonts } from './layout';
import {
  fullMeetingName,
  breakTitle,
  deadlineText,
  docNumberText,
  groupedNames,
  meetingTimeWithWeekday,
  officeScheme,
  sessionName,
  withoutEndPunctuation,
  type MeetingDocInput,
} from './meeting-doc-model';
import {
  addressee,
  attachmentLabel,
  attachmentNote,
  blankLine,
  body,
  caption,
  docNumberLine,
  formTable,
  heading,
  issuerMark,
  labelled,
  plainLine,
  signature,
  title,
} from './primitives';

/** Empty rows of the 参会回执 table. */
const REPLY_ROWS = 6;

/** 关于召开城关镇综合行政执法协调联席会议2026年第三次会议的通知, broken after the joint meeting's name. */
export function noticeTitleLines(input: Pick<MeetingDocInput, 'office' | 'meeting'>): string[] {
  return breakTitle(['关于召开', input.office.jointMeetingName, sessionName(input.meeting), '的通知']);
}

/** A list sentence: items joined, the last one closed with 。 and the others with ；. */
function numbered(items: readonly string[]): string[] {
  return items.map((t, i) => `${i + 1}.${withoutEndPunctuation(t)}${i === items.length - 1 ? '。' : '；'}`);
}

function requirements(input: MeetingDocInput): string[] {
  const { office, agenda } = input;
  const out: string[] = [];
  const deadline = input.replyDeadline ? `于${deadlineText(input.replyDeadline)}前` : '于会前';
  out.push(`请各成员单位${deadline}将参会回执（见附件）报送联席会议办公室。`);
  out.push('参会人员因故不能出席的，请提前向联席会议办公室请假并说明原因；确需委托他人代会的，请在回执备注栏注明。');
  const presenters = [...new Set(agenda.map((a) => a.presenterUnit?.trim()).filter((u): u is string => !!u))];
  if (presenters.length > 0) {
    out.push(`请${presenters.join('、')}按会议议题准备汇报材料，汇报时间按议程控制。`);
  } else {
    out.push('需提交会议研究的事项，请于会前书面报送联席会议办公室。');
  }
  const name = office.contactName?.trim();
  const phone = office.contactPhone?.trim();
  if (name || phone) out.push(`联系人：${[name, phone && `联系电话：${phone}`].filter(Boolean).join('，')}。`);
  return out.map((t, i) => `${i + 1}.${t}`);
}

/**
 * 会议通知 in 通用格式 (DOCX-FORMAT §2.1): 红头 + 发文字号 over the red rule, title, 主送, 导语, the five
 * standard items, 附件说明, unsealed signature, and the 参会回执 attachment page.
 */
export function meetingNoticeDocument(input: MeetingDocInput): Document {
  const { office, meeting, agenda, attendees } = input;
  const name = fullMeetingName(input);
  const when = meetingTimeWithWeekday(meeting.startsAt);
  const invited = attendees.filter((a) => a.status !== '列席');
  const observers = attendees.filter((a) => a.status === '列席');
  const titleLines = noticeTitleLines(input);
  const scheme = officeScheme(office);
  const kai = schemeFonts(scheme).h2;

  const people: FileChild[] = [];
  if (invited.length > 0) people.push(labelled('（一）出席：', `${groupedNames(invited)}。`, kai, scheme));
  if (observers.length > 0) people.push(labelled('（二）列席：', `${groupedNames(observers)}。`, kai, scheme));
  if (people.length === 0) people.push(body('联席会议各成员单位分管负责同志。', { scheme }));

  const children: FileChild[] = [
    issuerMark(office.name, scheme),
    blankLine(),
    blankLine(),
    docNumberLine(
      docNumberText(office.docNumberPrefix, Number(input.noticeDate.slice(0, 4)), input.noticeNumber),
      scheme,
    ),
    blankLine(),
    blankLine(),
    title(titleLines, 0, scheme),
    blankLine(),
    addressee('联席会议各成员单位：', scheme),
    body(`经研究，定于${when}在${meeting.place}召开${name}。现将有关事项通知如下：`, { scheme }),
    heading('一、会议时间', 1, { scheme }),
    body(`${when}，请参会人员提前10分钟到会签到。`, { scheme }),
    heading('二、会议地点', 1, { scheme }),
    body(`${meeting.place}。`, { scheme }),
    heading('三、参会人员', 1, { scheme }),
    ...people,
    heading('四、会议议题', 1, { scheme }),
    ...(agenda.length > 0
      ? numbered(agenda.map((a) => a.title)).map((t) => body(t, { scheme }))
      : [body('会议议题另行通知。', { scheme })]),
    heading('五、有关要求', 1, { scheme }),
    ...requirements(input).map((t) => body(t, { scheme })),
    blankLine(),
    attachmentNote('参会回执', scheme),
    blankLine(),
    ...signature(office.name, formatChineseDate(input.noticeDate), scheme),
    // 附件 page: label on line 1, title centred on line 3, then the reply form.
    attachmentLabel('附件', scheme),
    blankLine(),
    title(['参会回执'], 0, scheme),
    // The reply travels alone (fax, scan), so it names the meeting.
    caption(`（${name}）`, scheme),
    blankLine(),
    formTable(
      [
        { header: '单位', share: 0.3, fit: true },
        { header: '姓名', share: 0.14, fit: true },
        { header: '职务', share: 0.18, fit: true },
        { header: '联系电话', share: 0.2, fit: true },
        { header: '备注', share: 0.18, fit: true },
      ],
      Array.from({ length: REPLY_ROWS }, () => ['', '', '', '', '']),
      { rowHeight: 624, scheme },
    ),
    plainLine(
      `请于${input.replyDeadline ? deadlineText(input.replyDeadline) : '会前'}前报送联席会议办公室；委托他人代会的，请在备注栏注明。`,
      { size: 28, scheme },
    ),
  ];
  return officialDocument(children, {
    title: titleLines.join(''),
    creator: office.name,
    auditAnchor: input.auditAnchor,
    scheme,
  });
}
