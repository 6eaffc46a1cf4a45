import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../../../renderer/src/lib/xlsx/exceljs';
import { writeLedgerWorkbook } from '../../../../../renderer/src/lib/xlsx/write-ledger';
import type { Attendance, Meeting, Topic } from '../../../../../shared/domain';
import { ledgerAttendance } from '../../../../../renderer/src/features/meetings/list/meeting-ledger';
import {
  dateTimeCell,
  meetingLedger,
  topicLedger,
  type LedgerMeeting,
  type LedgerSheet,
  type LedgerTopic,
} from '../../../../../shared/export/ledger';

const units = new Map([
  ['u1', '区市场监督管理局'],
  ['u2', '城关镇人民政府'],
  ['u3', '区公安分局'],
]);
const people = new Map([
  ['p1', { name: '李明', unitId: 'u1' }],
  ['p2', { name: '王芳', unitId: 'u2' }],
  ['p3', { name: '张强', unitId: 'u3' }],
  ['p4', { name: '赵敏', unitId: 'u2' }],
  ['p5', { name: '陈刚', unitId: 'u3' }],
]);

const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  title: `议题${id}`,
  submittingUnitId: 'u1',
  submittedOn: '2026-03-09',
  category: 'case_transfer',
  description: '情况说明',
  urgency: 'normal',
  relatedUnitIds: ['u2', 'u3'],
  state: 'accepted',
  ...extra,
});

const meeting = (id: string, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  kind: 'regular',
  startsAt: '2026-03-20T14:30',
  place: '镇政府三楼会议室',
  chairPersonId: 'p1',
  year: 2026,
  sequence: 1,
  state: 'issued',
  ...extra,
});

let seq = 0;
const att = (personId: string, status: Attendance['status'], observer = false): Attendance => ({
  id: `a${++seq}`,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  meetingId: 'm1',
  personId,
  status,
  observer,
});

