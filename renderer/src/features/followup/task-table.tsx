import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { listPagination } from '../../ui';
import { useFollowupText } from './labels';
import { SideRecordTags, TaskStateTag, WarningTag } from './task-tags';
import { latestText } from './task-text';
import type { TaskRow } from './use-followup';
import type { UnitNames } from './use-unit-names';

export const TASK_PAGE_SIZE = 20;

export interface TaskTableProps {
  /** The current page (undefined while it loads). */
  page: { rows: TaskRow[]; total: number } | undefined;
  /** 1-based. */
  current: number;
  onPage: (page: number) => void;
  units: UnitNames;
  empty: ReactNode;
}

/** 表格: one page of tasks from the repository (offset/limit), a row opens the task. */
export function TaskTable({ page, current, onPage, units, empty }: TaskTableProps) {
  const text = useFollowupText();
  const { t, date, meetingName } = text;
  const navigate = useNavigate();
  const open = (row: TaskRow) => void navigate(`/followup/${row.resolution.id}`);

  const columns: TableColumnsType<TaskRow> = [
    {
      title: t('followup:field.content'),
      key: 'content',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              open(row);
            }}
          >
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit' }}>
              {row.resolution.content}
            </Typography.Paragraph>
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.issueNumber
              ? t('followup:meetingIssue', { meeting: meetingName(row.meeting), number: row.issueNumber })
              : meetingName(row.meeting)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('followup:field.leadUnit'),
      key: 'lead',
      width: 200,
      render: (_, row) => (
        <Flex vertical gap={2}>
          <span>{units.name(row.resolution.leadUnitId)}</span>
          {row.resolution.coUnitIds.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('followup:list.coUnitsLine', { units: units.names(row.resolution.coUnitIds) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('followup:field.deadline'),
      key: 'deadline',
      width: 170,
      render: (_, row) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{date(row.resolution.deadline)}</span>
          <span>
            <WarningTag warning={row.warning} />
          </span>
        </Flex>
      ),
    },
    {
      title: t('followup:field.state'),
      key: 'state',
      width: 140,
      render: (_, row) => (
        <Flex vertical gap={4} align="flex-start">
          <TaskStateTag state={row.resolution.state} />
          <span>
            <SideRecordTags resolution={row.resolution} />
          </span>
        </Flex>
      ),
    },
    {
      title: t('followup:field.latest'),
      key: 'latest',
      width: 250,
      render: (_, row) =>
        row.latestEvent ? (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {date(row.latestEvent.on)} · {latestText(row.latestEvent, text)}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {row.latestEvent.text}
            </Typography.Paragraph>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('followup:none')}</Typography.Text>
        ),
    },
  ];

  return (
    <Table<TaskRow>
      rowKey={(row) => row.resolution.id}
      size="middle"
      data-testid="task-table"
      loading={page === undefined || units.loading}
      dataSource={page?.rows ?? []}
      columns={columns}
      locale={{ emptyText: empty }}
      onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
      pagination={{
        ...listPagination((count) => t('followup:list.total', { count })),
        pageSize: TASK_PAGE_SIZE,
        current,
        total: page?.total ?? 0,
        onChange: onPage,
      }}
    />
  );
}
