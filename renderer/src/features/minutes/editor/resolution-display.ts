import type { TFunction } from 'i18next';
import type { DeadlineRule } from '../../../../../shared/editor/document';
import { formatChineseDate } from '../../../../../shared/domain/format';
import type { EditorUnit } from './editor-context';

/** "于2026年3月9日前完成" / "印发后 5 个工作日内完成" / "" (no deadline). */
export function deadlineLabel(t: TFunction, deadline: DeadlineRule | null): string {
  if (!deadline) return '';
  if (deadline.kind === 'date') {
    let date = deadline.date;
    try {
      date = formatChineseDate(deadline.date);
    } catch {
      // keep the raw value: the schema already restricts it to YYYY-MM-DD
    }
    return t('minutes:resolution.deadlineDate', { date });
  }
  return t('minutes:resolution.deadlineWorkingDays', { days: deadline.days });
}

/** A unit's name; an unknown id shows as 未知单位, an archived one with its name and （已撤销）. */
export function unitLabel(t: TFunction, units: readonly EditorUnit[], id: string): string {
  if (!id) return '';
  const u = units.find((x) => x.id === id);
  if (!u) return t('minutes:resolution.unknownUnit');
  return u.archived ? t('minutes:resolution.archivedUnit', { name: u.name }) : u.name;
}
