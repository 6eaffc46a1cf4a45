import { ArrowLeftOutlined, FileTextOutlined, FileWordOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Modal, Result, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  allowedTaskActions,
  permission,
  TASK_ACTION_PERMISSION,
  type PermissionResult,
  type TaskActionName,
  type TaskEvent,
} from '../../../../shared/domain';
import { getDataLayer, useCurrentProfile } from '../../db';
import { errorText, Guarded, Page, todayIso } from '../../ui';
import { DocumentPreviewModal } from '../documents';
import { OfficeFirstModal, useOfficeInitial } from '../meetings/documents';
import { useFollowupText } from './labels';
import {
  buildSupervisionNoticeDocx,
  reminderNotice,
  supervisionNoticeFileName,
  type NoticeNumber,
} from './notice-document';
import { TaskActionModal, type ReminderSaved } from './task-action-modal';
import { ProvisionalTag, SideRecordTags, TaskStateTag, WarningTag } from './task-tags';
import { TaskTimeline } from './task-timeline';
import { useTask, useTaskAttachments, type TaskDetail } from './use-followup';
import { useUnitNames, type UnitNames } from './use-unit-names';

/** Labels on one line (牵头单位 wrapped to two on a 1280 px screen). */
const LABEL = { label: { width: 120, whiteSpace: 'nowrap' } } as const;

/** The order of the buttons: the lead unit's steps, then the chair's, the supervisor's, everyone's. */
const ACTION_ORDER: readonly TaskActionName[] = [
  'progress',
  'claim_done',
  'request_extension',
  'cannot_complete',
  'decide_extension',
  'escalate',
  'verify',
  'remind',
  'comment',
];

/** /followup/:id — one task: its source, content, deadline and its history, the side records, the timeline. */
export function TaskPage() {
  const { id } = useParams();
  const task = useTask(id);
  const units = useUnitNames();
  const { t } = useFollowupText();
  const navigate = useNavigate();
  if (task === undefined || units.loading) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (task === null) {
    return (
      <Result
        status="404"
        title={t('followup:detail.notFound')}
        extra={<Button onClick={() => void navigate('/followup')}>{t('followup:detail.back')}</Button>}
      />
    );
  }
  return <TaskDetailView task={task} units={units} />;
}

