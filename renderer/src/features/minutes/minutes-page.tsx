import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isHeldOrLater, type Meeting } from '../../../../shared/domain';
import { meetingSessionName } from '../../../../shared/domain/minutes-template';
import { getDataLayer, useMeeting, useMinutesForMeeting, usePermission } from '../../db';
import { Page, useReportError } from '../../ui';
import { MinutesWorkspace } from './minutes-workspace';

/**
 * #/meetings/:id/minutes — the minutes of one meeting: started from the template once the meeting is held,
 * then edited, reviewed, signed, issued. Loaded lazily with the editor (Tiptap is only needed here).
 */
export default function MinutesPage() {
  const { id } = useParams();
  const meeting = useMeeting(id);
  const minutes = useMinutesForMeeting(id);
  if (meeting === undefined || minutes === undefined) return <Skeleton active />;
  if (meeting === null) return <Result status="404" title="找不到该会议，可能已被删除" />;
  if (minutes === null) return <NoMinutes meeting={meeting} />;
  return <MinutesWorkspace key={minutes.id} meeting={meeting} minutesId={minutes.id} />;
}

function NoMinutes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation(['minutesPage', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const may = usePermission('minutes.draft');
  const [busy, setBusy] = useState(false);
  const held = isHeldOrLater(meeting);
  const start = async () => {
    setBusy(true);
    try {
      await getDataLayer().minutes.ensureForMeeting(meeting.id);
      void message.success(t('minutesPage:done.created'));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title={`${t('minutesPage:title')} · ${meetingSessionName(meeting)}`}
      extra={
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/meetings/${meeting.id}`)}>
          {t('minutesPage:back')}
        </Button>
      }
    >
      <Result
        status="info"
        title={t('minutesPage:none.title')}
        subTitle={
          meeting.state === 'cancelled'
            ? t('minutesPage:none.cancelled')
            : held
              ? t('minutesPage:none.heldHint')
              : t('minutesPage:none.notHeld')
        }
        extra={
          held ? (
            <Space direction="vertical">
              <Button type="primary" loading={busy} disabled={!may.allowed} onClick={() => void start()}>
                {t('minutesPage:none.start')}
              </Button>
              {!may.allowed ? (
                <Alert type="warning" showIcon message={t('minutesPage:none.noRight', { reason: may.reason })} />
              ) : null}
            </Space>
          ) : null
        }
      />
    </Page>
  );
}
