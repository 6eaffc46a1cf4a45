import { Form, Input } from 'antd';
import { FormModal } from '../../../ui';
import { useMeetingsText } from '../labels';

/** 请假: asks for the reason the repository requires. */
export function LeaveModal({
  personName,
  onClose,
  onSubmit,
}: {
  /** The person asking for leave; the modal is open while set. */
  personName: string | undefined;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<boolean>;
}) {
  const { t } = useMeetingsText();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      open={personName !== undefined}
      title={t('meetings:attendance.leaveTitle', { name: personName ?? '' })}
      okText={t('meetings:attendance.leaveOk')}
      form={form}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v.reason)}
    >
      <Form.Item
        name="reason"
        label={t('meetings:attendance.leaveReason')}
        rules={[
          { required: true, whitespace: true, message: t('meetings:attendance.leaveReasonRequired') },
          { max: 200, message: t('meetings:attendance.leaveReasonTooLong') },
        ]}
      >
        <Input autoFocus maxLength={200} placeholder={t('meetings:attendance.leaveReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
