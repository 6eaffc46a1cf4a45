import { Alert, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { StuckThresholds } from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import { errorText, FormButtons } from '../../ui';
import { useDisputesText } from './labels';

const KEYS = ['registeredDays', 'negotiatingDays', 'sinceLastRoundDays', 'escalatedDays', 'toCloseDays'] as const;

/** 滞留阈值: the day counts after which the chair's review marks a dispute as stuck. */
export function ThresholdsModal({
  open,
  value,
  onClose,
  onSaved,
}: {
  open: boolean;
  value: StuckThresholds;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useDisputesText();
  const [form] = Form.useForm<StuckThresholds>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (v: StuckThresholds) => {
    setSaving(true);
    setError(undefined);
    try {
      await getDataLayer().disputes.setThresholds(v);
      onSaved();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('disputes:thresholds.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <Form<StuckThresholds>
        form={form}
        name="dispute-thresholds"
        layout="horizontal"
        labelCol={{ span: 14 }}
        initialValues={value}
        onFinish={(v) => void submit(v)}
      >
        {KEYS.map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`disputes:thresholds.${k}`)}
            rules={[{ required: true, type: 'integer', min: 1, max: 3650, message: t('disputes:thresholds.invalid') }]}
          >
            {/* No min/max/precision: they would replace what was typed on blur; the rule says the range. */}
            <InputNumber
              aria-label={t(`disputes:thresholds.${k}`)}
              suffix={t('disputes:thresholds.days')}
              style={{ width: 140 }}
            />
          </Form.Item>
        ))}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <FormButtons saving={saving} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
