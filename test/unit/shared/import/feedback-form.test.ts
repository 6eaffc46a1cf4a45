import { describe, expect, it } from 'vitest';
import type { Resolution } from '../../../../shared/domain';
import {
  FEEDBACK_HEADERS,
  FEEDBACK_META_KEYS,
  FEEDBACK_FORM_VERSION,
  feedbackCheckToken,
  feedbackOutcomeText,
  feedbackRowRef,
  feedbackTaskAction,
  formatFeedbackIssue,
  interpretFeedbackForm,
  parseFeedbackDate,
  parseFeedbackRowRef,
  referencedTaskIds,
  type FeedbackContext,
  type FeedbackFormSheets,
  type FeedbackTask,
} from '../../../../shared/import/feedback-form';

const meta = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
const task = (id: string, lead: string, extra: Partial<Resolution> = {}): Resolution => ({
  id,
  ...meta,
  meetingId: 'm1',
  content: `议定事项${id}`,
  leadUnitId: lead,
  coUnitIds: [],
  state: 'not_started',
  issuedOn: '2026-11-10',
  deadline: '2026-12-04',
  ...extra,
});

const FORM = 'form-1';
const UNIT = 'u-dept';
const tasks = new Map<string, FeedbackTask>([
  ['r1', { resolution: task('r1', UNIT), role: 'lead' }],
  ['r2', { resolution: task('r2', 'u-town', { coUnitIds: [UNIT] }), role: 'co' }],
  ['r3', { resolution: task('r3', UNIT, { state: 'done_pending_verification' }), role: 'lead' }],
]);
const ctx = (extra: Partial<FeedbackContext> = {}): FeedbackContext => ({
  unitId: UNIT,
  unitName: '区市场监管局',
  today: '2026-11-22',
  tasks,
  importedKeys: new Set(),
  ...extra,
});

type Cells = Partial<Record<(typeof FEEDBACK_HEADERS)[number], string>>;
const row = (taskId: string, cells: Cells = {}, ref = feedbackRowRef(FORM, UNIT, taskId)) =>
  Object.fromEntries(FEEDBACK_HEADERS.map((h) => [h, h === '任务编号' ? ref : (cells[h] ?? '')]));
const sheets = (rows: Record<string, string>[], extra: Partial<FeedbackFormSheets> = {}): FeedbackFormSheets => ({
  meta: {
    [FEEDBACK_META_KEYS.formId]: FORM,
    [FEEDBACK_META_KEYS.unitId]: UNIT,
    [FEEDBACK_META_KEYS.unitName]: '区市场监管局',
    [FEEDBACK_META_KEYS.issuedOn]: '2026-11-20',
    [FEEDBACK_META_KEYS.version]: FEEDBACK_FORM_VERSION,
  },
  headers: [...FEEDBACK_HEADERS],
  rows,
  rowNumbers: rows.map((_, i) => 5 + i),
  formulas: [],
  ...extra,
});
const progress = { 反馈类型: '报送进展', 反馈日期: '2026-11-20', 办理情况: '已完成摸底排查' } as const;

function issuesOf(s: FeedbackFormSheets, c = ctx()): string[] {
  const out = interpretFeedbackForm(s, c);
  if (out.ok) throw new Error('expected issues');
  return out.issues.map(formatFeedbackIssue);
}

