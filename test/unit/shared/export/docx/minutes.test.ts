import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { BlockNode, InlineNode, MinutesDoc, ParagraphNode } from '../../../../../shared/editor/document';
import {
  minutesDocument,
  minutesIssueText,
  packDocx,
  type FontScheme,
  type MinutesDocxInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';
import { assertWellFormed } from '../../../../helpers/xml-well-formed';

const t = (text: string, ...marks: ('bold' | 'italic' | 'underline')[]): InlineNode =>
  marks.length > 0 ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
const para = (...content: InlineNode[]): ParagraphNode => ({ type: 'paragraph', content });
const h = (level: 1 | 2 | 3 | 4, text: string): BlockNode => ({
  type: 'heading',
  attrs: { level },
  content: [t(text)],
});

const unitNames = {
  zf: '镇综合行政执法队',
  sj: '区市场监督管理局',
  pcs: '城关派出所',
  sq: '各社区居委会',
};

const doc: MinutesDoc = {
  type: 'doc',
  content: [
    para(t('2026年3月6日上午，联席会议第三次会议在镇政府三楼会议室召开。现将会议议定事项纪要如下：')),
    h(1, '关于沿街店铺占道经营整治'),
    para(t('会议议定', 'bold'), t('，开展第二轮集中整治。'), t('重点路段', 'italic', 'underline')),
    {
      type: 'resolution',
      attrs: {
        id: 'r1',
        content: '开展沿街店铺占道经营第二轮集中整治',
        leadUnitId: 'zf',
        coUnitIds: ['sj', 'pcs'],
        deadline: { kind: 'date', date: '2026-03-20' },
        feedback: '整治结束后3个工作日内书面反馈落实情况',
      },
    },
    h(2, '建立联合巡查机制'),
    {
      type: 'resolution',
      attrs: {
        id: 'r2',
        content: '建立镇村联合巡查机制',
        leadUnitId: 'zf',
        coUnitIds: ['sq'],
        deadline: { kind: 'working_days', days: 10 },
        feedback: '',
      },
    },
    h(3, '巡查范围'),
    h(4, '巡查记录'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [para(t('逐户建档'))] }] },
    h(1, '关于违法建设治理'),
    h(2, '全面排查'),
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [para(t('路段'))] },
            { type: 'tableHeader', content: [para(t('责任单位'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [para(t('人民路'))] },
            { type: 'tableCell', content: [para(t('镇综合行政执法队'))] },
          ],
        },
      ],
    },
    {
      type: 'attendanceLine',
      attrs: { role: 'present', label: '出席' },
      content: [t('王建国（镇长），李明（区市场监督管理局副局长）')],
    },
    { type: 'attendanceLine', attrs: { role: 'leave', label: '请假：' }, content: [t('陈静（外出学习）')] },
    { type: 'attendanceLine', attrs: { role: 'observer', label: '' }, content: [t('欧阳修远')] },
  ],
};

const input = (o: Partial<MinutesDocxInput> = {}): MinutesDocxInput => ({
  doc,
  header: { issueNumber: 3, issueYear: 2026, issuingOffice: '城关镇综合执法联席会议办公室', date: '2026-03-09' },
  unitNames,
  scheme: 'standard',
  jointMeetingName: '城关镇综合执法联席会议',
  distribution: '联席会议各成员单位，镇党政班子成员',
  printedOn: '2026-03-09',
  ...o,
});

async function parts(o: Partial<MinutesDocxInput> = {}) {
  return readDocxParts(await packDocx(minutesDocument(input(o))));
}

/** Each `<w:p>` of the body with its XML and its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  }));
}

function find(ps: { xml: string; text: string }[], text: string) {
  const p = ps.find((x) => x.text.includes(text));
  if (!p) throw new Error(`no paragraph with “${text}”`);
  return p;
}

/** The `<w:r>` whose text is exactly `text`. */
function runOf(xml: string, text: string): string {
  const r = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].find((m) => m[1]!.includes(`>${text}</w:t>`));
  if (!r) throw new Error(`no run “${text}”`);
  return r[1]!;
}

