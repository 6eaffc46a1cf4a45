import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseQuarterKey } from '../../../../shared/domain';
import type { TaskFilters } from './use-task-filters';
import type { UnitNames } from './use-unit-names';
import { useQuarterLabel } from '../workbench/home-parts';

/** The drill-down from the supervisor's table: which cell the list shows (unit, quarter, figure), closable. */
export function QuarterCellTag({
  filters,
  units,
  onClose,
}: {
  filters: TaskFilters;
  units: UnitNames;
  onClose: () => void;
}) {
  const { t } = useTranslation('home');
  const quarterLabel = useQuarterLabel();
  const q = parseQuarterKey(filters.quarter);
  if (!filters.figure || !filters.unit || !q) return null;
  return (
    <Tag closable color="purple" onClose={onClose} style={{ marginBottom: 12 }} data-testid="quarter-cell-filter">
      {t('cellFilter', {
        unit: units.name(filters.unit),
        quarter: quarterLabel(q),
        figure: t(`quarters.figure.${filters.figure}`),
      })}
    </Tag>
  );
}