describe('feedback form: row binding', () => {
  it('a row id is the task id and an 8-hex token over form, unit and task; other forms/units give other tokens', () => {
    const ref = feedbackRowRef(FORM, UNIT, 'r1');
    expect(parseFeedbackRowRef(ref)).toEqual({ taskId: 'r1', token: feedbackCheckToken(FORM, UNIT, 'r1') });
    expect(ref).toMatch(/^r1#[0-9a-f]{8}$/);
    expect(feedbackCheckToken(FORM, 'u-town', 'r1')).not.toBe(feedbackCheckToken(FORM, UNIT, 'r1'));
    expect(feedbackCheckToken('form-2', UNIT, 'r1')).not.toBe(feedbackCheckToken(FORM, UNIT, 'r1'));
    expect(parseFeedbackRowRef('r1')).toBeUndefined();
    expect(referencedTaskIds(sheets([row('r1'), row('r2'), row('x', {}, 'garbage')]))).toEqual(['r1', 'r2']);
  });

  it('dates as typed: date cells, slashes, dots, 年月日; impossible days refused', () => {
    expect(parseFeedbackDate('2026-11-20')).toBe('2026-11-20');
    expect(parseFeedbackDate('2026/1/5')).toBe('2026-01-05');
    expect(parseFeedbackDate('2026年11月20日')).toBe('2026-11-20');
    expect(parseFeedbackDate('２０２６.11.20')).toBe('2026-11-20');
    expect(parseFeedbackDate('2026-02-30')).toBeUndefined();
    expect(parseFeedbackDate('下周')).toBeUndefined();
  });
});

describe('feedback form: interpretation', () => {
  it('a good form: filled rows become entries with a stable key, blank rows are skipped', () => {
    const s = sheets([
      row('r1', { ...progress, '完成比例（%）': '60%', 填报人: '黄科长' }),
      row('r2', { 反馈类型: '报送进展', 反馈日期: '2026/11/21', 办理情况: '配合完成联合检查' }),
      row('r3'),
    ]);
    const out = interpretFeedbackForm(s, ctx());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.blankRows).toBe(1);
    expect(out.entries.map((e) => [e.row, e.taskId, e.kind, e.on, e.percent, e.reporter, e.already])).toEqual([
      [5, 'r1', 'progress', '2026-11-20', 60, '黄科长', false],
      [6, 'r2', 'progress', '2026-11-21', undefined, undefined, false],
    ]);
    const again = interpretFeedbackForm(s, ctx());
    expect(again.ok && again.entries.map((e) => e.key)).toEqual(out.entries.map((e) => e.key));
    expect(out.entries[0]!.key).toMatch(/^fb:form-1:r1:[0-9a-f]{16}$/);
    // Changing the text makes a new report (a new key).
    const edited = interpretFeedbackForm(sheets([row('r1', { ...progress, 办理情况: '另一条' })]), ctx());
    expect(edited.ok && edited.entries[0]!.key).not.toBe(out.entries[0]!.key);
  });

  it('a row recorded before is marked already and not checked against the task state again', () => {
    const s = sheets([row('r1', { ...progress, 反馈类型: '申报办结' })]);
    const first = interpretFeedbackForm(s, ctx());
    if (!first.ok) throw new Error('expected ok');
    const claimed = new Map(tasks);
    claimed.set('r1', { resolution: task('r1', UNIT, { state: 'done_pending_verification' }), role: 'lead' });
    const second = interpretFeedbackForm(s, ctx({ tasks: claimed, importedKeys: new Set([first.entries[0]!.key]) }));
    expect(second.ok && second.entries.map((e) => e.already)).toEqual([true]);
    // Without the key the same row is refused by the task rules.
    expect(issuesOf(s, ctx({ tasks: claimed }))).toEqual([
      '第 5 行“反馈类型”列：该任务已报告办结、等待核验，不能报告办结',
    ]);
  });

  const bad: [string, FeedbackFormSheets, FeedbackContext, string[]][] = [
    [
      'a form of another unit',
      sheets([row('r1', progress)], {
        meta: { ...sheets([]).meta, [FEEDBACK_META_KEYS.unitId]: 'u-town', [FEEDBACK_META_KEYS.unitName]: '城关镇' },
      }),
      ctx(),
      ['第 2 行“填报单位”列：本表是“城关镇”的反馈表，不能作为“区市场监管局”的反馈导入'],
    ],
    [
      "a form whose 单位编号 was edited by hand (the printed name is still this unit's)",
      sheets([row('r1', progress)], { meta: { ...sheets([]).meta, [FEEDBACK_META_KEYS.unitId]: 'u-x1' } }),
      ctx(),
      [
        '第 2 行“填报单位”列：表单信息中的单位编号“u-x1”与“区市场监管局”不符（表单信息可能被改动过），请重新“按单位导出反馈表”后填写',
      ],
    ],
    [
      'a form naming no unit at all',
      sheets([row('r1', progress)], {
        meta: { ...sheets([]).meta, [FEEDBACK_META_KEYS.unitId]: 'u-x2', [FEEDBACK_META_KEYS.unitName]: '' },
      }),
      ctx(),
      [
        '第 2 行“填报单位”列：表单信息中的单位编号“u-x2”与“区市场监管局”不符（表单信息可能被改动过），请重新“按单位导出反馈表”后填写',
      ],
    ],
    [
      'not an exported form',
      sheets([row('r1', progress)], { meta: {} }),
      ctx(),
      ['第 1 行“表单信息”列：不是本系统导出的督办事项反馈表（缺少表单信息），请使用“按单位导出反馈表”生成的文件'],
    ],
    [
      'an edited id',
      sheets([row('r1', progress, `r1#${'0'.repeat(8)}`)]),
      ctx(),
      ['第 5 行“任务编号”列：任务编号“r1#00000000”已被修改或不属于本表，请使用导出时的原值'],
    ],
    [
      "a row copied from another unit's form",
      sheets([row('r2', progress, feedbackRowRef(FORM, 'u-town', 'r2'))]),
      ctx(),
      [
        `第 5 行“任务编号”列：任务编号“${feedbackRowRef(FORM, 'u-town', 'r2')}”已被修改或不属于本表，请使用导出时的原值`,
      ],
    ],
    [
      'a bad date',
      sheets([row('r1', { ...progress, 反馈日期: '2026-13-01' })]),
      ctx(),
      ['第 5 行“反馈日期”列：“2026-13-01”不是有效日期，请按 2026-03-09 的格式填写'],
    ],
    [
      'a date after today',
      sheets([row('r1', { ...progress, 反馈日期: '2026-11-23' })]),
      ctx(),
      ['第 5 行“反馈日期”列：反馈日期不能晚于今天（2026年11月22日）'],
    ],
    [
      'a date before the minutes were issued',
      sheets([row('r1', { ...progress, 反馈日期: '2026-11-01' })]),
      ctx(),
      ['第 5 行“反馈日期”列：反馈日期不能早于会议纪要印发日期（2026年11月10日）'],
    ],
    [
      'an unknown feedback type',
      sheets([row('r1', { ...progress, 反馈类型: '已办结' })]),
      ctx(),
      ['第 5 行“反馈类型”列：“已办结”不是可选的反馈类型，请从下拉列表选择：报送进展、申报办结'],
    ],
    [
      'a co-unit declaring done',
      sheets([row('r2', { ...progress, 反馈类型: '申报办结' })]),
      ctx(),
      ['第 5 行“反馈类型”列：配合单位只能报送进展；申报办结由牵头单位填报'],
    ],
    [
      'a percentage out of range and text missing',
      sheets([row('r1', { 反馈类型: '报送进展', 反馈日期: '2026-11-20', '完成比例（%）': '120' })]),
      ctx(),
      ['第 5 行“办理情况”列：请填写办理情况', '第 5 行“完成比例（%）”列：完成比例应为 0 到 100 之间的整数'],
    ],
    [
      'a duplicate row',
      sheets([row('r1', progress), row('r1', { ...progress, 办理情况: '又一条' })]),
      ctx(),
      ['第 6 行“任务编号”列：与第 5 行是同一项任务，每项任务只填一行'],
    ],
    [
      'a formula cell',
      sheets([row('r1', progress)], { formulas: [{ row: 5, column: '办理情况' }] }),
      ctx(),
      ['第 5 行“办理情况”列：不接受公式，请直接填写内容（复制后“选择性粘贴 → 数值”）'],
    ],
    [
      'an added row without id',
      sheets([row('r1', progress), row('', progress, '')]),
      ctx(),
      ['第 6 行“任务编号”列：缺少任务编号：请只在导出的任务行中填写，勿新增行或删除任务编号'],
    ],
    [
      'a task no longer of the unit',
      sheets([row('r9', progress)]),
      ctx(),
      ['第 5 行“任务编号”列：找不到该任务，或该单位已不是它的牵头或配合单位'],
    ],
    [
      'a deleted header',
      sheets([row('r1', progress)], { headers: FEEDBACK_HEADERS.filter((h) => h !== '反馈日期') }),
      ctx(),
      ['第 4 行“反馈日期”列：缺少“反馈日期”列，请勿删除或改动表头'],
    ],
  ];
  it.each(bad)('%s: refused, the row and column named', (_name, s, c, expected) => {
    expect(issuesOf(s, c)).toEqual(expected);
  });

  it('too many rows are refused before any row is read', () => {
    const many = Array.from({ length: 501 }, () => row('r1', progress));
    expect(issuesOf(sheets(many))).toEqual(['第 505 行“任务编号”列：行数过多：一张反馈表最多 500 行任务']);
  });
});

