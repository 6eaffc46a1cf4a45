import { Form } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZodFieldOptions } from '../../../ui';
import { useUnitsText } from '../shared/labels';
import { placeSaveError } from './save-error';
import { parseFormValues, type AnyObjectSchema, type FieldOf } from './zod-form';

export interface RecordFormOptions<S extends AnyObjectSchema, R> {
  schema: S;
  /** Per-field options, e.g. the requiredMessage of a select whose schema only says "缺少编号". */
  fieldOptions?: Partial<Record<FieldOf<S>, ZodFieldOptions>>;
  /** Creates or updates the record with the parsed values. */
  save: (value: z.output<S>) => Promise<R>;
  onSaved: (saved: R) => void;
}

/**
 * The submit of the unit and person forms: every field is checked with the schema first (worded as
 * the field rules word it), then saved; a repository refusal lands on the field it names (the name
 * field for a duplicate), anything else above the buttons.
 */
export function useRecordForm<S extends AnyObjectSchema, R>({
  schema,
  fieldOptions,
  save,
  onSaved,
}: RecordFormOptions<S, R>) {
  const { t } = useUnitsText();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const submit = async (values: Record<string, unknown>): Promise<void> => {
    setFormError(undefined);
    const parsed = parseFormValues(schema, values, fieldOptions);
    if (!parsed.ok) {
      form.setFields(parsed.fields.filter((f) => f.name !== ''));
      return;
    }
    setSaving(true);
    try {
      onSaved(await save(parsed.value));
    } catch (error) {
      const placed = placeSaveError(error, t, 'name');
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.message] }]);
      else setFormError(placed.message);
    } finally {
      setSaving(false);
    }
  };

  return { form, saving, formError, submit };
}
