import { Alert, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { disputeInputSchema, type Dispute, type DisputeInput } from '../../../../shared/domain';
import { getDataLayer, useTopicOptions } from '../../db';
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
import { useDisputesText } from './labels';
import type { NameLookup } from './use-names';

export interface DisputeFormModalProps {
  open: boolean;
  /** The dispute being edited; absent when registering a new one. */
  dispute?: Dispute | undefined;
  names: NameLookup;
  onClose: () => void;
  onSaved: (dispute: Dispute, created: boolean) => void;
}

interface FormValues {
  matter?: string;
  type?: string;
  place?: string;
  partyUnitIds?: string[];
  positions?: Record<string, string | undefined>;
  firstHandlingUnitId?: string;
  relatedTopicId?: string;
  relatedMeetingId?: string;
  relatedCase?: string;
  registeredOn?: string;
}

const shape = disputeInputSchema.shape;
/** One party's position, as the record schema limits it. */
const POSITION_SCHEMA = shape.positions.unwrap().valueType.optional();
const blank = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? undefined : v);

/** The record the form sends: blanks become absent, positions only for the chosen parties. */
export function toDisputeInput(v: FormValues): Record<string, unknown> {
  const parties = v.partyUnitIds ?? [];
  const positions: Record<string, string> = {};
  for (const id of parties) {
    const p = blank(v.positions?.[id]);
    if (p !== undefined) positions[id] = p;
  }
  return {
    matter: v.matter ?? '',
    type: v.type,
    place: blank(v.place),
    partyUnitIds: parties,
    positions,
    firstHandlingUnitId: v.firstHandlingUnitId,
    relatedTopicId: blank(v.relatedTopicId),
    relatedMeetingId: blank(v.relatedMeetingId),
    relatedCase: blank(v.relatedCase),
    registeredOn: v.registeredOn,
  };
}

/** 登记争议 / 编辑争议: checked as you type against the shared `disputeInputSchema`. */
export function DisputeFormModal({ open, dispute, names, onClose, onSaved }: DisputeFormModalProps) {
  const { t } = useDisputesText();
  return (
    <EditorModal
      open={open}
      title={dispute ? t('disputes:form.editTitle', { number: dispute.number }) : t('disputes:form.createTitle')}
      width={780}
      onClose={onClose}
    >
      <DisputeForm dispute={dispute} names={names} onCancel={onClose} onSaved={onSaved} />
    </EditorModal>
  );
}

