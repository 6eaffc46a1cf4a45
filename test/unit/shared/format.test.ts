import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  formatChineseDate,
  formatChineseDateTime,
  levelOneMarker,
  ordinalSession,
} from '../../../shared/domain/format';

describe('official Chinese date and number forms', () => {
  it('writes dates with a full year and no zero padding', () => {
    expect(formatChineseDate('2026-03-09')).toBe('2026年3月9日');
    expect(formatChineseDate('2026-11-22T10:00')).toBe('2026年11月22日');
    expect(() => formatChineseDate('9/3/2026')).toThrow('日期格式不正确');
  });

  it('writes morning and afternoon times', () => {
    expect(formatChineseDateTime('2026-03-06T09:00')).toBe('2026年3月6日上午9:00');
    expect(formatChineseDateTime('2026-03-06T15:30')).toBe('2026年3月6日下午3:30');
    expect(formatChineseDateTime('2026-03-06T12:00')).toBe('2026年3月6日下午12:00');
  });

  it.each([
    [0, '零'],
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
  ])('chineseNumber(%i) = %s', (n, s) => {
    expect(chineseNumber(n)).toBe(s);
  });

  it('builds 第N次 and 一、 markers', () => {
    expect(ordinalSession(3)).toBe('第三次');
    expect(ordinalSession(11)).toBe('第十一次');
    expect(levelOneMarker(2)).toBe('二、');
    expect(() => chineseNumber(-1)).toThrow();
    expect(() => chineseNumber(1.5)).toThrow();
  });
});
