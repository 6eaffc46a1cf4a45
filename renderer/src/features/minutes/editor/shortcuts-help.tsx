import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EDITOR_SHORTCUTS, type EditorShortcut } from './editor-shortcuts';

export interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
}

interface Row {
  key: EditorShortcut;
  keys: string;
  action: string;
}

/** The editor's keyboard shortcuts, in the same table form as the shell's `?` help (app/shortcuts-help-modal). */
export function ShortcutsHelp({ open, onClose }: ShortcutsHelpProps) {
  const { t } = useTranslation('minutes');
  const action = (key: EditorShortcut): string => {
    const m = /^heading(\d)$/.exec(key);
    return m ? t('shortcuts.heading', { level: t(`shortcuts.level${m[1]}`) }) : t(`shortcuts.${key}`);
  };
  const rows: Row[] = (Object.keys(EDITOR_SHORTCUTS) as EditorShortcut[]).map((key) => ({
    key,
    keys: EDITOR_SHORTCUTS[key],
    action: action(key),
  }));
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={480} destroyOnHidden>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: t('shortcuts.keys'),
            dataIndex: 'keys',
            width: 150,
            render: (keys: string) => <span className="jd-kbd">{keys}</span>,
          },
          { title: t('shortcuts.action'), dataIndex: 'action' },
        ]}
      />
    </Modal>
  );
}
