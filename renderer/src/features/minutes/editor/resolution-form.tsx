import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineRule, ResolutionAttrs } from '../../../../../shared/editor/document';
import { IsoDatePicker } from '../../../ui/iso-date-picker';
import type { EditorUnit } from './editor-context';

type DeadlineKind = 'date' | 'working_days' | 'none';

interface FormValues {
  content: string;
  leadUnitId: string | undefined;
  coUnitIds: string[];
  deadlineKind: DeadlineKind;
  date: string | undefined;
  days: number | null | undefined;
  feedback: string;
}

export interface ResolutionFormProps {
  value: ResolutionAttrs;
  units: readonly EditorUnit[];
  onSubmit: (attrs: ResolutionAttrs) => void;
  onCancel: () => void;
  /** Focus the content field when the form opens. */
  autoFocus?: boolean;
}

function toValues(a: ResolutionAttrs): FormValues {
  return {
    content: a.content,
    leadUnitId: a.leadUnitId || undefined,
    coUnitIds: a.coUnitIds,
    deadlineKind: a.deadline?.kind ?? (a.content ? 'none' : 'date'),
    date: a.deadline?.kind === 'date' ? a.deadline.date : undefined,
    days: a.deadline?.kind === 'working_days' ? a.deadline.days : undefined,
    feedback: a.feedback,
  };
}

function toDeadline(v: FormValues): DeadlineRule | null {
  if (v.deadlineKind === 'date' && v.date) return { kind: 'date', date: v.date };
  if (v.deadlineKind === 'working_days' && typeof v.days === 'number') return { kind: 'working_days', days: v.days };
  return null;
}

/**
 * The 议定事项 edit form, used by the card in the editor and by the resolutions panel. Validates as you
 * type; the lead unit is required and chosen among live (non-archived) units, co-units exclude the lead.
 */
export function ResolutionForm({ value, units, onSubmit, onCancel, autoFocus }: ResolutionFormProps) {
  const { t } = useTranslation('minutes');
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo(() => toValues(value), [value]);
  const lead = Form.useWatch('leadUnitId', form) ?? initial.leadUnitId;
  const kind = Form.useWatch('deadlineKind', form) ?? initial.deadlineKind;

  // live units, plus archived ones the record already names (shown, not choosable again)
  const options = (exclude?: string) =>
    units
      .filter((u) => (!u.archived || u.id === value.leadUnitId || value.coUnitIds.includes(u.id)) && u.id !== exclude)
      .map((u) => ({
        value: u.id,
        label: u.archived ? t('resolution.archivedUnit', { name: u.name }) : u.name,
        disabled: !!u.archived,
      }));

  const finish = (v: FormValues) =>
    onSubmit({
      id: value.id,
      content: v.content.trim(),
      leadUnitId: v.leadUnitId ?? '',
      coUnitIds: (v.coUnitIds ?? []).filter((id) => id !== v.leadUnitId),
      deadline: toDeadline(v),
      feedback: (v.feedback ?? '').trim(),
    });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={initial}
      onFinish={finish}
      className="jd-resolution-form"
      aria-label={t('resolution.formTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Form.Item
        name="content"
        label={t('resolution.content')}
        rules={[
          { required: true, whitespace: true, message: t('resolution.contentRequired') },
          { max: 10_000, message: t('resolution.contentTooLong') },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          autoFocus={autoFocus}
          placeholder={t('resolution.contentPlaceholder')}
        />
      </Form.Item>
      <Space.Compact block style={{ gap: 12, display: 'flex' }}>
        <Form.Item
          name="leadUnitId"
          label={t('resolution.leadUnit')}
          rules={[{ required: true, message: t('resolution.leadRequired') }]}
          style={{ flex: 1 }}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={options()}
            placeholder={t('resolution.leadPlaceholder')}
            onChange={(id: string) => {
              const co = form.getFieldValue('coUnitIds') as string[] | undefined;
              if (co?.includes(id))
                form.setFieldValue(
                  'coUnitIds',
                  co.filter((x) => x !== id),
                );
            }}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('resolution.coUnits')} style={{ flex: 1 }}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={options(lead)}
            placeholder={t('resolution.coPlaceholder')}
          />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="deadlineKind" label={t('resolution.deadline')}>
        <Radio.Group
          options={[
            { value: 'date', label: t('resolution.deadlineKind.date') },
            { value: 'working_days', label: t('resolution.deadlineKind.working_days') },
            { value: 'none', label: t('resolution.deadlineKind.none') },
          ]}
        />
      </Form.Item>
      {kind === 'date' && (
        <Form.Item
          name="date"
          label={t('resolution.date')}
          rules={[{ required: true, message: t('resolution.dateRequired') }]}
        >
          <IsoDatePicker aria-label={t('resolution.date')} style={{ width: 200 }} />
        </Form.Item>
      )}
      {kind === 'working_days' && (
        <Form.Item
          name="days"
          label={t('resolution.days')}
          rules={[
            { required: true, message: t('resolution.daysRequired') },
            {
              validator: (_, v: unknown) =>
                v === null || v === undefined || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 365)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('resolution.daysRange'))),
            },
          ]}
        >
          <InputNumber aria-label={t('resolution.days')} suffix={t('resolution.daysUnit')} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item
        name="feedback"
        label={t('resolution.feedback')}
        rules={[{ max: 2000, message: t('resolution.feedbackTooLong') }]}
      >
        <Input placeholder={t('resolution.feedbackPlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('resolution.save')}
        </Button>
        <Button onClick={onCancel}>{t('resolution.cancel')}</Button>
      </Space>
    </Form>
  );
}
