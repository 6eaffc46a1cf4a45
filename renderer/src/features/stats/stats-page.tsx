import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Modal, Progress, Radio, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { defaultStatisticsRange, type Statistics, type StatisticsFilter } from '../../../../shared/domain';
import { getDataLayer, useUnits } from '../../db';
import { writeLedgerWorkbook } from '../../lib/xlsx/write-ledger';
import { getHost } from '../../platform';
import { useAddressParams } from '../../ui/address-params';
import {
  EmptyState,
  IsoRangePicker,
  Page,
  formatDisplayDate,
  todayIso,
  unitOptionsByKind,
  useReportError,
} from '../../ui';
import { StatChart } from './stat-chart';
import { STAT_SECTIONS, statPngName, statSheets, statTables, statWorkbookName, type StatTable } from './stat-tables';

type Preset = 'thisYear' | 'lastYear' | 'threeYears' | 'all' | 'custom';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function presetRange(p: Exclude<Preset, 'custom'>, today: string, extent: { from?: string; to?: string }) {
  const y = Number(today.slice(0, 4));
  switch (p) {
    case 'thisYear':
      return defaultStatisticsRange(today);
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'threeYears':
      return { from: `${y - 2}-01-01`, to: `${y}-12-31` };
    case 'all':
      return { from: extent.from ?? `${y}-01-01`, to: extent.to ?? `${y}-12-31` };
  }
}

/** The filter from the address (`?from&to&unit`), the current year by default. */
function useFilter(today: string) {
  const [params, change] = useAddressParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const unitId = params.get('unit') ?? undefined;
  const range = ISO.test(from) && ISO.test(to) && from <= to ? { from, to } : defaultStatisticsRange(today);
  const filter: StatisticsFilter = { ...range, ...(unitId ? { unitId } : {}) };
  const set = useCallback(
    (next: Partial<StatisticsFilter> & { unitId?: string | undefined }) =>
      // The address as it is now, not this render's params (a period click right after 清除 of the unit).
      change((p) => {
        if (next.from !== undefined) p.set('from', next.from);
        if (next.to !== undefined) p.set('to', next.to);
        if ('unitId' in next) {
          if (next.unitId) p.set('unit', next.unitId);
          else p.delete('unit');
        }
      }),
    [change],
  );
  return { filter, set };
}

type ExportProgress = { phase: 'writing'; done: number; total: number } | { phase: 'saving' };

/**
 * 统计: the joint meeting's figures for a period and (optionally) a member unit — meetings against the
 * quarterly rule, topics, disputes, the tasks' on-time rate — each chart beside its table, each chart savable
 * as PNG, the page exportable as one .xlsx workbook. Figures come from the statistics repository (indexed reads
 * per filter change) and shared/domain/statistics.ts; this screen only lays them out.
 */
