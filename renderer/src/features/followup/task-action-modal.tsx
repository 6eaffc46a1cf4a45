import { Alert, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_EXTENSIONS,
  addDays,
  isWorkingDay,
  type Resolution,
  type TaskActionName,
  type TaskEvent,
  type WorkingDayCalendar,
} from '../../../../shared/domain';
import { getDataLayer, useCalendar, useCurrentProfile } from '../../db';
import { errorText, FormModal, IsoDatePicker, todayIso } from '../../ui';
import { AttachmentPicker } from '../topics/attachment-picker';
import { useFollowupText, type FollowupText } from './labels';
import type { TaskDetail } from './use-followup';
import type { UnitNames } from './use-unit-names';

/** What the forms collect; each action uses its own fields. */
interface Values {
  on?: string;
  text?: string;
  unitId?: string;
  percent?: number | null;
  proposedDeadline?: string;
  reason?: string;
  approved?: boolean;
  note?: string;
  passed?: boolean;
}

/** After 催办: the saved reminder and the 督办通知单 number it was given. */
export interface ReminderSaved {
  event: TaskEvent;
  noticeNumber: { year: number; number: number };
}

export interface TaskActionModalProps {
  task: TaskDetail;
  /** The action whose form is open; closed when undefined. */
  action: TaskActionName | undefined;
  units: UnitNames;
  onClose: () => void;
  /** After the repository saved the action (the modal closes): what to tell the user, and a saved 催办. */
  onDone: (action: TaskActionName, outcome: { message: string; reminder?: ReminderSaved }) => void;
}

const MAX = { text: 5000, reason: 1000, note: 1000 } as const;

/**
 * One form per task action (报送进展, 催办, 发表意见, 申请延期, 审批延期, 不能办结, 提交党政联席会议, 申报办结, 核验),
 * checked as the user types with the same limits the domain rule applies; the repository decides.
 */