function DisputeForm({
  dispute,
  names,
  onCancel,
  onSaved,
}: {
  dispute: Dispute | undefined;
  names: NameLookup;
  onCancel: () => void;
  onSaved: (dispute: Dispute, created: boolean) => void;
}) {
  const { t, typeOptions, meetingLabel } = useDisputesText();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  // The topic picker searches (newest first, at most TOPIC_OPTION_LIMIT); the linked topic always shows.
  const [topicSearch, setTopicSearch] = useState<string>();
  const topicOptions = useTopicOptions(topicSearch, dispute?.relatedTopicId);
  const parties = Form.useWatch('partyUnitIds', form) ?? [];
  const today = todayIso();

  const partyOptions = useMemo(() => {
    const current = new Set(dispute?.partyUnitIds ?? []);
    return unitOptionsByKind(
      names.units.filter((u) => !u.archived || current.has(u.id)),
      t,
    );
  }, [names.units, dispute, t]);

  const initialValues: FormValues = dispute
    ? { ...dispute, positions: { ...dispute.positions } }
    : { registeredOn: today, partyUnitIds: [], positions: {} };

  const submit = async (values: FormValues) => {
    setFormError(undefined);
    const input = toDisputeInput(values);
    const parsed = disputeInputSchema.safeParse(input);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues
          .filter((i) => i.path.length > 0)
          .map((i) => ({ name: i.path.map(String) as never, errors: [i.message] })),
      );
      return;
    }
    setSaving(true);
    try {
      const repo = getDataLayer().disputes;
      const data: DisputeInput = parsed.data;
      const saved = dispute ? await repo.update(dispute.id, data) : await repo.register(data);
      onSaved(saved, !dispute);
    } catch (e) {
      setFormError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const onPartiesChange = (ids: string[]) => {
    const first = form.getFieldValue('firstHandlingUnitId') as string | undefined;
    if (first && !ids.includes(first)) form.setFieldValue('firstHandlingUnitId', undefined);
  };

  return (
    <Form<FormValues>
      form={form}
      name="dispute-form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
      requiredMark
    >
      <Form.Item name="matter" label={t('disputes:field.matter')} required rules={[zodRule(shape.matter)]}>
        <Input maxLength={200} autoFocus autoComplete="off" placeholder={t('disputes:form.matterPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="type" label={t('disputes:field.type')} required rules={[zodRule(shape.type)]}>
            <Select options={typeOptions} placeholder={t('disputes:form.typePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="registeredOn"
            label={t('disputes:field.registeredOn')}
            required
            rules={[
              { required: true, message: t('disputes:form.dateRequired') },
              zodRule(shape.registeredOn),
              dateRangeRule({
                max: today,
                maxMessage: t('disputes:form.dateNotFuture', { today: formatChineseDate(today) }),
              }),
            ]}
          >
            <IsoDatePicker max={today} style={{ width: 200 }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="place" label={t('disputes:field.place')} rules={[zodRule(shape.place)]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="partyUnitIds"
        label={t('disputes:field.partyUnitIds')}
        required
        extra={t('disputes:form.partiesHint')}
        // One rule, checked as the parties are chosen: the schema's min(2) says “争议各方至少两个单位” once.
        validateTrigger={['onChange', 'onBlur']}
        rules={[zodRule(shape.partyUnitIds)]}
      >
        <Select
          mode="multiple"
          options={partyOptions}
          optionFilterProp="label"
          showSearch
          placeholder={t('disputes:form.partiesPlaceholder')}
          onChange={onPartiesChange}
        />
      </Form.Item>
      <Form.Item
        name="firstHandlingUnitId"
        label={t('disputes:field.firstHandlingUnitId')}
        required
        dependencies={['partyUnitIds']}
        extra={t('disputes:form.firstHandlingHint')}
        rules={[
          { required: true, message: t('disputes:form.firstHandlingRequired') },
          {
            validator: (_r, v: unknown) =>
              typeof v === 'string' && !parties.includes(v)
                ? Promise.reject(new Error(t('disputes:form.firstHandlingNotParty')))
                : Promise.resolve(),
          },
        ]}
      >
        <Select
          options={parties.map((id) => ({ value: id, label: names.unit(id) }))}
          placeholder={
            parties.length > 0 ? t('disputes:form.firstHandlingPlaceholder') : t('disputes:form.pickPartiesFirst')
          }
          disabled={parties.length === 0}
        />
      </Form.Item>
      {parties.length > 0 ? (
        <fieldset style={{ border: '1px solid #e5e8ee', borderRadius: 6, padding: '4px 16px 0', margin: '0 0 16px' }}>
          <legend>
            <Typography.Text strong>{t('disputes:field.positions')}</Typography.Text>
          </legend>
          {parties.map((id) => (
            <Form.Item
              key={id}
              name={['positions', id]}
              label={t('disputes:form.positionOf', { unit: names.unit(id) })}
              rules={[zodRule(POSITION_SCHEMA)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('disputes:form.positionPlaceholder')}
              />
            </Form.Item>
          ))}
        </fieldset>
      ) : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="relatedTopicId" label={t('disputes:field.relatedTopicId')}>
            <Select
              allowClear
              showSearch={{ filterOption: false, onSearch: (v) => setTopicSearch(v || undefined) }}
              loading={topicOptions === undefined}
              placeholder={t('disputes:form.optional')}
              options={(topicOptions ?? []).map((x) => ({ value: x.id, label: x.title }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="relatedMeetingId" label={t('disputes:field.relatedMeetingId')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('disputes:form.optional')}
              options={names.meetings.map((m) => ({ value: m.id, label: meetingLabel(m) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="relatedCase" label={t('disputes:field.relatedCase')} rules={[zodRule(shape.relatedCase)]}>
        <Input maxLength={200} autoComplete="off" placeholder={t('disputes:form.relatedCasePlaceholder')} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormButtons
        saving={saving}
        onCancel={onCancel}
        submitText={dispute ? t('common:actions.save') : t('disputes:form.register')}
      />
    </Form>
  );
}
