import { Alert, Form, Input, Select } from 'antd';
import { unitInputSchema, type Unit } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import { EditorModal, FormButtons, zodRule } from '../../../ui';
import { useRecordForm } from '../form/use-record-form';
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
    <EditorModal open={open} title={unit ? t('unitForm.editTitle') : t('unitForm.createTitle')} onClose={onClose}>
      <UnitForm unit={unit} onCancel={onClose} onSaved={onSaved} />
    </EditorModal>
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
  const labels: Record<UnitField, string> = {
    name: t('unitForm.name'),
    shortName: t('unitForm.shortName'),
    kind: t('unitForm.kind'),
    liaisonName: t('unitForm.liaisonName'),
    liaisonPhone: t('unitForm.liaisonPhone'),
    note: t('unitForm.note'),
  };

  const { form, saving, formError, submit } = useRecordForm({
    schema: unitInputSchema,
    save: (value) => (unit ? getDataLayer().units.update(unit.id, value) : getDataLayer().units.create(value)),
    onSaved: (saved) => onSaved(saved, !unit),
  });

  return (
    <Form
      form={form}
      name="unit-form"
      layout="vertical"
      initialValues={unit ?? {}}
      onFinish={(values: Record<string, unknown>) => void submit(values)}
      requiredMark
    >
      <Form.Item name="name" label={labels.name} required rules={[zodRule(unitInputSchema.shape.name)]}>
        {/* Focused on mount; rc-dialog then leaves focus where it is (it only grabs it when outside). */}
        <Input autoFocus maxLength={80} autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={labels.shortName} rules={[zodRule(unitInputSchema.shape.shortName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} required rules={[zodRule(unitInputSchema.shape.kind)]}>
        <Select options={kindOptions} placeholder={t('unitForm.kindPlaceholder')} />
      </Form.Item>
      <Form.Item name="liaisonName" label={labels.liaisonName} rules={[zodRule(unitInputSchema.shape.liaisonName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="liaisonPhone" label={labels.liaisonPhone} rules={[zodRule(unitInputSchema.shape.liaisonPhone)]}>
        <Input inputMode="tel" placeholder={t('unitForm.phonePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={labels.note} rules={[zodRule(unitInputSchema.shape.note)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <FormButtons saving={saving} onCancel={onCancel} style={{ marginTop: 8 }} />
    </Form>
  );
}
