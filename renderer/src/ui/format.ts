import dayjs from 'dayjs';
import { businessDate } from '../../../shared/domain/clock';
import { formatChineseDate } from '../../../shared/domain/format';

export { formatChineseDate };

/** A date for display in the current interface language: `2026年11月22日` or `November 22, 2026`. */
export function formatDisplayDate(isoDate: string, lng: string): string {
  const d = dayjs(isoDate);
  if (!d.isValid()) return isoDate;
  return lng.startsWith('zh') ? formatChineseDate(d.format('YYYY-MM-DD')) : d.locale('en').format('MMMM D, YYYY');
}

/** Weekday name in the given language (`星期日`, `Sunday`). */
export function formatWeekday(isoDate: string, lng: string): string {
  const d = dayjs(isoDate);
  if (!d.isValid()) return '';
  return d.locale(lng.startsWith('zh') ? 'zh-cn' : 'en').format('dddd');
}

/** A stored timestamp as local `YYYY-MM-DD HH:mm:ss` (audit trail, created-at columns). */
export function formatDateTime(ts: string): string {
  const d = dayjs(ts);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : ts;
}

/**
 * Today's business date (`YYYY-MM-DD` in Asia/Shanghai, whatever the machine's zone): the renderer's one
 * clock, read from `Date.now()` so the e2e clock fixture drives it.
 */
export function todayIso(): string {
  return businessDate(new Date());
}
