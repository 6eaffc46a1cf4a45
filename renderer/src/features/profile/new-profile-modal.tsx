import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDataLayer } from '../../db';
import { ProfileForm } from './profile-form';

export interface NewProfileModalProps {
  open: boolean;
  onClose: () => void;
}

/** 新建用户: the first-start form in a dialog; the new profile becomes the current one. */
export function NewProfileModal({ open, onClose }: NewProfileModalProps) {
  const { t } = useTranslation('profile');
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('newModal.title')}
      destroyOnHidden
      width={520}
      styles={{ body: { paddingTop: 12 } }}
    >
      <ProfileForm
        autoFocus
        actionsAlign="end"
        submitText={t('newModal.submit')}
        onCancel={onClose}
        onSubmit={async (values) => {
          const p = await getDataLayer().profiles.create(values);
          void message.success(t('newModal.created', { name: p.name }));
          onClose();
        }}
      />
    </Modal>
  );
}
