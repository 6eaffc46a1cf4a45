import { describe, expect, it } from 'vitest';
import type { Attendance, Meeting, Person, Unit } from '../../../shared/domain';
import {
  buildMinutesDraft,
  DEFAULT_MINUTES_WORDING,
  minutesTemplateWordingSchema,
  type MinutesTemplateInput,
} from '../../../shared/domain/minutes-template';
import type { AttendanceLineNode, HeadingNode, ParagraphNode } from '../../../shared/editor/document';

const meta = { createdAt: '2026-03-01T08:00:00+08:00', updatedAt: '2026-03-01T08:00:00+08:00' };
const unit = (id: string, name: string, shortName: string): Unit =>
  ({ id, name, shortName, kind: 'district_department', archived: false, ...meta }) as Unit;
const person = (id: string, name: string, unitId: string, post?: string): Person =>
  ({ id, name, unitId, post, role: 'member', archived: false, ...meta }) as Person;
const att = (personId: string, status: Attendance['status'], extra: Partial<Attendance> = {}): Attendance => ({
  id: `a-${personId}`,
  meetingId: 'm1',
  personId,
  observer: false,
  status,
  ...meta,
  ...extra,
});

const units = [
  unit('u1', '城关镇人民政府', '镇政府'),
  unit('u2', '城关镇市场监督管理所', '市场监管所'),
  unit('u3', '城关镇司法所', '司法所'),
];
const people = [
  person('p1', '王明', 'u1', '镇长'),
  person('p2', '李四', 'u2'),
  person('p3', '张三', 'u2'),
  person('p4', '赵六', 'u3'),
  person('p5', '钱七', 'u3'),
  person('p6', '孙八', 'u1'),
  person('p7', '周九', 'u1'),
];
const meeting = {
  startsAt: '2026-03-09T09:30',
  place: '镇政府三楼会议室',
  year: 2026,
  sequence: 1,
  kind: 'regular',
} as Meeting;

function input(over: Partial<MinutesTemplateInput> = {}): MinutesTemplateInput {
  return {
    meeting,
    agenda: [
      { id: 'i1', kind: 'last_resolutions', title: '上次会议议定事项落实情况' },
      { id: 'i2', kind: 'topic', title: '占道经营联合整治', snapshot: { title: '关于占道经营联合整治' } },
    ],
    attendance: [
      att('p1', 'present'),
      att('p2', 'substituted', { substitutePersonId: 'p3' }),
      att('p4', 'leave', { leaveReason: '外出培训' }),
      att('p5', 'absent'),
      att('p6', 'invited'),
      att('p7', 'present', { observer: true }),
    ],
    people,
    units,
    chair: people[0],
    officeName: '城关镇综合行政执法协调联席会议',
    ...over,
  };
}

