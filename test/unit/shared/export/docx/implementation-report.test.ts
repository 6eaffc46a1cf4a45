import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Resolution, TaskEvent } from '../../../../../shared/domain';
import {
  reportTotalsText,
  selectReportItems,
  type ReportInput,
} from '../../../../../shared/domain/implementation-report';
import type { MinutesDoc } from '../../../../../shared/editor/document';
import { minutesDocSchema } from '../../../../../shared/editor/schema';
import {
  implementationReportDocument,
  minutesDocument,
  packDocx,
  REPORT_COLUMNS,
  REPORT_MINUTES_COLUMN_WIDTHS,
  reportLeadText,
  reportTableBlocks,
  reportTitleLines,
  type FontScheme,
  type ImplementationReportInput,
} from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';
import {
  assertWellFormed,
  eastAsia,
  hostileString,
  paragraphs,
  runLook,
  runOf,
  tableRows,
} from '../../../../helpers/xml-well-formed';

const office = {
  name: '城关镇综合行政执法协调联席会议办公室',
  jointMeetingName: '城关镇综合行政执法协调联席会议',
  docNumberPrefix: '城综执联办',
};
const unitNames = { zf: '镇综合行政执法队', sj: '区市场监督管理局', pcs: '城关派出所', zj: '区住房和城乡建设局' };

const res = (id: string, o: Partial<Resolution>): Resolution => ({
  id,
  createdAt: '2026-03-06T02:00:00.000Z',
  updatedAt: '2026-03-09T02:00:00.000Z',
  meetingId: 'm1',
  minutesId: 'n1',
  content: `事项${id}`,
  leadUnitId: 'zf',
  coUnitIds: [],
  deadline: '2026-04-30',
  state: 'in_progress',
  issuedOn: '2026-03-09',
  ...o,
});
const ev = (resolutionId: string, kind: TaskEvent['kind'], on: string, text: string, o: Partial<TaskEvent> = {}) =>
  ({
    id: `${resolutionId}-${kind}-${on}`,
    resolutionId,
    kind,
    on,
    text,
    createdAt: `${on}T02:00:00.000Z`,
    ...o,
  }) as TaskEvent;

const minutes: ReportInput['minutes'] = [
  { id: 'n0', meetingId: 'm0', state: 'issued', issuedOn: '2025-12-10', issueYear: 2025, issueNumber: 4 },
  { id: 'n1', meetingId: 'm1', state: 'issued', issuedOn: '2026-03-09', issueYear: 2026, issueNumber: 1 },
];
const resolutions: Resolution[] = [
  res('a', { content: '开展沿街店铺占道经营集中整治', coUnitIds: ['sj', 'pcs'], state: 'verified' }),
  res('b', {
    content: '建立镇村联合巡查机制',
    deadline: '2026-05-29',
    deadlineRule: { kind: 'date', date: '2026-04-30' },
    extension: { state: 'approved', requestedOn: '2026-04-25', proposedDeadline: '2026-05-29', reason: '延期' },
  }),
  res('c', { content: '督促违法搭建业主限期拆除', leadUnitId: 'zj', coUnitIds: ['zf'], deadline: '2026-05-15' }),
  res('d', {
    content: '研究夜市噪声扰民问题',
    leadUnitId: 'sj',
    state: 'not_started',
    deadline: '2026-07-31',
    extension: { state: 'pending', requestedOn: '2026-06-01', proposedDeadline: '2026-08-31', reason: '延期' },
  }),
  res('e', {
    content: '化工园区异味联合检查',
    meetingId: 'm0',
    minutesId: 'n0',
    issuedOn: '2025-12-10',
    state: 'done_pending_verification',
    deadline: '2027-01-10',
    deadlineProvisional: true,
  }),
];
const events: TaskEvent[] = [
  ev('a', 'completion', '2026-04-28', '整治任务全部完成'),
  ev('a', 'verification', '2026-05-06', '经实地抽查，整改到位', { approved: true }),
  ev('b', 'progress', '2026-05-20', '机制草案正在修改完善', { percent: 70 }),
  ev('c', 'progress', '2026-04-20', '已下达限期拆除通知书'),
  ev('c', 'verification', '2026-05-05', '仍有违法搭建未拆除', { approved: false }),
  ev('e', 'completion', '2026-06-01', '已完成联合检查'),
];
const selection = selectReportItems({
  meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
  previousMeeting: { id: 'm1', startsAt: '2026-03-06T09:00' },
  resolutions,
  events,
  minutes,
});

