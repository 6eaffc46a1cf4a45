import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Switch, type InputRef } from 'antd';
import { useId, type ReactNode, type Ref } from 'react';
import { useUnitsText } from './labels';

export interface ListToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  searchPlaceholder: string;
  searchRef: Ref<InputRef>;
  showArchived: boolean;
  onShowArchived: (value: boolean) => void;
  /** Extra filters between the search box and the switch. */
  filters?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
}

/** Search (filters as you type, `/` focuses it), optional filters, 显示已归档, and the tab's buttons. */
export function ListToolbar({
  search,
  onSearch,
  searchPlaceholder,
  searchRef,
  showArchived,
  onShowArchived,
  filters,
  actions,
}: ListToolbarProps) {
  const { t } = useUnitsText();
  const switchId = useId();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
      <Flex align="center" gap={12} wrap>
        <Input
          ref={searchRef}
          type="search"
          allowClear
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder={searchPlaceholder}
          aria-label={searchPlaceholder}
          aria-keyshortcuts="/"
          prefix={<SearchOutlined aria-hidden />}
          suffix={
            <kbd className="jd-kbd" aria-hidden>
              /
            </kbd>
          }
          style={{ width: 300 }}
        />
        {filters}
        <Flex align="center" gap={6}>
          <Switch id={switchId} size="small" checked={showArchived} onChange={onShowArchived} />
          <label htmlFor={switchId} style={{ cursor: 'pointer', userSelect: 'none' }}>
            {t('common.showArchived')}
          </label>
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        {actions}
      </Flex>
    </Flex>
  );
}
