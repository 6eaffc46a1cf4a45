import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  /** Defaults to 取消. */
  cancelText?: ReactNode;
  /** A red OK button, for steps that cannot be taken back (取消会议). */
  danger?: boolean;
  /** The caller's form, so it can watch fields (`Form.useWatch`) in the children. */
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Saves the checked values; resolves `true` to close, `false` to stay open (the error is already shown). */
  onSubmit: (values: V) => Promise<boolean>;
  onClose: () => void;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * A small dialog around one vertical form: OK submits (so the field rules run first) and shows a
 * spinner until the save settles. Mounted fresh on every opening, so no value lingers from the last one.
 */
export function FormModal<V>({
  open,
  title,
  okText,
  cancelText,
  danger,
  form,
  initialValues,
  onSubmit,
  onClose,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation('common');
  const [saving, setSaving] = useState(false);
  const finish = async (values: V) => {
    setSaving(true);
    try {
      if (await onSubmit(values)) onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: saving }}
      cancelText={cancelText ?? t('common:actions.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {children}
      </Form>
    </Modal>
  );
}
