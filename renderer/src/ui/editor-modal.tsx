import { Modal } from 'antd';
import { type ReactNode } from 'react';

export interface EditorModalProps {
  open: boolean;
  title: ReactNode;
  /** Defaults to antd's 520. */
  width?: number;
  onClose: () => void;
  /** The form, with its own buttons inside it so Enter in any input submits. */
  children: ReactNode;
}

/**
 * The frame of a create/edit dialog. The form mounts afresh on every opening, so no value or error
 * carries over from the last record; a click beside the dialog does not close it and lose what was typed.
 */
export function EditorModal({ open, title, width, onClose, children }: EditorModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      footer={null}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {open ? children : null}
    </Modal>
  );
}
