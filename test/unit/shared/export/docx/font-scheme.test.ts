import { describe, expect, it } from 'vitest';
import {
  meetingAgendaDocument,
  meetingDocOfficeSchema,
  meetingNoticeDocument,
  packDocx,
  signInSheetDocument,
  type MeetingDocInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

const base: MeetingDocInput = {
  office: {
    name: '城关镇综合行政执法协调联席会议办公室',
    jointMeetingName: '城关镇综合行政执法协调联席会议',
    docNumberPrefix: '城综执联办',
    contactName: '孙小红',
  },
  meeting: {
    kind: 'regular',
    year: 2026,
    sequence: 3,
    startsAt: '2026-03-06T09:00',
    place: '镇政府三楼会议室',
    chairName: '王建国',
    chairPost: '镇长',
  },
  agenda: [{ title: '通报第二次会议议定事项落实情况', presenterUnit: '联席会议办公室', minutes: 10 }],
  attendees: [
    { unit: '城关镇人民政府', post: '镇长', name: '王建国', status: '出席' },
    { unit: '区人民政府', post: '办公室副主任', name: '欧阳修远', status: '列席' },
  ],
  noticeDate: '2026-03-02',
  noticeNumber: 3,
};

const documents = {
  notice: meetingNoticeDocument,
  agenda: meetingAgendaDocument,
  signIn: signInSheetDocument,
};

async function fonts(kind: keyof typeof documents, fontScheme?: 'standard' | 'windows') {
  const p = await readDocxParts(await packDocx(documents[kind]({ ...base, office: { ...base.office, fontScheme } })));
  const all = Object.entries(p)
    .filter(([k]) => /word\/(document|styles|footer\d+)\.xml/.test(k))
    .map(([, v]) => v)
    .join('');
  return new Set([...all.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!));
}

describe('office font scheme', () => {
  it('is optional in the office settings and only takes the two schemes', () => {
    expect(meetingDocOfficeSchema.parse(base.office).fontScheme).toBeUndefined();
    expect(meetingDocOfficeSchema.parse({ ...base.office, fontScheme: 'windows' }).fontScheme).toBe('windows');
    expect(meetingDocOfficeSchema.safeParse({ ...base.office, fontScheme: 'gbk' }).success).toBe(false);
  });

  it.each(Object.keys(documents) as (keyof typeof documents)[])(
    '%s: standard names the GB fonts, windows only fonts every Windows has',
    async (kind) => {
      const standard = await fonts(kind);
      expect(standard).toEqual(await fonts(kind, 'standard'));
      expect([...standard].some((f) => /_GB2312|方正小标宋/.test(f))).toBe(true);
      const windows = await fonts(kind, 'windows');
      for (const f of windows) expect(['仿宋', '宋体', '黑体', '楷体', 'zh-CN']).toContain(f);
      expect(windows.has('仿宋')).toBe(true);
    },
  );

  it('notice: 黑体 headings, 楷体 出席 label and 宋体 title in the Windows scheme', async () => {
    const xml = (
      await readDocxParts(
        await packDocx(meetingNoticeDocument({ ...base, office: { ...base.office, fontScheme: 'windows' } })),
      )
    )['word/document.xml']!;
    const runFont = (text: string) =>
      /w:eastAsia="([^"]+)"/.exec(
        [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].find((m) => m[1]!.includes(`>${text}`))?.[1] ?? '',
      )?.[1];
    expect(runFont('一、会议时间')).toBe('黑体');
    expect(runFont('（一）出席：')).toBe('楷体');
    expect(runFont('城关镇综合行政执法协调联席会议办公室')).toBe('宋体'); // 红头
    expect(runFont('联席会议各成员单位：')).toBe('仿宋');
  });
});
