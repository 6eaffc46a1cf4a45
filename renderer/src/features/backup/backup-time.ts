import dayjs from 'dayjs';
import { formatChineseDateTime } from '../../../../shared/domain/format';

/**
 * When a backup was made, on the business clock (Asia/Shanghai, whatever the machine's zone):
 * `2026年11月22日上午10:00` / `November 22, 2026 10:00 AM`. `ts` is the manifest's UTC timestamp.
 */
export function formatBackupTime(ts: string, lng: string): string {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ts;
  // UTC+8, no daylight saving: the wall-clock time in Shanghai as `YYYY-MM-DDTHH:mm`.
  const local = new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
  return lng.startsWith('zh') ? formatChineseDateTime(local) : dayjs(local).locale('en').format('MMMM D, YYYY h:mm A');
}
