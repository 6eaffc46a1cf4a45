import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Typography, type FormRule } from 'antd';
import { useMemo, useState } from 'react';
import {
  complainantSchema,
  idNumberProblem,
  isDomainError,
  phoneSchema,
  topicInputSchema,
  type Topic,
} from '../../../../shared/domain';
import { getDataLayer, useCurrentProfile } from '../../db';
import {
  EditorModal,
  dateRangeRule,
  errorText,
  formatChineseDate,
  FormButtons,
  IsoDatePicker,
  todayIso,
  unitOptionsByKind,
  zodRule,
} from '../../ui';
import { AttachmentPicker } from './attachment-picker';
import { useTopicsText } from './labels';
import type { TopicNames } from './use-topic-names';

export interface TopicFormModalProps {
  open: boolean;
  /** The topic being corrected (submitted or returned); absent for a new submission. */
  topic?: Topic | undefined;
  names: TopicNames;
  onClose: () => void;
  onSaved: (topic: Topic, created: boolean) => void;
}

interface FormValues {
  title?: string;
  submittingUnitId?: string;
  submitterPersonId?: string | null;
  submittedOn?: string;
  category?: string;
  urgency?: 'normal' | 'urgent';
  relatedUnitIds?: string[];
  description?: string;
  proposedHandling?: string;
  hasComplainant?: boolean;
  complainant?: { name?: string; phone?: string; idNumber?: string; address?: string };
}

const shape = topicInputSchema.shape;
const cShape = complainantSchema.shape;
const blank = (v: string | undefined | null) =>
  v === undefined || v === null || v.trim() === '' ? undefined : v.trim();

