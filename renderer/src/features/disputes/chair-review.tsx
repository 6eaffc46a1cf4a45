import { CalendarOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { isPreparing, type ChairReviewRow as Row, type Dispute } from '../../../../shared/domain';
import { getDataLayer, useChairReviewPage } from '../../db';
import { Guarded, listPagination, useReportError } from '../../ui';
import { useDisputesText } from './labels';
import { DisputeStateTag } from './state-tag';
import { ThresholdsModal } from './thresholds-modal';
import type { NameLookup } from './use-names';

const PAGE_SIZE = listPagination(String).pageSize ?? 20;

/**
 * 主任审阅 (未结争议审阅): every open dispute oldest first, how long it has waited, whether it is stuck
 * by the configured thresholds and what to do next; from here it goes on the next meeting's agenda.
 * One page is read and assessed by the repository (`disputes.reviewPage`: the order from index keys, the open
 * and stuck counts from index counts), 20 rows at a time; render only lays out what it was given.
 */
export function ChairReview({ names }: { names: NameLookup }) {
  const { t, date, stuckReason, stuckSuggestion } = useDisputesText();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [current, setCurrent] = useState(1);
  const review = useChairReviewPage({ offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string>();
  const upcoming = useMemo(
    () => new Set(names.meetings.filter((m) => isPreparing(m)).map((m) => m.id)),
    [names.meetings],
  );

  const putOnAgenda = async (d: Dispute) => {
    setBusy(d.id);
    try {
      const { meeting } = await getDataLayer().disputes.putOnNextAgenda(d.id);
      void message.success(t('disputes:review.onAgendaDone', { number: d.number, meeting: names.meeting(meeting.id) }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(undefined);
    }
  };

  // A page emptied by a change (a dispute closed) falls back to the last page there is.
  const lastPage = Math.max(1, Math.ceil((review?.total ?? 0) / PAGE_SIZE));
  // (Set during render, as React advises for state that follows data: no effect, no extra frame.)
  if (review !== undefined && current > lastPage) setCurrent(lastPage);

  if (review === undefined) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const { rows, total, stuck, thresholds, today } = review;

  const dayCell = (n: number | null) => (n === null ? '—' : t('disputes:review.days', { count: n }));
  const columns: TableColumnsType<Row> = [
    {
      title: t('disputes:review.dispute'),
      key: 'dispute',
      // A fixed share: without it the fixed-width columns squeeze the number to one character a line (English).
      width: 240,
      render: (_, r) => (
        <Flex vertical gap={2}>
          {/* A real link (href): reachable by Tab and opened with Enter, like every other link. */}
          <Link to={`/disputes/${r.dispute.id}`}>{r.dispute.number}</Link>
          <span>{r.dispute.matter}</span>
        </Flex>
      ),
    },
    {
      title: t('disputes:field.state'),
      key: 'state',
      width: 120,
      render: (_, r) => <DisputeStateTag state={r.dispute.state} />,
    },
    {
      title: t('disputes:field.partyUnitIds'),
      key: 'parties',
      width: 200,
      render: (_, r) => r.dispute.partyUnitIds.map(names.unit).join(t('disputes:listSeparator')),
    },
    {
      title: t('disputes:review.ageDays'),
      key: 'age',
      width: 90,
      align: 'right',
      render: (_, r) => <span data-testid="age-days">{dayCell(r.assessment.ageDays)}</span>,
    },
    {
      title: t('disputes:review.daysInState'),
      key: 'inState',
      width: 96,
      align: 'right',
      render: (_, r) => <span data-testid="days-in-state">{dayCell(r.assessment.daysInState)}</span>,
    },
    {
      title: t('disputes:review.sinceLastRound'),
      key: 'sinceRound',
      width: 96,
      align: 'right',
      render: (_, r) => <span data-testid="since-last-round">{dayCell(r.assessment.daysSinceLastRound)}</span>,
    },
    {
      title: t('disputes:review.stuck'),
      key: 'stuck',
      width: 230,
      render: (_, r) =>
        r.assessment.stuck ? (
          <Flex vertical gap={2}>
            <span>
              <Tag color="red">{t('disputes:review.stuckTag')}</Tag>
            </span>
            {r.assessment.reasons.map((x) => (
              <Typography.Text key={x.code} type="danger" style={{ fontSize: 12 }}>
                {stuckReason(x)}
              </Typography.Text>
            ))}
            {r.assessment.suggestion ? (
              <Typography.Text strong style={{ fontSize: 12 }}>
                {stuckSuggestion(r.assessment.suggestion)}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          <Tag color="green">{t('disputes:review.normalTag')}</Tag>
        ),
    },
    {
      title: t('disputes:review.agenda'),
      key: 'agenda',
      width: 190,
      render: (_, r) => {
        const on = r.dispute.agendaMeetingId;
        // Already on an agenda still to be held: nothing to do. Once that meeting is past, offer the next one.
        const pending = on !== undefined && upcoming.has(on);
        return (
          <Flex vertical gap={4} align="flex-start">
            {on ? (
              <Typography.Text style={{ fontSize: 12 }} type={pending ? undefined : 'secondary'}>
                <CalendarOutlined aria-hidden /> {t('disputes:review.onAgenda', { meeting: names.meeting(on) })}
              </Typography.Text>
            ) : null}
            {pending ? null : (
              <Guarded action="dispute.put_on_agenda">
                <Button size="small" loading={busy === r.dispute.id} onClick={() => void putOnAgenda(r.dispute)}>
                  {t('disputes:review.putOnAgenda')}
                </Button>
              </Guarded>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space size={16} wrap>
          <Typography.Text strong>{t('disputes:review.summary', { count: total, date: date(today) })}</Typography.Text>
          {stuck > 0 ? (
            <Tag color="red">{t('disputes:review.stuckCount', { count: stuck })}</Tag>
          ) : total > 0 ? (
            <Tag color="green">{t('disputes:review.noneStuck')}</Tag>
          ) : null}
        </Space>
        <Guarded action="dispute.thresholds">
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('disputes:review.thresholds')}
          </Button>
        </Guarded>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12, fontSize: 13 }}>
        {t('disputes:review.thresholdsLine', { ...thresholds })}
      </Typography.Paragraph>
      <Table<Row>
        rowKey={(r) => r.dispute.id}
        size="middle"
        dataSource={rows}
        columns={columns}
        pagination={{ ...listPagination((count) => t('disputes:list.total', { count })), current, total }}
        onChange={(pagination) => setCurrent(pagination.current ?? 1)}
        scroll={{ x: 1340 }}
        locale={{ emptyText: t('disputes:review.empty') }}
        onRow={(r) => (r.assessment.stuck ? { style: { background: '#fff7f6' } } : {})}
      />
      <ThresholdsModal
        open={editing}
        value={thresholds}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('disputes:thresholds.saved'));
        }}
      />
    </>
  );
}
