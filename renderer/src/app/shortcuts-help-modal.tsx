import { Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { NAV_ITEMS, navShortcutLabel } from './nav-items';

export interface ShortcutsHelpModalProps {
  open: boolean;
  onClose: () => void;
}

interface Row {
  key: string;
  keys: string;
  action: string;
}

/** The `?` help: every keyboard shortcut of the shell. */
export function ShortcutsHelpModal({ open, onClose }: ShortcutsHelpModalProps) {
  const { t } = useTranslation('app');
  const rows: Row[] = [
    ...NAV_ITEMS.map((item, i) => ({
      key: item.key,
      keys: navShortcutLabel(i),
      action: t('shortcuts.goTo', { section: t(`nav.${item.key}`) }),
    })),
    { key: 'help', keys: '?', action: t('shortcuts.showHelp') },
    { key: 'close', keys: 'Esc', action: t('shortcuts.closeDialog') },
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={440}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: t('shortcuts.keys'),
            dataIndex: 'keys',
            width: 120,
            render: (keys: string) => <span className="jd-kbd">{keys}</span>,
          },
          { title: t('shortcuts.action'), dataIndex: 'action' },
        ]}
      />
    </Modal>
  );
}
