import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentPreviewModal } from '../../documents';
import { getDataLayer } from '../../../db';
import { MEETING_DOCUMENTS, type MeetingDocumentKind } from '../../../db/repositories/document-settings';
import { Guarded, todayIso, useReportError } from '../../../ui';
import { defaultNoticeOptions, type NoticeOptions } from './build-doc-input';
import { DocumentSettingsForm, useOfficeInitial } from './document-settings-form';
import { buildMeetingDocument, meetingDocumentFileName } from './meeting-documents';
import { noticeNumberOk } from './notice-number';
import { NoticeOptionsFields } from './notice-options';
import { useMeetingSources } from './use-document-office';

export interface MeetingDocumentsPanelProps {
  meetingId: string;
}

/**
 * 会议文件 tab of a meeting: 会议通知, 会议议程, 签到表 and 落实情况通报, each previewed as the real .docx before it is
 * saved. The issuing office is asked for once (with defaults from the data) before anything is built.
 */
export function MeetingDocumentsPanel({ meetingId }: MeetingDocumentsPanelProps) {
  const { t } = useTranslation(['meeting-docs', 'common']);
  const reportError = useReportError();
  const office = useOfficeInitial();
  const sources = useMeetingSources(meetingId);
  const [editingOffice, setEditingOffice] = useState(false);
  const [preview, setPreview] = useState<MeetingDocumentKind | null>(null);
  // The office's choices for this meeting's notice; defaults until the user edits one.
  const [noticeEdits, setNoticeEdits] = useState<{ meetingId: string; value: NoticeOptions } | null>(null);

  if (office === undefined || sources === undefined) return <Skeleton active />;
  if (sources === null) return <Empty description={t('meeting-docs:meetingGone')} />;

  if (!office.saved) {
    return (
      <Card title={t('meeting-docs:office.firstTitle')}>
        <Alert type="info" showIcon title={t('meeting-docs:office.firstHint')} style={{ marginBottom: 16 }} />
        <DocumentSettingsForm initial={office.office} />
      </Card>
    );
  }

  const notice = noticeEdits?.meetingId === meetingId ? noticeEdits.value : defaultNoticeOptions(sources, todayIso());
  const meeting = sources.meeting;
  const fileName = (kind: MeetingDocumentKind) => meetingDocumentFileName(kind, meeting);
  const invitees = sources.attendance.length;

  const recordSaved = (kind: MeetingDocumentKind) => {
    const year = Number(notice.noticeDate.slice(0, 4));
    const number =
      kind === 'notice' && notice.noticeNumber !== undefined
        ? { year, number: notice.noticeNumber, date: notice.noticeDate }
        : undefined;
    getDataLayer().documentSettings.recordExport(meetingId, kind, fileName(kind), number).catch(reportError);
  };

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('meeting-docs:office.summaryTitle')}
        extra={
          <Guarded action="document.settings">
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditingOffice(true)}>
              {t('meeting-docs:office.edit')}
            </Button>
          </Guarded>
        }
        items={[
          { key: 'name', label: t('meeting-docs:office.name'), children: office.office.name },
          { key: 'prefix', label: t('meeting-docs:office.docNumberPrefix'), children: office.office.docNumberPrefix },
          {
            key: 'contact',
            label: t('meeting-docs:office.contact'),
            children:
              [office.office.contactName, office.office.contactPhone].filter(Boolean).join('　') ||
              t('meeting-docs:office.noContact'),
          },
        ]}
      />
      {sources.agenda.length === 0 ? (
        <Alert type="warning" showIcon title={t('meeting-docs:warnings.noAgenda')} />
      ) : null}
      {invitees === 0 ? <Alert type="warning" showIcon title={t('meeting-docs:warnings.noInvitees')} /> : null}
      {MEETING_DOCUMENTS.map((kind) => (
        <Card
          key={kind}
          size="small"
          title={
            <Flex gap={8} align="center">
              <FileWordOutlined aria-hidden />
              {t(`meeting-docs:docs.${kind}.title`)}
            </Flex>
          }
          extra={
            <Button
              type="primary"
              // A 发文字号 out of range is marked on the field and not put into a document.
              disabled={kind === 'notice' && !noticeNumberOk(notice.noticeNumber)}
              onClick={() => setPreview(kind)}
            >
              {t(`meeting-docs:docs.${kind}.button`)}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: kind === 'notice' ? 12 : 0 }}>
            {t(`meeting-docs:docs.${kind}.description`, {
              items: sources.agenda.length,
              invitees,
              empty: 5,
              total: sources.report?.selection.totals.total ?? 0,
              verified: sources.report?.selection.totals.byState.verified ?? 0,
              overdue: sources.report?.selection.totals.overdue ?? 0,
            })}
          </Typography.Paragraph>
          {kind === 'notice' ? (
            <NoticeOptionsFields
              value={notice}
              prefix={office.office.docNumberPrefix}
              onChange={(value) => setNoticeEdits({ meetingId, value })}
            />
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('meeting-docs:fileName', { name: fileName(kind) })}
          </Typography.Text>
        </Card>
      ))}
      <DocumentPreviewModal
        open={preview !== null}
        title={preview ? t(`meeting-docs:docs.${preview}.previewTitle`) : ''}
        fileName={preview ? fileName(preview) : ''}
        build={() => buildMeetingDocument(preview ?? 'notice', meetingId, notice, todayIso())}
        onSaved={() => preview && recordSaved(preview)}
        onClose={() => setPreview(null)}
      />
      <Modal
        open={editingOffice}
        title={t('meeting-docs:office.sectionTitle')}
        footer={null}
        onCancel={() => setEditingOffice(false)}
        destroyOnHidden
        width={680}
      >
        <DocumentSettingsForm
          initial={office.office}
          onSaved={() => setEditingOffice(false)}
          onCancel={() => setEditingOffice(false)}
        />
      </Modal>
    </Flex>
  );
}
