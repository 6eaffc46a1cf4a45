import { DownloadOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Progress, Timeline, Typography } from 'antd';
import type { TaskEvent } from '../../../../shared/domain';
import { formatFileSize, isEscalationEvent } from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import type { AttachmentMeta } from '../../db/types';
import { getHost } from '../../platform';
import { errorText } from '../../ui';
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
  attachments,
}: {
  events: readonly TaskEvent[];
  issuedOn: string | undefined;
  units: UnitNames;
  /** For a 催办 with a 督办通知单 number: what opens its preview. */
  noticeFor?: (e: TaskEvent) => (() => void) | undefined;
  /** The files of 报送进展 / 办结报告 events, by event id. */
  attachments?: ReadonlyMap<string, readonly AttachmentMeta[]>;
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
                <EventAttachments files={attachments?.get(e.id)} />
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

/** 附件 of one event: each saved through the host (the saved copy is audited, like a topic's files). */
function EventAttachments({ files }: { files: readonly AttachmentMeta[] | undefined }) {
  const { t } = useFollowupText();
  const { message } = App.useApp();
  if (!files?.length) return null;
  const save = async (a: AttachmentMeta) => {
    try {
      const { bytes, fileName } = await getDataLayer().attachments.content(a.id);
      const ext = fileName.split('.').pop() ?? '*';
      const result = await getHost().saveFile({
        suggestedName: fileName,
        bytes,
        filters: [{ name: t('followup:event.attachmentFilter'), extensions: [ext] }],
      });
      if (result.saved) await getDataLayer().attachments.recordDownload(a.id);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  return (
    <Flex vertical gap={0} style={{ margin: '2px 0' }} data-testid="event-attachments">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('followup:event.attachments', { count: files.length })}
      </Typography.Text>
      {files.map((a) => (
        <Flex key={a.id} gap={4} align="center" wrap>
          <PaperClipOutlined aria-hidden />
          <Typography.Text ellipsis style={{ maxWidth: 260 }} title={a.fileName}>
            {a.fileName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatFileSize(a.size)}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined aria-hidden />}
            aria-label={t('followup:event.attachmentSave', { name: a.fileName })}
            title={t('followup:event.attachmentSave', { name: a.fileName })}
            style={{ padding: 0 }}
            onClick={() => void save(a)}
          />
        </Flex>
      ))}
    </Flex>
  );
}
