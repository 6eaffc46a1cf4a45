import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, Input } from 'antd';
import { useState } from 'react';
import { getDataLayer } from '../../../db';
import type { StandingAgendaKind } from '../../../db/types';
import { FormModal } from '../../../ui';
import { useMeetingsText } from '../labels';

/** 添加事项: conveying instructions, the stage summary, or any other item with its own title. */
export function AddStandingMenu({
  meetingId,
  onAdd,
}: {
  meetingId: string;
  onAdd: (work: () => Promise<unknown>) => void;
}) {
  const { t } = useMeetingsText();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ title: string }>();
  const add = (kind: StandingAgendaKind, title?: string) =>
    onAdd(() => getDataLayer().agenda.addStanding(meetingId, kind, title));

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'instructions', label: t('meetings:agenda.kind.instructions') },
            { key: 'summary', label: t('meetings:agenda.kind.summary') },
            { key: 'other', label: t('meetings:agenda.addOther') },
          ],
          onClick: ({ key }) => (key === 'other' ? setAsking(true) : add(key as StandingAgendaKind)),
        }}
      >
        <Button size="small" icon={<PlusOutlined aria-hidden />}>
          {t('meetings:agenda.addItem')} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      <FormModal
        open={asking}
        title={t('meetings:agenda.addOther')}
        okText={t('meetings:proposals.add')}
        form={form}
        onClose={() => setAsking(false)}
        // `onAdd` runs the save and reports its own errors, so the dialog need not wait for it.
        onSubmit={(v) => {
          add('other', v.title);
          return Promise.resolve(true);
        }}
      >
        <Form.Item
          name="title"
          label={t('meetings:agenda.itemTitle')}
          rules={[
            { required: true, whitespace: true, message: t('meetings:agenda.itemTitleRequired') },
            { max: 200, message: t('meetings:agenda.itemTitleTooLong') },
          ]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