async function roundTrip(sheet: LedgerSheet) {
  const bytes = await writeLedgerWorkbook([{ ...sheet, title: `${sheet.name}（截至2026年12月3日）` }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb.getWorksheet(sheet.name)!;
}

/** The data row of the `n`-th ledger entry (row 1 title, row 2 header). */
const rowOf = (ws: ExcelJS.Worksheet, n: number) => ws.getRow(2 + n);
const cellBy = (ws: ExcelJS.Worksheet, n: number, header: string) => {
  const head = ws.getRow(2).values as unknown[];
  const col = head.indexOf(header);
  expect(col, header).toBeGreaterThan(0);
  return rowOf(ws, n).getCell(col);
};

describe('议题台账', () => {
  const rows: LedgerTopic[] = [
    {
      topic: topic('t2', {
        title: '=HYPERLINK("http://x","点我")',
        submittedOn: '2026-04-02',
        state: 'resolved',
        meetingId: 'm1',
        complainant: {
          name: '张三丰',
          phone: '13812345678',
          idNumber: '350702199001011234',
          address: '城关镇解放路88号3栋',
        },
      }),
      meeting: { year: 2026, sequence: 2, kind: 'regular' },
      resolutions: [{ content: '由区市场监督管理局牵头整治' }, { content: '城关镇配合' }],
    },
    { topic: topic('t1', { state: 'returned', returnReason: '材料不全' }) },
    {
      topic: topic('t3', { submittedOn: '2026-05-01', state: 'merged', mergedIntoTopicId: 't2' }),
      mergedInto: { title: '=HYPERLINK("http://x","点我")' },
    },
    {
      topic: topic('t4', {
        submittedOn: '2026-05-02',
        state: 'converted',
        disputeId: 'd1',
        category: 'jurisdiction_dispute',
      }),
      disputeNumber: '争〔2026〕3号',
    },
  ];

  it('one row per topic, oldest first, with the office columns in Chinese', () => {
    const sheet = topicLedger(rows, units);
    expect(sheet.name).toBe('议题台账');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '议题名称',
      '提交单位',
      '相关单位',
      '类别',
      '紧急程度',
      '提交日期',
      '当前状态',
      '上会会议',
      '处理结果',
      '合并至',
      '投诉举报人（已脱敏）',
    ]);
    expect(sheet.rows.map((r) => r[1])).toEqual(['议题t1', '\'=HYPERLINK("http://x","点我")', '议题t3', '议题t4']);
    const [returned, resolved, merged, converted] = sheet.rows;
    expect(returned!.slice(0, 8)).toEqual([
      1,
      '议题t1',
      '区市场监督管理局',
      '城关镇人民政府、区公安分局',
      '案件移送',
      '一般',
      new Date('2026-03-09T00:00:00.000Z'),
      '退回',
    ]);
    expect(returned![9]).toBe('退回：材料不全');
    expect(resolved!.slice(7, 10)).toEqual([
      '已议定',
      '2026年第二次定期联席会议',
      '会议议定2项：由区市场监督管理局牵头整治；城关镇配合',
    ]);
    expect(merged![10]).toBe('\'=HYPERLINK("http://x","点我")');
    expect(converted![4]).toBe('管辖争议');
    expect(converted![9]).toBe('转为执法争议（争〔2026〕3号）');
  });

  it('masks the complainant even when handed clear data', () => {
    const sheet = topicLedger(rows, units);
    const text = JSON.stringify(sheet.rows);
    expect(sheet.rows[1]![11]).toBe('张** 138****5678');
    for (const clear of ['张三丰', '13812345678', '350702199001011234', '解放路88号'])
      expect(text).not.toContain(clear);
  });

  it('reads back from the workbook: frozen header, Date cells, formula-looking text stays text, masked complainant', async () => {
    const ws = await roundTrip(topicLedger(rows, units));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(2).width).toBe(36);
    const submitted = cellBy(ws, 1, '提交日期');
    expect(submitted.value).toBeInstanceOf(Date);
    expect((submitted.value as Date).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(submitted.numFmt).toBe('yyyy"年"m"月"d"日"');
    const title = cellBy(ws, 2, '议题名称');
    expect(title.value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(title.formula).toBeUndefined();
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(cellBy(ws, 2, '投诉举报人（已脱敏）').value).toBe('张** 138****5678');
    // Blank cells stay blank (no empty text cell for an absent meeting or merge).
    expect(cellBy(ws, 1, '上会会议').value).toBeNull();
  });
});

describe('会议台账', () => {
  const heldAttendance = [
    att('p1', 'present'),
    att('p2', 'substituted'),
    att('p3', 'leave'),
    att('p4', 'absent'),
    att('p5', 'present', true),
  ];
  const held: LedgerMeeting = {
    meeting: meeting('m1', { title: '@夜市整治专题' }),
    topicCount: 3,
    attendance: ledgerAttendance(heldAttendance, people),
    notice: { year: 2026, number: 7, date: '2026-03-16' },
    minutes: { state: 'issued', issueYear: 2026, issueNumber: 2, issuedOn: '2026-03-25' },
    resolutionCount: 4,
  };
  const planned: LedgerMeeting = {
    meeting: meeting('m2', {
      kind: 'special',
      sequence: 1,
      startsAt: '2026-04-01T01:30:00.000Z',
      state: 'cancelled',
      cancelReason: '主要领导出差',
      chairPersonId: undefined,
    }),
    topicCount: 0,
    attendance: ledgerAttendance([att('p1', 'invited'), att('p2', 'invited')], people),
    resolutionCount: 0,
  };

  it('counts attendance: 应到 members, 出席 with substitutes, 请假, 缺席, 列席 and the units present', () => {
    expect(ledgerAttendance(heldAttendance, people)).toEqual({
      expected: 4,
      present: 2,
      leave: 1,
      absent: 1,
      observers: 1,
      unitIds: ['u1', 'u2', 'u3'],
    });
  });

  it('one row per meeting, by date, with the documents issued', () => {
    const sheet = meetingLedger([planned, held], { unitNames: units, people, docNumberPrefix: '城综执联办' });
    expect(sheet.name).toBe('会议台账');
    expect(sheet.rows).toEqual([
      [
        1,
        '2026年第一次定期联席会议（@夜市整治专题）',
        '定期联席会议',
        new Date('2026-03-20T14:30:00.000Z'),
        '镇政府三楼会议室',
        '李明',
        '已印发',
        3,
        4,
        2,
        1,
        1,
        1,
        '区市场监督管理局、城关镇人民政府、区公安分局',
        '城综执联办〔2026〕7号',
        new Date('2026-03-16T00:00:00.000Z'),
        '2026年第2期',
        new Date('2026-03-25T00:00:00.000Z'),
        4,
      ],
      [
        2,
        '2026年第一次专题会议',
        '专题会议',
        // 01:30 UTC is 09:30 in Shanghai: the ledger shows the time the meeting was called for.
        new Date('2026-04-01T09:30:00.000Z'),
        '镇政府三楼会议室',
        '',
        '已取消（主要领导出差）',
        0,
        2,
        0,
        0,
        0,
        0,
        '',
        '',
        '',
        '',
        '',
        0,
      ],
    ]);
  });

  it('reads back from the workbook: frozen header, date-time and date cells, the name as text', async () => {
    const ws = await roundTrip(
      meetingLedger([held, planned], { unitNames: units, people, docNumberPrefix: '城综执联办' }),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const at = cellBy(ws, 1, '召开时间');
    expect(at.value).toBeInstanceOf(Date);
    expect((at.value as Date).toISOString()).toBe('2026-03-20T14:30:00.000Z');
    expect(at.numFmt).toBe('yyyy"年"m"月"d"日" hh:mm');
    expect(cellBy(ws, 1, '纪要印发日期').value).toBeInstanceOf(Date);
    expect(cellBy(ws, 1, '纪要印发日期').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(cellBy(ws, 1, '出席').value).toBe(2);
    expect(cellBy(ws, 1, '会议名称').type).toBe(ExcelJS.ValueType.String);
    expect(cellBy(ws, 2, '纪要期号').value).toBeNull();
  });

  it('dateTimeCell: local times as written, offsets moved to Shanghai, nonsense blank', () => {
    expect(dateTimeCell('2026-03-20T09:05')).toEqual(new Date('2026-03-20T09:05:00.000Z'));
    expect(dateTimeCell('2026-12-31T20:00:00.000Z')).toEqual(new Date('2027-01-01T04:00:00.000Z'));
    expect(dateTimeCell('2026-03-20T09:05+08:00')).toEqual(new Date('2026-03-20T09:05:00.000Z'));
    expect(dateTimeCell('')).toBe('');
    expect(dateTimeCell('soon')).toBe('');
  });
});
