import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode } from 'react';
import type { Action } from '../../../../../shared/domain';
import { Guarded } from '../../../ui';
import { useUnitsText } from './labels';

/**
 * The tab's primary 新增 button; `N` presses it too (useListShortcuts), which its tooltip says. Not shown to a
 * role that may not take `action` (only the office maintains units and people).
 */
export function CreateButton({
  onClick,
  children,
  action,
}: {
  onClick: () => void;
  children: ReactNode;
  action: Action;
}) {
  const { t } = useUnitsText();
  return (
    <Guarded action={action} hide>
      <Button
        type="primary"
        icon={<PlusOutlined aria-hidden />}
        onClick={onClick}
        title={t('common.shortcutHint', { key: 'N' })}
        aria-keyshortcuts="n"
      >
        {children}
      </Button>
    </Guarded>
  );
}
