import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { Meeting } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import type { AgendaProposals } from '../../../db/types';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';

/**
 * 待排议题: accepted topics not yet on an agenda, with the topics deferred at earlier meetings on top
 * (上次暂缓 for the previous meeting) — deferral means "carried to the next meeting", so they come first.
 */
export function BacklogPanel({
  meeting,
  proposals,
  lookups,
  onAdd,
}: {
  meeting: Meeting;
  proposals: AgendaProposals;
  lookups: MeetingLookups;
  onAdd: (work: () => Promise<unknown>) => void;
}) {
  const { t, officialName, date } = useMeetingsText();
  const carried = proposals.backlog.filter((b) => b.carried).length;

  return (
    <Card title={t('meetings:backlog.title', { count: proposals.backlog.length })} size="small">
      {carried > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('meetings:backlog.carriedHint', { count: carried })}
        />
      ) : null}
      {proposals.backlog.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings:backlog.empty')} />
      ) : (
        <List
          size="small"
          dataSource={proposals.backlog}
          rowKey={(b) => b.topic.id}
          renderItem={({ topic, carried: from }) => {
            const fromMeeting = from?.meeting;
            return (
              <List.Item
                data-testid="backlog-topic"
                actions={[
                  <Button
                    key="add"
                    size="small"
                    type="primary"
                    ghost
                    icon={<PlusOutlined aria-hidden />}
                    aria-label={t('meetings:backlog.addTopic', { title: topic.title })}
                    onClick={() => onAdd(() => getDataLayer().agenda.addTopic(meeting.id, topic.id))}
                  >
                    {t('meetings:backlog.add')}
                  </Button>,
                ]}
              >
                <Flex vertical gap={2}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text>{topic.title}</Typography.Text>
                    {from?.previous ? <Tag color="orange">{t('meetings:backlog.lastDeferred')}</Tag> : null}
                    {from && !from.previous ? <Tag color="gold">{t('meetings:backlog.deferred')}</Tag> : null}
                    {topic.urgency === 'urgent' ? <Tag color="red">{t('meetings:backlog.urgent')}</Tag> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {lookups.unit(topic.submittingUnitId)?.name ?? '—'} · {date(topic.submittedOn)}
                    {fromMeeting
                      ? ` · ${t('meetings:backlog.deferredAt', { meeting: officialName(fromMeeting) })}`
                      : ''}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
