import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../../../shared/domain';
import { disputeLedger, safeCell } from '../../../../../shared/export/ledger';

const base: Dispute = {
  id: 'd1',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  number: '争〔2026〕2号',
  matter: '占道经营查处',
  type: 'responsibility',
  partyUnitIds: ['a', 'b'],
  positions: {},
  firstHandlingUnitId: 'a',
  registeredOn: '2026-09-01',
  state: 'closed',
  stateSince: '2026-10-20',
  rounds: [{ date: '2026-09-03', participants: 'x', content: 'y' }],
  designatedUnitId: 'b',
  decisionNumber: '区政办〔2026〕9号',
  closedOn: '2026-10-20',
};
const names = new Map([
  ['a', '城关镇人民政府'],
  ['b', '区市场监督管理局'],
]);

describe('执法争议台账', () => {
  it('has the office columns and one row per dispute, oldest first', () => {
    const later = {
      ...base,
      id: 'd2',
      number: '争〔2026〕5号',
      registeredOn: '2026-10-01',
      state: 'negotiating' as const,
      closedOn: undefined,
      designatedUnitId: undefined,
    };
    const sheet = disputeLedger([later, base], names);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '编号',
      '争议事项',
      '争议各方',
      '类型',
      '先行处理单位',
      '登记日期',
      '当前状态',
      '协商次数',
      '处理结果',
      '结案日期',
    ]);
    expect(sheet.rows[0]).toEqual([
      '争〔2026〕2号',
      '占道经营查处',
      '城关镇人民政府、区市场监督管理局',
      '职责边界',
      '城关镇人民政府',
      '2026年9月1日',
      '已结案',
      1,
      '区政府指定区市场监督管理局管辖（区政办〔2026〕9号）',
      '2026年10月20日',
    ]);
    expect(sheet.rows[1]![6]).toBe('协商中');
    expect(sheet.rows[1]![9]).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeCell('+1')).toBe(`'+1`);
    expect(safeCell('-2')).toBe(`'-2`);
    expect(safeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeCell('正常文本')).toBe('正常文本');
    expect(safeCell(3)).toBe(3);
    const sheet = disputeLedger([{ ...base, matter: '=cmd|calc' }], names);
    expect(sheet.rows[0]![1]).toBe(`'=cmd|calc`);
  });
});
