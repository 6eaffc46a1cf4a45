import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDisplayDate, formatWeekday } from '../../../renderer/src/ui/format';

describe('formatDisplayDate', () => {
  it('writes the official Chinese form without zero padding', () => {
    expect(formatDisplayDate('2026-11-22', 'zh-CN')).toBe('2026年11月22日');
    expect(formatDisplayDate('2026-03-09', 'zh-CN')).toBe('2026年3月9日');
  });

  it('writes English dates in words', () => {
    expect(formatDisplayDate('2026-03-09', 'en')).toBe('March 9, 2026');
  });

  it('leaves an invalid date as it is', () => {
    expect(formatDisplayDate('not a date', 'zh-CN')).toBe('not a date');
  });
});

describe('formatWeekday', () => {
  it('names the weekday in the language asked for, whatever the global locale', () => {
    dayjs.locale('en');
    expect(formatWeekday('2026-11-22', 'zh-CN')).toBe('星期日');
    expect(formatWeekday('2026-11-22', 'en')).toBe('Sunday');
  });
});

describe('formatDateTime', () => {
  it('shows a timestamp in local time to the second', () => {
    const ts = new Date(2026, 10, 22, 9, 5, 7).toISOString();
    expect(formatDateTime(ts)).toBe('2026-11-22 09:05:07');
  });
});
