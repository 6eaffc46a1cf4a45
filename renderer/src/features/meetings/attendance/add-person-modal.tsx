import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { FormModal } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';

/** 添加列席人员 / 添加参会人员: any active person not yet on the list. */
export function AddPersonModal({
  mode,
  taken,
  lookups,
  onClose,
  onSubmit,
}: {
  /** Open while set. */
  mode: 'observer' | 'invitee' | undefined;
  taken: ReadonlySet<string>;
  lookups: MeetingLookups;
  onClose: () => void;
  onSubmit: (personIds: string[]) => Promise<void>;
}) {
  const { t } = useMeetingsText();
  const [form] = Form.useForm<{ personIds: string[] }>();
  const options = useMemo(
    () =>
      lookups.activePeople
        .filter((p) => !taken.has(p.id))
        .map((p) => {
          const unit = lookups.unit(p.unitId);
          return {
            value: p.id,
            label: `${p.name}（${unit?.shortName ?? unit?.name ?? ''}${p.post ? `，${p.post}` : ''}）`,
            search: `${p.name} ${unit?.name ?? ''} ${unit?.shortName ?? ''} ${p.post ?? ''}`,
          };
        }),
    [lookups, taken],
  );
  return (
    <FormModal
      open={mode !== undefined}
      title={mode === 'observer' ? t('meetings:attendance.addObserver') : t('meetings:attendance.addInvitee')}
      okText={t('meetings:attendance.addOk')}
      form={form}
      onClose={onClose}
      // Closes even when one of several people could not be added: that error is already on screen.
      onSubmit={async (v) => {
        await onSubmit(v.personIds);
        return true;
      }}
    >
      <Form.Item
        name="personIds"
        label={t('meetings:attendance.people')}
        extra={mode === 'observer' ? t('meetings:attendance.observerHint') : undefined}
        rules={[{ required: true, message: t('meetings:attendance.peopleRequired') }]}
      >
        <Select mode="multiple" autoFocus showSearch={{ optionFilterProp: 'search' }} options={options} />
      </Form.Item>
    </FormModal>
  );
}
