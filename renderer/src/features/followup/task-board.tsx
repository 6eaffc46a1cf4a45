import { Badge, Button, Card, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TASK_BOARD_STATES, useFollowupText, type TaskBoardState } from './labels';
import { SideRecordTags, WarningTag } from './task-tags';
import { useTaskPage, type TaskListFilter, type TaskRow } from './use-followup';
import type { UnitNames } from './use-unit-names';

const COLUMN_PAGE = 20;

const COLUMN_COLOR: Record<TaskBoardState, string> = {
  not_started: '#8c8c8c',
  in_progress: '#1677ff',
  done_pending_verification: '#722ed1',
  verified: '#52c41a',
};

/** 看板: one column per main state, each paged by the repository (the first 20, then 20 more at a time). */
export function TaskBoard({ filter, units }: { filter: TaskListFilter; units: UnitNames }) {
  return (
    <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="task-board">
      {TASK_BOARD_STATES.map((s) => (
        <Col key={s} flex="1 0 260px">
          <BoardColumn state={s} filter={filter} units={units} />
        </Col>
      ))}
    </Row>
  );
}

function BoardColumn({ state, filter, units }: { state: TaskBoardState; filter: TaskListFilter; units: UnitNames }) {
  const { t, stateLabel } = useFollowupText();
  const [limit, setLimit] = useState(COLUMN_PAGE);
  const page = useTaskPage({ ...filter, states: [state], offset: 0, limit });
  const rest = page ? page.total - page.rows.length : 0;

  return (
    <section
      aria-label={stateLabel(state)}
      data-testid={`board-column-${state}`}
      style={{ background: '#f5f7fa', borderRadius: 8, padding: 8, minHeight: 240 }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 4,
              marginInlineEnd: 8,
              background: COLUMN_COLOR[state],
            }}
          />
          {stateLabel(state)}
        </Typography.Text>
        <Badge count={page?.total ?? 0} showZero overflowCount={9999} color="#8c8c8c" />
      </Flex>
      {page === undefined ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : page.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup:list.columnEmpty')} />
      ) : (
        <Flex vertical gap={8}>
          {page.rows.map((row) => (
            <TaskCard key={row.resolution.id} row={row} units={units} />
          ))}
          {rest > 0 ? (
            <Button type="link" onClick={() => setLimit((n) => n + COLUMN_PAGE)}>
              {t('followup:list.more', { count: rest })}
            </Button>
          ) : null}
        </Flex>
      )}
    </section>
  );
}

function TaskCard({ row, units }: { row: TaskRow; units: UnitNames }) {
  const { t, date, meetingName } = useFollowupText();
  const navigate = useNavigate();
  const r = row.resolution;
  const open = () => void navigate(`/followup/${r.id}`);
  const border =
    row.warning.level === 'overdue' ? '#ff4d4f' : row.warning.level === 'due_soon' ? '#fa8c16' : 'transparent';
  return (
    <Card
      size="small"
      hoverable
      role="link"
      tabIndex={0}
      data-testid="task-card"
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
      style={{ borderInlineStart: `3px solid ${border}` }}
      styles={{ body: { padding: 10 } }}
    >
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 6 }}>
        {r.content}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {units.name(r.leadUnitId)}
        {r.coUnitIds.length > 0 ? ` · ${t('followup:list.coCount', { count: r.coUnitIds.length })}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {row.issueNumber
          ? t('followup:meetingIssue', { meeting: meetingName(row.meeting), number: row.issueNumber })
          : meetingName(row.meeting)}
      </Typography.Text>
      <Flex wrap gap={4} align="center" style={{ marginTop: 6 }}>
        <Typography.Text style={{ fontSize: 12, marginInlineEnd: 4 }}>
          {t('followup:field.deadline')} {date(r.deadline)}
        </Typography.Text>
        <WarningTag warning={row.warning} />
        <SideRecordTags resolution={r} />
      </Flex>
    </Card>
  );
}
