import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode } from 'react';
import { useUnitsText } from './labels';

/** The tab's primary 新增 button; `N` presses it too (useListShortcuts), which its tooltip says. */
export function CreateButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  const { t } = useUnitsText();
  return (
    <Button
      type="primary"
      icon={<PlusOutlined aria-hidden />}
      onClick={onClick}
      title={t('common.shortcutHint', { key: 'N' })}
      aria-keyshortcuts="n"
    >
      {children}
    </Button>
  );
}
