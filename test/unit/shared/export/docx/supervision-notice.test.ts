import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  feedbackRequirementText,
  NOTICE_LABEL_WIDTH,
  packDocx,
  supervisionDeadlineText,
  supervisionNoticeDocument,
  supervisionNumberText,
  supervisionSourceText,
  type FontScheme,
  type SupervisionNoticeInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';
import {
  assertWellFormed,
  eastAsia,
  hostileString,
  paragraphs,
  runOf,
  tableRows,
} from '../../../../helpers/xml-well-formed';

const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
};

const input = (o: Partial<SupervisionNoticeInput> = {}): SupervisionNoticeInput => ({
  office,
  number: { year: 2026, number: 3 },
  date: '2026-03-09',
  resolution: {
    content: '开展沿街店铺占道经营第二轮集中整治',
    deadline: '2026-03-20',
    deadlineRule: { kind: 'working_days', days: 9 },
  },
  leadUnitName: '镇综合行政执法队',
  coUnitNames: ['区市场监督管理局', '城关派出所'],
  source: { meetingName: '城关镇综合行政执法协调联席会议2026年第一次会议', issueText: '2026年第1期', itemNumber: 1 },
  requirement: '该事项办理时限临近，请抓紧推进。',
  feedbackBy: '2026-03-18',
  contact: { name: '李明', phone: '0571-88886666' },
  scheme: 'standard',
  ...o,
});

async function parts(o: Partial<SupervisionNoticeInput> = {}) {
  return readDocxParts(await packDocx(supervisionNoticeDocument(input(o))));
}

