import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Attendance } from '../../../../../shared/domain';
import { formatDateTime } from '../../../ui';
import { useTranslation } from 'react-i18next';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';
import { attendeeOf } from './attendee';
import { AttendanceStatusTag } from './status-tag';

export interface AttendanceActions {
  present: (a: Attendance) => void;
  leave: (a: Attendance) => void;
  absent: (a: Attendance) => void;
  substitute: (a: Attendance) => void;
  reset: (a: Attendance) => void;
  remove: (a: Attendance) => void;
}

/** 参会人员: 姓名 / 单位 / 职务 / 角色 / 状态, with one-click marks per row. */
export function AttendanceTable({
  rows,
  lookups,
  editable,
  actions,
}: {
  rows: Attendance[] | undefined;
  lookups: MeetingLookups;
  editable: boolean;
  actions: AttendanceActions;
}) {
  const { t } = useMeetingsText();
  const { t: tg } = useTranslation('attendanceGuest');
  const columns: TableColumnsType<Attendance> = [
    {
      title: t('meetings:attendance.col.name'),
      key: 'name',
      width: 150,
      render: (_, a) => {
        const who = attendeeOf(a, lookups);
        return (
          <Space size={4} wrap>
            <Typography.Text>{who.missing ? t('meetings:unknownPerson') : who.name}</Typography.Text>
            {a.observer ? <Tag>{t('meetings:attendance.observer')}</Tag> : null}
            {who.guest ? (
              <Tag color="gold" title={tg('markerTitle')} data-testid="guest-marker">
                {tg('marker')}
              </Tag>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('meetings:attendance.col.unit'),
      key: 'unit',
      render: (_, a) => attendeeOf(a, lookups).unitName || '—',
    },
    {
      title: t('meetings:attendance.col.post'),
      key: 'post',
      width: 140,
      render: (_, a) => attendeeOf(a, lookups).post ?? '—',
    },
    {
      title: t('meetings:attendance.col.role'),
      key: 'role',
      width: 120,
      render: (_, a) => {
        const p = lookups.person(a.personId);
        return p ? t(`units:role.${p.role}`) : '—';
      },
    },
    {
      title: t('meetings:attendance.col.status'),
      key: 'status',
      width: 220,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <span>
            <AttendanceStatusTag status={a.status} />
            {a.signedInAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('meetings:attendance.signedAt', { time: formatDateTime(a.signedInAt).slice(11, 16) })}
              </Typography.Text>
            ) : null}
          </span>
          {a.status === 'substituted' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('meetings:attendance.substitutedBy', { name: a.substituteName ?? '' })}
            </Typography.Text>
          ) : null}
          {a.leaveReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('meetings:attendance.reasonShown', { reason: a.leaveReason })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            title: t('meetings:attendance.col.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, a: Attendance) => {
              const name = attendeeOf(a, lookups).name;
              return (
                <Space size={4}>
                  <Button
                    size="small"
                    type={a.status === 'present' ? 'primary' : 'default'}
                    aria-label={t('meetings:attendance.markPresentFor', { name })}
                    onClick={() => actions.present(a)}
                  >
                    {t('meetings:attendance.mark.present')}
                  </Button>
                  <Button
                    size="small"
                    type={a.status === 'leave' ? 'primary' : 'default'}
                    aria-label={t('meetings:attendance.markLeaveFor', { name })}
                    onClick={() => actions.leave(a)}
                  >
                    {t('meetings:attendance.mark.leave')}
                  </Button>
                  <Button
                    size="small"
                    type={a.status === 'absent' ? 'primary' : 'default'}
                    aria-label={t('meetings:attendance.markAbsentFor', { name })}
                    onClick={() => actions.absent(a)}
                  >
                    {t('meetings:attendance.mark.absent')}
                  </Button>
                  {!a.observer ? (
                    <Button
                      size="small"
                      type={a.status === 'substituted' ? 'primary' : 'default'}
                      aria-label={t('meetings:attendance.markSubstituteFor', { name })}
                      onClick={() => actions.substitute(a)}
                    >
                      {t('meetings:attendance.mark.substituted')}
                    </Button>
                  ) : null}
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'reset', label: t('meetings:attendance.reset'), disabled: a.status === 'invited' },
                        {
                          key: 'remove',
                          label: t('meetings:attendance.remove'),
                          danger: true,
                          disabled: !!a.signedInAt,
                        },
                      ],
                      onClick: ({ key }) => (key === 'reset' ? actions.reset(a) : actions.remove(a)),
                    }}
                  >
                    <Button
                      size="small"
                      type="text"
                      aria-label={t('meetings:attendance.moreFor', { name })}
                      icon={<MoreOutlined aria-hidden />}
                    />
                  </Dropdown>
                </Space>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Table<Attendance>
      rowKey="id"
      size="small"
      loading={rows === undefined || lookups.loading}
      dataSource={rows ?? []}
      columns={columns}
      pagination={false}
      locale={{ emptyText: t('meetings:attendance.empty') }}
    />
  );
}
