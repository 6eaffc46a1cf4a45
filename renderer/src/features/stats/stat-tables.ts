import type { TFunction } from 'i18next';
import {
  chineseNumber,
  type OnTimeCounts,
  type Quarter,
  type QuarterRuleStatus,
  type Statistics,
} from '../../../../shared/domain';
import { safeCell, type LedgerSheet } from '../../../../shared/export/ledger';

/**
 * The tables of the statistics page, one per chart, and each chart's echarts option — built from the series of
 * shared/domain/statistics.ts only (no figure is computed here: this is labelling and layout). The same table
 * is shown beside its chart (antd Table) and written as one sheet of the exported workbook.
 */

export const STAT_CHARTS = [
  'meetings',
  'topicCategory',
  'topicUnit',
  'topicOutcome',
  'disputeType',
  'disputeState',
  'disputeAge',
  'onTimeUnit',
  'onTimeQuarter',
] as const;
export type StatChart = (typeof STAT_CHARTS)[number];

export const STAT_SECTIONS: readonly { key: 'meetings' | 'topics' | 'disputes' | 'tasks'; charts: StatChart[] }[] = [
  { key: 'meetings', charts: ['meetings'] },
  { key: 'topics', charts: ['topicCategory', 'topicUnit', 'topicOutcome'] },
  { key: 'disputes', charts: ['disputeType', 'disputeState', 'disputeAge'] },
  { key: 'tasks', charts: ['onTimeUnit', 'onTimeQuarter'] },
];

export type Cell = string | number;

export interface StatColumn {
  key: string;
  title: string;
  /** Width in the workbook (characters). */
  width: number;
  numeric?: boolean;
}

export interface StatTable {
  chart: StatChart;
  title: string;
  columns: StatColumn[];
  /** Cells keyed by column key; `key` identifies the row. */
  rows: ({ key: string } & Record<string, Cell>)[];
  /** The echarts option (plain data; echarts itself is loaded only when a chart is drawn). */
  option: Record<string, unknown>;
}

export interface StatLabels {
  t: TFunction;
  zh: boolean;
  unitName: (id: string) => string;
}

export const COLORS = {
  regular: '#1677ff',
  special: '#13c2c2',
  consultation: '#722ed1',
  onTime: '#52c41a',
  late: '#faad14',
  overdue: '#f5222d',
  pending: '#bfbfbf',
  open: '#fa8c16',
  closed: '#1677ff',
  bar: '#1677ff',
} as const;

export function quarterLabel(q: Pick<Quarter, 'year' | 'quarter'>, l: Pick<StatLabels, 't' | 'zh'>): string {
  return l.t('stats:quarter', { year: q.year, q: l.zh ? chineseNumber(q.quarter) : q.quarter });
}

export function percent(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

const grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };
const base = { animationDuration: 300, aria: { enabled: true }, tooltip: { trigger: 'axis' } };