export function TaskActionModal({ task, action, units, onClose, onDone }: TaskActionModalProps) {
  const { t, date } = useFollowupText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  // 报送进展 and 申报办结 carry files (checked as they are chosen; saved with the event).
  const [files, setFiles] = useState<File[]>([]);
  const { profile } = useCurrentProfile();
  const calendar = useCalendar()?.calendar;
  const r = task.resolution;
  const today = todayIso();

  const close = () => {
    setError(undefined);
    setFiles([]);
    onClose();
  };

  const submit = async (v: Values): Promise<boolean> => {
    if (!action) return false;
    setError(undefined);
    const repo = getDataLayer().followup;
    const s = (x: string | undefined) => (x ?? '').trim();
    let message = t('followup:detail.actionDone', { action: t(`followup:action.${action}`) });
    const attachments = files.map((f) => ({ fileName: f.name, mimeType: f.type, data: f }));
    try {
      switch (action) {
        case 'progress':
          await repo.progress(r.id, {
            on: v.on ?? today,
            text: s(v.text),
            ...(v.unitId ? { unitId: v.unitId } : {}),
            ...(typeof v.percent === 'number' ? { percent: v.percent } : {}),
            ...(attachments.length > 0 ? { attachments } : {}),
          });
          break;
        case 'remind': {
          const saved = await repo.remind(r.id, { text: s(v.text) });
          onDone(action, {
            message: t('followup:notice.saved'),
            reminder: { event: saved.event, noticeNumber: saved.noticeNumber },
          });
          return true;
        }
        case 'comment':
          await repo.comment(r.id, s(v.text));
          break;
        case 'request_extension':
          await repo.requestExtension(r.id, { proposedDeadline: v.proposedDeadline ?? '', reason: s(v.reason) });
          break;
        case 'decide_extension': {
          const saved = await repo.decideExtension(r.id, {
            approved: v.approved === true,
            ...(s(v.note) ? { note: s(v.note) } : {}),
          });
          message =
            v.approved === true
              ? t('followup:done.extensionApproved', { date: date(saved.deadline) })
              : t('followup:done.extensionRefused');
          break;
        }
        case 'cannot_complete':
          await repo.cannotComplete(r.id, { reason: s(v.reason) });
          break;
        case 'escalate':
          await repo.escalate(r.id, s(v.note) ? { note: s(v.note) } : {});
          break;
        case 'claim_done':
          await repo.claimDone(r.id, { text: s(v.text), ...(attachments.length > 0 ? { attachments } : {}) });
          message = t('followup:done.claimed');
          break;
        case 'verify':
          await repo.verify(r.id, { passed: v.passed === true, finding: s(v.text) });
          message = v.passed === true ? t('followup:done.verified') : t('followup:done.sentBack');
          break;
      }
      setFiles([]);
      onDone(action, { message });
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    }
  };

  const required = (message: string) => ({ required: true, whitespace: true, message });
  const max = (n: number) => ({ max: n, message: t('followup:form.tooLong', { max: n }) });
  const area = (rows: number, placeholder?: string, autoFocus = false) => (
    <Input.TextArea autoSize={{ minRows: rows, maxRows: 12 }} placeholder={placeholder} autoFocus={autoFocus} />
  );

  const picker = (label: string) => (
    <Form.Item label={label}>
      <AttachmentPicker
        files={files}
        onChange={setFiles}
        hint={t('followup:form.attachmentsHint', { types: ATTACHMENT_EXTENSIONS.join('、') })}
      />
    </Form.Item>
  );

  const taskUnits = [r.leadUnitId, ...r.coUnitIds];
  const ownUnit = profile?.unitId && taskUnits.includes(profile.unitId) ? profile.unitId : undefined;

  const initial = (): Values => {
    switch (action) {
      case 'progress':
        return { on: today, unitId: ownUnit ?? r.leadUnitId };
      case 'remind':
        // The notice prints the 督办事项 itself: the reminder says what is asked, not the task again.
        return {
          text: !r.deadline
            ? t('followup:form.remindDefaultNoDeadline')
            : task.warning.level === 'overdue'
              ? t('followup:form.remindDefaultOverdue', { deadline: date(r.deadline) })
              : t('followup:form.remindDefault', { deadline: date(r.deadline) }),
        };
      default:
        return {};
    }
  };

  return (
    <FormModal<Values>
      open={action !== undefined}
      title={action ? t(`followup:action.${action}`) : ''}
      okText={
        action === 'verify' || action === 'decide_extension'
          ? t('followup:form.save')
          : t(`followup:action.${action ?? 'progress'}`)
      }
      form={form}
      initialValues={initial()}
      onSubmit={submit}
      onClose={close}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 12 }}>
        {r.content}
      </Typography.Paragraph>

      {action === 'progress' ? (
        <>
          <Form.Item
            name="on"
            label={t('followup:form.progressOn')}
            rules={[
              { required: true, message: t('followup:form.progressOnRequired') },
              {
                validator: (_r, value?: string) => {
                  if (!value) return Promise.resolve();
                  if (value > today) return Promise.reject(new Error(t('followup:form.progressOnFuture')));
                  if (r.issuedOn && value < r.issuedOn)
                    return Promise.reject(
                      new Error(t('followup:form.progressOnBeforeIssue', { date: date(r.issuedOn) })),
                    );
                  return Promise.resolve();
                },
              },
            ]}
          >
            <IsoDatePicker min={r.issuedOn} max={today} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('followup:form.progressText')}
            rules={[required(t('followup:form.progressTextRequired')), max(MAX.text)]}
          >
            {area(3, t('followup:form.progressTextPlaceholder'), true)}
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('followup:form.reportingUnit')}
            rules={[{ required: true, message: t('followup:form.reportingUnitRequired') }]}
          >
            <Select
              // A liaison reports in the name of its own unit only.
              disabled={profile?.role === 'liaison'}
              options={taskUnits.map((id) => ({ value: id, label: units.name(id) }))}
            />
          </Form.Item>
          <Form.Item
            name="percent"
            label={t('followup:form.percent')}
            rules={[
              {
                validator: (_r, value?: number | null) =>
                  value === undefined || value === null || (Number.isInteger(value) && value >= 0 && value <= 100)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('followup:form.percentRange'))),
              },
            ]}
          >
            <InputNumber<number> suffix="%" style={{ width: 140 }} />
          </Form.Item>
          {picker(t('followup:form.attachments'))}
        </>
      ) : null}

      {action === 'remind' ? (
        <Form.Item
          name="text"
          label={t('followup:form.remindText')}
          extra={t('followup:form.remindNoticeHint')}
          rules={[required(t('followup:form.remindTextRequired')), max(MAX.text)]}
        >
          {area(3, undefined, true)}
        </Form.Item>
      ) : null}

      {action === 'comment' ? (
        <Form.Item
          name="text"
          label={t('followup:form.commentText')}
          rules={[required(t('followup:form.commentTextRequired')), max(MAX.text)]}
        >
          {area(3, undefined, true)}
        </Form.Item>
      ) : null}

      {action === 'request_extension' ? (
        <>
          <Form.Item
            name="proposedDeadline"
            label={t('followup:form.proposedDeadline')}
            extra={r.deadline ? `${t('followup:detail.currentDeadline')}：${date(r.deadline)}` : undefined}
            rules={[
              { required: true, message: t('followup:form.proposedRequired') },
              { validator: (_r, value?: string) => proposedCheck(value, r, today, calendar, { t, date }) },
            ]}
          >
            <IsoDatePicker
              min={addDays(r.deadline && r.deadline > today ? r.deadline : today, 1)}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('followup:form.extensionReason')}
            rules={[required(t('followup:form.extensionReasonRequired')), max(MAX.reason)]}
          >
            {area(3, t('followup:form.extensionReasonPlaceholder'))}
          </Form.Item>
        </>
      ) : null}

      {action === 'decide_extension' && r.extension ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('followup:form.extensionRequest', {
              unit: units.name(r.leadUnitId),
              on: date(r.extension.requestedOn),
              date: date(r.extension.proposedDeadline),
              reason: r.extension.reason,
            })}
          />
          <Form.Item
            name="approved"
            label={t('followup:form.decision')}
            rules={[{ required: true, message: t('followup:form.decisionRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('followup:form.approve') },
                { value: false, label: t('followup:form.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('followup:form.decisionNote')}
            dependencies={['approved']}
            rules={[
              max(MAX.note),
              ({ getFieldValue }) => ({
                validator: (_r, value?: string) =>
                  getFieldValue('approved') === false && !(value ?? '').trim()
                    ? Promise.reject(new Error(t('followup:form.decisionNoteRefuseRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            {area(2)}
          </Form.Item>
        </>
      ) : null}

      {action === 'cannot_complete' ? (
        <Form.Item
          name="reason"
          label={t('followup:form.cannotReason')}
          rules={[required(t('followup:form.cannotReasonRequired')), max(MAX.reason)]}
        >
          {area(3, t('followup:form.cannotReasonPlaceholder'), true)}
        </Form.Item>
      ) : null}

      {action === 'escalate' ? (
        <>
          <Typography.Paragraph>{t('followup:form.escalateHint')}</Typography.Paragraph>
          <Form.Item name="note" label={t('followup:form.escalateNote')} rules={[max(MAX.note)]}>
            {area(2)}
          </Form.Item>
        </>
      ) : null}

      {action === 'claim_done' ? (
        <>
          <Form.Item
            name="text"
            label={t('followup:form.completionText')}
            rules={[required(t('followup:form.completionTextRequired')), max(MAX.text)]}
          >
            {area(4, t('followup:form.completionTextPlaceholder'), true)}
          </Form.Item>
          {picker(t('followup:form.completionAttachments'))}
        </>
      ) : null}

      {action === 'verify' ? (
        <>
          <Form.Item
            name="passed"
            label={t('followup:form.verifyResult')}
            extra={t('followup:form.verifyFailedHint')}
            rules={[{ required: true, message: t('followup:form.verifyResultRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('followup:form.verifyPassed') },
                { value: false, label: t('followup:form.verifyFailed') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={t('followup:form.finding')}
            rules={[required(t('followup:form.findingRequired')), max(MAX.text)]}
          >
            {area(3, t('followup:form.findingPlaceholder'))}
          </Form.Item>
        </>
      ) : null}

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 4 }} /> : null}
    </FormModal>
  );
}

/** 拟延期日期: after the current deadline and today, on a working day (the rule the repository applies). */
function proposedCheck(
  value: string | undefined,
  r: Resolution,
  today: string,
  calendar: WorkingDayCalendar | undefined,
  { t, date }: Pick<FollowupText, 't' | 'date'>,
): Promise<void> {
  if (!value) return Promise.resolve();
  if (r.deadline && value <= r.deadline)
    return Promise.reject(new Error(t('followup:form.proposedAfterDeadline', { date: date(r.deadline) })));
  if (value <= today) return Promise.reject(new Error(t('followup:form.proposedAfterToday')));
  if (calendar && !isWorkingDay(value, calendar))
    return Promise.reject(new Error(t('followup:form.proposedNotWorkingDay', { date: date(value) })));
  return Promise.resolve();
}
