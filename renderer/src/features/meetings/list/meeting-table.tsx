import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Meeting } from '../../../../../shared/domain';
import { listPagination } from '../../../ui';
import { distinctTitle, useMeetingsText } from '../labels';
import { MeetingStateTag } from '../state-tag';
import type { MeetingLookups } from '../use-lookups';

/** 表格 view: one row per meeting, newest first; a row opens the meeting. */
export function MeetingTable({ rows, lookups }: { rows: Meeting[] | undefined; lookups: MeetingLookups }) {
  const { t, officialName, dateTime, kindLabel } = useMeetingsText();
  const navigate = useNavigate();
  const open = (m: Meeting) => void navigate(`/meetings/${m.id}`);

  const columns: TableColumnsType<Meeting> = [
    {
      title: t('meetings:field.name'),
      key: 'name',
      render: (_, m) => (
        <Flex vertical>
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              open(m);
            }}
          >
            {officialName(m)}
          </Typography.Link>
          {distinctTitle(m) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {distinctTitle(m)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('meetings:field.kind'), dataIndex: 'kind', width: 130, render: (v: Meeting['kind']) => kindLabel(v) },
    {
      title: t('meetings:field.startsAt'),
      dataIndex: 'startsAt',
      width: 210,
      sorter: (a, b) => a.startsAt.localeCompare(b.startsAt),
      render: (v: string) => dateTime(v),
    },
    { title: t('meetings:field.place'), dataIndex: 'place', ellipsis: true },
    {
      title: t('meetings:field.chair'),
      dataIndex: 'chairPersonId',
      width: 110,
      render: (v: string | undefined) => lookups.person(v)?.name ?? '—',
    },
    {
      title: t('meetings:field.state'),
      dataIndex: 'state',
      width: 110,
      render: (v: Meeting['state']) => <MeetingStateTag state={v} />,
    },
  ];

  return (
    <Table<Meeting>
      rowKey="id"
      size="middle"
      loading={rows === undefined || lookups.loading}
      dataSource={rows ?? []}
      columns={columns}
      locale={{ emptyText: t('meetings:list.noMatch') }}
      onRow={(m) => ({ onClick: () => open(m), style: { cursor: 'pointer' } })}
      pagination={listPagination((count) => t('meetings:list.total', { count }))}
    />
  );
}
