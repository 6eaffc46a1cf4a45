import { FileWordOutlined } from '@ant-design/icons';
import { Button, Empty, Progress, Timeline, Typography } from 'antd';
import type { TaskEvent } from '../../../../shared/domain';
import { isEscalationEvent } from '../../../../shared/domain';
import { useFollowupText } from './labels';
import { latestText } from './task-text';
import type { UnitNames } from './use-unit-names';

function colorOf(e: TaskEvent): string {
  switch (e.kind) {
    case 'progress':
      return 'blue';
    case 'reminder':
      return 'orange';
    case 'comment':
      return 'gray';
    case 'extension':
      return e.approved === false ? 'red' : 'blue';
    case 'deadline_change':
      return 'cyan';
    case 'completion':
      return 'purple';
    case 'verification':
      return e.approved === false ? 'red' : 'green';
    case 'cannot_complete':
      return isEscalationEvent(e) ? 'volcano' : 'red';
  }
}

/** 办理经过: every event of the task, oldest first, from 印发 (交办) on. */
export function TaskTimeline({
  events,
  issuedOn,
  units,
  noticeFor,
}: {
  events: readonly TaskEvent[];
  issuedOn: string | undefined;
  units: UnitNames;
  /** For a 催办 with a 督办通知单 number: what opens its preview. */
  noticeFor?: (e: TaskEvent) => (() => void) | undefined;
}) {
  const text = useFollowupText();
  const { t, date } = text;
  if (events.length === 0 && !issuedOn) return <Empty description={t('followup:detail.timelineEmpty')} />;
  return (
    <>
      <Timeline
        className="jd-task-timeline"
        items={[
          ...(issuedOn
            ? [
                {
                  key: 'issued',
                  color: 'gray',
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {date(issuedOn)}
                      </Typography.Text>
                      <div>{t('followup:event.issued')}</div>
                    </div>
                  ),
                },
              ]
            : []),
          ...events.map((e) => ({
            key: e.id,
            color: colorOf(e),
            content: (
              <div data-testid="task-event" data-kind={e.kind}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {date(e.on)}
                </Typography.Text>
                <div>
                  <Typography.Text strong>{latestText(e, text)}</Typography.Text>
                  {e.newDeadline && e.kind === 'extension' && e.approved === undefined ? (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('followup:event.proposed', { date: date(e.newDeadline) })}
                    </Typography.Text>
                  ) : null}
                </div>
                <Typography.Paragraph style={{ margin: '2px 0', whiteSpace: 'pre-wrap' }}>
                  {e.text}
                </Typography.Paragraph>
                {e.percent !== undefined ? (
                  <div style={{ maxWidth: 240 }}>
                    <Progress percent={e.percent} size="small" style={{ margin: 0 }} />
                  </div>
                ) : null}
                <NoticeButton
                  open={noticeFor?.(e)}
                  label={e.notice ? t('followup:notice.buttonNumbered', { ...e.notice }) : t('followup:notice.button')}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.unitId
                    ? t('followup:event.byUnit', { unit: units.name(e.unitId), name: e.personName ?? '' })
                    : t('followup:event.by', { name: e.personName ?? '' })}
                </Typography.Text>
              </div>
            ),
          })),
        ]}
      />
      {events.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('followup:detail.timelineEmpty')}</Typography.Paragraph>
      ) : null}
    </>
  );
}

function NoticeButton({ open, label }: { open: (() => void) | undefined; label: string }) {
  if (!open) return null;
  return (
    <div>
      <Button size="small" type="link" icon={<FileWordOutlined aria-hidden />} style={{ padding: 0 }} onClick={open}>
        {label}
      </Button>
    </div>
  );
}