const input = (o: Partial<ImplementationReportInput> = {}): ImplementationReportInput => ({
  office,
  meetingName: '城关镇综合行政执法协调联席会议2026年第一次会议',
  date: '2026-06-08',
  selection,
  unitNames,
  scheme: 'standard',
  ...o,
});

async function parts(o: Partial<ImplementationReportInput> = {}) {
  return readDocxParts(await packDocx(implementationReportDocument(input(o))));
}
const tablesOf = (xml: string) => [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);

describe('落实情况通报 mapper (DOCX-FORMAT §2.5)', () => {
  it('uses the GB/T 9704 page with exact 28.95 pt lines outside the tables', async () => {
    const xml = (await parts())['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"[^>]*w:footer="1440"/);
    expect(xml).toMatch(/<w:docGrid w:linePitch="579"\/>/);
    const ps = paragraphs(xml);
    for (const text of ['联席会议各成员单位：', '截至2026年6月10日', '下一步工作要求']) {
      expect(ps.find((p) => p.text.includes(text))!.xml).toMatch(/w:line="579" w:lineRule="exact"/);
    }
  });

  it('titles it 关于……议定事项落实情况的通报 in 2号小标宋, broken after the joint meeting’s name', async () => {
    expect(reportTitleLines(input())).toEqual([
      '关于城关镇综合行政执法协调联席会议',
      '2026年第一次会议议定事项落实情况的通报',
    ]);
    expect(reportTitleLines(input({ meetingName: '第3次联席会议' }))).toEqual([
      '关于第3次联席会议议定事项落实情况的通报',
    ]);
    const ps = paragraphs((await parts())['word/document.xml']!);
    expect(ps[0]!.text).toBe('关于城关镇综合行政执法协调联席会议2026年第一次会议议定事项落实情况的通报');
    expect(ps[0]!.xml).toMatch(/<w:sz w:val="44"\/>/);
    expect(eastAsia(ps[0]!.xml)).toBe('方正小标宋简体');
    expect(ps[0]!.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(ps[2]!.text).toBe('联席会议各成员单位：');
    expect(ps[2]!.xml).toMatch(/<w:ind w:firstLine="0"\/>/);
  });

  it('leads with the figures as of the selection day, in 正文 (左空二字)', async () => {
    const lead = paragraphs((await parts())['word/document.xml']!)[3]!;
    expect(lead.text).toBe(reportLeadText(selection));
    expect(lead.text).toBe(
      '截至2026年6月10日，纳入本次通报的议定事项（上次会议时尚未办结的事项，以及此后印发或有新进展的事项）' +
        `${reportTotalsText(selection.totals)}。现将有关情况通报如下：`,
    );
    expect(lead.text).toMatch(
      /共5项，其中已核验办结1项（占20%），已办结待核验1项，办理中2项，未启动1项；逾期未办结2项/,
    );
    expect(lead.xml).toMatch(/<w:ind w:firstLine="630" w:firstLineChars="200"\/>/);
  });

  it('has one 黑体 section per non-empty state group, numbered on, then 下一步工作要求', async () => {
    const xml = (await parts())['word/document.xml']!;
    const headings = paragraphs(xml)
      .filter((p) => /w:outlineLvl w:val="0"/.test(p.xml))
      .map((p) => p.text);
    expect(headings).toEqual([
      '一、未启动事项（1项，占20%）',
      '二、办理中事项（2项，占40%）',
      '三、已办结待核验事项（1项，占20%）',
      '四、已核验办结事项（1项，占20%）',
      '五、下一步工作要求',
    ]);
    expect(eastAsia(runOf(xml, '一、'))).toBe('黑体');
    const noPending = selectReportItems({
      meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
      previousMeeting: { id: 'm1', startsAt: '2026-03-06T09:00' },
      resolutions: resolutions.filter((r) => r.state !== 'done_pending_verification'),
      events,
      minutes,
    });
    const fewer = paragraphs((await parts({ selection: noPending }))['word/document.xml']!)
      .filter((p) => /w:outlineLvl w:val="0"/.test(p.xml))
      .map((p) => p.text.replace(/（.*$/, ''));
    expect(fewer).toEqual(['一、未启动事项', '二、办理中事项', '三、已核验办结事项', '四、下一步工作要求']);
  });

  it('tables: 序号/议定事项/牵头单位/完成时限/办理情况/状态 over the 版心, header repeated on every page', async () => {
    const p = await parts();
    const xml = p['word/document.xml']!;
    const tables = tablesOf(xml);
    expect(tables).toHaveLength(4);
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toEqual(REPORT_COLUMNS.map((c) => c.width));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(t).toMatch(/<w:tblW w:type="dxa" w:w="8845"\/>/);
      expect(t).toMatch(/<w:tblLayout w:type="fixed"\/>/);
      const rows = tableRows(t);
      expect(rows[0]!.cells).toEqual(['序号', '议定事项', '牵头单位', '完成时限', '办理情况', '状态']);
      expect(rows[0]!.xml).toMatch(/<w:tblHeader\/>/);
      expect(rows.slice(1).every((r) => !/<w:tblHeader\/>/.test(r.xml))).toBe(true);
    }
    // Header 4号黑体, cells 小四仿宋 — from the two cell styles, written once in styles.xml.
    const styles = p['word/styles.xml']!;
    expect(runLook(xml, styles, '议定事项')).toEqual({ eastAsia: '黑体', size: 28 });
    expect(runLook(xml, styles, '建立镇村联合巡查机制')).toEqual({ eastAsia: '仿宋_GB2312', size: 24 });
    // The look is not repeated on every cell: no run property in a table cell's runs.
    for (const t of tables) expect(t).not.toMatch(/<w:rPr>/);
  });

  it('fills each row: continuous 序号, units, deadline with 原定/申请延至/暂定, progress, finding, marks', async () => {
    const rows = tablesOf((await parts())['word/document.xml']!).flatMap((t) => tableRows(t).slice(1));
    const cells = rows.map((r) => r.cells);
    expect(cells.map((c) => c[0])).toEqual(['1', '2', '3', '4', '5']);
    // Two source minutes: each item names its own.
    expect(cells[0]).toEqual([
      '1',
      '研究夜市噪声扰民问题|（2026年第1期纪要）',
      '区市场监督管理局',
      '7月31日|（申请延至8月31日）',
      '暂无进展报告',
      '未启动|申请延期',
    ]);
    expect(cells[1]).toEqual([
      '2',
      '督促违法搭建业主限期拆除|（2026年第1期纪要）',
      '区住房和城乡建设局|配合：镇综合行政执法队',
      '5月15日',
      '4月20日：已下达限期拆除通知书|核验未通过（5月5日）：仍有违法搭建未拆除',
      '办理中|★逾期|26天',
    ]);
    expect(cells[2]).toEqual([
      '3',
      '建立镇村联合巡查机制|（2026年第1期纪要）',
      '镇综合行政执法队',
      '5月29日|（原定4月30日）',
      '5月20日：机制草案正在修改完善（70%）',
      '办理中|★逾期|12天|已延期',
    ]);
    expect(cells[3]).toEqual([
      '4',
      '化工园区异味联合检查|（2025年第4期纪要）',
      '镇综合行政执法队',
      '2027年|1月10日|（暂定）',
      '6月1日报办结：已完成联合检查',
      '已办结待核验',
    ]);
    expect(cells[4]).toEqual([
      '5',
      '开展沿街店铺占道经营集中整治|（2026年第1期纪要）',
      '镇综合行政执法队|配合：区市场监督管理局、城关派出所',
      '4月30日',
      '4月28日报办结：整治任务全部完成|核验（5月6日）：经实地抽查，整改到位',
      '已核验办结',
    ]);
  });

  it('names the source only when items come from several minutes; says 不能办结 and escalation', async () => {
    const one = selectReportItems({
      meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
      previousMeeting: { id: 'm1', startsAt: '2026-03-06T09:00' },
      resolutions: [
        res('f', {
          content: '协调渣土运输职责边界',
          cannotComplete: { reason: '涉及区级部门职责', on: '2026-05-10', escalated: true, escalatedOn: '2026-05-15' },
        }),
      ],
      events: [],
      minutes,
    });
    const cells = tableRows(tablesOf((await parts({ selection: one }))['word/document.xml']!)[0]!)[1]!.cells;
    expect(cells[1]).toBe('协调渣土运输职责边界');
    expect(cells[4]).toBe('暂无进展报告|不能办结：涉及区级部门职责；已提交党政联席会议（5月15日）');
    expect(cells[5]).toBe('办理中|★逾期|41天|不能办结|已提请');
  });

  it('names the units with overdue items in the next steps, and signs unsealed with the office and date', async () => {
    const ps = paragraphs((await parts())['word/document.xml']!);
    const i = ps.findIndex((p) => p.text === '五、下一步工作要求');
    expect(ps[i + 1]!.text).toMatch(/^逾期未办结事项2项，涉及区住房和城乡建设局、镇综合行政执法队。/);
    expect(ps.some((p) => p.text.startsWith('已办结待核验的1项，由纪工委、司法所按程序核验'))).toBe(true);
    const n = ps.findIndex((p) => p.text === '城关镇综合行政执法协调联席会议办公室');
    expect(ps[n + 1]!.text).toBe('2026年6月8日');
    expect(ps[n]!.xml).toMatch(/<w:jc w:val="right"\/>/);
    expect(ps[n - 1]!.text).toBe('');
  });

  it('prints a 红头 通报 with 〔2026〕12号 over the red rule when numbered', async () => {
    const ps = paragraphs((await parts({ number: { year: 2026, number: 12 } }))['word/document.xml']!);
    expect(ps[0]!.text).toBe('城关镇综合行政执法协调联席会议办公室');
    expect(ps[0]!.xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(ps[0]!.xml).toMatch(/w:before="1984"/);
    const no = ps.find((p) => p.text === '城综执联办〔2026〕12号')!;
    expect(no.xml).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="6"\/>/);
    // Without a number: no 红头, the title comes first.
    expect(paragraphs((await parts())['word/document.xml']!)[0]!.xml).not.toMatch(/FF0000/);
  });

  it('with nothing to report: the lead says so, no tables, still the next steps and signature', async () => {
    const empty = selectReportItems({
      meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
      resolutions: [],
      events: [],
      minutes: [],
    });
    const xml = (await parts({ selection: empty }))['word/document.xml']!;
    expect(tablesOf(xml)).toHaveLength(0);
    const ps = paragraphs(xml);
    expect(ps[3]!.text).toBe('截至2026年6月10日，上次会议以来无需通报的议定事项。');
    expect(ps.some((p) => p.text === '一、下一步工作要求')).toBe(true);
  });

  it('has odd/even “— N —” footers; Windows scheme names no GB fonts', async () => {
    const p = await parts({ scheme: 'windows' });
    expect(p['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    expect(Object.keys(p).filter((k) => /word\/footer\d+\.xml/.test(k))).toHaveLength(2);
    const xml = p['word/document.xml']!;
    const styles = p['word/styles.xml']!;
    expect(xml + styles).not.toMatch(/_GB2312|方正/);
    expect(runLook(xml, styles, '议定事项').eastAsia).toBe('黑体');
    expect(runLook(xml, styles, '建立镇村联合巡查机制').eastAsia).toBe('仿宋');
  });
});

describe('reportTableBlocks: the same table for meeting N’s minutes', () => {
  it('is a valid editor table (header row of tableHeader cells, a row per item) with the same cells', () => {
    const blocks = reportTableBlocks(selection, unitNames);
    expect(blocks).toHaveLength(1);
    const doc: MinutesDoc = { type: 'doc', content: blocks };
    expect(minutesDocSchema.safeParse(doc).success).toBe(true);
    const table = blocks[0]!;
    if (table.type !== 'table') throw new Error('not a table');
    const text = (c: (typeof table.content)[number]['content'][number]) =>
      c.content.map((p) => (p.content ?? []).map((n) => (n.type === 'text' ? n.text : '')).join('')).join('|');
    expect(table.content[0]!.content.map((c) => c.type)).toEqual(Array(6).fill('tableHeader'));
    expect(table.content[0]!.content.map(text)).toEqual(REPORT_COLUMNS.map((c) => c.header));
    expect(table.content).toHaveLength(6);
    expect(table.content[3]!.content.map(text)).toEqual([
      '3',
      '建立镇村联合巡查机制|（2026年第1期纪要）',
      '镇综合行政执法队',
      '5月29日|（原定4月30日）',
      '5月20日：机制草案正在修改完善（70%）',
      '办理中|★逾期|12天|已延期',
    ]);
    expect(table.content[1]!.content.map((c) => c.attrs?.colwidth?.[0])).toEqual([76, 208, 145, 132, 196, 128]);
  });

  it('renders through the 纪要 mapper with the report’s widths and a repeated header', async () => {
    const doc: MinutesDoc = { type: 'doc', content: reportTableBlocks(selection, unitNames) };
    const bytes = await packDocx(
      minutesDocument({
        doc,
        header: { issuingOffice: office.name, date: '2026-06-12', issueNumber: 2, issueYear: 2026 },
        unitNames,
        scheme: 'standard',
        printedOn: '2026-06-12',
      }),
    );
    const xml = (await readDocxParts(bytes))['word/document.xml']!;
    const t = tablesOf(xml)[0]!;
    const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // The editor keeps px (twips ÷ 10); the 纪要 mapper scales them back to the 版心 (rounding ±10 twips).
    grid.forEach((w, i) => expect(Math.abs(w - REPORT_MINUTES_COLUMN_WIDTHS[i]!)).toBeLessThanOrEqual(10));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(tableRows(t)[0]!.xml).toMatch(/<w:tblHeader\/>/);
  });

  it('gives no blocks when there is nothing to report', () => {
    expect(
      reportTableBlocks(
        selectReportItems({
          meeting: { id: 'x', startsAt: '2026-06-10T09:00' },
          resolutions: [],
          events: [],
          minutes: [],
        }),
        {},
      ),
    ).toEqual([]);
  });
});

describe('落实情况通报 mapper: hostile text', () => {
  fcTest.prop(
    [fc.array(hostileString, { minLength: 8, maxLength: 8 }), fc.constantFrom<FontScheme>('standard', 'windows')],
    { numRuns: 60 },
  )('every XML part stays well-formed, and the editor blocks stay valid', async (s, scheme) => {
    const hostile = selectReportItems({
      meeting: { id: 'm2', startsAt: '2026-06-10T09:00' },
      previousMeeting: { id: 'm1', startsAt: '2026-03-06T09:00' },
      resolutions: [
        res('h1', { content: s[0]!, leadUnitId: 'u1', coUnitIds: ['u2'] }),
        res('h2', {
          content: s[1]!,
          state: 'verified',
          cannotComplete: { reason: s[2]!, on: '2026-04-01', escalated: true },
        }),
      ],
      events: [
        ev('h1', 'progress', '2026-04-01', s[3]!),
        ev('h2', 'verification', '2026-05-01', s[4]!, { approved: false }),
      ],
      minutes,
    });
    const names = { u1: s[5]!, u2: s[6]! };
    const bytes = await packDocx(
      implementationReportDocument({
        office: { name: s[7]!, jointMeetingName: s[5]!, docNumberPrefix: s[6]! },
        meetingName: s[7]!,
        date: '2026-06-08',
        selection: hostile,
        unitNames: names,
        scheme,
        number: { year: 2026, number: 1 },
        addressee: s[3]!,
      }),
    );
    const all = await readDocxParts(bytes);
    expect(Object.keys(all)).toContain('word/document.xml');
    for (const [name, xml] of Object.entries(all)) assertWellFormed(name, xml);
    const doc = { type: 'doc', content: reportTableBlocks(hostile, names) };
    expect(minutesDocSchema.safeParse(doc).success).toBe(true);
  });
});
