import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CALENDAR,
  taskWarning,
  type Resolution,
  type TaskEvent,
  type WarningOptions,
} from '../../../../../shared/domain';
import {
  dateCell,
  resolutionLedger,
  TASK_EVENT_KIND_LABELS,
  type LedgerTask,
} from '../../../../../shared/export/ledger';

const TODAY = '2026-11-20';
const options: WarningOptions = { dueSoonWorkingDays: 3, calendar: BUNDLED_CALENDAR };
const names = new Map([
  ['u1', '区市场监督管理局'],
  ['u2', '城关镇人民政府'],
  ['u3', '区公安分局'],
]);
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const base: Resolution = {
  id: 'r1',
  createdAt: '2026-10-09T02:00:00.000Z',
  updatedAt: '2026-10-09T02:00:00.000Z',
  meetingId: 'm1',
  minutesId: 'n1',
  content: '由区市场监督管理局牵头，对农贸市场周边占道经营开展联合整治',
  leadUnitId: 'u1',
  coUnitIds: ['u2', 'u3'],
  deadlineRule: { kind: 'working_days', days: 10 },
  deadline: '2026-10-26',
  state: 'in_progress',
  issuedOn: '2026-10-12',
};

let seq = 0;
const ev = (on: string, kind: TaskEvent['kind'], text: string, extra: Partial<TaskEvent> = {}): TaskEvent => ({
  id: `e${++seq}`,
  resolutionId: 'r1',
  kind,
  on,
  text,
  createdAt: `${on}T03:00:00.000Z`,
  ...extra,
});

const task = (r: Resolution, events: TaskEvent[], extra: Partial<LedgerTask> = {}): LedgerTask => ({
  resolution: r,
  warning: taskWarning(r, TODAY, options),
  meeting: { year: 2026, sequence: 3, kind: 'regular', startsAt: '2026-10-09T01:00:00.000Z' },
  issueNumber: 4,
  issueYear: 2026,
  events,
  ...extra,
});