/** A rule for an optional text field: blank passes, anything else must satisfy `problem`. */
function optionalRule(problem: (value: string) => string | undefined): FormRule {
  return {
    validator: (_r, v: unknown) => {
      const p = typeof v === 'string' && v.trim() !== '' ? problem(v.trim()) : undefined;
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  };
}

/** What the form sends: blanks become absent; the complainant only when the section is in use. */
export function toTopicInput(v: FormValues, complainantTouched: boolean): Record<string, unknown> {
  const c = v.complainant ?? {};
  const input: Record<string, unknown> = {
    title: v.title ?? '',
    submittingUnitId: v.submittingUnitId,
    submitterPersonId: blank(v.submitterPersonId),
    submittedOn: v.submittedOn,
    category: v.category,
    urgency: v.urgency ?? 'normal',
    relatedUnitIds: v.relatedUnitIds ?? [],
    description: v.description ?? '',
    proposedHandling: blank(v.proposedHandling),
  };
  // Leaving the key out keeps the stored complainant on an edit (the form never holds the clear data).
  if (complainantTouched) {
    input.complainant = v.hasComplainant
      ? { name: blank(c.name), phone: blank(c.phone), idNumber: blank(c.idNumber), address: blank(c.address) }
      : undefined;
  }
  return input;
}

/** 新增议题 / 修改议题: checked as you type with the shared topic schema; attachments checked on choosing. */
export function TopicFormModal({ open, topic, names, onClose, onSaved }: TopicFormModalProps) {
  const { t } = useTopicsText();
  return (
    <EditorModal
      open={open}
      title={topic ? t('topics:form.editTitle') : t('topics:form.createTitle')}
      width={820}
      onClose={onClose}
    >
      <TopicForm topic={topic} names={names} onCancel={onClose} onSaved={onSaved} />
    </EditorModal>
  );
}

function TopicForm({
  topic,
  names,
  onCancel,
  onSaved,
}: {
  topic: Topic | undefined;
  names: TopicNames;
  onCancel: () => void;
  onSaved: (topic: Topic, created: boolean) => void;
}) {
  const { t, categoryOptions } = useTopicsText();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [files, setFiles] = useState<File[]>([]);
  // On an edit the stored complainant is kept unless the user chooses to enter it again.
  const [replaceComplainant, setReplaceComplainant] = useState(!topic?.complainant);
  const unitId = Form.useWatch('submittingUnitId', form);
  const hasComplainant = Form.useWatch('hasComplainant', form) ?? false;
  const today = todayIso();
  // A liaison submits for their own unit: start there (they may still pick another).
  const { profile } = useCurrentProfile();
  const ownUnitId =
    profile?.role === 'liaison' && names.units.some((u) => u.id === profile.unitId && !u.archived)
      ? profile.unitId
      : undefined;

  const unitOptions = useMemo(() => {
    const current = new Set(topic ? [topic.submittingUnitId, ...topic.relatedUnitIds] : []);
    return unitOptionsByKind(
      names.units.filter((u) => !u.archived || current.has(u.id)),
      t,
    );
  }, [names.units, topic, t]);

  const personOptions = useMemo(
    () =>
      names.people
        .filter((p) => p.unitId === unitId && (!p.archived || p.id === topic?.submitterPersonId))
        .map((p) => ({ value: p.id, label: p.post ? `${p.name}（${p.post}）` : p.name })),
    [names.people, unitId, topic],
  );

  const initialValues: FormValues = topic
    ? { ...topic, hasComplainant: false, complainant: {} }
    : {
        submittedOn: today,
        urgency: 'normal',
        submittingUnitId: ownUnitId,
        relatedUnitIds: [],
        hasComplainant: false,
        complainant: {},
      };

  const submit = async (values: FormValues) => {
    setFormError(undefined);
    const input = toTopicInput(values, replaceComplainant);
    setSaving(true);
    try {
      const repo = getDataLayer().topics;
      const files$ = files.map((f) => ({ fileName: f.name, mimeType: f.type, data: f }));
      const saved = topic ? await repo.update(topic.id, input) : await repo.submit(input, files$);
      onSaved(saved, !topic);
    } catch (e) {
      // A refusal about one field goes under that field; anything else above the buttons.
      const field = isDomainError(e) ? e.field : undefined;
      if (field) form.setFields([{ name: [...field.path] as never, errors: [field.message] }]);
      else setFormError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const onUnitChange = (id: string) => {
    const person = form.getFieldValue('submitterPersonId') as string | undefined;
    if (person && names.people.find((p) => p.id === person)?.unitId !== id)
      form.setFieldValue('submitterPersonId', undefined);
    const related = (form.getFieldValue('relatedUnitIds') as string[] | undefined) ?? [];
    if (related.includes(id))
      form.setFieldValue(
        'relatedUnitIds',
        related.filter((r) => r !== id),
      );
  };

  return (
    <Form<FormValues>
      form={form}
      name="topic-form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
      requiredMark
    >
      <Form.Item name="title" label={t('topics:field.title')} required rules={[zodRule(shape.title)]}>
        <Input maxLength={100} showCount autoFocus autoComplete="off" placeholder={t('topics:form.titlePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="submittingUnitId"
            label={t('topics:field.submittingUnitId')}
            required
            rules={[{ required: true, message: t('topics:form.unitRequired') }]}
          >
            <Select
              options={unitOptions}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('topics:form.unitPlaceholder')}
              onChange={onUnitChange}
            />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="submitterPersonId" label={t('topics:field.submitterPersonId')}>
            <Select
              allowClear
              options={personOptions}
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!unitId}
              placeholder={unitId ? t('topics:form.optional') : t('topics:form.pickUnitFirst')}
            />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name="submittedOn"
            label={t('topics:field.submittedOn')}
            required
            rules={[
              { required: true, message: t('topics:form.dateRequired') },
              zodRule(shape.submittedOn),
              dateRangeRule({
                max: today,
                maxMessage: t('topics:form.dateNotFuture', { today: formatChineseDate(today) }),
              }),
            ]}
          >
            <IsoDatePicker max={today} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="category" label={t('topics:field.category')} required rules={[zodRule(shape.category)]}>
            <Select options={categoryOptions} placeholder={t('topics:form.categoryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="urgency" label={t('topics:field.urgency')} required>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'normal', label: t('topics:urgency.normal') },
                { value: 'urgent', label: t('topics:urgency.urgent') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="relatedUnitIds" label={t('topics:field.relatedUnitIds')} extra={t('topics:form.relatedHint')}>
        <Select
          mode="multiple"
          options={unitOptions.map((g) => ({ ...g, options: g.options.filter((o) => o.value !== unitId) }))}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('topics:form.relatedPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="description" label={t('topics:field.description')} required rules={[zodRule(shape.description)]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          showCount
          placeholder={t('topics:form.descriptionPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="proposedHandling"
        label={t('topics:field.proposedHandling')}
        rules={[zodRule(shape.proposedHandling)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('topics:form.proposedPlaceholder')}
        />
      </Form.Item>

      <fieldset style={{ border: '1px solid #e5e8ee', borderRadius: 6, padding: '4px 16px 0', margin: '0 0 16px' }}>
        <legend style={{ width: 'auto', border: 'none', padding: '0 6px', margin: 0, fontSize: 14 }}>
          <Typography.Text strong>
            <LockOutlined aria-hidden /> {t('topics:field.complainant')}
          </Typography.Text>
        </legend>
        {topic?.complainant && !replaceComplainant ? (
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {t('topics:form.complainantKept', {
                masked: Object.values(topic.complainant).filter(Boolean).join(' · '),
              })}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => {
                setReplaceComplainant(true);
                form.setFieldValue('hasComplainant', true);
              }}
            >
              {t('topics:form.complainantReplace')}
            </Button>
          </Flex>
        ) : (
          <>
            <Form.Item name="hasComplainant" valuePropName="checked" style={{ marginBottom: hasComplainant ? 8 : 12 }}>
              <Checkbox>
                {topic?.complainant ? t('topics:form.complainantKeep') : t('topics:form.hasComplainant')}
              </Checkbox>
            </Form.Item>
            {hasComplainant ? (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('topics:form.complainantNotice')}
                </Typography.Paragraph>
                <Row gutter={16}>
                  <Col span={8}>
                    <Form.Item
                      name={['complainant', 'name']}
                      label={t('topics:complainant.name')}
                      rules={[zodRule(cShape.name)]}
                    >
                      <Input maxLength={20} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name={['complainant', 'phone']}
                      label={t('topics:complainant.phone')}
                      rules={[
                        optionalRule((v) =>
                          phoneSchema.safeParse(v).success ? undefined : t('topics:form.phoneInvalid'),
                        ),
                      ]}
                    >
                      <Input inputMode="tel" autoComplete="off" placeholder={t('topics:form.phonePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name={['complainant', 'idNumber']}
                      label={t('topics:complainant.idNumber')}
                      rules={[optionalRule(idNumberProblem)]}
                    >
                      <Input maxLength={18} autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={['complainant', 'address']}
                  label={t('topics:complainant.address')}
                  rules={[zodRule(cShape.address)]}
                >
                  <Input maxLength={200} autoComplete="off" />
                </Form.Item>
              </>
            ) : null}
          </>
        )}
      </fieldset>

      {topic ? null : (
        <Form.Item label={t('topics:field.attachments')}>
          <AttachmentPicker files={files} onChange={setFiles} />
        </Form.Item>
      )}

      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormButtons
        saving={saving}
        onCancel={onCancel}
        submitText={topic ? t('common:actions.save') : t('topics:form.submit')}
      />
    </Form>
  );
}