describe('督办通知单 mapper (DOCX-FORMAT §2.4)', () => {
  it('uses the GB/T 9704 page: A4, 37/35/28/26 mm, 28.95 pt grid', async () => {
    const xml = (await parts())['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"[^>]*w:footer="1440"/);
    expect(xml).toMatch(/<w:docGrid w:linePitch="579"\/>/);
    expect(xml).not.toMatch(/lineRule="exactly"/);
  });

  it('has the title in 2号小标宋, centred, broken after the joint meeting’s name; black unless asked', async () => {
    const xml = (await parts())['word/document.xml']!;
    const ps = paragraphs(xml);
    expect(ps[0]!.text).toBe('城关镇综合行政执法协调联席会议议定事项督办通知单');
    expect(ps[0]!.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(ps[0]!.xml).toMatch(/<w:br\/><w:t xml:space="preserve">议定事项督办通知单<\/w:t>/);
    expect(ps[0]!.xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(eastAsia(ps[0]!.xml)).toBe('方正小标宋简体');
    expect(ps[0]!.xml).not.toMatch(/FF0000/);
    const red = paragraphs((await parts({ redTitle: true }))['word/document.xml']!);
    expect(red[0]!.xml).toMatch(/<w:color w:val="FF0000"\/>/);
  });

  it('numbers it 〔2026〕3号 (full year in 〔〕, no 第, no leading zeros) and dates it 2026年3月9日', async () => {
    expect(supervisionNumberText(input())).toBe('城综执联办督〔2026〕3号');
    expect(supervisionNumberText(input({ numberPrefix: ' 联督 ', number: { year: 2027, number: 12 } }))).toBe(
      '联督〔2027〕12号',
    );
    const ps = paragraphs((await parts())['word/document.xml']!);
    const meta = ps.find((p) => p.text.includes('编号：'))!;
    expect(meta.text).toBe('\u3000编号：城综执联办督〔2026〕3号交办日期：2026年3月9日');
    expect(meta.xml).toMatch(/<w:tab w:val="right" w:pos="8565"\/>/);
    expect(meta.xml).toMatch(/<w:r><w:tab\/><\/w:r>/);
    expect(meta.xml).toMatch(/<w:sz w:val="28"\/>/);
    expect(meta.xml).toMatch(/<w:ind w:left="0" w:right="0" w:firstLine="0"\/>/);
  });

  it('drops the side spaces, then wraps the date, when a long prefix would run into it', async () => {
    const long = paragraphs(
      (await parts({ numberPrefix: '城关镇综合行政执法协调联席会议办公室督办', date: '2026-12-31' }))[
        'word/document.xml'
      ]!,
    ).find((p) => p.text.includes('编号：'))!;
    expect(long.text.startsWith('编号：')).toBe(true);
    expect(long.xml).toMatch(/<w:br\/><w:tab\/>/);
  });

  it('lays the form out as a two-column table: 黑体 labels in 35 mm, 仿宋 4号 values, exact 22 pt lines', async () => {
    const xml = (await parts())['word/document.xml']!;
    const firstTable = /<w:tbl>(.*?)<\/w:tbl>/s.exec(xml)![1]!;
    const grid = [...firstTable.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([NOTICE_LABEL_WIDTH, 8845 - NOTICE_LABEL_WIDTH]);
    expect(firstTable).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(firstTable).toMatch(/<w:tcW w:type="dxa" w:w="1985"\/>/);
    const rows = tableRows(firstTable);
    expect(rows.map((r) => r.cells[0])).toEqual([
      '督办事项来源',
      '督办事项',
      '牵头单位',
      '配合单位',
      '办理时限',
      '督办要求',
      '反馈要求',
      '联系人及电话',
      '签发',
    ]);
    expect(rows.map((r) => r.cells[1])).toEqual([
      '城关镇综合行政执法协调联席会议2026年第一次会议纪要（2026年第1期）第一项',
      '开展沿街店铺占道经营第二轮集中整治',
      '镇综合行政执法队',
      '区市场监督管理局、城关派出所',
      '2026年3月20日前（纪要印发后9个工作日内）',
      '该事项办理时限临近，请抓紧推进。',
      feedbackRequirementText('2026-03-18'),
      '李明\u3000联系电话：0571-88886666',
      '年\u3000\u3000月\u3000\u3000日',
    ]);
    expect(eastAsia(runOf(xml, '督办事项来源'))).toBe('黑体');
    expect(runOf(xml, '督办事项来源')).toMatch(/<w:sz w:val="28"\/>/);
    expect(eastAsia(runOf(xml, '镇综合行政执法队'))).toBe('仿宋_GB2312');
    expect(runOf(xml, '镇综合行政执法队')).toMatch(/<w:sz w:val="28"\/>/);
    expect(paragraphs(firstTable).every((p) => /w:line="440" w:lineRule="exact"/.test(p.xml))).toBe(true);
    // Rows grow with their text (never clip a long 督办事项).
    expect(firstTable).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
    expect(firstTable).not.toMatch(/w:hRule="exact"/);
  });

  it('writes 反馈要求 per §2.4 and the deadline with 暂定 and its rule', () => {
    expect(feedbackRequirementText()).toBe(
      '请于办理时限届满前将办理情况书面反馈联席会议办公室（加盖单位公章）；确需延期的，应在期限届满前书面说明原因、进展及预计完成时间。',
    );
    expect(feedbackRequirementText('2026-03-18')).toMatch(/^请于2026年3月18日前将办理情况/);
    expect(supervisionDeadlineText({ content: '', deadline: '2027-01-10', deadlineProvisional: true })).toBe(
      '2027年1月10日前（暂定）',
    );
    expect(supervisionDeadlineText({ content: '' })).toBe('见会议纪要');
    expect(supervisionSourceText({ meetingName: '第3次联席会议纪要', itemNumber: 12 })).toBe(
      '第3次联席会议纪要第十二项',
    );
    expect(supervisionSourceText({ meetingName: '第3次联席会议', itemNumber: 0 })).toBe('第3次联席会议纪要');
  });

  it('says 无 without co-units and leaves the contact blank without one', async () => {
    const rows = tableRows((await parts({ coUnitNames: [' '], contact: undefined }))['word/document.xml']!);
    expect(rows.find((r) => r.cells[0] === '配合单位')!.cells[1]).toBe('无');
    expect(rows.find((r) => r.cells[0] === '联系人及电话')!.cells[1]).toBe('');
  });

  it('adds the 办理情况反馈单 on a new page (tall 办理情况 cell, 办理状态 boxes), unless turned off', async () => {
    const xml = (await parts())['word/document.xml']!;
    const ps = paragraphs(xml);
    const title = ps.find((p) => p.text === '督办事项办理情况反馈单')!;
    expect(title.xml).toMatch(/<w:pageBreakBefore\/>/);
    const tables = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    expect(tables).toHaveLength(2);
    const rows = tableRows(tables[1]!);
    expect(rows.map((r) => r.cells[0])).toEqual([
      '督办事项',
      '承办单位',
      '办理情况',
      '办理状态',
      '负责人签字',
      '单位盖章',
      '反馈日期',
    ]);
    const tall = Number(/<w:trHeight w:val="(\d+)"/.exec(rows[2]!.xml)![1]);
    expect(tall).toBeGreaterThanOrEqual(8 * 440); // ≥ 8 lines to write in
    expect(rows[3]!.cells[1]).toBe(
      '□已办结|□正在办理（预计完成时间：\u3000\u3000年\u3000\u3000月\u3000\u3000日）|□需协调（请说明）',
    );
    expect(ps.filter((p) => p.text === '\u3000编号：城综执联办督〔2026〕3号')).toHaveLength(1);
    const without = (await parts({ feedbackForm: false }))['word/document.xml']!;
    expect(without).not.toMatch(/办理情况反馈单/);
    expect(without).not.toMatch(/pageBreakBefore/);
  });

  it('has odd/even “— N —” footers and the audit anchor in the file properties', async () => {
    const p = await parts({ auditAnchor: { seq: 41, hash: 'ab12' } });
    expect(p['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.entries(p).filter(([k]) => /word\/footer\d+\.xml/.test(k));
    expect(footers).toHaveLength(2);
    for (const [, xml] of footers) {
      expect(xml).toMatch(/>— <\/w:t>/);
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    }
    expect(p['docProps/custom.xml']).toMatch(/JointDeskAuditSeq/);
    expect(p['docProps/custom.xml']).toMatch(/ab12/);
    expect(p['docProps/core.xml']).toMatch(/城关镇综合行政执法协调联席会议议定事项督办通知单城综执联办督〔2026〕3号/);
  });

  it('Windows scheme: 宋体 title, 仿宋/黑体 cells, no GB font names anywhere', async () => {
    const p = await parts({ scheme: 'windows' });
    const xml = p['word/document.xml']!;
    expect(eastAsia(paragraphs(xml)[0]!.xml)).toBe('宋体');
    expect(eastAsia(runOf(xml, '督办事项来源'))).toBe('黑体');
    expect(eastAsia(runOf(xml, '镇综合行政执法队'))).toBe('仿宋');
    expect(xml).not.toMatch(/_GB2312|方正/);
    expect(p['word/styles.xml']).not.toMatch(/_GB2312/);
  });
});

describe('督办通知单 mapper: hostile text', () => {
  fcTest.prop(
    [fc.array(hostileString, { minLength: 10, maxLength: 10 }), fc.constantFrom<FontScheme>('standard', 'windows')],
    { numRuns: 60 },
  )('every XML part stays well-formed', async (s, scheme) => {
    const bytes = await packDocx(
      supervisionNoticeDocument({
        office: { name: s[0]!, jointMeetingName: s[1]!, docNumberPrefix: s[2]! },
        number: { year: 2026, number: 1 },
        numberPrefix: s[2]!,
        date: '2026-03-09',
        resolution: { content: s[3]!, deadline: '2026-04-01' },
        leadUnitName: s[4]!,
        coUnitNames: [s[5]!, s[6]!],
        source: { meetingName: s[7]!, issueText: s[8]! },
        requirement: s[9]!,
        contact: { name: s[0]!, phone: s[9]! },
        scheme,
        redTitle: true,
      }),
    );
    const all = await readDocxParts(bytes);
    expect(Object.keys(all)).toContain('word/document.xml');
    for (const [name, xml] of Object.entries(all)) assertWellFormed(name, xml);
  });
});
