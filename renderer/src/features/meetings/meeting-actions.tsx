import { EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  allowedMeetingTransitions,
  isHeldOrLater,
  isPreparing,
  type Meeting,
  type MeetingState,
} from '../../../../shared/domain';
import { getDataLayer, usePermission, usePermissions } from '../../db';
import { FormModal, Guarded, todayIso, useReportError } from '../../ui';
import { useMeetingsText } from './labels';

/**
 * Buttons for exactly the transitions made by hand from the meeting's state, plus 编辑. Once held, the
 * meeting's state follows its minutes: the one button leads there (起草会议纪要 while there are none yet —
 * 已召开 means no minutes, since creating them moves the meeting to 纪要起草).
 */
export function MeetingActions({ meeting, onEdit }: { meeting: Meeting; onEdit: () => void }) {
  const { t } = useMeetingsText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState<MeetingState>();
  const [cancelling, setCancelling] = useState(false);
  const allowed = allowedMeetingTransitions(meeting.state);
  const preparing = isPreparing(meeting);

  const go = async (to: MeetingState, reason?: string): Promise<boolean> => {
    setBusy(to);
    try {
      await getDataLayer().meetings.transition(meeting.id, to, reason);
      void message.success(t('meetings:transition.done', { state: t(`meetings:state.${to}`) }));
      return true;
    } catch (e) {
      reportError(e);
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  // 起草会议纪要 starts them from the template (when the role may) and opens them; otherwise just opens.
  const [starting, setStarting] = useState(false);
  const mayDraft = usePermission('minutes.draft');
  const may = usePermissions(['meeting.update', 'meeting.transition', 'meeting.cancel'] as const);
  const openMinutes = async () => {
    if (meeting.state === 'held' && mayDraft.allowed) {
      setStarting(true);
      try {
        await getDataLayer().minutes.ensureForMeeting(meeting.id);
      } catch (e) {
        reportError(e);
        return;
      } finally {
        setStarting(false);
      }
    }
    void navigate(`/meetings/${meeting.id}/minutes`);
  };

  // Marking a meeting held before its day is almost always a slip of the mouse: say so in the confirmation.
  const early = meeting.startsAt.slice(0, 10) > todayIso();

  return (
    <>
      {isHeldOrLater(meeting) ? (
        meeting.state === 'held' && !mayDraft.allowed ? (
          // No minutes yet and this role may not start them: nothing to open; say who starts them.
          <Guarded right={mayDraft}>
            <Button type="primary" icon={<FileTextOutlined aria-hidden />}>
              {t('meetings:transition.draftMinutes')}
            </Button>
          </Guarded>
        ) : (
          <Tooltip title={t('meetings:transition.minutesHint')}>
            <Button
              type="primary"
              icon={<FileTextOutlined aria-hidden />}
              loading={starting}
              onClick={() => void openMinutes()}
            >
              {meeting.state === 'held' ? t('meetings:transition.draftMinutes') : t('meetings:transition.minutes')}
            </Button>
          </Tooltip>
        )
      ) : null}
      {preparing ? (
        <Guarded right={may['meeting.update']}>
          <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
            {t('meetings:detail.edit')}
          </Button>
        </Guarded>
      ) : null}
      {allowed
        .filter((to) => to !== 'cancelled')
        .map((to) => (
          <Guarded key={to} right={may['meeting.transition']}>
            <Popconfirm
              title={t(`meetings:transition.confirm.${to}`)}
              description={to === 'held' && early ? t('meetings:transition.earlyHeld') : undefined}
              okText={t('meetings:transition.ok')}
              cancelText={t('common:actions.cancel')}
              onConfirm={() => go(to)}
            >
              <Button type={to === 'planning' ? 'default' : 'primary'} loading={busy === to}>
                {t(`meetings:transition.to.${to}`)}
              </Button>
            </Popconfirm>
          </Guarded>
        ))}
      {allowed.includes('cancelled') ? (
        <Guarded right={may['meeting.cancel']}>
          <Button danger onClick={() => setCancelling(true)}>
            {t('meetings:transition.to.cancelled')}
          </Button>
        </Guarded>
      ) : null}
      <CancelModal
        open={cancelling}
        onClose={() => setCancelling(false)}
        onSubmit={(reason) => go('cancelled', reason)}
      />
    </>
  );
}

function CancelModal({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<boolean>;
}) {
  const { t } = useMeetingsText();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      open={open}
      title={t('meetings:cancel.title')}
      okText={t('meetings:cancel.ok')}
      cancelText={t('meetings:cancel.back')}
      danger
      form={form}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v.reason)}
    >
      <Form.Item
        name="reason"
        label={t('meetings:cancel.reason')}
        extra={t('meetings:cancel.hint')}
        rules={[
          { required: true, whitespace: true, message: t('meetings:cancel.reasonRequired') },
          { max: 500, message: t('meetings:cancel.reasonTooLong') },
        ]}
      >
        <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
