import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Result, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useMeeting } from '../../db';
import { Page } from '../../ui';
import { AgendaBuilder } from './agenda/agenda-builder';
import { AttendanceTab } from './attendance/attendance-tab';
import { MeetingDocumentsPanel } from './documents';
import { distinctTitle, useMeetingsText } from './labels';
import { MeetingActions } from './meeting-actions';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingStateTag } from './state-tag';
import { useMeetingLookups } from './use-lookups';

const TABS = ['agenda', 'attendance', 'documents'] as const;
type TabKey = (typeof TABS)[number];

/**
 * One meeting (#/meetings/:id[/:tab]): header with the hand-made transitions (once held, the way to its
 * minutes, which drive the later states), tabs 议程 / 参会人员 / 会议文件.
 */
export function MeetingDetailPage() {
  const { id, tab } = useParams();
  const { t, officialName, dateTime, kindLabel } = useMeetingsText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meeting = useMeeting(id);
  const lookups = useMeetingLookups();
  const [editing, setEditing] = useState(false);
  const active: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : 'agenda';

  if (meeting === undefined) return <Skeleton active />;
  if (meeting === null) {
    return (
      <Result
        status="404"
        title={t('meetings:detail.notFound')}
        extra={<Button onClick={() => void navigate('/meetings')}>{t('meetings:detail.back')}</Button>}
      />
    );
  }

  const chair = lookups.person(meeting.chairPersonId);
  const name = officialName(meeting);
  return (
    <Page
      title={
        <>
          <Button
            type="text"
            aria-label={t('meetings:detail.back')}
            icon={<ArrowLeftOutlined aria-hidden />}
            onClick={() => void navigate('/meetings')}
            style={{ marginRight: 4 }}
          />
          {name} <MeetingStateTag state={meeting.state} />
        </>
      }
      description={distinctTitle(meeting)}
      extra={<MeetingActions meeting={meeting} onEdit={() => setEditing(true)} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'startsAt', label: t('meetings:field.startsAt'), children: dateTime(meeting.startsAt) },
          { key: 'place', label: t('meetings:field.place'), children: meeting.place },
          {
            key: 'chair',
            label: t('meetings:field.chair'),
            children: chair ? `${chair.name}${chair.post ? `（${chair.post}）` : ''}` : '—',
          },
          { key: 'kind', label: t('meetings:field.kind'), children: kindLabel(meeting.kind) },
          ...(meeting.state === 'cancelled'
            ? [{ key: 'cancel', label: t('meetings:field.cancelReason'), children: meeting.cancelReason ?? '—' }]
            : []),
        ]}
      />
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/meetings/${meeting.id}/${key}`, { replace: true })}
        items={[
          {
            key: 'agenda',
            label: t('meetings:tabs.agenda'),
            children: active === 'agenda' ? <AgendaBuilder meeting={meeting} lookups={lookups} /> : null,
          },
          {
            key: 'attendance',
            label: t('meetings:tabs.attendance'),
            children: active === 'attendance' ? <AttendanceTab meeting={meeting} lookups={lookups} /> : null,
          },
          {
            key: 'documents',
            label: t('meetings:tabs.documents'),
            children: active === 'documents' ? <MeetingDocumentsPanel meetingId={meeting.id} /> : null,
          },
        ]}
      />
      <MeetingFormModal
        open={editing}
        meeting={meeting}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('meetings:form.saved'));
        }}
      />
    </Page>
  );
}
