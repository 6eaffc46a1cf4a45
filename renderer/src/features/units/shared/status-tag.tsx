import { Tag } from 'antd';
import { useUnitsText } from './labels';

/** 在用 / 已归档. */
export function StatusTag({ archived }: { archived: boolean }) {
  const { t } = useUnitsText();
  return archived ? <Tag>{t('status.archived')}</Tag> : <Tag color="green">{t('status.active')}</Tag>;
}
