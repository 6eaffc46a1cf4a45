import { Card, Col, Flex, List, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DISPUTE_STATES, disputeReviewSummary, type DisputeAssessment } from '../../../../shared/domain';
import { useDisputeThresholds, useDisputes } from '../../db';
import { useTaskPage } from '../followup/use-followup';
import { useFollowupText } from '../followup/labels';
import { useUnitNames } from '../followup/use-unit-names';
import { useDisputesText } from '../disputes/labels';
import { useMeetingsText } from '../meetings/labels';
import { todayIso } from '../../ui';
import { CardEmpty, MoreLink, TaskList } from './home-parts';
import { useEscalations, useMinutesForSignOff } from './use-home';

const OPEN_STATES = DISPUTE_STATES.filter((s) => s !== 'closed');
const SHOWN = 5;

/** 召集人: what is stuck (disputes), what waits for the chair's decision (纪要, 延期, 党政联席会议). */
export function ChairHome() {
  return (
    <>
      <Col xs={24} xl={12}>
        <DisputesCard />
      </Col>
      <Col xs={24} xl={12}>
        <SignOffCard />
      </Col>
      <Col xs={24} xl={12}>
        <ExtensionsCard />
      </Col>
      <Col xs={24} xl={12}>
        <EscalationsCard />
      </Col>
    </>
  );
}

