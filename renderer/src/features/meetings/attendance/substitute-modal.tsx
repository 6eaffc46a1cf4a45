import { Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import type { Attendance } from '../../../../../shared/domain';
import { FormModal } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';

interface Values {
  mode: 'person' | 'name';
  substitutePersonId?: string;
  substituteName?: string;
  reason?: string;
}

/** 代会: who attends for the invitee — a colleague from the register (same unit first) or a typed name. */
export function SubstituteModal({
  row,
  taken,
  lookups,
  onClose,
  onSubmit,
}: {
  /** The invitee; the modal is open while set. */
  row: Attendance | undefined;
  /** People already on the list (they cannot also attend for someone). */
  taken: ReadonlySet<string>;
  lookups: MeetingLookups;
  onClose: () => void;
  onSubmit: (sub: { substitutePersonId?: string; substituteName?: string; reason?: string }) => Promise<boolean>;
}) {
  const { t } = useMeetingsText();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'person';
  const invitee = lookups.person(row?.personId);

  const options = useMemo(() => {
    const unitId = invitee?.unitId;
    return lookups.activePeople
      .filter((p) => p.id !== invitee?.id && !taken.has(p.id))
      .slice()
      .sort((a, b) => Number(b.unitId === unitId) - Number(a.unitId === unitId))
      .map((p) => {
        const unit = lookups.unit(p.unitId);
        return {
          value: p.id,
          label: `${p.name}（${unit?.shortName ?? unit?.name ?? ''}${p.post ? `，${p.post}` : ''}）`,
          search: `${p.name} ${unit?.name ?? ''} ${p.post ?? ''}`,
        };
      });
  }, [lookups, invitee, taken]);

  return (
    <FormModal<Values>
      open={row !== undefined}
      title={t('meetings:attendance.substituteTitle', { name: invitee?.name ?? '' })}
      okText={t('common:actions.save')}
      form={form}
      initialValues={{
        mode: row?.substituteName && !row.substitutePersonId ? 'name' : 'person',
        substitutePersonId: row?.substitutePersonId,
        substituteName: row?.substitutePersonId ? undefined : row?.substituteName,
        reason: row?.status === 'substituted' ? row.leaveReason : undefined,
      }}
      onClose={onClose}
      onSubmit={(v) =>
        onSubmit(
          v.mode === 'person'
            ? { substitutePersonId: v.substitutePersonId, reason: v.reason }
            : { substituteName: v.substituteName, reason: v.reason },
        )
      }
    >
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'person', label: t('meetings:attendance.substitutePick') },
            { value: 'name', label: t('meetings:attendance.substituteType') },
          ]}
        />
      </Form.Item>
      {mode === 'person' ? (
        <Form.Item
          name="substitutePersonId"
          label={t('meetings:attendance.substitute')}
          rules={[{ required: true, message: t('meetings:attendance.substituteRequired') }]}
        >
          <Select autoFocus showSearch={{ optionFilterProp: 'search' }} options={options} />
        </Form.Item>
      ) : (
        <Form.Item
          name="substituteName"
          label={t('meetings:attendance.substituteName')}
          rules={[
            { required: true, whitespace: true, message: t('meetings:attendance.substituteRequired') },
            { max: 20, message: t('meetings:attendance.substituteNameTooLong') },
          ]}
        >
          <Input autoFocus maxLength={20} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('meetings:attendance.substituteReason')}>
        <Input maxLength={200} placeholder={t('meetings:attendance.substituteReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
