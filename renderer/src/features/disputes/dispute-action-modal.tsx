import { Alert, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  isHeldOrLater,
  negotiationRoundSchema,
  type Dispute,
  type DisputeAction,
  type DisputeActionType,
} from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import {
  EditorModal,
  dateRangeRule,
  errorText,
  formatChineseDate,
  FormButtons,
  IsoDatePicker,
  todayIso,
  zodRule,
} from '../../ui';
import { applicationPrefill } from './application-prefill';
import { useDisputesText } from './labels';
import type { NameLookup } from './use-names';

export interface DisputeActionModalProps {
  dispute: Dispute;
  /** The action to record; the modal is closed when undefined. */
  action: DisputeActionType | undefined;
  names: NameLookup;
  onClose: () => void;
  onDone: (dispute: Dispute, action: DisputeActionType) => void;
}

type Values = Record<string, string | undefined>;

const roundShape = negotiationRoundSchema.shape;

/** The earliest date a step can carry: not before the state it leaves or the last round. */
function floorDate(d: Dispute, action: DisputeActionType): string {
  const last = d.rounds[d.rounds.length - 1]?.date ?? d.registeredOn;
  if (action === 'add-round') return last;
  return last > d.stateSince ? last : d.stateSince;
}

/** One form per lifecycle step (记录协商, 协商一致, 提请区政府协调, 记录指定管辖, 结案, 重新打开). */
export function DisputeActionModal({ dispute, action, names, onClose, onDone }: DisputeActionModalProps) {
  const { actionLabel } = useDisputesText();
  return (
    <EditorModal
      open={action !== undefined}
      title={action ? actionLabel(action) : ''}
      width={action === 'escalate' ? 820 : 640}
      onClose={onClose}
    >
      {action ? (
        <ActionForm dispute={dispute} action={action} names={names} onCancel={onClose} onDone={onDone} />
      ) : null}
    </EditorModal>
  );
}

