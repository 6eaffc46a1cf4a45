import { describe, expect, it } from 'vitest';
import type { AgendaItem, Attendance, Meeting, Person, Unit } from '../../../../../shared/domain';
import type { MeetingDocumentSources } from '../../../../../renderer/src/db/repositories/document-settings';
import {
  defaultNoticeOptions,
  defaultOffice,
  placeOf,
  toMeetingDocInput,
} from '../../../../../renderer/src/features/meetings/documents/build-doc-input';
import { meetingDocumentFileName } from '../../../../../renderer/src/features/meetings/documents/meeting-documents';

const meta = { createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-01-01T08:00:00.000Z' };
const unit = (id: string, name: string, kind: Unit['kind'], shortName?: string): Unit => ({
  id,
  ...meta,
  name,
  kind,
  archived: false,
  ...(shortName ? { shortName } : {}),
});
const person = (
  id: string,
  name: string,
  unitId: string,
  role: Person['role'],
  post?: string,
  phone?: string,
): Person => ({
  id,
  ...meta,
  name,
  unitId,
  role,
  archived: false,
  ...(post ? { post } : {}),
  ...(phone ? { phone } : {}),
});
const att = (id: string, personId: string, extra: Partial<Attendance> = {}): Attendance => ({
  id,
  ...meta,
  meetingId: 'm1',
  personId,
  observer: false,
  status: 'invited',
  ...extra,
});

const units = [
  unit('town', '城关镇人民政府', 'township', '城关镇'),
  unit('amr', '区市场监督管理局', 'district_department'),
  unit('team', '城关镇综合行政执法队', 'enforcement_team'),
  unit('gov', '区人民政府', 'district_government'),
];
const people = [
  person('chief', '王建国', 'town', 'chief_convener', '镇长', '13805711000'),
  person('conv', '李红', 'town', 'convener', '副镇长'),
  person('amr1', '张伟', 'amr', 'member', '副局长'),
  person('amr2', '刘洋', 'amr', 'none', '科员', '13905710000'),
  person('team1', '赵磊', 'team', 'member', '队长'),
  person('staff', '孙小红', 'team', 'office_staff', '科员', '13705710000'),
  person('gov1', '欧阳修远', 'gov', 'none', '办公室副主任'),
];
const meeting: Meeting = {
  id: 'm1',
  ...meta,
  kind: 'regular',
  startsAt: '2026-03-06T09:00',
  place: '镇政府三楼会议室',
  chairPersonId: 'chief',
  year: 2026,
  sequence: 3,
  state: 'notified',
};
const agenda: AgendaItem[] = [
  {
    id: 'a1',
    ...meta,
    meetingId: 'm1',
    order: 0,
    kind: 'last_resolutions',
    title: '通报第二次会议议定事项落实情况',
    presenterUnitId: 'team',
    minutes: 10,
  },
  { id: 'a2', ...meta, meetingId: 'm1', order: 1, kind: 'other', title: '王建国同志讲话' },
];
const sources = (extra: Partial<MeetingDocumentSources> = {}): MeetingDocumentSources => ({
  meeting,
  agenda,
  attendance: [
    att('t-staff', 'staff'),
    att('t-amr', 'amr1', { status: 'substituted', substitutePersonId: 'amr2', leaveReason: '出差' }),
    att('t-gov', 'gov1', { observer: true }),
    att('t-team', 'team1', { status: 'leave', leaveReason: '外出学习' }),
    att('t-chief', 'chief', { status: 'present' }),
    att('t-conv', 'conv'),
  ],
  people,
  units,
  noticeNumbers: {},
  yearMeetings: [],
  standing: {},
  ...extra,
});
const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
};

