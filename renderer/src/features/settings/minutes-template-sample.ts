import type { Attendance, Person, Unit } from '../../../../shared/domain';
import type { MinutesTemplateInput } from '../../../../shared/domain/minutes-template';

/**
 * A made-up meeting the 纪要模板 preview fills the wording with. It is document content (always Chinese,
 * as the minutes are), not interface text, so it is not translated.
 */
const meta = { createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };

const unit = (id: string, name: string, shortName: string): Unit => ({
  id,
  ...meta,
  name,
  shortName,
  kind: 'district_department',
  archived: false,
});

const person = (id: string, name: string, unitId: string, post?: string): Person => ({
  id,
  ...meta,
  name,
  unitId,
  role: 'member',
  ...(post ? { post } : {}),
  archived: false,
});

const attendance = (id: string, personId: string, status: Attendance['status'], observer = false): Attendance => ({
  id,
  ...meta,
  meetingId: 'sample-meeting',
  personId,
  observer,
  status,
});

const units = [
  unit('u-town', '城关镇人民政府', '镇政府'),
  unit('u-market', '区市场监督管理局城关市场监管所', '市场监管所'),
  unit('u-team', '城关镇综合行政执法队', '综合执法队'),
  unit('u-justice', '城关司法所', '司法所'),
];

const chair = person('p-chair', '李建国', 'u-town', '镇党委副书记、镇长');

const people = [
  chair,
  person('p-market', '王立新', 'u-market'),
  person('p-team', '赵海东', 'u-team'),
  person('p-justice', '孙丽', 'u-justice'),
];

export const SAMPLE_MINUTES_INPUT: MinutesTemplateInput = {
  meeting: {
    startsAt: '2026-03-09T09:30',
    place: '镇政府三楼会议室',
    year: 2026,
    sequence: 1,
    kind: 'regular',
  },
  agenda: [
    { id: 'a1', title: '上次会议议定事项落实情况通报', kind: 'last_resolutions' },
    { id: 'a2', title: '农贸市场周边占道经营查处职责分工', kind: 'topic' },
  ],
  attendance: [
    attendance('t1', 'p-chair', 'present'),
    attendance('t2', 'p-market', 'present'),
    attendance('t3', 'p-team', 'leave'),
    attendance('t4', 'p-justice', 'present', true),
  ],
  people,
  units,
  chair,
  officeName: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
};
