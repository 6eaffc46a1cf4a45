import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { unitInputSchema, type Unit } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import { FormFooter } from '../form/form-footer';
import { placeSaveError } from '../form/save-error';
import { parseFormValues, zodRule } from '../form/zod-form';
import { useUnitsText } from '../shared/labels';

export interface UnitFormModalProps {
  open: boolean;
  /** The unit being edited; absent when creating. */
  unit?: Unit | undefined;
  onClose: () => void;
  /** Called after a successful save (the modal is closing; show feedback from the page). */
  onSaved: (unit: Unit, created: boolean) => void;
}

type UnitField = 'name' | 'shortName' | 'kind' | 'liaisonName' | 'liaisonPhone' | 'note';

/** 新增单位 / 编辑单位: validates as you type with the shared `unitInputSchema`. */
export function UnitFormModal({ open, unit, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useUnitsText();
  return (
    <Modal
      open={open}
      title={unit ? t('unitForm.editTitle') : t('unitForm.createTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open && <UnitForm unit={unit} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function UnitForm({
  unit,
  onCancel,
  onSaved,
}: {
  unit: Unit | undefined;
  onCancel: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}) {
  const { t, kindOptions } = useUnitsText();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const labels: Record<UnitField, string> = {
    name: t('unitForm.name'),
    shortName: t('unitForm.shortName'),
    kind: t('unitForm.kind'),
    liaisonName: t('unitForm.liaisonName'),
    liaisonPhone: t('unitForm.liaisonPhone'),
    note: t('unitForm.note'),
  };

  const submit = async (values: Record<string, unknown>): Promise<void> => {
    setFormError(undefined);
    const parsed = parseFormValues(unitInputSchema, values);
    if (!parsed.ok) {
      form.setFields(parsed.fields.filter((f) => f.name !== ''));
      return;
    }
    setSaving(true);
    try {
      const units = getDataLayer().units;
      const saved = unit ? await units.update(unit.id, parsed.value) : await units.create(parsed.value);
      onSaved(saved, !unit);
    } catch (error) {
      const placed = placeSaveError(error, t, labels, 'name');
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.message] }]);
      else setFormError(placed.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      name="unit-form"
      layout="vertical"
      initialValues={unit ?? {}}
      onFinish={(values: Record<string, unknown>) => void submit(values)}
      requiredMark
    >
      <Form.Item name="name" label={labels.name} required rules={[zodRule(unitInputSchema, 'name')]}>
        {/* Focused on mount; rc-dialog then leaves focus where it is (it only grabs it when outside). */}
        <Input autoFocus maxLength={80} autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={labels.shortName} rules={[zodRule(unitInputSchema, 'shortName')]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} required rules={[zodRule(unitInputSchema, 'kind')]}>
        <Select options={kindOptions} placeholder={t('unitForm.kindPlaceholder')} />
      </Form.Item>
      <Form.Item name="liaisonName" label={labels.liaisonName} rules={[zodRule(unitInputSchema, 'liaisonName')]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="liaisonPhone" label={labels.liaisonPhone} rules={[zodRule(unitInputSchema, 'liaisonPhone')]}>
        <Input inputMode="tel" placeholder={t('unitForm.phonePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={labels.note} rules={[zodRule(unitInputSchema, 'note')]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <FormFooter saving={saving} onCancel={onCancel} />
    </Form>
  );
}
