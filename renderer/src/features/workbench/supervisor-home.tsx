import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  RATING_THRESHOLDS,
  addDays,
  parseQuarterKey,
  previousQuarter,
  quarterKey,
  quarterOf,
  type Quarter,
  type QuarterFigure,
  type Rating,
  type UnitQuarterFigures,
} from '../../../../shared/domain';
import { useFollowupText } from '../followup/labels';
import { useTaskPage } from '../followup/use-followup';
import { useUnitNames } from '../followup/use-unit-names';
import { todayIso } from '../../ui';
import { useAddressParams } from '../../ui/address-params';
import { CardEmpty, MoreLink, TaskList, useQuarterLabel } from './home-parts';
import { useUnitQuarters } from './use-home';

/** The columns of the table, in order. */
const FIGURES: readonly QuarterFigure[] = ['due', 'onTime', 'late', 'overdue', 'pending', 'extended', 'returned'];

/** Presentation of the ratings (the thresholds live in shared/domain). */
export const RATING_COLOURS: Record<Rating, { tag: string; background: string }> = {
  green: { tag: 'success', background: '#f6ffed' },
  amber: { tag: 'warning', background: '#fffbe6' },
  red: { tag: 'error', background: '#fff1f0' },
  none: { tag: 'default', background: 'transparent' },
};

/** 纪工委/司法所: the per-unit red/amber/green table by quarter, and what awaits verification. */
export function SupervisorHome() {
  return (
    <>
      <Col xs={24}>
        <UnitQuarterCard />
      </Col>
      <Col xs={24} xl={12}>
        <AwaitingVerificationCard />
      </Col>
    </>
  );
}

/**
 * The quarter shown: from the address (?quarter=2026Q3) when the screen opens, else the current one; `step` moves
 * it by one and the address follows (so 返回 from a drill-down comes back to the same quarter). Kept in state and
 * stepped by updater, so clicks quicker than a render each count.
 */
function useQuarterParam(): [Quarter, (step: -1 | 1) => void] {
  const [params, changeParams] = useAddressParams();
  const [quarter, setQuarter] = useState<Quarter>(
    () => parseQuarterKey(params.get('quarter')) ?? quarterOf(todayIso()),
  );
  const key = quarterKey(quarter);
  useEffect(() => {
    changeParams((p) => {
      // The current quarter needs no address of its own.
      if ((p.get('quarter') ?? quarterKey(quarterOf(todayIso()))) !== key) p.set('quarter', key);
    });
  }, [key, changeParams]);
  const step = useCallback(
    (dir: -1 | 1) => setQuarter((q) => (dir < 0 ? previousQuarter(q) : quarterOf(addDays(q.end, 1)))),
    [],
  );
  return [quarter, step];
}

function UnitQuarterCard() {
  const { t } = useTranslation('home');
  const { date } = useFollowupText();
  const units = useUnitNames();
  const [quarter, step] = useQuarterParam();
  const table = useUnitQuarters(quarter);
  const key = quarterKey(quarter);
  const label = useQuarterLabel()(quarter);

  const figureCell = (unitId: string | undefined, figure: QuarterFigure, count: number) => {
    if (count === 0 || unitId === undefined)
      return (
        <span data-testid={`cell-${figure}`} data-count={count}>
          {count}
        </span>
      );
    return (
      <Link
        to={`/followup?unit=${unitId}&quarter=${key}&figure=${figure}`}
        data-testid={`cell-${figure}`}
        data-count={count}
        aria-label={t('quarters.cellLabel', {
          unit: units.name(unitId),
          quarter: label,
          figure: t(`quarters.figure.${figure}`),
          count,
        })}
      >
        {count}
      </Link>
    );
  };
  const ratingTag = (rating: Rating, rate: number | undefined) => (
    <Tag color={RATING_COLOURS[rating].tag} data-testid="cell-rating" data-rating={rating}>
      {t(`quarters.ratingLabel.${rating}`)}
      {rate !== undefined ? ` ${Math.round(rate * 100)}%` : ''}
    </Tag>
  );

  const columns: TableColumnsType<UnitQuarterFigures> = [
    { title: t('quarters.unit'), key: 'unit', fixed: 'left', width: 200, render: (_, r) => units.name(r.unitId) },
    {
      title: t('quarters.rating'),
      key: 'rating',
      width: 120,
      render: (_, r) => ratingTag(r.rating, r.onTimeRate),
    },
    ...FIGURES.map((figure) => ({
      title: t(`quarters.figure.${figure}`),
      key: figure,
      align: 'right' as const,
      width: 96,
      render: (_: unknown, r: UnitQuarterFigures) => figureCell(r.unitId, figure, r.ids[figure].length),
    })),
  ];

  return (
    <Card
      title={t('quarters.title')}
      data-testid="unit-quarters"
      extra={
        <Flex gap={8} align="center">
          <Button
            size="small"
            icon={<LeftOutlined aria-hidden />}
            aria-label={t('quarters.prev')}
            onClick={() => step(-1)}
          />
          <Typography.Text strong data-testid="quarter-label">
            {label}
          </Typography.Text>
          <Button
            size="small"
            icon={<RightOutlined aria-hidden />}
            aria-label={t('quarters.next')}
            onClick={() => step(1)}
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
        {t('quarters.hint')} {table ? t('quarters.asOf', { date: date(table.today) }) : ''}
      </Typography.Paragraph>
      {table === undefined ? (
        <Skeleton active />
      ) : table.rows.length === 0 ? (
        <CardEmpty title={t('quarters.empty')} hint={t('quarters.emptyHint')} />
      ) : (
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={table.rows}
          columns={columns}
          onRow={(r) => ({
            'data-testid': 'quarter-row',
            'data-unit': units.name(r.unitId),
            style: { background: RATING_COLOURS[r.rating].background },
          })}
          summary={() => (
            <Table.Summary.Row data-testid="quarter-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('quarters.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{ratingTag(table.total.rating, table.total.onTimeRate)}</Table.Summary.Cell>
              {FIGURES.map((figure, i) => (
                <Table.Summary.Cell key={figure} index={i + 2} align="right">
                  {figureCell(undefined, figure, table.total.counts[figure])}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('quarters.legend', {
          green: Math.round(RATING_THRESHOLDS.greenFrom * 100),
          amber: Math.round(RATING_THRESHOLDS.amberFrom * 100),
        })}
      </Typography.Paragraph>
    </Card>
  );
}

function AwaitingVerificationCard() {
  const { t } = useTranslation('home');
  const units = useUnitNames();
  const page = useTaskPage({ states: ['done_pending_verification'], limit: 5 });
  return (
    <Card title={t('verify.title')} style={{ height: '100%' }} data-testid="awaiting-verification">
      {page === undefined ? (
        <Skeleton active />
      ) : page.total === 0 ? (
        <CardEmpty title={t('verify.empty')} hint={t('verify.emptyHint')} />
      ) : (
        <>
          <TaskList rows={page.rows} unitName={units.name} />
          <MoreLink total={page.total} shown={page.rows.length} to="/followup?state=done_pending_verification" />
        </>
      )}
    </Card>
  );
}