/** A single-series bar chart of labelled counts (horizontal when the labels are long). */
function countsBar(labels: string[], counts: number[], horizontal: boolean): Record<string, unknown> {
  const cat = { type: 'category', data: labels, axisLabel: { interval: 0, ...(horizontal ? {} : { rotate: 30 }) } };
  const val = { type: 'value', minInterval: 1 };
  return {
    ...base,
    grid,
    ...(horizontal ? { xAxis: val, yAxis: { ...cat, inverse: true } } : { xAxis: cat, yAxis: val }),
    series: [
      {
        type: 'bar',
        data: counts,
        itemStyle: { color: COLORS.bar },
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

function countsPie(labels: string[], counts: number[]): Record<string, unknown> {
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: labels.map((name, i) => ({ name, value: counts[i] })).filter((d) => d.value! > 0),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  };
}

type CountRow = { key: string; label: string; count: number };

function countsTable(
  chart: StatChart,
  labelTitle: string,
  rows: CountRow[],
  l: StatLabels,
  kind: 'bar' | 'hbar' | 'pie',
): StatTable {
  const t = l.t;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const labels = rows.map((r) => r.label);
  const counts = rows.map((r) => r.count);
  return {
    chart,
    title: t(`stats:chart.${chart}`),
    columns: [
      { key: 'label', title: labelTitle, width: 28 },
      { key: 'count', title: t('stats:col.count'), width: 10, numeric: true },
    ],
    rows: [
      ...rows.map((r) => ({ key: r.key, label: r.label, count: r.count })),
      { key: '__total', label: t('stats:col.total'), count: total },
    ],
    option: kind === 'pie' ? countsPie(labels, counts) : countsBar(labels, counts, kind === 'hbar'),
  };
}

function onTimeTable(
  chart: 'onTimeUnit' | 'onTimeQuarter',
  first: StatColumn,
  rows: ({ key: string; label: string } & OnTimeCounts)[],
  total: OnTimeCounts,
  l: StatLabels,
): StatTable {
  const t = l.t;
  const figures = ['onTime', 'late', 'overdue', 'pending'] as const;
  const labels = rows.map((r) => r.label);
  return {
    chart,
    title: t(`stats:chart.${chart}`),
    columns: [
      first,
      { key: 'due', title: t('stats:col.due'), width: 10, numeric: true },
      ...figures.map((f) => ({ key: f, title: t(`stats:col.${f}`), width: 10, numeric: true })),
      { key: 'rate', title: t('stats:col.rate'), width: 12, numeric: true },
    ],
    rows: [...rows, { key: '__total', label: t('stats:col.total'), ...total }].map((r) => ({
      key: r.key,
      label: r.label,
      due: r.due,
      onTime: r.onTime,
      late: r.late,
      overdue: r.overdue,
      pending: r.pending,
      rate: percent(r.onTimeRate),
    })),
    option: {
      ...base,
      grid: { ...grid, top: 48 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('stats:col.due') },
        { type: 'value', min: 0, max: 100, name: t('stats:col.rate'), axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        ...figures.map((f) => ({
          name: t(`stats:col.${f}`),
          type: 'bar',
          stack: 'tasks',
          data: rows.map((r) => r[f]),
          itemStyle: { color: COLORS[f] },
        })),
        {
          name: t('stats:col.rate'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.onTimeRate === undefined ? null : Math.round(r.onTimeRate * 1000) / 10)),
          itemStyle: { color: '#262626' },
          label: { show: true, formatter: '{c}%' },
          connectNulls: false,
        },
      ],
    },
  };
}

function statusText(status: QuarterRuleStatus, partial: boolean, t: TFunction): string {
  const s = t(`stats:status.${status}`);
  return partial ? t('stats:status.partial', { status: s }) : s;
}

/** Every table of the page, in page order. */
export function statTables(s: Statistics, l: StatLabels): Record<StatChart, StatTable> {
  const { t } = l;
  const kinds = ['regular', 'special', 'consultation'] as const;
  const qLabels = s.meetings.map((r) => quarterLabel(r.quarter, l));
  const required = s.meetings[0]?.required ?? 1;
  const meetings: StatTable = {
    chart: 'meetings',
    title: t('stats:chart.meetings'),
    columns: [
      { key: 'label', title: t('stats:col.quarter'), width: 18 },
      ...kinds.map((k) => ({ key: k, title: t(`meetings:kind.${k}`), width: 14, numeric: true })),
      { key: 'required', title: t('stats:col.required'), width: 14, numeric: true },
      { key: 'status', title: t('stats:col.status'), width: 30 },
    ],
    rows: s.meetings.map((r, i) => ({
      key: r.key,
      label: qLabels[i]!,
      regular: r.held.regular,
      special: r.held.special,
      consultation: r.held.consultation,
      required: r.required,
      status: statusText(r.status, r.partial, t),
    })),
    option: {
      ...base,
      grid: { ...grid, top: 48 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: qLabels, axisLabel: { interval: 0, rotate: qLabels.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((k, i) => ({
        name: t(`meetings:kind.${k}`),
        type: 'bar',
        stack: 'held',
        data: s.meetings.map((r) => r.held[k]),
        itemStyle: { color: COLORS[k] },
        ...(i === 0
          ? {
              markLine: {
                symbol: 'none',
                data: [{ yAxis: required, name: t('stats:col.required') }],
                lineStyle: { color: COLORS.overdue, type: 'dashed' },
                label: { formatter: `${t('stats:col.required')} {c}`, position: 'insideEndTop' },
              },
            }
          : {}),
      })),
    },
  };

  const topicCategory = countsTable(
    'topicCategory',
    t('stats:col.category'),
    s.topics.byCategory.map((c) => ({ key: c.category, label: t(`topics:category.${c.category}`), count: c.count })),
    l,
    'hbar',
  );
  const topicUnit = countsTable(
    'topicUnit',
    t('stats:col.unit'),
    s.topics.byUnit.map((u) => ({ key: u.unitId, label: l.unitName(u.unitId), count: u.count })),
    l,
    'hbar',
  );
  const topicOutcome = countsTable(
    'topicOutcome',
    t('stats:col.outcome'),
    s.topics.byOutcome.map((o) => ({
      key: o.outcome,
      label: o.outcome === 'pending' ? t('stats:outcome.pending') : t(`topics:state.${o.outcome}`),
      count: o.count,
    })),
    l,
    'pie',
  );
  const disputeType = countsTable(
    'disputeType',
    t('stats:col.type'),
    s.disputes.byType.map((d) => ({ key: d.type, label: t(`disputes:type.${d.type}`), count: d.count })),
    l,
    'pie',
  );
  const disputeState = countsTable(
    'disputeState',
    t('stats:col.state'),
    s.disputes.byState.map((d) => ({ key: d.state, label: t(`disputes:state.${d.state}`), count: d.count })),
    l,
    'bar',
  );
  const ageLabels = s.disputes.byAge.map((a) => t(`stats:age.${a.key}`));
  const ageTotal = s.disputes.byAge.reduce((n, a) => ({ open: n.open + a.open, closed: n.closed + a.closed }), {
    open: 0,
    closed: 0,
  });
  const disputeAge: StatTable = {
    chart: 'disputeAge',
    title: t('stats:chart.disputeAge'),
    columns: [
      { key: 'label', title: t('stats:col.age'), width: 16 },
      { key: 'open', title: t('stats:col.open'), width: 10, numeric: true },
      { key: 'closed', title: t('stats:col.closed'), width: 10, numeric: true },
    ],
    rows: [
      ...s.disputes.byAge.map((a, i) => ({ key: a.key, label: ageLabels[i]!, open: a.open, closed: a.closed })),
      { key: '__total', label: t('stats:col.total'), ...ageTotal },
    ],
    option: {
      ...base,
      grid: { ...grid, top: 48 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: ageLabels },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['open', 'closed'] as const).map((k) => ({
        name: t(`stats:col.${k}`),
        type: 'bar',
        data: s.disputes.byAge.map((a) => a[k]),
        itemStyle: { color: COLORS[k] },
        label: { show: true, position: 'top' },
      })),
    },
  };

  const onTimeUnit = onTimeTable(
    'onTimeUnit',
    { key: 'label', title: t('stats:col.unit'), width: 28 },
    s.onTime.byUnit.map((u) => ({ ...u, key: u.unitId, label: l.unitName(u.unitId) })),
    s.onTime.total,
    l,
  );
  const onTimeQuarter = onTimeTable(
    'onTimeQuarter',
    { key: 'label', title: t('stats:col.quarter'), width: 18 },
    s.onTime.byQuarter.map((q) => ({ ...q, label: quarterLabel(q.quarter, l) })),
    s.onTime.total,
    l,
  );
  return {
    meetings,
    topicCategory,
    topicUnit,
    topicOutcome,
    disputeType,
    disputeState,
    disputeAge,
    onTimeUnit,
    onTimeQuarter,
  };
}

/** The workbook: one sheet per chart's table, in page order, each titled with the period (and unit). */
export function statSheets(
  tables: Record<StatChart, StatTable>,
  heading: { period: string; unit: string; t: TFunction },
): LedgerSheet[] {
  return STAT_CHARTS.map((chart) => {
    const table = tables[chart];
    return {
      name: table.title,
      title: heading.t('stats:export.sheetTitle', { title: table.title, period: heading.period, unit: heading.unit }),
      columns: table.columns.map((c) => ({ header: c.title, width: c.width })),
      // Unit names are typed by users: formula-injection safe (cells.ts).
      rows: table.rows.map((r) => table.columns.map((c) => safeCell(r[c.key]))),
    };
  });
}

/** `统计报表-20260101-20261231.xlsx` */
export function statWorkbookName(from: string, to: string): string {
  return `统计报表-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}.xlsx`;
}

/** `议题（按类别）-20260101-20261231.png` */
export function statPngName(title: string, from: string, to: string): string {
  return `${title.replace(/[\\/:*?"<>|]/g, ' ')}-${from.replaceAll('-', '')}-${to.replaceAll('-', '')}.png`;
}