describe('meeting document input from the database', () => {
  it('maps the meeting, chair and agenda with unit names', () => {
    const input = toMeetingDocInput(sources(), office, { noticeDate: '2026-03-02', noticeNumber: 3 });
    expect(input.meeting).toEqual({
      kind: 'regular',
      year: 2026,
      sequence: 3,
      startsAt: '2026-03-06T09:00',
      place: '镇政府三楼会议室',
      chairName: '王建国',
      chairPost: '镇长',
    });
    expect(input.agenda).toEqual([
      { title: '通报第二次会议议定事项落实情况', presenterUnit: '城关镇综合行政执法队', minutes: 10 },
      { title: '王建国同志讲话' },
    ]);
    expect(input.noticeNumber).toBe(3);
  });

  it('titles standing items as the agenda shows them: live count, or the snapshot once held', () => {
    const disputes: AgendaItem = {
      id: 'a3',
      ...meta,
      meetingId: 'm1',
      order: 2,
      kind: 'disputes_review',
      title: '研究未结执法争议（8件）',
    };
    const live = toMeetingDocInput(
      sources({
        agenda: [disputes],
        standing: { a3: { title: '研究未结执法争议（9件）', lines: [], frozen: false } },
      }),
      office,
      { noticeDate: '2026-03-02' },
    );
    expect(live.agenda.map((a) => a.title)).toEqual(['研究未结执法争议（9件）']);
    // Without a view (an older caller), the snapshot still wins over the stored title.
    const frozen = toMeetingDocInput(
      sources({
        agenda: [{ ...disputes, snapshot: { takenOn: '2026-03-06', title: '研究未结执法争议（7件）', lines: [] } }],
      }),
      office,
      { noticeDate: '2026-03-02' },
    );
    expect(frozen.agenda.map((a) => a.title)).toEqual(['研究未结执法争议（7件）']);
  });

  it('lists invitees by role, keeping a unit’s people together, with 出席/列席/请假 and substitutes', () => {
    const { attendees } = toMeetingDocInput(sources(), office, { noticeDate: '2026-03-02' });
    expect(attendees.map((a) => [a.unit, a.name, a.status])).toEqual([
      ['城关镇人民政府', '王建国', '出席'],
      ['城关镇人民政府', '李红', '出席'],
      ['区市场监督管理局', '张伟', '出席'],
      ['城关镇综合行政执法队', '赵磊', '请假'],
      ['城关镇综合行政执法队', '孙小红', '出席'],
      ['区人民政府', '欧阳修远', '列席'],
    ]);
    expect(attendees[2]!.substitute).toEqual({ name: '刘洋', post: '科员', phone: '13905710000' });
    expect(attendees[3]!.leaveReason).toBe('外出学习');
    expect(attendees[0]!.phone).toBe('13805711000');
  });

  it('uses a typed substitute name when the substitute is not a registered person', () => {
    const src = sources({ attendance: [att('t', 'amr1', { status: 'substituted', substituteName: '临时代会人' })] });
    expect(toMeetingDocInput(src, office, { noticeDate: '2026-03-02' }).attendees[0]!.substitute).toEqual({
      name: '临时代会人',
    });
  });

  it('suggests the notice: next number of the year, today, reply two days before (a weekday)', () => {
    const others: Meeting[] = [
      { ...meeting, id: 'm0', startsAt: '2026-01-20T09:00', sequence: 1 },
      { ...meeting, id: 'mx', startsAt: '2026-02-01T09:00', sequence: 2, state: 'cancelled' },
      { ...meeting, id: 'm9', startsAt: '2026-09-01T09:00', sequence: 4 },
    ];
    // 2026-03-04 is a Wednesday.
    expect(defaultNoticeOptions(sources({ yearMeetings: others }), '2026-03-02')).toEqual({
      noticeDate: '2026-03-02',
      noticeNumber: 2,
      replyDeadline: '2026-03-04T17:00',
    });
    // Numbers already given this year win over the count; a meeting past → dated four days before it.
    const numbers = { m0: { year: 2026, number: 5, date: '2026-01-15' } };
    expect(defaultNoticeOptions(sources({ noticeNumbers: numbers }), '2026-05-01')).toEqual({
      noticeDate: '2026-03-02',
      noticeNumber: 6,
      replyDeadline: '2026-03-04T17:00',
    });
    // The meeting's own notice keeps its number and date.
    const own = { m1: { year: 2026, number: 4, date: '2026-02-27' } };
    expect(defaultNoticeOptions(sources({ noticeNumbers: own }), '2026-03-03')).toMatchObject({
      noticeDate: '2026-02-27',
      noticeNumber: 4,
    });
    // A meeting on Monday 2026-03-09: two days before is Saturday → Friday.
    const monday = sources({ meeting: { ...meeting, startsAt: '2026-03-09T09:00' } });
    expect(defaultNoticeOptions(monday, '2026-03-02').replyDeadline).toBe('2026-03-06T17:00');
    // Never before the notice itself.
    expect(defaultNoticeOptions(sources(), '2026-03-05').replyDeadline).toBe('2026-03-05T17:00');
  });

  it('derives the office from the township unit, else the profile’s unit', () => {
    expect(defaultOffice(units, { name: '孙小红', unitName: '城关镇综合行政执法队' }, people)).toEqual({
      name: '城关镇综合行政执法协调联席会议办公室',
      jointMeetingName: '城关镇综合行政执法协调联席会议',
      docNumberPrefix: '城综执联办',
      contactName: '孙小红',
      contactPhone: '13705710000',
    });
    expect(defaultOffice([], { name: '某人', unitName: '河西街道办事处' }).name).toBe(
      '河西街道综合行政执法协调联席会议办公室',
    );
    expect(placeOf('区市场监督管理局')).toBeUndefined();
  });

  it('names files after the document and the meeting', () => {
    expect(meetingDocumentFileName('notice', meeting)).toBe('会议通知-2026年第三次定期联席会议.docx');
    expect(meetingDocumentFileName('agenda', { ...meeting, kind: 'special', sequence: 1 })).toBe(
      '会议议程-2026年第一次专题会议.docx',
    );
    expect(meetingDocumentFileName('signIn', meeting)).toBe('签到表-2026年第三次定期联席会议.docx');
  });
});