describe('feedback form: what a row records', () => {
  const entry = {
    row: 5,
    taskId: 'r1',
    kind: 'claim_done' as const,
    on: '2026-11-20',
    text: '已全部整改',
    reporter: '黄科长',
    key: 'k',
    already: false,
  };
  it('申报办结 is 报告办结 for an actor who may take it, else 报送进展 marked 申报办结 (state unchanged)', () => {
    expect(feedbackTaskAction(entry, UNIT, true)).toEqual({
      type: 'claim_done',
      text: '已全部整改（填报人：黄科长）（反馈日期2026年11月20日）',
    });
    expect(feedbackTaskAction(entry, UNIT, false)).toEqual({
      type: 'progress',
      on: '2026-11-20',
      unitId: UNIT,
      text: '申报办结：已全部整改（填报人：黄科长）',
    });
    expect(feedbackOutcomeText(entry, false)).toContain('记为进展“申报办结”');
    expect(feedbackOutcomeText(entry, true)).toContain('已办结待核验');
    expect(feedbackOutcomeText({ ...entry, kind: 'progress', percent: 40 }, false)).toBe(
      '报送进展（2026年11月20日，完成比例 40%）',
    );
    expect(feedbackOutcomeText({ ...entry, already: true }, false)).toBe('本表此前已导入过该条反馈，不再重复记录');
  });
});
