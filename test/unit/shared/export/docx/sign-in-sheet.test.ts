import { describe, expect, it } from 'vitest';
import {
  BODY_WIDTH,
  fitCellText,
  packDocx,
  signInRows,
  signInSheetDocument,
  type MeetingDocInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

const input: MeetingDocInput = {
  office: {
    name: '城关镇综合行政执法协调联席会议办公室',
    jointMeetingName: '城关镇综合行政执法协调联席会议',
    docNumberPrefix: '城综执联办',
  },
  meeting: { kind: 'regular', year: 2026, sequence: 3, startsAt: '2026-03-06T09:00', place: '镇政府三楼会议室' },
  agenda: [],
  attendees: [
    { unit: '城关镇人民政府', post: '镇长', name: '王建国', phone: '13805711000', status: '出席' },
    {
      unit: '区住房和城乡建设局',
      post: '副局长',
      name: '陈静',
      phone: '13805711004',
      status: '请假',
      leaveReason: '外出学习',
    },
    { unit: '区人民政府', post: '办公室副主任', name: '欧阳修远', status: '列席' },
    {
      unit: '城关镇人民政府',
      post: '副镇长',
      name: '钱多多',
      status: '出席',
      substitute: { name: '孔乙己', phone: '13905710000' },
    },
    { unit: '城关镇综合行政执法队', post: '队长', name: '赵磊', status: '出席' },
  ],
  noticeDate: '2026-03-02',
};

async function parts(i: MeetingDocInput = input) {
  return readDocxParts(await packDocx(signInSheetDocument(i)));
}

/** Rows of the table as arrays of cell texts, with each row's XML. */
function rows(xml: string): { xml: string; cells: string[] }[] {
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => ({
    xml: m[1]!,
    cells: [...m[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) =>
      [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    ),
  }));
}

describe('签到表 mapper (§2.3)', () => {
  it('uses the GB/T 9704 page with exact lines outside the table', async () => {
    const p = await parts();
    const xml = p['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).not.toMatch(/lineRule="(exactly|auto)"/);
    expect(xml).toMatch(
      /城关镇综合行政执法协调联席会议<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t xml:space="preserve">2026年第三次会议签到表/s,
    );
    expect(xml).toContain('时间：2026年3月6日上午9:00\u3000\u3000地点：镇政府三楼会议室');
  });

  it('spans the 版心 with 7/28/16/14/17/18 % columns in both tblGrid and cells', async () => {
    const xml = (await parts())['word/document.xml']!;
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([619, 2476, 1415, 1238, 1503, 1594]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(BODY_WIDTH);
    expect(xml).toContain(`<w:tblW w:type="dxa" w:w="${BODY_WIDTH}"/>`);
    expect(xml).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    const first = rows(xml)[1]!.xml;
    const tcW = [...first.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(tcW).toEqual(grid);
  });

  it('repeats a 黑体 4号 header and gives every body row an exact 11 mm height that does not split', async () => {
    const xml = (await parts())['word/document.xml']!;
    const [header, ...body] = rows(xml);
    expect(header!.cells).toEqual(['序号', '单位', '职务', '姓名', '联系电话', '签名']);
    expect(header!.xml).toMatch(/<w:tblHeader\/>/);
    expect(header!.xml).toMatch(/w:eastAsia="黑体"/);
    expect(header!.xml).toMatch(/<w:sz w:val="28"\/>/);
    expect(body).toHaveLength(5 + 5);
    for (const r of body) {
      expect(r.xml).toMatch(/<w:trHeight w:val="624" w:hRule="exact"\/>/);
      expect(r.xml).toMatch(/<w:cantSplit\/>/);
      expect(r.xml).toMatch(/<w:vAlign w:val="center"\/>/);
      expect(r.xml).not.toMatch(/<w:jc w:val="left"\/>/);
    }
    expect(body[0]!.xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(body[0]!.xml).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('pre-fills 出席, then 列席, then those on leave marked 请假, then numbered empty rows', async () => {
    const body = rows((await parts())['word/document.xml']!).slice(1);
    expect(body.map((r) => r.cells)).toEqual([
      ['1', '城关镇人民政府', '镇长', '王建国', '13805711000', ''],
      ['2', '城关镇人民政府', '代钱多多', '孔乙己', '13905710000', ''],
      ['3', '城关镇综合行政执法队', '队长', '赵磊', '', ''],
      ['4', '区人民政府', '办公室副主任', '欧阳修远', '', ''],
      ['5', '区住房和城乡建设局', '副局长', '陈静', '13805711004', '请假'],
      ['6', '', '', '', '', ''],
      ['7', '', '', '', '', ''],
      ['8', '', '', '', '', ''],
      ['9', '', '', '', '', ''],
      ['10', '', '', '', '', ''],
    ]);
  });

  it('shrinks long names so they stay on one line of the exact-height row', async () => {
    const body = rows((await parts())['word/document.xml']!).slice(1);
    // 城关镇综合行政执法队: 10 字 do not fit 2476 twips at 4号 or 小四.
    expect(body[2]!.xml).toMatch(/<w:sz w:val="21"\/>/);
    expect(fitCellText('城关镇人民政府', 2476)).toEqual({ size: 28, line: 400 });
    expect(fitCellText('区住房和城乡建设局', 2476)).toEqual({ size: 24, line: 360 });
    expect(fitCellText('字'.repeat(30), 2476)).toEqual({ size: 21, line: 250 });
  });

  it('keeps the substitute row when the substitute has a post of their own', () => {
    const [row] = signInRows([
      {
        unit: '区生态环境局',
        post: '副局长',
        name: '张伟',
        status: '出席',
        substitute: { name: '李四', post: '执法大队科员' },
      },
    ]);
    expect(row).toEqual(['区生态环境局', '执法大队科员', '李四', '', '']);
  });
});