const eastAsia = (runXml: string) => /w:eastAsia="([^"]+)"/.exec(runXml)?.[1];

describe('会议纪要 mapper (GB/T 9704 §10.3)', () => {
  it('uses A4 with the 37/35/28/26 mm margins and exact 28.95 pt lines (22 per page)', async () => {
    const p = await parts();
    const xml = p['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"[^>]*w:footer="1440"/);
    expect(xml).toMatch(/<w:docGrid w:linePitch="579"\/>/);
    expect(xml).not.toMatch(/lineRule="exactly"/);
    for (const text of ['现将会议议定事项纪要如下', '一、关于沿街店铺占道经营整治', '出席：']) {
      expect(find(paragraphs(xml), text).xml).toMatch(/w:line="579" w:lineRule="exact"/);
    }
    expect(p['word/styles.xml']).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('starts with the red 纪要标志 35 mm down, 第×期 and the office/date line over the red rule', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    expect(ps[0]!.text).toBe('城关镇综合执法联席会议纪要');
    expect(ps[0]!.xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(ps[0]!.xml).toMatch(/w:before="1984"/);
    expect(ps[0]!.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(find(ps, '第3期').xml).toMatch(/<w:jc w:val="center"\/>/);
    const line = find(ps, '2026年3月9日');
    expect(line.text).toBe('\u3000城关镇综合执法联席会议办公室2026年3月9日');
    expect(line.xml).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="6"\/>/);
    expect(line.xml).toMatch(/<w:ind w:left="0" w:right="0" w:firstLine="0"\/>/);
    expect(line.xml).toMatch(/<w:tab w:val="right" w:pos="8530"\/>/);
    expect(line.xml).toMatch(/<w:r><w:tab\/><\/w:r>/);
  });

  it('numbers headings 一、（一）1.（1） by position, restarting deeper levels', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const headings = ps.filter((p) => /w:outlineLvl/.test(p.xml)).map((p) => p.text);
    expect(headings).toEqual([
      '一、关于沿街店铺占道经营整治',
      '（一）建立联合巡查机制',
      '1.巡查范围',
      '（1）巡查记录',
      '二、关于违法建设治理',
      '（一）全面排查',
    ]);
    expect(find(ps, '一、关于').xml).toMatch(/<w:ind w:firstLine="630" w:firstLineChars="200"\/>/);
    expect(find(ps, '一、关于').xml).toMatch(/<w:keepNext\/>/);
  });

  it('writes each element in its typeface: standard scheme', async () => {
    const xml = (await parts())['word/document.xml']!;
    const ps = paragraphs(xml);
    expect(eastAsia(runOf(ps[0]!.xml, '城关镇综合执法联席会议纪要'))).toBe('方正小标宋简体');
    expect(eastAsia(runOf(xml, '一、'))).toBe('黑体');
    expect(eastAsia(runOf(xml, '（一）'))).toBe('楷体_GB2312');
    expect(eastAsia(runOf(xml, '1.'))).toBe('仿宋_GB2312');
    expect(eastAsia(runOf(xml, '（1）'))).toBe('仿宋_GB2312');
    expect(eastAsia(runOf(xml, '会议议定'))).toBe('仿宋_GB2312');
    expect(eastAsia(runOf(xml, '出席：'))).toBe('黑体');
    expect(eastAsia(runOf(xml, '路段'))).toBe('黑体'); // table header
    expect(eastAsia(runOf(xml, '人民路'))).toBe('仿宋_GB2312');
    expect(runOf(xml, '会议议定')).toMatch(/w:hint="eastAsia"/);
    expect(runOf(xml, '会议议定')).toMatch(/<w:spacing w:val="-5"\/>/); // 28 字 per line
  });

  it('writes each element in its typeface: Windows scheme', async () => {
    const p = await parts({ scheme: 'windows' });
    const xml = p['word/document.xml']!;
    expect(eastAsia(runOf(xml, '城关镇综合执法联席会议纪要'))).toBe('宋体');
    expect(eastAsia(runOf(xml, '一、'))).toBe('黑体');
    expect(eastAsia(runOf(xml, '（一）'))).toBe('楷体');
    expect(eastAsia(runOf(xml, '1.'))).toBe('仿宋');
    expect(eastAsia(runOf(xml, '会议议定'))).toBe('仿宋');
    expect(eastAsia(runOf(xml, '人民路'))).toBe('仿宋');
    expect(xml).not.toMatch(/_GB2312|方正/);
    expect(p['word/styles.xml']).toMatch(/w:eastAsia="仿宋"/);
    expect(p['word/styles.xml']).not.toMatch(/_GB2312/);
  });

  it('keeps bold, italic and underline marks on their runs', async () => {
    const xml = (await parts())['word/document.xml']!;
    expect(runOf(xml, '会议议定')).toMatch(/<w:b\/>/);
    expect(runOf(xml, '，开展第二轮集中整治。')).not.toMatch(/<w:b\/>/);
    expect(runOf(xml, '重点路段')).toMatch(/<w:i\/>/);
    expect(runOf(xml, '重点路段')).toMatch(/<w:u w:val="single"\/>/);
  });

  it('prints resolutions in the official phrasing with unit names', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    expect(find(ps, '开展沿街店铺').text).toBe(
      '开展沿街店铺占道经营第二轮集中整治，由镇综合行政执法队牵头，区市场监督管理局、城关派出所配合，' +
        '于3月20日前完成。整治结束后3个工作日内书面反馈落实情况。',
    );
    expect(find(ps, '建立镇村').text).toBe(
      '建立镇村联合巡查机制，由镇综合行政执法队牵头，各社区居委会配合，于纪要印发后10个工作日内完成。',
    );
    expect(find(ps, '开展沿街店铺').xml).toMatch(/<w:ind w:firstLine="630" w:firstLineChars="200"\/>/);
  });

  it('sets 出席/请假/列席 with the hanging indent, after one blank line', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const i = ps.findIndex((p) => p.text.startsWith('出席：'));
    expect(ps[i]!.text).toBe('出席：王建国（镇长），李明（区市场监督管理局副局长）');
    expect(ps[i]!.xml).toMatch(/<w:ind w:left="1575" w:hanging="945"\/>/);
    expect(ps[i - 1]!.text).toBe(''); // the blank line under the body
    expect(ps[i + 1]!.text).toBe('请假：陈静（外出学习）');
    expect(ps[i + 1]!.xml).toMatch(/<w:ind w:left="1575" w:hanging="945"\/>/);
    expect(ps[i + 2]!.text).toBe('列席：欧阳修远'); // label from the role when empty
  });

  it('has odd/even footers “— N —” in 4号宋体, odd right and even left', async () => {
    const p = await parts();
    expect(p['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    expect(p['word/document.xml']).toMatch(/<w:footerReference w:type="default"/);
    expect(p['word/document.xml']).toMatch(/<w:footerReference w:type="even"/);
    const footers = Object.entries(p).filter(([k]) => /word\/footer\d+\.xml/.test(k));
    expect(footers).toHaveLength(2);
    const byAlign: Record<string, string> = {};
    for (const [, xml] of footers) {
      expect(xml).toMatch(/>— <\/w:t>/);
      expect(xml).toMatch(/> —<\/w:t>/);
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toMatch(/w:eastAsia="宋体"/);
      expect(xml).toMatch(/<w:sz w:val="28"\/>/);
      byAlign[/<w:jc w:val="(\w+)"/.exec(xml)![1]!] = xml;
    }
    expect(byAlign.right).toMatch(/<w:ind w:right="280"\/>/);
    expect(byAlign.left).toMatch(/<w:ind w:left="280"\/>/);
  });

  it('ends with the 版记: 分送 and the 印发 line between thick/thin rules, floating at the page bottom', async () => {
    const xml = (await parts())['word/document.xml']!;
    const tables = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    const imprint = tables[tables.length - 1]!;
    expect(imprint).toMatch(/w:vertAnchor="margin"/);
    expect(imprint).toMatch(/w:tblpYSpec="bottom"/);
    expect(imprint).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(imprint).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(imprint).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"/);
    const ps = paragraphs(imprint);
    expect(ps[0]!.text).toBe('分送：联席会议各成员单位，镇党政班子成员。');
    expect(ps[0]!.xml).toMatch(/<w:ind w:left="1120" w:right="280" w:hanging="840"\/>/);
    expect(ps[0]!.xml).toMatch(/<w:sz w:val="28"\/>/);
    expect(ps[1]!.text).toBe('\u3000城关镇综合执法联席会议办公室2026年3月9日印发');
    expect(ps[1]!.xml).toMatch(/<w:tab w:val="right" w:pos="8565"\/>/);
    // Nothing but the float's 1-pt anchor paragraph after it.
    expect(xml.slice(xml.lastIndexOf('</w:tbl>'))).not.toMatch(/<w:t[ >]/);
  });

  it('omits the 分送 row without a distribution and uses printedBy/printedOn', async () => {
    const xml = (await parts({ distribution: ' ', printedBy: '城关镇人民政府办公室', printedOn: '2026-03-10' }))[
      'word/document.xml'
    ]!;
    expect(xml).not.toMatch(/分送/);
    expect(paragraphs(xml).some((p) => p.text === '\u3000城关镇人民政府办公室2026年3月10日印发')).toBe(true);
  });

  it('leaves the issue number blank until numbered, and marks drafts', () => {
    expect(minutesIssueText({ issueNumber: 12 })).toBe('第12期');
    expect(minutesIssueText({})).toBe('第\u3000\u3000期');
    expect(minutesIssueText({ issueNumber: 3 }, true)).toBe('第3期（草稿）');
  });

  it('derives the 纪要标志 from the office when no joint meeting name is given', async () => {
    const ps = paragraphs((await parts({ jointMeetingName: undefined, draft: true }))['word/document.xml']!);
    expect(ps[0]!.text).toBe('城关镇综合执法联席会议纪要');
    expect(find(ps, '第3期').text).toBe('第3期（草稿）');
  });

  it('moves the date of a very long office name to its own line instead of running them together', async () => {
    const office = '城关镇综合行政执法协调联席会议办公室城关镇综合执法';
    const ps = paragraphs(
      (await parts({ header: { issuingOffice: office, date: '2026-03-09' } }))['word/document.xml']!,
    );
    const line = find(ps, '2026年3月9日');
    expect(line.text).toBe(`${office}2026年3月9日`);
    expect(line.xml).toMatch(/<w:br\/><w:tab\/>/);
  });
});

/** Strings of single UTF-16 units biased toward what breaks XML: U+FFFE/FFFF, surrogates, C0 controls. */
const hostileString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0008', '\u000B', '\u001F'),
    fc.constantFrom('<', '>', '&', '"', "'", ']]>', '𠮷', '\u3000', '\r', '\n', '\t'),
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('会', '议', '纪', '要'),
  ),
  maxLength: 24,
});

