import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { Meeting } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import type { AgendaProposals } from '../../../db/types';
import { useMeetingsText } from '../labels';

/**
 * 建议议程: the standing items the product proposes (the report on earlier resolutions, the open
 * disputes review), each added with one click and explained.
 */
export function ProposalsPanel({
  meeting,
  proposals,
  onAdd,
}: {
  meeting: Meeting;
  proposals: AgendaProposals;
  onAdd: (work: () => Promise<unknown>) => void;
}) {
  const { t, officialName } = useMeetingsText();
  const agenda = getDataLayer().agenda;
  const prev = proposals.previousMeeting;
  // Deferred topics are proposed too, but at the top of the backlog (上次暂缓), next to the other topics.
  const standing = proposals.standing.filter((p) => p.kind !== 'topic');

  const why = (kind: string): string => {
    if (kind === 'last_resolutions') {
      return t('meetings:proposals.whyResolutions', {
        total: proposals.resolutions.total,
        open: proposals.resolutions.open,
        previous: prev ? officialName(prev) : '',
      });
    }
    if (kind === 'disputes_review') {
      const on = proposals.disputes.filter((d) => d.onThisAgenda).length;
      return on > 0
        ? t('meetings:proposals.whyDisputesPut', { count: proposals.disputes.length, on })
        : t('meetings:proposals.whyDisputes', { count: proposals.disputes.length });
    }
    return '';
  };

  return (
    <Card title={t('meetings:proposals.title')} size="small">
      {standing.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings:proposals.none')} />
      ) : (
        <List
          size="small"
          dataSource={standing}
          rowKey={(p) => `${p.kind}:${p.topicId ?? ''}`}
          renderItem={(p) => (
            <List.Item
              data-testid="standing-proposal"
              actions={[
                p.added ? (
                  <Tag key="added" icon={<CheckOutlined aria-hidden />} color="success">
                    {t('meetings:proposals.added')}
                  </Tag>
                ) : (
                  <Button
                    key="add"
                    size="small"
                    type="primary"
                    ghost
                    icon={<PlusOutlined aria-hidden />}
                    aria-label={t('meetings:proposals.addItem', { title: p.title })}
                    onClick={() =>
                      onAdd(() => agenda.addStanding(meeting.id, p.kind as 'last_resolutions' | 'disputes_review'))
                    }
                  >
                    {t('meetings:proposals.add')}
                  </Button>
                ),
              ]}
            >
              <Flex vertical gap={2}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text>{p.title}</Typography.Text>
                  {p.required ? <Tag color="red">{t('meetings:agenda.required')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {why(p.kind)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
