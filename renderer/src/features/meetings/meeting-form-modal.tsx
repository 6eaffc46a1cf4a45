import { Alert, AutoComplete, DatePicker, Form, Input, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { meetingInputSchema, MEETING_ROLES, type Meeting, type MeetingKind } from '../../../../shared/domain';
import { getDataLayer, useMeetings, useNextMeetingSequence } from '../../db';
import { EditorModal, FormButtons, toUserFacingError, zodRule } from '../../ui';
import { dayjsToStartsAt, startsAtToDayjs, useMeetingsText } from './labels';
import { useMeetingLookups } from './use-lookups';

export interface MeetingFormModalProps {
  open: boolean;
  /** The meeting being edited; absent when creating. */
  meeting?: Meeting;
  onClose: () => void;
  onSaved: (m: Meeting, created: boolean) => void;
}

interface FormValues {
  kind?: MeetingKind;
  startsAt?: dayjs.Dayjs | null;
  place?: string;
  chairPersonId?: string;
  title?: string;
}

/** 新建会议 / 编辑会议: validates as you type and shows the 第N次 the meeting will get. */
export function MeetingFormModal({ open, meeting, onClose, onSaved }: MeetingFormModalProps) {
  const { t } = useMeetingsText();
  return (
    <EditorModal
      open={open}
      title={meeting ? t('meetings:form.editTitle') : t('meetings:form.createTitle')}
      onClose={onClose}
      width={560}
    >
      <MeetingForm meeting={meeting} onCancel={onClose} onSaved={onSaved} />
    </EditorModal>
  );
}

function MeetingForm({
  meeting,
  onCancel,
  onSaved,
}: {
  meeting?: Meeting;
  onCancel: () => void;
  onSaved: MeetingFormModalProps['onSaved'];
}) {
  const { t, kindOptions, officialName, ordinal } = useMeetingsText();
  const [form] = Form.useForm<FormValues>();
  const lookups = useMeetingLookups();
  const meetings = useMeetings();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const kind = Form.useWatch('kind', form);
  const startsAt = Form.useWatch('startsAt', form);
  const year = startsAt ? startsAt.year() : undefined;
  const sameNumbering = meeting && kind === meeting.kind && year === meeting.year;
  const nextSeq = useNextMeetingSequence(sameNumbering ? undefined : year, kind);
  const sequence = sameNumbering ? meeting.sequence : nextSeq;

  // Conveners first: the chair is usually the 总召集人 or a 召集人.
  const chairOptions = useMemo(
    () =>
      lookups.activePeople
        .filter((p) => p.role !== 'none' || p.id === meeting?.chairPersonId)
        .slice()
        .sort((a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role))
        .map((p) => {
          const unit = lookups.unit(p.unitId)?.name ?? '';
          return {
            value: p.id,
            label: `${p.name}（${t(`units:role.${p.role}`)}${p.post ? `，${p.post}` : ''}）`,
            search: `${p.name} ${unit} ${p.post ?? ''}`,
          };
        }),
    [lookups, meeting?.chairPersonId, t],
  );
  // Offices meet in the same few rooms: offer the places used before.
  const placeOptions = useMemo(
    () => [...new Set((meetings ?? []).map((m) => m.place))].map((value) => ({ value })),
    [meetings],
  );

  const initialValues: FormValues = meeting
    ? {
        kind: meeting.kind,
        startsAt: startsAtToDayjs(meeting.startsAt),
        place: meeting.place,
        chairPersonId: meeting.chairPersonId,
        title: meeting.title,
      }
    : { kind: 'regular' };

  // A new meeting usually meets where the last one did; offered once the meetings have loaded.
  const lastPlace = placeOptions[0]?.value;
  useEffect(() => {
    if (!meeting && lastPlace && !form.isFieldTouched('place') && !form.getFieldValue('place')) {
      form.setFieldValue('place', lastPlace);
    }
  }, [meeting, lastPlace, form]);

  const submit = async (values: FormValues) => {
    setFormError(undefined);
    const input = {
      kind: values.kind,
      startsAt: values.startsAt ? dayjsToStartsAt(values.startsAt) : undefined,
      place: values.place ?? '',
      chairPersonId: values.chairPersonId,
      title: values.title?.trim() ? values.title : undefined,
    };
    setSaving(true);
    try {
      const repo = getDataLayer().meetings;
      const saved = meeting ? await repo.update(meeting.id, input) : await repo.create(input);
      onSaved(saved, !meeting);
    } catch (e) {
      setFormError(toUserFacingError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  const shape = meetingInputSchema.shape;
  return (
    <Form<FormValues>
      form={form}
      name="meeting-form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="kind" label={t('meetings:field.kind')} required rules={[zodRule(shape.kind)]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={kindOptions} />
      </Form.Item>
      <Form.Item
        name="startsAt"
        label={t('meetings:field.startsAt')}
        required
        rules={[{ required: true, message: t('meetings:form.startsAtRequired') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          placeholder={t('meetings:form.startsAtPlaceholder')}
          needConfirm={false}
        />
      </Form.Item>
      <Form.Item name="place" label={t('meetings:field.place')} required rules={[zodRule(shape.place)]}>
        <AutoComplete
          options={placeOptions}
          placeholder={t('meetings:form.placePlaceholder')}
          showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }}
        />
      </Form.Item>
      <Form.Item
        name="chairPersonId"
        label={t('meetings:field.chair')}
        required
        rules={[{ required: true, message: t('meetings:form.chairRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          options={chairOptions}
          placeholder={t('meetings:form.chairPlaceholder')}
          notFoundContent={t('meetings:form.noPeople')}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('meetings:field.title')}
        extra={t('meetings:form.titleHint')}
        rules={[zodRule(shape.title)]}
      >
        <Input maxLength={100} autoComplete="off" placeholder={t('meetings:form.titlePlaceholder')} />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          kind && year !== undefined && sequence !== undefined ? (
            <span data-testid="meeting-sequence-preview">
              {t('meetings:form.sequencePreview', {
                name: officialName({ year, sequence, kind }),
                ordinal: ordinal(sequence),
              })}
            </span>
          ) : (
            t('meetings:form.sequencePending')
          )
        }
        description={meeting ? undefined : t('meetings:form.inviteesHint')}
      />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <FormButtons
        saving={saving}
        onCancel={onCancel}
        submitText={meeting ? t('common:actions.save') : t('meetings:form.create')}
      />
    </Form>
  );
}
