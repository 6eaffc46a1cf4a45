import type { AgendaItem, Attendance, Person, Unit } from '../domain';
import { chineseNumber } from './context';
import { chineseDate } from './dates';
import type { PlannedMeeting } from './plan-meetings';

/** The persisted Tiptap document shape the demo uses: paragraphs of plain text. */
export interface TiptapDoc {
  type: 'doc';
  content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[];
}

export function tiptapDoc(paragraphs: readonly string[]): TiptapDoc {
  return {
    type: 'doc',
    content: paragraphs
      .filter((text) => text.length > 0)
      .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export interface MinutesInput {
  meeting: PlannedMeeting;
  title: string;
  agenda: readonly AgendaItem[];
  attendance: readonly Attendance[];
  /** Text of the section for an agenda item (会议议定 / 会议指出 …); standing text when absent. */
  sections: ReadonlyMap<string, string>;
  peopleById: ReadonlyMap<string, Person>;
  unitsById: ReadonlyMap<string, Unit>;
}

const STANDING_TEXT: Record<AgendaItem['kind'], string> = {
  instructions: '会议要求：各成员单位要认真学习领会上级部署要求，结合职责抓好贯彻落实。',
  last_resolutions:
    '会议听取了联席会议办公室关于上次会议议定事项落实情况的通报。会议要求：未办结事项的牵头单位要抓紧推进，按期报送办理情况。',
  disputes_review: '会议听取了执法争议协调情况通报。会议指出：争议解决前，先行处理单位不得停止执法。',
  summary: '会议要求：各成员单位要加强沟通配合，做好下阶段综合行政执法工作。',
  other: '会议要求：各成员单位按照职责分工抓好落实。',
  topic: '会议研究了有关情况。',
};

/** 会议纪要 body: overview, one section per agenda item with its decisions, then attendance. */
export function minutesParagraphs(input: MinutesInput): string[] {
  const { meeting: m, peopleById, unitsById } = input;
  const shortName = (p: Person | undefined) => {
    const u = p ? unitsById.get(p.unitId) : undefined;
    return u?.shortName ?? u?.name ?? '';
  };
  const label = (a: Attendance) => {
    const p = peopleById.get(a.personId);
    return p ? `${shortName(p)}${p.name}` : '';
  };
  const attending = input.attendance.filter(
    (a) => !a.observer && (a.status === 'present' || a.status === 'substituted'),
  );
  const units = [...new Set(attending.map((a) => shortName(peopleById.get(a.personId))))].filter(Boolean);
  const observers = input.attendance.filter((a) => a.observer).map(label);
  const leave = input.attendance.filter((a) => a.status === 'leave');

  const paragraphs: string[] = [
    `${chineseDate(m.day)}，${m.chair.post ?? ''}${m.chair.name}在${m.place}主持召开${input.title}。` +
      `${units.join('、')}等成员单位负责同志参加会议${observers.length > 0 ? `，${observers.join('、')}列席会议` : ''}。` +
      '现将会议议定事项纪要如下：',
  ];
  input.agenda.forEach((item, i) => {
    paragraphs.push(`${chineseNumber(i + 1)}、${item.kind === 'topic' ? `关于${item.title}` : item.title}`);
    paragraphs.push(input.sections.get(item.id) ?? STANDING_TEXT[item.kind]);
  });
  paragraphs.push(`出席：${attending.map(label).join('、')}`);
  if (leave.length > 0) {
    paragraphs.push(`请假：${leave.map((a) => `${label(a)}（${a.leaveReason ?? '请假'}）`).join('、')}`);
  }
  if (observers.length > 0) paragraphs.push(`列席：${observers.join('、')}`);
  return paragraphs;
}
