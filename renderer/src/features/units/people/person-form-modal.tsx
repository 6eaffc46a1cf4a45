import { Alert, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { personInputSchema, type Person, type Unit } from '../../../../../shared/domain';
import { getDataLayer } from '../../../db';
import { EditorModal, FormButtons, zodRule } from '../../../ui';
import { useRecordForm } from '../form/use-record-form';
import { useUnitsText } from '../shared/labels';
import { compareText } from '../shared/search';

export interface PersonFormModalProps {
  open: boolean;
  /** The person being edited; absent when creating. */
  person?: Person | undefined;
  /** Unit preselected for a new person (the people tab's unit filter). */
  defaultUnitId?: string | undefined;
  /** All units, archived included (an edited person may belong to an archived unit). */
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (person: Person, created: boolean) => void;
}

/** 新增人员 / 编辑人员: validates as you type with the shared `personInputSchema`. */
export function PersonFormModal({ open, person, defaultUnitId, units, onClose, onSaved }: PersonFormModalProps) {
  const { t } = useUnitsText();
  return (
    <EditorModal open={open} title={person ? t('personForm.editTitle') : t('personForm.createTitle')} onClose={onClose}>
      <PersonForm person={person} defaultUnitId={defaultUnitId} units={units} onCancel={onClose} onSaved={onSaved} />
    </EditorModal>
  );
}

function PersonForm({
  person,
  defaultUnitId,
  units,
  onCancel,
  onSaved,
}: Omit<PersonFormModalProps, 'open' | 'onClose'> & {
  onCancel: () => void;
}) {
  const { t, roleOptions } = useUnitsText();
  // Only units in use can take new people; the person's own archived unit stays visible when editing.
  const unitOptions = useMemo(
    () =>
      units
        .filter((u) => !u.archived || u.id === person?.unitId)
        .sort((a, b) => compareText(a.name, b.name))
        .map((u) => ({
          value: u.id,
          label: u.archived ? t('personForm.archivedUnitOption', { name: u.name }) : u.name,
          // Searchable by short name too (e.g. "市监局").
          search: `${u.name} ${u.shortName ?? ''}`,
        })),
    [units, person?.unitId, t],
  );

  const unitRule = { requiredMessage: t('personForm.unitRequired') };
  const labels = {
    name: t('personForm.name'),
    unitId: t('personForm.unit'),
    post: t('personForm.post'),
    role: t('personForm.role'),
  };

  const { form, saving, formError, submit } = useRecordForm({
    schema: personInputSchema,
    fieldOptions: { unitId: unitRule },
    save: (value) => (person ? getDataLayer().people.update(person.id, value) : getDataLayer().people.create(value)),
    onSaved: (saved) => onSaved(saved, !person),
  });

  const initialValues = person ?? (defaultUnitId ? { unitId: defaultUnitId } : {});

  return (
    <Form
      form={form}
      name="person-form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values: Record<string, unknown>) => void submit(values)}
    >
      <Form.Item name="name" label={labels.name} required rules={[zodRule(personInputSchema.shape.name)]}>
        <Input autoFocus maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={labels.unitId}
        required
        rules={[zodRule(personInputSchema.shape.unitId, unitRule)]}
      >
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          options={unitOptions}
          placeholder={t('personForm.unitPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="post" label={labels.post} rules={[zodRule(personInputSchema.shape.post)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={labels.role} required rules={[zodRule(personInputSchema.shape.role)]}>
        <Select options={roleOptions} placeholder={t('personForm.rolePlaceholder')} />
      </Form.Item>
      <Form.Item name="phone" label={t('personForm.phone')} rules={[zodRule(personInputSchema.shape.phone)]}>
        <Input inputMode="tel" placeholder={t('personForm.phonePlaceholder')} autoComplete="off" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <FormButtons saving={saving} onCancel={onCancel} style={{ marginTop: 8 }} />
    </Form>
  );
}