describe('会议纪要 mapper: hostile text', () => {
  it('has a checker that rejects what it is meant to catch', () => {
    expect(() => assertWellFormed('x', '<a>\uFFFE</a>')).toThrow(/U\+fffe/);
    expect(() => assertWellFormed('x', '<a>\uD800</a>')).toThrow(/U\+d800/);
    expect(() => assertWellFormed('x', '<a>\u0001</a>')).toThrow(/U\+1/);
    expect(() => assertWellFormed('x', '<a><b></a>')).toThrow();
    expect(() => assertWellFormed('x', '<a>&</a>')).toThrow();
    expect(() => assertWellFormed('x', '<a b="1" b="2"/>')).toThrow();
    expect(() => assertWellFormed('x', '<a/><b/>')).toThrow();
    expect(() => assertWellFormed('x', '<a>𠮷</a>')).not.toThrow();
  });

  it('writes each table cell with its own text, and keeps column and row spans', async () => {
    const cell = (text: string, attrs?: { colspan?: number; rowspan?: number }) => ({
      type: 'tableCell' as const,
      ...(attrs ? { attrs } : {}),
      content: [para(t(text))],
    });
    const rows = (cells: ReturnType<typeof cell>[][]) =>
      cells.map((content) => ({ type: 'tableRow' as const, content }));
    const tables: BlockNode[] = [
      // Rows of one shape (written from one built row, shapes.ts) keep their own texts.
      {
        type: 'table',
        content: rows([
          [cell('甲一'), cell('甲二')],
          [cell('乙一'), cell('乙二')],
          [cell('丙一'), cell('丙二')],
        ]),
      },
      // A row span: the table adds the covered cell to the row under it.
      {
        type: 'table',
        content: rows([[cell('合并', { colspan: 2 })], [cell('跨行', { rowspan: 2 }), cell('右上')], [cell('右下')]]),
      },
    ];
    const xml = (await parts({ doc: { type: 'doc', content: tables } }))['word/document.xml']!;
    const [plain, spanned] = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    const cellTexts = (tbl: string) =>
      [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) =>
        [...r[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) =>
          paragraphs(c[1]!)
            .map((p) => p.text)
            .join(''),
        ),
      );
    expect(cellTexts(plain!)).toEqual([
      ['甲一', '甲二'],
      ['乙一', '乙二'],
      ['丙一', '丙二'],
    ]);
    expect(cellTexts(spanned!)).toEqual([['合并'], ['跨行', '右上'], ['', '右下']]);
    expect(spanned).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(spanned).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(spanned).toMatch(/<w:vMerge w:val="continue"\/>/);
  });

  fcTest.prop(
    [fc.array(hostileString, { minLength: 10, maxLength: 10 }), fc.constantFrom<FontScheme>('standard', 'windows')],
    {
      numRuns: 100,
    },
  )('every XML part stays well-formed (10 random strings per document × 100 documents)', async (s, scheme) => {
    const hostileDoc: MinutesDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [t(s[0]!, 'bold')] },
        { type: 'heading', attrs: { level: 2 }, content: [t(s[1]!)] },
        { type: 'paragraph', content: [t(s[2]!, 'italic'), { type: 'hardBreak' }, t(s[3]!, 'underline')] },
        {
          type: 'resolution',
          attrs: {
            id: 'r',
            content: s[4]!,
            leadUnitId: 'a',
            coUnitIds: ['b'],
            deadline: { kind: 'date', date: '2026-04-01' },
            feedback: s[5]!,
          },
        },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(t(s[6]!))] }] }],
        },
        { type: 'attendanceLine', attrs: { role: 'present', label: s[7]! }, content: [t(s[8]!)] },
      ],
    };
    const bytes = await packDocx(
      minutesDocument({
        doc: hostileDoc,
        header: { issuingOffice: s[9]!, date: '2026-03-09' },
        unitNames: { a: s[0]!, b: s[9]! },
        scheme,
        jointMeetingName: s[3]!,
        distribution: s[5]!,
        printedBy: s[6]!,
        printedOn: '2026-03-09',
      }),
    );
    const all = await readDocxParts(bytes);
    expect(Object.keys(all)).toContain('word/document.xml');
    for (const [name, xml] of Object.entries(all)) assertWellFormed(name, xml);
  });
});