export default function StatsPage() {
  const { t, i18n } = useTranslation(['stats', 'topics', 'disputes', 'meetings', 'units']);
  const zh = i18n.language.startsWith('zh');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const today = todayIso();
  const { filter, set } = useFilter(today);
  const units = useUnits({ includeArchived: true });
  const extent = useLiveQuery(() => getDataLayer().statistics.extent(), []);
  const stats = useLiveQuery(() => getDataLayer().statistics.read(filter), [filter.from, filter.to, filter.unitId]) as
    Statistics | undefined;
  const [progress, setProgress] = useState<ExportProgress | undefined>(undefined);

  const names = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);
  const unitName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const tables = useMemo(() => (stats ? statTables(stats, { t, zh, unitName }) : undefined), [stats, t, zh, unitName]);

  const date = (d: string) => formatDisplayDate(d, i18n.language);
  const period = t('filter.period', { from: date(filter.from), to: date(filter.to) });
  const unitSuffix = filter.unitId ? `，${unitName(filter.unitId)}` : '';
  const presets: Exclude<Preset, 'custom'>[] = ['thisYear', 'lastYear', 'threeYears', 'all'];
  const preset: Preset =
    presets.find((p) => {
      const r = presetRange(p, today, extent ?? {});
      return r.from === filter.from && r.to === filter.to;
    }) ?? 'custom';

  const exportWorkbook = async () => {
    if (!tables) return;
    setProgress({ phase: 'writing', done: 0, total: 0 });
    try {
      const sheets = statSheets(tables, { period, unit: unitSuffix, t });
      const bytes = await writeLedgerWorkbook(sheets, {
        onProgress: (done, total) => setProgress({ phase: 'writing', done, total }),
      });
      setProgress({ phase: 'saving' });
      const fileName = statWorkbookName(filter.from, filter.to);
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes,
        filters: [{ name: t('export.filter'), extensions: ['xlsx'] }],
      });
      if (!result.saved) return;
      await getDataLayer().statistics.recordExport(fileName, {
        from: filter.from,
        to: filter.to,
        ...(filter.unitId ? { unitId: filter.unitId } : {}),
        sheets: sheets.length,
      });
      void message.success(t('export.saved', { name: fileName, sheets: sheets.length }));
    } catch (e) {
      reportError(e);
    } finally {
      setProgress(undefined);
    }
  };

  const filterBar = (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="center">
        <Typography.Text strong>{t('filter.range')}</Typography.Text>
        <Radio.Group
          optionType="button"
          size="middle"
          value={preset}
          aria-label={t('filter.range')}
          options={[...presets, 'custom' as const].map((p) => ({
            value: p,
            label: t(`filter.preset.${p}`),
            disabled: p === 'custom',
          }))}
          onChange={(e) => {
            const p = e.target.value as Preset;
            if (p !== 'custom') set(presetRange(p, today, extent ?? {}));
          }}
        />
        <IsoRangePicker
          aria-label={t('filter.range')}
          value={{ from: filter.from, to: filter.to }}
          placeholder={[t('filter.rangePlaceholderFrom'), t('filter.rangePlaceholderTo')]}
          onChange={(r) => {
            // An end left open is the data's own first or last day.
            const from = r.from ?? extent?.from ?? r.to ?? filter.from;
            const to = r.to ?? extent?.to ?? r.from ?? filter.to;
            set(from <= to ? { from, to } : { from: to, to: from });
          }}
        />
        <Typography.Text strong>{t('filter.unit')}</Typography.Text>
        <Select
          aria-label={t('filter.unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.unitPlaceholder')}
          style={{ minWidth: 240 }}
          value={filter.unitId}
          options={unitOptionsByKind(units ?? [], t)}
          onChange={(v: string | undefined) => set({ unitId: v })}
        />
      </Flex>
      {filter.unitId ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('filter.unitNote')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );

  const extra = (
    <Button
      type="primary"
      icon={<DownloadOutlined aria-hidden />}
      disabled={!tables || stats?.empty}
      loading={progress !== undefined}
      title={t('export.hint')}
      data-testid="stats-export"
      onClick={() => void exportWorkbook()}
    >
      {t('export.button')}
    </Button>
  );

  let body;
  if (!stats || !tables || extent === undefined) body = <Skeleton active />;
  else if (stats.empty) {
    const noData = extent.from === undefined;
    body = (
      <Card>
        {noData ? (
          <EmptyState title={t('empty.noDataTitle')} hint={t('empty.noDataHint')}>
            <Button type="primary" onClick={() => void navigate('/')}>
              {t('empty.goWorkbench')}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState
            title={t('empty.rangeTitle')}
            hint={t('empty.rangeHint', {
              period,
              unit: unitSuffix,
              extent: t('filter.period', { from: date(extent.from!), to: date(extent.to ?? extent.from!) }),
            })}
          >
            <Flex gap={8} justify="center">
              {preset !== 'all' ? (
                <Button type="primary" onClick={() => set(presetRange('all', today, extent))}>
                  {t('empty.showAll')}
                </Button>
              ) : null}
              {filter.unitId ? (
                <Button onClick={() => set({ unitId: undefined })}>{t('empty.clearUnit')}</Button>
              ) : null}
            </Flex>
          </EmptyState>
        )}
      </Card>
    );
  } else {
    const hintArgs = { count: stats.meetings[0]?.required ?? 1 };
    body = STAT_SECTIONS.map((section) => (
      <section key={section.key} aria-label={t(`section.${section.key}`)} style={{ marginBottom: 24 }}>
        <Typography.Title level={4}>{t(`section.${section.key}`)}</Typography.Title>
        <Flex vertical gap={16}>
          {section.charts.map((chart) => (
            <ChartCard
              key={chart}
              table={tables[chart]}
              hint={t(`hint.${chart}`, hintArgs)}
              pngName={statPngName(tables[chart].title, filter.from, filter.to)}
            />
          ))}
        </Flex>
      </section>
    ));
  }

  return (
    <Page title={t('page.title')} description={t('page.description')} extra={extra}>
      {filterBar}
      {body}
      <Modal
        open={progress !== undefined}
        title={t('export.title')}
        footer={null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
      >
        {progress ? (
          <div role="status" aria-live="polite">
            <Progress
              percent={
                progress.phase === 'saving'
                  ? 100
                  : progress.total
                    ? Math.round((progress.done / progress.total) * 99)
                    : 0
              }
              status="active"
            />
            <Typography.Text type="secondary">
              {progress.phase === 'saving'
                ? t('export.saving')
                : t('export.writing', { done: progress.done, total: progress.total })}
            </Typography.Text>
          </div>
        ) : null}
      </Modal>
    </Page>
  );
}

/** A chart with its table beside it (below it on a narrow window). */
function ChartCard({ table, hint, pngName }: { table: StatTable; hint: string; pngName: string }) {
  const wide = table.columns.length > 3;
  const columns = useMemo(
    () =>
      table.columns.map((c) => ({
        key: c.key,
        dataIndex: c.key,
        title: c.title,
        align: c.numeric ? ('right' as const) : ('left' as const),
      })),
    [table],
  );
  const components = useMemo(() => ({ body: { wrapper: staticBody(table) } }), [table]);
  return (
    <Card title={table.title} data-testid={`stat-${table.chart}`}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {hint}
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        {/* Wide tables (by quarter, by unit with figures) take the larger half. */}
        <Col xs={24} xl={wide ? 11 : 14}>
          <StatChart title={table.title} option={table.option} pngName={pngName} testId={`chart-${table.chart}`} />
        </Col>
        <Col xs={24} xl={wide ? 13 : 10}>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            aria-label={table.title}
            className="jd-stat-table"
            dataSource={table.rows}
            scroll={{ x: 'max-content' }}
            columns={columns}
            components={components}
          />
        </Col>
      </Row>
    </Card>
  );
}

/**
 * The body of a statistics table as plain rows and cells, in the markup and classes of Ant Design's table body
 * (the header, frame and styles stay the antd Table's). These tables are static figures — no sorting, selection,
 * expansion or fixed columns — and rc-table's own body mounts a row component and a cell component with several
 * hooks for each row and cell: on the ten-year data they were about 4 MB of the 统计 screen's heap (BENCHMARKS.md).
 * The rows rc-table hands in as children are not mounted; with no rows, its empty placeholder is.
 */
function staticBody(table: StatTable) {
  const cols = table.columns.map((c) => ({ key: c.key, align: c.numeric ? 'right' : 'left' }) as const);
  function StatTableBody({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
    if (table.rows.length === 0) return <tbody {...props}>{children}</tbody>;
    return (
      <tbody {...props}>
        {table.rows.map((r) => (
          <tr key={r.key} data-row-key={r.key} className="ant-table-row ant-table-row-level-0">
            {cols.map((c) => (
              <td
                key={c.key}
                className="ant-table-cell"
                style={r.key === '__total' ? { textAlign: c.align, fontWeight: 600 } : { textAlign: c.align }}
              >
                {r[c.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    );
  }
  return StatTableBody;
}
