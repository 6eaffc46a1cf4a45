import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleProfileSchema, ruleValuesSchema, type RuleValues } from '../../../../shared/domain/rule-profile';
import { getDataLayer } from '../../db';
import { FormButtons, toUserFacingError, zodRule, type UserFacingError } from '../../ui';
import { RULE_FIELDS } from './rule-fields';

/** What the dialog starts from: a custom profile to edit (with id) or a copy to save as new. */
export interface RuleDraft {
  id?: string;
  name: string;
  values: RuleValues;
}

export interface RuleFormModalProps {
  draft: RuleDraft | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}

interface FormValues {
  name: string;
  values: RuleValues;
}

/** Edit or create a custom rule profile; every number is checked as you type with ruleValuesSchema. */
export function RuleFormModal({ draft, onClose, onSaved }: RuleFormModalProps) {
  const { t } = useTranslation('settings');
  return (
    <Modal
      open={draft !== null}
      title={draft?.id ? t('rules.editTitle') : t('rules.newTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={580}
      styles={{ body: { paddingTop: 12 } }}
    >
      {/* Mounted afresh for every draft, so no values or errors carry over from the last one. */}
      {draft ? <RuleForm draft={draft} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function RuleForm({
  draft,
  onClose,
  onSaved,
}: {
  draft: RuleDraft;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation(['settings', 'common']);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);

  const save = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await getDataLayer().rules.saveCustom({ id: draft.id, name: values.name, values: values.values });
      onSaved(saved.name);
    } catch (e) {
      setError(toUserFacingError(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="horizontal"
      labelCol={{ span: 11 }}
      wrapperCol={{ span: 13 }}
      requiredMark={false}
      initialValues={{ name: draft.name, values: { ...draft.values } }}
      onFinish={(v) => void save(v)}
    >
      <Form.Item name="name" label={t('settings:rules.name')} rules={[zodRule(ruleProfileSchema.shape.name)]}>
        <Input maxLength={60} />
      </Form.Item>
      {RULE_FIELDS.map(({ key, unit }) => (
        <Form.Item
          key={key}
          name={['values', key]}
          label={t(`settings:rules.fields.${key}`)}
          rules={[zodRule(ruleValuesSchema.shape[key])]}
        >
          {/* No precision/min/max: they would round or replace what was typed; the zod rule says the range. */}
          <InputNumber style={{ width: 170 }} suffix={t(`settings:rules.units.${unit}`)} />
        </Form.Item>
      ))}
      {error ? (
        <Alert type="error" showIcon title={error.message} description={error.detail} style={{ marginBottom: 16 }} />
      ) : null}
      <FormButtons saving={saving} onCancel={onClose} />
    </Form>
  );
}