const text = (n: ParagraphNode | HeadingNode | AttendanceLineNode) =>
  (n.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('');

describe('buildMinutesDraft', () => {
  it('composes the 导语 in the official wording', () => {
    const doc = buildMinutesDraft(input());
    expect(text(doc.content[0] as ParagraphNode)).toBe(
      '2026年3月9日上午，镇长王明在镇政府三楼会议室主持召开城关镇综合行政执法协调联席会议2026年第一次会议，' +
        '镇政府、市场监管所等成员单位负责同志参加会议。会议听取了上次会议议定事项落实情况、关于占道经营联合整治。' +
        '现将会议议定事项纪要如下：',
    );
  });

  it('reads 下午 in Asia/Shanghai from an offset time', () => {
    const doc = buildMinutesDraft(input({ meeting: { ...meeting, startsAt: '2026-03-09T06:30:00Z' } }));
    expect(text(doc.content[0] as ParagraphNode)).toMatch(/^2026年3月9日下午，/);
  });

  it('one level-1 heading per agenda item, in order, without 一、 and from the snapshot', () => {
    const doc = buildMinutesDraft(input());
    const headings = doc.content.filter((n): n is HeadingNode => n.type === 'heading');
    expect(headings.map(text)).toEqual(['关于上次会议议定事项落实情况', '关于占道经营联合整治']);
    expect(headings.every((h) => h.attrs.level === 1)).toBe(true);
  });

  it('出席 excludes absent and invited people; 代会 shows the substitute; 请假 and 列席 lines', () => {
    const doc = buildMinutesDraft(input());
    const lines = doc.content.filter((n): n is AttendanceLineNode => n.type === 'attendanceLine');
    expect(lines.map((l) => [l.attrs.role, l.attrs.label, text(l)])).toEqual([
      ['present', '出席', '镇政府王明、市场监管所张三（代李四）'],
      ['leave', '请假', '司法所赵六'],
      ['observer', '列席', '镇政府周九'],
    ]);
  });

  it('omits empty 请假/列席 lines', () => {
    const doc = buildMinutesDraft(input({ attendance: [att('p1', 'present')] }));
    const lines = doc.content.filter((n): n is AttendanceLineNode => n.type === 'attendanceLine');
    expect(lines.map((l) => l.attrs.role)).toEqual(['present']);
  });

  it('applies custom wording', () => {
    const wording = minutesTemplateWordingSchema.parse({
      ...DEFAULT_MINUTES_WORDING,
      intro: '{日期}{时段}，{会议名称}在{地点}召开，{主持人}主持。',
      closing: '纪要如下：',
      presentLabel: '参会',
    });
    const doc = buildMinutesDraft(input({ wording }));
    expect(text(doc.content[0] as ParagraphNode)).toBe(
      '2026年3月9日上午，城关镇综合行政执法协调联席会议2026年第一次会议在镇政府三楼会议室召开，镇长王明主持。纪要如下：',
    );
    const first = doc.content.find((n): n is AttendanceLineNode => n.type === 'attendanceLine');
    expect(first?.attrs.label).toBe('参会');
  });
});

describe('minutesTemplateWordingSchema', () => {
  it('accepts the defaults', () => {
    expect(minutesTemplateWordingSchema.safeParse(DEFAULT_MINUTES_WORDING).success).toBe(true);
  });
  it('rejects an unknown placeholder with a Chinese message', () => {
    const r = minutesTemplateWordingSchema.safeParse({ ...DEFAULT_MINUTES_WORDING, intro: '{日期}{会场}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('{会场}');
  });
  it('caps lengths', () => {
    const r = minutesTemplateWordingSchema.safeParse({ ...DEFAULT_MINUTES_WORDING, intro: '字'.repeat(501) });
    expect(r.error?.issues[0]?.message).toBe('导语不能超过 500 个字');
  });
});

describe('standing items in the 纪要', () => {
  it('leave their agenda figures out of the 导语 and the heading', async () => {
    const { buildMinutesDraft } = await import('../../../shared/domain/minutes-template');
    const doc = buildMinutesDraft({
      meeting: { startsAt: '2026-12-15T09:00', place: '镇政府三楼会议室', year: 2026, sequence: 5, kind: 'regular' },
      agenda: [
        { id: 'g1', kind: 'last_resolutions', title: '通报上次会议议定事项落实情况（共14项，已办结3项）' },
        {
          id: 'g2',
          kind: 'disputes_review',
          title: '研究未结执法争议',
          snapshot: { title: '研究未结执法争议（7件）' },
        },
      ],
      attendance: [],
      people: [],
      units: [],
      chair: undefined,
      officeName: '联席会议办公室',
    });
    const headings = doc.content.filter((n) => n.type === 'heading').map((n) => JSON.stringify(n));
    expect(headings[0]).toContain('关于通报上次会议议定事项落实情况"');
    expect(headings[1]).toContain('关于研究未结执法争议"');
    expect(JSON.stringify(doc.content[0])).not.toContain('共14项');
  });
});