function ActionForm({
  dispute: d,
  action,
  names,
  onCancel,
  onDone,
}: {
  dispute: Dispute;
  action: DisputeActionType;
  names: NameLookup;
  onCancel: () => void;
  onDone: (dispute: Dispute, action: DisputeActionType) => void;
}) {
  const { t, meetingLabel } = useDisputesText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const today = todayIso();
  const min = floorDate(d, action);
  const required = (key: string) => ({
    required: true,
    whitespace: true,
    message: t(`disputes:actionForm.required.${key}`),
  });

  const initial = (): Values => {
    const on = min > today ? min : today;
    switch (action) {
      case 'add-round':
        return { on, participants: d.rounds[d.rounds.length - 1]?.participants ?? '' };
      case 'escalate':
        return { on, ...applicationPrefill(d, names.unit), applicantUnitId: d.firstHandlingUnitId };
      case 'close':
        return {
          on,
          agreementMeetingId:
            d.agreementMeetingId ?? names.meetings.find((m) => m.id === d.relatedMeetingId && isHeldOrLater(m))?.id,
        };
      default:
        return { on };
    }
  };

  const build = (v: Values): { action: DisputeAction; reason?: string } => {
    const on = v.on ?? today;
    const s = (k: string) => (v[k] ?? '').trim();
    switch (action) {
      case 'add-round':
        return {
          action: {
            type: 'add-round',
            round: {
              date: on,
              participants: s('participants'),
              content: s('content'),
              ...(s('outcome') ? { outcome: s('outcome') } : {}),
            },
          },
        };
      case 'agree':
        return { action: { type: 'agree', agreement: s('agreement'), on } };
      case 'escalate':
        return {
          action: {
            type: 'escalate',
            on,
            application: {
              matter: s('matter'),
              negotiation: s('negotiation'),
              focus: s('focus'),
              reasons: s('reasons'),
            },
            ...(s('applicantUnitId') ? { applicantUnitId: s('applicantUnitId') } : {}),
          },
        };
      case 'designate':
        return { action: { type: 'designate', decisionNumber: s('decisionNumber'), unitId: s('unitId'), on } };
      case 'close':
        return {
          action: {
            type: 'close',
            on,
            ...(s('agreementMeetingId') ? { agreementMeetingId: s('agreementMeetingId') } : {}),
          },
          ...(s('note') ? { reason: s('note') } : {}),
        };
      case 'reopen':
        return { action: { type: 'reopen', reason: s('reason'), on } };
    }
  };

  const submit = async (v: Values) => {
    setError(undefined);
    setSaving(true);
    try {
      const { action: a, reason } = build(v);
      const saved = await getDataLayer().disputes.act(d.id, a, reason);
      onDone(saved, action);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const area = (rows: number) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 12 }} />;
  const partiesFirst = [
    ...d.partyUnitIds.map((id) => names.units.find((u) => u.id === id)).filter((u) => u !== undefined),
    ...names.units.filter((u) => !u.archived && !d.partyUnitIds.includes(u.id)),
  ];

  return (
    <Form<Values>
      form={form}
      name={`dispute-${action}`}
      layout="vertical"
      initialValues={initial()}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="on"
        label={t(`disputes:actionForm.dateLabel.${action}`)}
        required
        rules={[
          { required: true, message: t('disputes:form.dateRequired') },
          dateRangeRule({
            min,
            max: today,
            minMessage: min ? t('disputes:form.dateNotBefore', { date: formatChineseDate(min) }) : undefined,
            maxMessage: t('disputes:form.dateNotFuture', { today: formatChineseDate(today) }),
          }),
        ]}
      >
        <IsoDatePicker min={min} max={today} style={{ width: 200 }} />
      </Form.Item>

      {action === 'add-round' ? (
        <>
          <Form.Item
            name="participants"
            label={t('disputes:round.participants')}
            required
            rules={[zodRule(roundShape.participants)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('disputes:actionForm.participantsPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="content" label={t('disputes:round.content')} required rules={[zodRule(roundShape.content)]}>
            {area(3)}
          </Form.Item>
          <Form.Item name="outcome" label={t('disputes:round.outcome')} rules={[zodRule(roundShape.outcome)]}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 6 }}
              placeholder={t('disputes:actionForm.outcomePlaceholder')}
            />
          </Form.Item>
        </>
      ) : null}

      {action === 'agree' ? (
        <>
          <Form.Item name="agreement" label={t('disputes:field.agreement')} required rules={[required('agreement')]}>
            {area(3)}
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('disputes:actionForm.agreeHint')}</Typography.Paragraph>
        </>
      ) : null}

      {action === 'escalate' ? (
        <>
          <Typography.Paragraph type="secondary">{t('disputes:actionForm.escalateHint')}</Typography.Paragraph>
          <Form.Item
            name="applicantUnitId"
            label={t('disputes:application.applicant')}
            extra={t('disputes:application.applicantHint')}
            rules={[{ required: true, message: t('disputes:application.applicantRequired') }]}
          >
            <Select
              options={d.partyUnitIds.map((id) => ({ value: id, label: names.unit(id) }))}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item name="matter" label={t('disputes:application.matter')} required rules={[required('matter')]}>
            {area(2)}
          </Form.Item>
          <Form.Item
            name="negotiation"
            label={t('disputes:application.negotiation')}
            required
            rules={[required('negotiation')]}
          >
            {area(2)}
          </Form.Item>
          <Form.Item name="focus" label={t('disputes:application.focus')} required rules={[required('focus')]}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t('disputes:actionForm.focusPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="reasons" label={t('disputes:application.reasons')} required rules={[required('reasons')]}>
            {area(3)}
          </Form.Item>
        </>
      ) : null}

      {action === 'designate' ? (
        <>
          <Form.Item
            name="decisionNumber"
            label={t('disputes:field.decisionNumber')}
            required
            rules={[required('decisionNumber')]}
          >
            <Input maxLength={60} autoComplete="off" placeholder={t('disputes:actionForm.decisionPlaceholder')} />
          </Form.Item>
          <Form.Item name="unitId" label={t('disputes:field.designatedUnitId')} required rules={[required('unitId')]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={partiesFirst.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </>
      ) : null}

      {action === 'close' ? (
        <>
          {d.state === 'agreed' ? (
            <Form.Item
              name="agreementMeetingId"
              label={t('disputes:field.agreementMeetingId')}
              required
              extra={t('disputes:actionForm.closeMeetingHint')}
              rules={[required('agreementMeetingId')]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={names.meetings
                  .filter((m) => isHeldOrLater(m))
                  .map((m) => ({ value: m.id, label: meetingLabel(m) }))}
                notFoundContent={t('disputes:actionForm.noHeldMeeting')}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={t('disputes:actionForm.closeNote')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </>
      ) : null}

      {action === 'reopen' ? (
        <Form.Item name="reason" label={t('disputes:actionForm.reopenReason')} required rules={[required('reason')]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      ) : null}

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <FormButtons saving={saving} onCancel={onCancel} submitText={t('disputes:actionForm.submit')} />
    </Form>
  );
}