function TaskDetailView({ task, units }: { task: TaskDetail; units: UnitNames }) {
  const { t, date, meetingName } = useFollowupText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { profile } = useCurrentProfile();
  const [action, setAction] = useState<TaskActionName>();
  const [offer, setOffer] = useState<ReminderSaved>();
  const [preview, setPreview] = useState<{ eventId: string; notice: NoticeNumber }>();
  // The notice's heading and signature need the issuing office: asked for once, before the first notice.
  const office = useOfficeInitial();
  const [askingOffice, setAskingOffice] = useState<{ eventId: string; notice: NoticeNumber }>();
  const openNotice = (target: { eventId: string; notice: NoticeNumber }) =>
    office?.saved ? setPreview(target) : setAskingOffice(target);
  const r = task.resolution;
  const today = todayIso();
  const attachments = useTaskAttachments(r.id);

  const possible = allowedTaskActions(r, today);
  const targetUnitIds = [r.leadUnitId, ...r.coUnitIds];
  const rights = Object.fromEntries(
    ACTION_ORDER.map((a) => [
      a,
      profile
        ? permission(profile.role, TASK_ACTION_PERMISSION[a], { actorUnitId: profile.unitId, targetUnitIds })
        : ({ allowed: false, reason: t('followup:noProfile') } as PermissionResult),
    ]),
  ) as Record<TaskActionName, PermissionResult>;
  const shown = ACTION_ORDER.filter((a) => possible.includes(a));
  const primary = shown.find((a) => rights[a].allowed && a !== 'comment');
  const source = task.issueNumber
    ? t('followup:meetingIssue', { meeting: meetingName(task.meeting), number: task.issueNumber })
    : meetingName(task.meeting);

  return (
    <Page
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('followup:page.title')}</span>
          <TaskStateTag state={r.state} />
          <WarningTag warning={task.warning} />
          <SideRecordTags resolution={r} />
        </Flex>
      }
      description={`${source} · ${t('followup:field.issuedOn')} ${date(r.issuedOn)}`}
      extra={
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(-1)}>
          {t('followup:detail.back')}
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('followup:detail.nextSteps')}</Typography.Text>
          {shown.length === 0 ? (
            <Typography.Text type="secondary">{t('followup:detail.noSteps')}</Typography.Text>
          ) : (
            shown.map((a) => (
              // A step the role may not take stays in view, disabled, with who may take it.
              <Guarded key={a} right={rights[a]}>
                <Button type={a === primary ? 'primary' : 'default'} onClick={() => setAction(a)} data-action={a}>
                  {t(`followup:action.${a}`)}
                </Button>
              </Guarded>
            ))
          )}
        </Flex>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('followup:detail.task')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ fontSize: 15, whiteSpace: 'pre-wrap' }} data-testid="task-content">
              {r.content}
            </Typography.Paragraph>
            <Descriptions column={1} size="small" bordered styles={LABEL}>
              <Descriptions.Item label={t('followup:field.leadUnit')}>
                <Typography.Text strong>{units.name(r.leadUnitId)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('followup:field.coUnits')}>{units.names(r.coUnitIds)}</Descriptions.Item>
              <Descriptions.Item label={t('followup:field.state')}>
                <TaskStateTag state={r.state} />
              </Descriptions.Item>
              {r.feedback ? (
                <Descriptions.Item label={t('followup:field.feedback')}>{r.feedback}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>

          <SourceCard task={task} />
          <DeadlineCard task={task} />
          <SideRecordsCard task={task} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('followup:detail.timeline')}>
            <TaskTimeline
              events={task.events}
              issuedOn={r.issuedOn}
              units={units}
              attachments={attachments}
              noticeFor={(e) => {
                const notice = reminderNotice(e);
                return notice ? () => openNotice({ eventId: e.id, notice }) : undefined;
              }}
            />
          </Card>
        </Col>
      </Row>

      <TaskActionModal
        task={task}
        action={action}
        units={units}
        onClose={() => setAction(undefined)}
        onDone={(_done, outcome) => {
          setAction(undefined);
          if (outcome.reminder) setOffer(outcome.reminder);
          else void message.success(outcome.message);
        }}
      />
      <Modal
        open={offer !== undefined}
        title={t('followup:notice.saved')}
        okText={t('followup:notice.open')}
        cancelText={t('followup:notice.later')}
        okButtonProps={{ icon: <FileWordOutlined aria-hidden /> }}
        onOk={() => {
          if (offer) openNotice({ eventId: offer.event.id, notice: offer.noticeNumber });
          setOffer(undefined);
        }}
        onCancel={() => setOffer(undefined)}
      >
        <Typography.Paragraph>{t('followup:notice.offer')}</Typography.Paragraph>
        {offer ? (
          <Typography.Paragraph type="secondary">
            {t('followup:notice.offerHint', { ...offer.noticeNumber })}
          </Typography.Paragraph>
        ) : null}
      </Modal>
      <OfficeFirstModal
        open={askingOffice !== undefined}
        title={t('followup:notice.officeFirst')}
        onSaved={() => {
          setPreview(askingOffice);
          setAskingOffice(undefined);
        }}
        onClose={() => setAskingOffice(undefined)}
      />
      <DocumentPreviewModal
        open={preview !== undefined}
        title={preview ? t('followup:notice.previewTitle', { ...preview.notice }) : ''}
        fileName={preview ? supervisionNoticeFileName(preview.notice) : ''}
        build={() => buildSupervisionNoticeDocx(r.id, preview?.eventId ?? '')}
        onSaved={() => {
          // The saved copy goes into the audit trail (which notice, which 催办, the file name).
          if (!preview) return;
          const fileName = supervisionNoticeFileName(preview.notice);
          getDataLayer()
            .followup.recordNoticeExport(r.id, preview.eventId, fileName)
            .catch((e: unknown) => void message.error(errorText(e, t)));
        }}
        onClose={() => setPreview(undefined)}
      />
    </Page>
  );
}

