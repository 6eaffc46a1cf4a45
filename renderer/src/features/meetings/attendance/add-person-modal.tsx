import { Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceGuestInputSchema, type AttendanceGuestInput } from '../../../../../shared/domain';
import { FormModal, zodRule } from '../../../ui';
import { useMeetingsText } from '../labels';
import type { MeetingLookups } from '../use-lookups';

interface Values {
  source: 'person' | 'guest';
  personIds?: string[];
  guestName?: string;
  guestUnitName?: string;
  guestPost?: string;
}

const guestShape = attendanceGuestInputSchema.shape;

/**
 * 添加列席人员 / 添加参会人员: any active person not yet on the list; for 列席 also a named guest who is not
 * registered (姓名, 单位, 职务 as typed, checked as they are typed by the schema the repository uses).
 */
export function AddPersonModal({
  mode,
  taken,
  lookups,
  onClose,
  onSubmit,
  onSubmitGuest,
}: {
  /** Open while set. */
  mode: 'observer' | 'invitee' | undefined;
  taken: ReadonlySet<string>;
  lookups: MeetingLookups;
  onClose: () => void;
  onSubmit: (personIds: string[]) => Promise<void>;
  /** A guest (列席 only); resolves `false` when the repository refused (the error is on screen). */
  onSubmitGuest: (guest: AttendanceGuestInput) => Promise<boolean>;
}) {
  const { t } = useMeetingsText();
  const { t: tg } = useTranslation('attendanceGuest');
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'person';
  const guest = mode === 'observer' && source === 'guest';
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
    <FormModal<Values>
      open={mode !== undefined}
      title={mode === 'observer' ? t('meetings:attendance.addObserver') : t('meetings:attendance.addInvitee')}
      okText={t('meetings:attendance.addOk')}
      form={form}
      initialValues={{ source: 'person' }}
      // The form instance outlives the dialog: start the next opening empty (not with the last guest).
      onClose={() => {
        form.resetFields();
        onClose();
      }}
      // Closes even when one of several people could not be added: that error is already on screen.
      onSubmit={async (v) => {
        if (guest) {
          return onSubmitGuest({
            guestName: v.guestName ?? '',
            guestUnitName: v.guestUnitName ?? '',
            ...(v.guestPost?.trim() ? { guestPost: v.guestPost } : {}),
          });
        }
        await onSubmit(v.personIds ?? []);
        return true;
      }}
    >
      {mode === 'observer' ? (
        <Form.Item name="source" extra={guest ? tg('guestHint') : undefined}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: tg('source.person') },
              { value: 'guest', label: tg('source.guest') },
            ]}
          />
        </Form.Item>
      ) : null}
      {guest ? (
        <>
          <Form.Item name="guestName" label={tg('field.name')} required rules={[zodRule(guestShape.guestName)]}>
            <Input autoFocus placeholder={tg('placeholder.name')} />
          </Form.Item>
          <Form.Item name="guestUnitName" label={tg('field.unit')} required rules={[zodRule(guestShape.guestUnitName)]}>
            <Input placeholder={tg('placeholder.unit')} />
          </Form.Item>
          <Form.Item name="guestPost" label={tg('field.post')} rules={[zodRule(guestShape.guestPost)]}>
            <Input placeholder={tg('placeholder.post')} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="personIds"
          label={t('meetings:attendance.people')}
          extra={mode === 'observer' ? t('meetings:attendance.observerHint') : undefined}
          rules={[{ required: true, message: t('meetings:attendance.peopleRequired') }]}
        >
          <Select mode="multiple" autoFocus showSearch={{ optionFilterProp: 'search' }} options={options} />
        </Form.Item>
      )}
    </FormModal>
  );
}