function DisputesCard() {
  const { t } = useTranslation(['home', 'disputes']);
  const { stuckReason, stuckSuggestion } = useDisputesText();
  const stuckText = (a: DisputeAssessment): string => {
    const reasons = a.reasons.map(stuckReason).join(t('disputes:stuck.separator'));
    return a.suggestion
      ? t('disputes:stuck.withSuggestion', { reasons, suggestion: stuckSuggestion(a.suggestion) })
      : reasons;
  };
  const disputes = useDisputes({ states: OPEN_STATES });
  const thresholds = useDisputeThresholds();
  const today = todayIso();
  const summary = useMemo(
    () => (disputes && thresholds ? disputeReviewSummary(disputes, today, thresholds) : undefined),
    [disputes, thresholds, today],
  );
  const title = t('disputes.title');
  if (!summary) return <Card title={title} loading style={{ height: '100%' }} />;
  const stuckRows = summary.rows.filter((r) => r.assessment.stuck).slice(0, SHOWN);
  return (
    <Card
      title={title}
      extra={<Link to="/disputes/review">{t('disputes.review')}</Link>}
      style={{ height: '100%' }}
      data-testid="chair-disputes"
    >
      {summary.open === 0 ? (
        <CardEmpty title={t('disputes.empty')} hint={t('disputes.emptyHint')} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text strong data-testid="chair-disputes-summary">
            {t('disputes.summary', { open: summary.open, stuck: summary.stuck })}
          </Typography.Text>
          <Flex gap={16} wrap>
            <Table
              size="small"
              pagination={false}
              style={{ flex: 1, minWidth: 220 }}
              rowKey="key"
              data-testid="chair-disputes-age"
              dataSource={summary.byAge}
              columns={[
                { title: t('disputes.byAge'), key: 'k', render: (_, r) => t(`disputes.age.${r.key}`) },
                {
                  title: '',
                  key: 'n',
                  align: 'right',
                  render: (_, r) => (
                    <span data-testid={`age-${r.key}`}>
                      {t('disputes.stuckOf', { count: r.count, stuck: r.stuck })}
                    </span>
                  ),
                },
              ]}
            />
            <Table
              size="small"
              pagination={false}
              style={{ flex: 1, minWidth: 220 }}
              rowKey="state"
              data-testid="chair-disputes-state"
              dataSource={summary.byState}
              columns={[
                { title: t('disputes.byState'), key: 's', render: (_, r) => t(`disputes:state.${r.state}`) },
                {
                  title: '',
                  key: 'n',
                  align: 'right',
                  render: (_, r) => (
                    <span data-testid={`state-${r.state}`}>
                      {t('disputes.stuckOf', { count: r.count, stuck: r.stuck })}
                    </span>
                  ),
                },
              ]}
            />
          </Flex>
          {stuckRows.length > 0 ? (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('disputes.stuckList')}</Typography.Text>}
              dataSource={stuckRows}
              rowKey={(r) => r.dispute.id}
              data-testid="chair-stuck"
              renderItem={(r) => (
                <List.Item extra={<Tag color="red">{t(`disputes:state.${r.dispute.state}`)}</Tag>}>
                  <Flex vertical gap={2}>
                    <span>
                      <Link to={`/disputes/${r.dispute.id}`}>{r.dispute.number}</Link> {r.dispute.matter}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {stuckText(r.assessment)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          ) : null}
        </Flex>
      )}
    </Card>
  );
}

function SignOffCard() {
  const { t } = useTranslation('home');
  const m = useMeetingsText();
  const minutes = useMinutesForSignOff();
  const title = t('signOff.title');
  if (minutes === undefined) return <Card title={title} loading style={{ height: '100%' }} />;
  return (
    <Card title={title} style={{ height: '100%' }} data-testid="chair-signoff">
      {minutes.length === 0 ? (
        <CardEmpty title={t('signOff.empty')} hint={t('signOff.emptyHint')} />
      ) : (
        <List
          size="small"
          dataSource={minutes}
          rowKey="id"
          renderItem={(mn) => (
            <List.Item
              data-testid="signoff-item"
              extra={<Link to={`/meetings/${mn.meetingId}/minutes`}>{t('signOff.open')}</Link>}
            >
              <Flex vertical gap={2}>
                <span>{mn.meeting ? t('signOff.name', { meeting: m.officialName(mn.meeting) }) : '—'}</span>
                {mn.meeting ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.dateTime(mn.meeting.startsAt)}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ExtensionsCard() {
  const { t } = useTranslation('home');
  const { date } = useFollowupText();
  const units = useUnitNames();
  const page = useTaskPage({ pendingExtension: true, limit: SHOWN });
  return (
    <Card title={t('extensions.title')} style={{ height: '100%' }} data-testid="chair-extensions">
      {page === undefined ? (
        <Skeleton active />
      ) : page.total === 0 ? (
        <CardEmpty title={t('extensions.empty')} hint={t('extensions.emptyHint')} />
      ) : (
        <>
          <TaskList
            rows={page.rows}
            unitName={units.name}
            extra={(r) =>
              r.resolution.extension ? (
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('extensions.proposed', {
                    date: date(r.resolution.extension.proposedDeadline),
                    current: date(r.resolution.deadline),
                  })}
                  ：{r.resolution.extension.reason}
                </Typography.Text>
              ) : null
            }
          />
          <MoreLink total={page.total} shown={page.rows.length} to="/followup?extension=pending" />
        </>
      )}
    </Card>
  );
}

function EscalationsCard() {
  const { t } = useTranslation('home');
  const { date } = useFollowupText();
  const units = useUnitNames();
  const e = useEscalations();
  const title = t('escalations.title');
  if (e === undefined) return <Card title={title} loading style={{ height: '100%' }} />;
  const none = e.tasks.length === 0 && e.topics.length === 0;
  return (
    <Card title={title} style={{ height: '100%' }} data-testid="chair-escalations">
      {none ? (
        <CardEmpty title={t('escalations.empty')} hint={t('escalations.emptyHint')} />
      ) : (
        <Flex vertical gap={8}>
          {e.tasks.length > 0 ? (
            <List
              size="small"
              header={
                <Typography.Text type="secondary">{t('escalations.tasks', { count: e.tasks.length })}</Typography.Text>
              }
              dataSource={e.tasks.slice(0, SHOWN)}
              rowKey="id"
              renderItem={(r) => (
                <List.Item
                  data-testid="escalation-task"
                  extra={
                    r.cannotComplete?.escalated ? (
                      <Tag color="purple">{t('escalations.escalated')}</Tag>
                    ) : (
                      <Tag color="orange">{t('escalations.proposed')}</Tag>
                    )
                  }
                >
                  <Flex vertical gap={2}>
                    <Link to={`/followup/${r.id}`}>{r.content}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {units.name(r.leadUnitId)} · {date(r.cannotComplete?.on)} · {r.cannotComplete?.reason}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          ) : null}
          {e.topics.length > 0 ? (
            <List
              size="small"
              header={
                <Typography.Text type="secondary">
                  {t('escalations.topics', { count: e.topics.length })}
                </Typography.Text>
              }
              dataSource={e.topics.slice(0, SHOWN)}
              rowKey="id"
              renderItem={(topic) => (
                <List.Item data-testid="escalation-topic">
                  <Flex vertical gap={2}>
                    <Link to={`/topics/${topic.id}`}>{topic.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {units.name(topic.submittingUnitId)} · {date(topic.submittedOn)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