/** 任务来源: the meeting (link), 第×期 and the minutes (link), the agenda item. */
function SourceCard({ task }: { task: TaskDetail }) {
  const { t, meetingName, date } = useFollowupText();
  const m = task.meeting;
  return (
    <Card title={t('followup:detail.source')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered styles={LABEL}>
        <Descriptions.Item label={t('followup:field.meeting')}>
          <Flex gap={8} wrap align="center">
            <Link to={`/meetings/${m.id}`}>
              <TeamOutlined aria-hidden /> {meetingName(m)}
            </Link>
            <Typography.Text type="secondary">{date(m.startsAt)}</Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('followup:field.minutes')}>
          <Link to={`/meetings/${m.id}/minutes`}>
            <FileTextOutlined aria-hidden />{' '}
            {task.issueNumber
              ? t('followup:issueNumber', { number: task.issueNumber, year: task.issueYear ?? m.year })
              : t('followup:detail.openMinutes')}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('followup:field.agendaItem')}>
          {task.agendaItem ? (task.agendaItem.snapshot?.title ?? task.agendaItem.title) : t('followup:none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 完成时限及变更: the deadline now, as the minutes set it, and every change (延期 approved). */
function DeadlineCard({ task }: { task: TaskDetail }) {
  const { t, date } = useFollowupText();
  const r = task.resolution;
  const changes = task.events.filter((e) => e.kind === 'deadline_change');
  const rule =
    r.deadlineRule?.kind === 'date'
      ? t('followup:ruleDate', { date: date(r.deadlineRule.date) })
      : r.deadlineRule?.kind === 'working_days'
        ? t('followup:ruleWorkingDays', { days: r.deadlineRule.days })
        : t('followup:none');
  return (
    <Card title={t('followup:detail.deadline')} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" bordered styles={LABEL}>
        <Descriptions.Item label={t('followup:detail.currentDeadline')}>
          <Flex gap={8} wrap align="center" data-testid="task-deadline">
            <Typography.Text strong>{r.deadline ? date(r.deadline) : t('followup:detail.noDeadline')}</Typography.Text>
            {r.deadlineProvisional ? <ProvisionalTag /> : null}
            <WarningTag warning={{ ...task.warning, provisional: false }} />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('followup:detail.originalRule')}>{rule}</Descriptions.Item>
        <Descriptions.Item label={t('followup:detail.deadlineHistory')}>
          {changes.length === 0 ? (
            <Typography.Text type="secondary">{t('followup:detail.noDeadlineChange')}</Typography.Text>
          ) : (
            <Flex vertical gap={4}>
              {changes.map((e: TaskEvent) => (
                <span key={e.id}>{t('followup:detail.deadlineChange', { date: date(e.on), text: e.text })}</span>
              ))}
            </Flex>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const EXTENSION_COLOR = { pending: 'blue', approved: 'green', refused: 'red' } as const;

/** 延期申请 and 不能办结 / 提交党政联席会议: records beside the main state. */
function SideRecordsCard({ task }: { task: TaskDetail }) {
  const { t, date } = useFollowupText();
  const { extension: x, cannotComplete: c } = task.resolution;
  if (!x && !c) return null;
  const xLabel = {
    pending: t('followup:side.extensionPending'),
    approved: t('followup:side.extensionApproved'),
    refused: t('followup:side.extensionRefused'),
  };
  return (
    <>
      {x ? (
        <Card title={t('followup:detail.extension')} style={{ marginBottom: 16 }} data-testid="extension-record">
          <Descriptions column={1} size="small" bordered styles={LABEL}>
            <Descriptions.Item label={t('followup:detail.extensionState')}>
              <Tag color={EXTENSION_COLOR[x.state]}>{xLabel[x.state]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('followup:detail.requestedOn')}>{date(x.requestedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('followup:detail.proposedDeadline')}>
              {date(x.proposedDeadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t('followup:detail.reason')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</span>
            </Descriptions.Item>
            {x.decidedOn ? (
              <Descriptions.Item label={t('followup:detail.decidedOn')}>
                {date(x.decidedOn)}
                {x.decidedByName ? ` · ${x.decidedByName}` : ''}
              </Descriptions.Item>
            ) : null}
            {x.decisionNote ? (
              <Descriptions.Item label={t('followup:detail.decisionNote')}>{x.decisionNote}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {c ? (
        <Card title={t('followup:detail.cannotComplete')} style={{ marginBottom: 16 }} data-testid="cannot-record">
          <Descriptions column={1} size="small" bordered styles={LABEL}>
            <Descriptions.Item label={t('followup:detail.reportedOn')}>{date(c.on)}</Descriptions.Item>
            <Descriptions.Item label={t('followup:detail.cannotCompleteReason')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('followup:detail.escalation')}>
              {c.escalated ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('followup:detail.escalatedOn', { date: date(c.escalatedOn) })}
                  style={{ padding: '2px 8px' }}
                />
              ) : (
                <Typography.Text type="secondary">{t('followup:detail.notEscalated')}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </>
  );
}
