import { ArrowLeftOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Spin,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  allowedDisputeActions,
  DISPUTE_ACTION_PERMISSION,
  assessDispute,
  type Dispute,
  type DisputeActionType,
  type NegotiationRound,
} from '../../../../shared/domain';
import { getDataLayer, useCurrentProfile, useDispute, useTopicOptions } from '../../db';
import { Guarded, Page, todayIso, useReportError } from '../../ui';
import { DocumentPreviewModal } from '../documents';
import { applicationFileName, buildApplicationDocx } from './application-document';
import { DisputeActionModal } from './dispute-action-modal';
import { DisputeFormModal } from './dispute-form-modal';
import { DisputeTimeline } from './dispute-timeline';
import { FirstHandlingBanner } from './first-handling-banner';
import { useDisputesText } from './labels';
import { DisputeStateTag } from './state-tag';
import { useNames, type NameLookup } from './use-names';

/** /disputes/:id — one dispute: the first-handling rule, its record, the next steps and the timeline. */
export function DisputeDetailPage() {
  const { id } = useParams();
  const dispute = useDispute(id);
  const names = useNames();
  const { t } = useDisputesText();
  const navigate = useNavigate();

  if (dispute === undefined || names.loading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (dispute === null) {
    return (
      <Result
        status="404"
        title={t('disputes:detail.notFound')}
        extra={<Button onClick={() => void navigate('/disputes')}>{t('disputes:detail.back')}</Button>}
      />
    );
  }
  return <DisputeDetail dispute={dispute} names={names} />;
}

function DisputeDetail({ dispute: d, names }: { dispute: Dispute; names: NameLookup }) {
  // The linked topic's title, read by id (masked like every list); never all topics.
  const topicOptions = useTopicOptions(undefined, d.relatedTopicId);
  const relatedTopic = d.relatedTopicId ? topicOptions?.find((x) => x.id === d.relatedTopicId) : undefined;
  const { t, date, typeLabel, actionLabel } = useDisputesText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { profile } = useCurrentProfile();
  const [action, setAction] = useState<DisputeActionType>();
  const [editing, setEditing] = useState(false);
  const [preview, setPreview] = useState(false);
  // The applicant recorded when escalating (any party may apply), unless the office picks another here.
  const [chosenApplicant, setApplicant] = useState<string>();
  const applicant = chosenApplicant ?? d.escalation?.applicantUnitId ?? d.firstHandlingUnitId;
  const actions = allowedDisputeActions(d);
  const assessment = assessDispute(d, todayIso());
  const applicantName = applicant === 'office' ? (profile?.unitName ?? '') : names.unit(applicant);

  const applicationButton = (
    <Tooltip title={d.escalation ? undefined : t('disputes:detail.applicationDisabled')}>
      <Button icon={<FileWordOutlined aria-hidden />} disabled={!d.escalation} onClick={() => setPreview(true)}>
        {t('disputes:detail.applicationButton')}
      </Button>
    </Tooltip>
  );

  return (
    <Page
      title={
        <Flex gap={12} align="center" wrap>
          <span>{d.matter}</span>
          <DisputeStateTag state={d.state} />
        </Flex>
      }
      description={t('disputes:detail.subtitle', {
        number: d.number,
        date: date(d.registeredOn),
        type: typeLabel(d.type),
      })}
      extra={
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate('/disputes')}>
          {t('disputes:detail.back')}
        </Button>
      }
    >
      <FirstHandlingBanner dispute={d} unitName={names.unit} />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('disputes:detail.nextSteps')}</Typography.Text>
          {actions.map((a, i) => (
            // A step the role may not take stays in view, disabled, with who may take it.
            <Guarded key={a} action={DISPUTE_ACTION_PERMISSION[a]}>
              <Button type={i === 0 ? 'primary' : 'default'} onClick={() => setAction(a)}>
                {actionLabel(a)}
              </Button>
            </Guarded>
          ))}
          {d.state !== 'closed' ? (
            <Guarded action="dispute.update">
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('disputes:detail.edit')}
              </Button>
            </Guarded>
          ) : null}
          {applicationButton}
        </Flex>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('disputes:detail.record')} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('disputes:field.number')}>{d.number}</Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.state')}>
                <DisputeStateTag state={d.state} />
                {t('disputes:detail.since', { date: date(d.stateSince), days: assessment.daysInState })}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.type')}>{typeLabel(d.type)}</Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.registeredOn')}>{date(d.registeredOn)}</Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.partyUnitIds')} span={2}>
                {d.partyUnitIds.map(names.unit).join(t('disputes:listSeparator'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.firstHandlingUnitId')} span={2}>
                <Typography.Text strong>{names.unit(d.firstHandlingUnitId)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.place')}>{d.place ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.relatedCase')}>{d.relatedCase ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.relatedTopicId')}>
                {d.relatedTopicId ? (relatedTopic?.title ?? (topicOptions ? t('disputes:unknownTopic') : '…')) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('disputes:field.relatedMeetingId')}>
                {d.relatedMeetingId ? names.meeting(d.relatedMeetingId) : '—'}
              </Descriptions.Item>
              {d.agendaMeetingId ? (
                <Descriptions.Item label={t('disputes:field.agendaMeetingId')} span={2}>
                  {names.meeting(d.agendaMeetingId)}
                </Descriptions.Item>
              ) : null}
              {d.reopenReason ? (
                <Descriptions.Item label={t('disputes:field.reopenReason')} span={2}>
                  {d.reopenReason}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>

          <Card title={t('disputes:field.positions')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              {d.partyUnitIds.map((id) => (
                <Descriptions.Item key={id} label={names.unit(id)}>
                  {d.positions[id] ?? (
                    <Typography.Text type="secondary">{t('disputes:detail.noPosition')}</Typography.Text>
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>

          <RoundsCard dispute={d} />

          {d.escalation ? (
            <Card
              title={t('disputes:detail.application')}
              style={{ marginBottom: 16 }}
              extra={
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">{t('disputes:detail.applicant')}</Typography.Text>
                  <Select
                    aria-label={t('disputes:detail.applicant')}
                    size="small"
                    style={{ width: 220 }}
                    value={applicant}
                    onChange={setApplicant}
                    options={[
                      ...d.partyUnitIds.map((id) => ({ value: id, label: names.unit(id) })),
                      ...(profile?.unitName ? [{ value: 'office', label: profile.unitName }] : []),
                    ]}
                  />
                </Flex>
              }
            >
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('disputes:field.escalatedOn')}>{date(d.escalatedOn)}</Descriptions.Item>
                <Descriptions.Item label={t('disputes:application.matter')}>{d.escalation.matter}</Descriptions.Item>
                <Descriptions.Item label={t('disputes:application.negotiation')}>
                  {d.escalation.negotiation}
                </Descriptions.Item>
                <Descriptions.Item label={t('disputes:application.focus')}>{d.escalation.focus}</Descriptions.Item>
                <Descriptions.Item label={t('disputes:application.reasons')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{d.escalation.reasons}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}

          {d.agreement || d.designatedUnitId || d.closedOn ? (
            <Card title={t('disputes:detail.outcome')} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small" bordered>
                {d.agreement ? (
                  <Descriptions.Item label={t('disputes:field.agreement')}>{d.agreement}</Descriptions.Item>
                ) : null}
                {d.agreementMeetingId ? (
                  <Descriptions.Item label={t('disputes:field.agreementMeetingId')}>
                    {names.meeting(d.agreementMeetingId)}
                  </Descriptions.Item>
                ) : null}
                {d.designatedUnitId ? (
                  <Descriptions.Item label={t('disputes:field.designatedUnitId')}>
                    {t('disputes:detail.designation', {
                      unit: names.unit(d.designatedUnitId),
                      number: d.decisionNumber ?? '',
                      date: date(d.designatedOn),
                    })}
                  </Descriptions.Item>
                ) : null}
                {d.closedOn ? (
                  <Descriptions.Item label={t('disputes:field.closedOn')}>{date(d.closedOn)}</Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('disputes:detail.timeline')}>
            <DisputeTimeline disputeId={d.id} names={names} />
          </Card>
        </Col>
      </Row>

      <DisputeActionModal
        dispute={d}
        action={action}
        names={names}
        onClose={() => setAction(undefined)}
        onDone={(_saved, done) => {
          setAction(undefined);
          void message.success(t('disputes:detail.actionDone', { action: actionLabel(done) }));
        }}
      />
      <DisputeFormModal
        open={editing}
        dispute={d}
        names={names}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('disputes:form.updated'));
        }}
      />
      <DocumentPreviewModal
        open={preview}
        title={t('disputes:detail.applicationPreview', { number: d.number })}
        fileName={applicationFileName(d)}
        build={() => buildApplicationDocx(d, names.unitNames, applicantName)}
        onClose={() => setPreview(false)}
        onSaved={() => {
          getDataLayer().disputes.recordExport({ disputeId: d.id }, applicationFileName(d)).catch(reportError);
        }}
      />
    </Page>
  );
}

function RoundsCard({ dispute: d }: { dispute: Dispute }) {
  const { t, date } = useDisputesText();
  return (
    <Card title={t('disputes:detail.rounds', { count: d.rounds.length })} style={{ marginBottom: 16 }}>
      {d.rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes:detail.noRounds')} />
      ) : (
        <Table<NegotiationRound & { n: number }>
          size="small"
          rowKey="n"
          pagination={false}
          dataSource={d.rounds.map((r, i) => ({ ...r, n: i + 1 }))}
          columns={[
            {
              title: t('disputes:round.n'),
              dataIndex: 'n',
              width: 64,
              render: (n: number) => t('disputes:round.nth', { n }),
            },
            { title: t('disputes:round.date'), dataIndex: 'date', width: 130, render: (v: string) => date(v) },
            { title: t('disputes:round.participants'), dataIndex: 'participants', width: 180 },
            { title: t('disputes:round.content'), dataIndex: 'content' },
            { title: t('disputes:round.outcome'), dataIndex: 'outcome', render: (v?: string) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