describe('督办事项台账 and 办理记录', () => {
  it('has the office columns in Chinese, dates as real dates and one row per task', () => {
    const overdue = task(base, [
      ev('2026-10-20', 'progress', '已完成摸排，正在整治', { unitId: 'u1', percent: 40 }),
      ev('2026-10-15', 'progress', '已制定方案', { unitId: 'u1', percent: 10 }),
      ev('2026-10-28', 'reminder', '请抓紧办理', { unitId: 'u2' }),
    ]);
    const [main, record] = resolutionLedger([overdue], { unitNames: names });
    expect(main.name).toBe('督办事项台账');
    expect(main.columns.map((c) => c.header)).toEqual([
      '序号',
      '来源会议',
      '纪要期号',
      '议定事项',
      '牵头单位',
      '配合单位',
      '完成时限',
      '暂定',
      '延期',
      '状态',
      '预警',
      '最新进展',
      '核验意见',
      '办结日期',
    ]);
    expect(main.columns.filter((c) => c.kind === 'date').map((c) => c.header)).toEqual([
      '完成时限',
      '延期',
      '办结日期',
    ]);
    expect(main.rows).toEqual([
      [
        1,
        '2026年第三次定期联席会议',
        '2026年第4期',
        base.content,
        '区市场监督管理局',
        '城关镇人民政府、区公安分局',
        d('2026-10-26'),
        '',
        '',
        '办理中',
        '逾期',
        '2026年10月20日：已完成摸排，正在整治',
        '',
        '',
      ],
    ]);
    expect(main.rows[0]![6]).toBeInstanceOf(Date);

    expect(record.name).toBe('办理记录');
    expect(record.columns.map((c) => c.header)).toEqual(['序号', '日期', '类型', '单位', '内容', '百分比']);
    // oldest first, keyed by the task's 序号
    expect(record.rows).toEqual([
      [1, d('2026-10-15'), '进展', '区市场监督管理局', '已制定方案', 10],
      [1, d('2026-10-20'), '进展', '区市场监督管理局', '已完成摸排，正在整治', 40],
      [1, d('2026-10-28'), '催办', '城关镇人民政府', '请抓紧办理', ''],
    ]);
  });

  it('shows 临期, 暂定, an approved extension with the original deadline, and a verified task', () => {
    const dueSoon = task({ ...base, id: 'r2', deadline: '2026-11-23', deadlineProvisional: true }, []);
    const extended = task(
      { ...base, id: 'r3', deadline: '2026-12-18', extension: undefined, createdAt: '2026-10-09T02:00:01.000Z' },
      [
        ev('2026-10-22', 'extension', '因需补充调查取证，申请延期', { newDeadline: '2026-12-18' }),
        ev('2026-10-23', 'deadline_change', '同意延期', { newDeadline: '2026-12-18', approved: true }),
      ],
    );
    const verified = task({ ...base, id: 'r4', state: 'verified', createdAt: '2026-10-09T02:00:02.000Z' }, [
      ev('2026-10-21', 'completion', '已整治完毕', { unitId: 'u1' }),
      ev('2026-10-22', 'verification', '现场核实不到位', { unitId: 'u3', approved: false }),
      ev('2026-10-25', 'verification', '经现场核验，已整改到位', { unitId: 'u3', approved: true }),
    ]);
    const pending = task(
      {
        ...base,
        id: 'r5',
        deadline: '2026-12-31',
        createdAt: '2026-10-09T02:00:03.000Z',
        extension: {
          state: 'pending',
          requestedOn: '2026-11-18',
          proposedDeadline: '2027-01-29',
          reason: '多部门配合',
        },
        cannotComplete: { reason: '涉及历史遗留问题', on: '2026-11-19', escalated: true, escalatedOn: '2026-11-19' },
      },
      [ev('2026-11-19', 'cannot_complete', '提交党政联席会议研究。', { unitId: 'u2' })],
    );
    const [main, record] = resolutionLedger([pending, verified, extended, dueSoon], { unitNames: names });
    const byContent = main.rows;
    // ledger order: same issue, then time of entry
    expect(byContent.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    const [rDue, rExt, rVer, rPend] = byContent as [unknown[], unknown[], unknown[], unknown[]];
    expect(rDue[7]).toBe('暂定');
    expect(rDue[10]).toBe('临期');
    // 10 working days after 2026-10-12 (the 印发 date) is 2026-10-26; the extension moved it.
    expect(rExt[6]).toEqual(d('2026-10-26'));
    expect(rExt[8]).toEqual(d('2026-12-18'));
    expect(rExt[10]).toBe('');
    expect(rVer[9]).toBe('已核验办结');
    expect(rVer[10]).toBe('');
    expect(rVer[11]).toBe('2026年10月21日：已整治完毕');
    expect(rVer[12]).toBe('2026年10月25日：通过。经现场核验，已整改到位');
    expect(rVer[13]).toEqual(d('2026-10-25'));
    expect(rPend[9]).toBe('办理中（延期申请待审批；不能办结，已提交党政联席会议）');

    const kinds = record.rows.map((r) => [r[0], r[2], r[4]]);
    expect(kinds).toEqual([
      [2, '延期', '因需补充调查取证，申请延期（拟延期至2026年12月18日）'],
      [2, '时限变更', '同意延期'],
      [3, '办结', '已整治完毕'],
      [3, '核验', '【未通过】现场核实不到位'],
      [3, '核验', '【通过】经现场核验，已整改到位'],
      [4, '不能办结', '提交党政联席会议研究。'],
    ]);
    expect(Object.values(TASK_EVENT_KIND_LABELS)).toEqual([
      '进展',
      '催办',
      '意见',
      '延期',
      '核验',
      '时限变更',
      '办结',
      '不能办结',
    ]);
  });

  it('neutralises every text that a spreadsheet would run as a formula', () => {
    const evil = '=HYPERLINK("http://x","点我")';
    const t = task({ ...base, content: evil, feedback: '+1' }, [
      ev('2026-10-15', 'progress', '-2+3', { unitId: 'evil' }),
      ev('2026-10-16', 'comment', '@SUM(A1:A9)', { unitId: 'u2' }),
    ]);
    const [main, record] = resolutionLedger([t], { unitNames: new Map([...names, ['evil', '=cmd|calc']]) });
    const cells = [...main.rows.flat(), ...record.rows.flat()].filter((c): c is string => typeof c === 'string');
    for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@\t\r]/);
    expect(main.rows[0]![3]).toBe(`'${evil}`);
    expect(record.rows[0]![3]).toBe(`'=cmd|calc`);
    expect(record.rows[0]![4]).toBe(`'-2+3`);
    expect(record.rows[1]![4]).toBe(`'@SUM(A1:A9)`);
    // the latest progress starts with its date, so it is safe as is
    expect(main.rows[0]![11]).toBe('2026年10月15日：-2+3');
  });

  it('dateCell gives UTC midnight of the day, or blank', () => {
    expect(dateCell('2026-03-09')).toEqual(new Date(Date.UTC(2026, 2, 9)));
    expect(dateCell('2026-03-09T10:00:00Z')).toEqual(new Date(Date.UTC(2026, 2, 9)));
    expect(dateCell(undefined)).toBe('');
    expect(dateCell('not a date')).toBe('');
  });
});
