import { ArrowLeftOutlined, CalendarOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Spin,
  Tag,
  Tooltip,
  Typography,
  type AlertProps,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { allowedTopicActions, type Topic } from '../../../../shared/domain';
import { getDataLayer, useDispute, useMergedInto, useTopic } from '../../db';
import { Guarded, Page, useReportError } from '../../ui';
import { AttachmentsCard } from './attachments-card';
import { ComplainantCard } from './complainant-card';
import { useTopicsText, type TriageActionType } from './labels';
import { TopicStateTag } from './state-tag';
import { TopicActionModal, type ModalAction } from './topic-action-modal';
import { TopicFormModal } from './topic-form-modal';
import { TopicHistory } from './topic-history';
import { useTopicNames, type TopicNames } from './use-topic-names';

/** /topics/:id — one topic: where it stands, the steps its state allows, its record, complainant, files, history. */
export function TopicDetailPage() {
  const { id } = useParams();
  const topic = useTopic(id);
  const names = useTopicNames();
  const { t } = useTopicsText();
  const navigate = useNavigate();

  if (topic === undefined || names.loading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (topic === null) {
    return (
      <Result
        status="404"
        title={t('topics:detail.notFound')}
        extra={<Button onClick={() => void navigate('/topics')}>{t('topics:detail.back')}</Button>}
      />
    );
  }
  return <TopicDetail topic={topic} names={names} />;
}

/** Steps run at once (no question to ask); the rest open {@link TopicActionModal}. */
const IMMEDIATE: readonly TriageActionType[] = ['accept', 'resubmit'];
/** Steps that belong to the meeting (agenda builder, minutes): offered as a link there, not here. */
const MEETING_STEPS = new Set(['schedule', 'unschedule', 'discuss', 'resolve']);
const EDITABLE: readonly Topic['state'][] = ['submitted', 'returned'];

function TopicDetail({ topic: x, names }: { topic: Topic; names: TopicNames }) {
  const { t, date, categoryLabel, actionLabel } = useTopicsText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  // What the page needs of other topics, by index: those merged into this one (mergedIntoTopicId).
  const mergedHere = useMergedInto(x.id) ?? [];
  const [action, setAction] = useState<ModalAction>();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<TriageActionType>();

  const actions = allowedTopicActions(x.state).filter((a) => !MEETING_STEPS.has(a)) as TriageActionType[];
  const canSchedule = allowedTopicActions(x.state).includes('schedule');

  const runNow = async (a: TriageActionType) => {
    setBusy(a);
    try {
      await getDataLayer().topics.act(x.id, { type: a } as never);
      void message.success(t('topics:detail.actionDone', { action: actionLabel(a) }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Page
      title={
        <Flex gap={12} align="center" wrap>
          <span>{x.title}</span>
          <TopicStateTag state={x.state} />
          {x.urgency === 'urgent' ? <Tag color="red">{t('topics:urgency.urgent')}</Tag> : null}
        </Flex>
      }
      description={t('topics:detail.subtitle', {
        unit: names.unit(x.submittingUnitId),
        date: date(x.submittedOn),
        category: categoryLabel(x.category),
      })}
      extra={
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate('/topics')}>
          {t('topics:detail.back')}
        </Button>
      }
    >
      <StatusBanner topic={x} names={names} />

      <Card size="small" style={{ marginBottom: 16 }} className="jd-topic-steps">
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('topics:detail.nextSteps')}</Typography.Text>
          {canSchedule ? (
            <Tooltip title={t('topics:detail.scheduleHint')}>
              <Button
                type={x.state === 'accepted' ? 'primary' : 'default'}
                icon={<CalendarOutlined aria-hidden />}
                onClick={() => void navigate(x.meetingId ? `/meetings/${x.meetingId}` : '/meetings')}
              >
                {t('topics:detail.scheduleLink')}
              </Button>
            </Tooltip>
          ) : null}
          {actions.map((a) => (
            // A step the role may not take is shown disabled with the reason: the topic does wait for it.
            <Guarded key={a} action={`topic.${a}`}>
              <Button
                // The step that moves the topic on is primary; merge, convert and return are the exceptions.
                type={IMMEDIATE.includes(a) ? 'primary' : 'default'}
                danger={a === 'return'}
                loading={busy === a}
                onClick={() => (IMMEDIATE.includes(a) ? void runNow(a) : setAction(a as ModalAction))}
              >
                {actionLabel(a)}
              </Button>
            </Guarded>
          ))}
          {EDITABLE.includes(x.state) ? (
            <Guarded action="topic.update">
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('topics:detail.edit')}
              </Button>
            </Guarded>
          ) : null}
          {actions.length === 0 && !canSchedule ? (
            <Typography.Text type="secondary">{t(`topics:detail.noSteps.${x.state}`)}</Typography.Text>
          ) : null}
        </Flex>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('topics:detail.record')} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('topics:field.category')}>{categoryLabel(x.category)}</Descriptions.Item>
              <Descriptions.Item label={t('topics:field.urgency')}>
                {x.urgency === 'urgent' ? (
                  <Tag color="red">{t('topics:urgency.urgent')}</Tag>
                ) : (
                  t('topics:urgency.normal')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('topics:field.submittingUnitId')}>
                {names.unit(x.submittingUnitId)}
              </Descriptions.Item>
              <Descriptions.Item label={t('topics:field.submitterPersonId')}>
                {x.submitterPersonId ? names.person(x.submitterPersonId) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('topics:field.submittedOn')}>{date(x.submittedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('topics:field.relatedUnitIds')}>
                {x.relatedUnitIds.length > 0 ? x.relatedUnitIds.map(names.unit).join('、') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('topics:field.description')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{x.description}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('topics:field.proposedHandling')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{x.proposedHandling ?? '—'}</span>
              </Descriptions.Item>
              {mergedHere.length > 0 ? (
                <Descriptions.Item label={t('topics:detail.mergedHere')} span={2}>
                  <Flex vertical gap={2}>
                    {mergedHere.map((m) => (
                      <Link key={m.id} to={`/topics/${m.id}`}>
                        《{m.title}》
                      </Link>
                    ))}
                  </Flex>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <ComplainantCard topic={x} />
          <AttachmentsCard topic={x} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('topics:history.title')}>
            <TopicHistory topicId={x.id} />
          </Card>
        </Col>
      </Row>

      <TopicActionModal
        topic={x}
        action={action}
        names={names}
        onClose={() => setAction(undefined)}
        onDone={(_saved, done) => {
          setAction(undefined);
          void message.success(t('topics:detail.actionDone', { action: actionLabel(done) }));
        }}
      />
      <TopicFormModal
        open={editing}
        topic={x}
        names={names}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('topics:form.updated'));
        }}
      />
    </Page>
  );
}

/** Where the topic stands when that is not obvious from its tag: merged, converted, returned, on a meeting. */
function StatusBanner({ topic: x, names }: { topic: Topic; names: TopicNames }) {
  const { t } = useTopicsText();
  const dispute = useDispute(x.disputeId);
  // The topic this one was merged into, by id (none read otherwise).
  const into = useTopic(x.state === 'merged' ? x.mergedIntoTopicId : undefined) ?? undefined;

  if (x.state === 'merged' && x.mergedIntoTopicId) {
    return (
      <Banner
        type="info"
        title={
          <span>
            {t('topics:detail.mergedIntoPrefix')}
            <Link to={`/topics/${x.mergedIntoTopicId}`}>《{into?.title ?? t('topics:unknownTopic')}》</Link>
            {t('topics:detail.followsTarget')}
          </span>
        }
      />
    );
  }
  if (x.state === 'converted' && x.disputeId) {
    return (
      <Banner
        type="info"
        title={t('topics:detail.convertedTo', { number: dispute?.number ?? '' })}
        action={<Link to={`/disputes/${x.disputeId}`}>{t('topics:detail.openDispute')}</Link>}
      />
    );
  }
  if (x.state === 'returned') {
    return (
      <Banner
        type="warning"
        title={t('topics:detail.returnedBecause', { reason: x.returnReason ?? '' })}
        description={t('topics:detail.returnedHint')}
      />
    );
  }
  if (x.meetingId) {
    return (
      <Banner
        type="info"
        title={
          <span>
            {t(`topics:detail.meetingLine.${x.state === 'deferred' ? 'deferred' : 'on'}`)}
            <Link to={`/meetings/${x.meetingId}`}>{names.meeting(x.meetingId)}</Link>
          </span>
        }
      />
    );
  }
  return null;
}

/** The status banners share one look: an icon and room before the descriptions. */
function Banner(props: AlertProps) {
  return <Alert showIcon className="jd-topic-banner" style={{ marginBottom: 16 }} {...props} />;
}
