import { describe, expect, it } from 'vitest';
import {
  agendaNote,
  meetingAgendaDocument,
  packDocx,
  withoutEndPunctuation,
  type MeetingDocInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

const input: MeetingDocInput = {
  office: {
    name: '城关镇综合行政执法协调联席会议办公室',
    jointMeetingName: '城关镇综合行政执法协调联席会议',
    docNumberPrefix: '城综执联办',
  },
  meeting: {
    kind: 'regular',
    year: 2026,
    sequence: 3,
    startsAt: '2026-03-06T09:00',
    place: '镇政府三楼会议室',
    chairName: '王建国',
    chairPost: '镇党委副书记、镇长',
  },
  agenda: [
    { title: '通报第二次会议议定事项落实情况', presenterUnit: '联席会议办公室', minutes: 10 },
    { title: '各成员单位汇报执法协作及案件移送情况', minutes: 30 },
    { title: '研究沿街店铺占道经营整治问题。', presenterUnit: '城关镇综合行政执法队', minutes: 20 },
    { title: '王建国同志讲话' },
  ],
  attendees: [],
  noticeDate: '2026-03-02',
};

async function documentXml(i: MeetingDocInput = input) {
  const p = await readDocxParts(await packDocx(meetingAgendaDocument(i)));
  return { xml: p['word/document.xml']!, parts: p };
}

function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

describe('会议议程 mapper (§2.2)', () => {
  it('uses the GB/T 9704 page and exact 28.95 pt lines, with page numbers', async () => {
    const { xml, parts } = await documentXml();
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).not.toMatch(/lineRule="(exactly|auto)"/);
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.keys(parts).filter((k) => /word\/footer\d+\.xml/.test(k));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(parts[f]).toMatch(/PAGE/);
  });

  it('titles it with the full meeting name + 议程 in 2号小标宋, then a 楷体 题注 with time and place', async () => {
    const ps = paragraphs((await documentXml()).xml);
    expect(ps[0]!.text).toBe('城关镇综合行政执法协调联席会议2026年第三次会议议程');
    expect(ps[0]!.xml).toMatch(/<w:br\/>/);
    expect(ps[0]!.xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(ps[0]!.xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(ps[1]!.text).toBe('（2026年3月6日上午9:00\u3000镇政府三楼会议室）');
    expect(ps[1]!.xml).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(ps[1]!.xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(ps[1]!.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(ps[1]!.xml).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('names the chair, then lists the items 一、二、三、 in order without end punctuation, wrapped lines hanging', async () => {
    const ps = paragraphs((await documentXml()).xml);
    const texts = ps.map((p) => p.text).filter((t) => t);
    expect(texts.slice(2)).toEqual([
      '主持人：王建国（镇党委副书记、镇长）',
      '一、通报第二次会议议定事项落实情况',
      '（汇报单位：联席会议办公室，约10分钟）',
      '二、各成员单位汇报执法协作及案件移送情况',
      '（约30分钟）',
      '三、研究沿街店铺占道经营整治问题',
      '（汇报单位：城关镇综合行政执法队，约20分钟）',
      '四、王建国同志讲话',
    ]);
    const chair = ps.find((p) => p.text.startsWith('主持人'))!;
    expect(chair.xml).toMatch(/w:eastAsia="黑体"/);
    const item = ps.find((p) => p.text.startsWith('一、'))!;
    // 2字 in; wrapped lines continue under the title's first character (4字).
    expect(item.xml).toMatch(/<w:ind w:left="1260" w:hanging="630"\/>/);
    expect(item.xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    const note = ps.find((p) => p.text.startsWith('（汇报单位：联席'))!;
    expect(note.xml).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(note.xml).toMatch(/<w:ind w:left="1260"\/>/);
  });

  it('leaves out the chair line when no chair is set', async () => {
    const ps = paragraphs((await documentXml({ ...input, meeting: { ...input.meeting, chairName: undefined } })).xml);
    expect(ps.some((p) => p.text.startsWith('主持人'))).toBe(false);
    expect(ps.some((p) => p.text === '一、通报第二次会议议定事项落实情况')).toBe(true);
  });

  it('words notes and strips end punctuation', () => {
    expect(agendaNote({ title: 'x', presenterUnit: '区自然资源局' })).toBe('（汇报单位：区自然资源局）');
    expect(agendaNote({ title: 'x', minutes: 0 })).toBe('');
    expect(withoutEndPunctuation('研究问题；。 ')).toBe('研究问题');
    expect(withoutEndPunctuation('（一）研究“问题”')).toBe('（一）研究“问题”');
  });
});
