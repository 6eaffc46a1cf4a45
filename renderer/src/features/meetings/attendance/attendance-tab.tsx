import { LoginOutlined, UnorderedListOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAttendanceEditable, signInWindow, type Attendance, type Meeting } from '../../../../../shared/domain';
import { getDataLayer, useAttendance, usePermission } from '../../../db';
import { DeniedNotice, todayIso, useReportError } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';
import { AddPersonModal } from './add-person-modal';
import { attendeeOf } from './attendee';
import { AttendanceTable, type AttendanceActions } from './attendance-table';
import { attendanceCounts } from './counts';
import { CountsBar } from './counts-bar';
import { LeaveModal } from './leave-modal';
import { SignInList } from './sign-in-list';
import { SubstituteModal } from './substitute-modal';

type Mode = 'list' | 'signIn';

/** 参会人员: the list with marks (出席 / 请假 / 缺席 / 代会), observers, and the sign-in mode for the day. */
export function AttendanceTab({ meeting, lookups }: { meeting: Meeting; lookups: MeetingLookups }) {
  const { t } = useMeetingsText();
  const { t: tg } = useTranslation('attendanceGuest');
  const { message } = App.useApp();
  const reportError = useReportError();
  const rows = useAttendance(meeting.id);
  // Only the office records attendance: other roles read the list, told why once above it.
  const mayMark = usePermission('attendance.mark');
  const open = isAttendanceEditable(meeting);
  const editable = open && mayMark.allowed;
  // Sign-in opens on the meeting's day (signInWindow); then it is what the office needs first.
  const signInState = signInWindow(meeting, todayIso());
  const [mode, setMode] = useState<Mode>(() => (signInState.open ? 'signIn' : 'list'));
  const [leaveFor, setLeaveFor] = useState<Attendance>();
  const [substituteFor, setSubstituteFor] = useState<Attendance>();
  const [adding, setAdding] = useState<'observer' | 'invitee'>();
  const repo = getDataLayer().attendance;

  const taken = useMemo(() => {
    const s = new Set<string>();
    for (const a of rows ?? []) {
      if (a.personId) s.add(a.personId);
      if (a.substitutePersonId) s.add(a.substitutePersonId);
    }
    return s;
  }, [rows]);
  const counts = attendanceCounts(rows ?? []);
  const nameOf = (a: Attendance | undefined) => (a ? attendeeOf(a, lookups).name : undefined);

  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  };

  const actions: AttendanceActions = {
    present: (a) => void run(() => repo.setStatus(a.id, 'present')),
    absent: (a) => void run(() => repo.setStatus(a.id, 'absent')),
    reset: (a) => void run(() => repo.setStatus(a.id, 'invited')),
    leave: (a) => setLeaveFor(a),
    substitute: (a) => setSubstituteFor(a),
    remove: (a) =>
      void run(async () => {
        await repo.remove(a.id);
        void message.success(t('meetings:attendance.removed', { name: nameOf(a) }));
      }),
  };

  return (
    <>
      <CountsBar counts={counts} />
      {!open ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('meetings:attendance.readOnly')} />
      ) : (
        <DeniedNotice right={mayMark} style={{ marginBottom: 12 }} />
      )}
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Segmented<Mode>
          aria-label={t('meetings:attendance.mode')}
          value={editable && signInState.open ? mode : 'list'}
          onChange={setMode}
          disabled={!editable}
          options={[
            { value: 'list', label: t('meetings:attendance.modeList'), icon: <UnorderedListOutlined aria-hidden /> },
            {
              value: 'signIn',
              label: (
                <span title={signInState.open ? undefined : signInState.reason}>
                  {t('meetings:attendance.modeSignIn')}
                </span>
              ),
              icon: <LoginOutlined aria-hidden />,
              disabled: !signInState.open,
            },
          ]}
        />
        {editable && !signInState.open ? (
          <Typography.Text type="secondary" data-testid="sign-in-closed">
            {signInState.reason}
          </Typography.Text>
        ) : null}
        {editable ? (
          <Space wrap>
            <Button icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding('observer')}>
              {t('meetings:attendance.addObserver')}
            </Button>
            <Button onClick={() => setAdding('invitee')}>{t('meetings:attendance.addInvitee')}</Button>
          </Space>
        ) : null}
      </Flex>
      {editable && signInState.open && mode === 'signIn' ? (
        <SignInList rows={rows ?? []} lookups={lookups} />
      ) : (
        <AttendanceTable rows={rows} lookups={lookups} editable={editable} actions={actions} />
      )}
      <LeaveModal
        personName={nameOf(leaveFor)}
        onClose={() => setLeaveFor(undefined)}
        onSubmit={(reason) => run(() => repo.setStatus(leaveFor!.id, 'leave', reason))}
      />
      <SubstituteModal
        row={substituteFor}
        taken={taken}
        lookups={lookups}
        onClose={() => setSubstituteFor(undefined)}
        onSubmit={(sub) => run(() => repo.setSubstitute(substituteFor!.id, sub))}
      />
      <AddPersonModal
        mode={adding}
        taken={taken}
        lookups={lookups}
        onClose={() => setAdding(undefined)}
        onSubmit={async (ids) => {
          for (const id of ids) {
            const ok = await run(() =>
              adding === 'observer' ? repo.addObserver(meeting.id, id) : repo.addInvitee(meeting.id, id),
            );
            if (!ok) return;
          }
        }}
        onSubmitGuest={(guest) =>
          run(async () => {
            const row = await repo.addGuest(meeting.id, guest);
            void message.success(
              tg('added', { name: `${row.guestUnitName ?? ''}${row.guestPost ?? ''}${row.guestName ?? ''}` }),
            );
          })
        }
      />
    </>
  );
}
