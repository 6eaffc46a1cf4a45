import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CALENDAR,
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  mergeCalendar,
  parseYearSchedule,
  resolveDeadline,
  workingDaysBetween,
} from '../../../shared/domain/working-days';

describe('bundled calendar', () => {
  it('covers 2004–2026', () => {
    expect(BUNDLED_CALENDAR.firstYear).toBe(2004);
    expect(BUNDLED_CALENDAR.lastYear).toBe(2026);
    expect(BUNDLED_CALENDAR.coveredYears.size).toBe(23);
  });
  it('National Day 2025: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) are make-up working days', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09'], // 国庆 2025
    ['2025-09-30', 3, '2025-10-11'], // make-up Saturday counts
    ['2026-09-30', 3, '2026-10-10'], // 国庆 2026, 10-10 is a 调休 Saturday
    ['2026-02-13', 3, '2026-02-25'], // 春节 2026, 02-14 Sat make-up
    ['2026-04-30', 5, '2026-05-11'], // 劳动节 2026, 05-09 Sat make-up
    ['2024-10-01', 1, '2024-10-08'], // 国庆 2024
    ['2024-02-09', 1, '2024-02-18'], // 春节 2024: 02-10..17 off, 02-18 Sun make-up
    ['2025-01-27', 1, '2025-02-05'], // 春节 2025: 01-28..02-04 off
    ['2026-03-07', 1, '2026-03-09'], // Saturday start
    ['2026-03-09', 1, '2026-03-10'], // start day excluded
  ])('%s + %i → %s', (start, n, due) => {
    expect(addWorkingDays(start, n)).toEqual({ date: due, provisional: false });
  });
  it('n = 0: the start day if working, else the next working day', () => {
    expect(addWorkingDays('2026-03-09', 0).date).toBe('2026-03-09');
    expect(addWorkingDays('2025-10-01', 0).date).toBe('2025-10-09');
  });
  it('rejects negative or fractional n', () => {
    expect(() => addWorkingDays('2026-03-09', -1)).toThrow('非负整数');
    expect(() => addWorkingDays('2026-03-09', 1.5)).toThrow('非负整数');
  });
  it('beyond 2026 → provisional, Mon–Fri assumed', () => {
    expect(addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addWorkingDays('2026-12-01', 5).provisional).toBe(false);
  });
  it('fast-check: result is a working day, after start, and monotonic in n', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2004-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          const a = addWorkingDays(start, n);
          const b = addWorkingDays(start, n + 1);
          expect(isWorkingDay(a.date)).toBe(true);
          expect(a.date > start).toBe(true);
          expect(b.date > a.date).toBe(true);
        },
      ),
    );
  });
});

describe('addCalendarDays', () => {
  it('a period ending on a holiday moves to the next working day', () => {
    expect(addCalendarDays('2025-09-25', 7)).toEqual({ date: '2025-10-09', provisional: false });
    expect(addCalendarDays('2026-03-02', 5)).toEqual({ date: '2026-03-09', provisional: false }); // Sat → Mon
    expect(addCalendarDays('2025-10-01', 10).date).toBe('2025-10-11'); // make-up Saturday is a working day
    expect(addCalendarDays('2026-03-02', 2).date).toBe('2026-03-04');
  });
});

describe('resolveDeadline', () => {
  it('fixed date is as stated and never provisional; working days count from issuance', () => {
    expect(resolveDeadline({ kind: 'date', date: '2027-03-01' }, '2026-12-01')).toEqual({
      date: '2027-03-01',
      provisional: false,
    });
    expect(resolveDeadline({ kind: 'working_days', days: 1 }, '2025-09-30').date).toBe('2025-10-09');
  });
});

const y2027 = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-04', name: '测试' },
  ],
  workdays: [{ date: '2027-01-09', name: '测试' }],
};

describe('imported schedules', () => {
  it('an imported 2027 wins and makes 2027 non-provisional', () => {
    const cal = mergeCalendar(BUNDLED_CALENDAR, [parseYearSchedule(y2027)]);
    expect(cal.lastYear).toBe(2027);
    expect(addWorkingDays('2026-12-31', 1, cal)).toEqual({ date: '2027-01-05', provisional: false });
    expect(isWorkingDay('2027-01-09', cal)).toBe(true);
  });
  it('an imported year replaces the bundled year entirely', () => {
    const cal = mergeCalendar(BUNDLED_CALENDAR, [
      parseYearSchedule({ year: 2025, holidays: [{ date: '2025-01-01', name: '元旦' }], workdays: [] }),
    ]);
    expect(isWorkingDay('2025-10-01', cal)).toBe(true);
    expect(isWorkingDay('2025-10-11', cal)).toBe(false);
    expect(isWorkingDay('2025-01-01', cal)).toBe(false);
    expect(isWorkingDay('2025-10-01')).toBe(false); // base untouched
  });
  it('accepts the chinese-days per-year JSON shape', () => {
    const s = parseYearSchedule({
      holidays: { '2027-01-01': "New Year's Day,元旦,1" },
      workdays: { '2027-01-09': "New Year's Day,元旦,1" },
    });
    expect(s).toEqual({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [{ date: '2027-01-09', name: '元旦' }],
    });
  });
  it.each([
    [{ ...y2027, holidays: [] }, '放假日期不能为空'],
    [{ ...y2027, holidays: [{ date: '2027-02-30', name: 'x' }] }, '放假第1项（2027-02-30）：不是有效日期'],
    [{ ...y2027, holidays: [{ date: '2026-10-01', name: 'x' }] }, '不在2027年内'],
    [{ ...y2027, workdays: [{ date: '2027-01-05' }] }, '调休上班第1项（2027-01-05）：调休上班日应为周六或周日'],
    [{ ...y2027, workdays: [{ date: '2027-01-02' }, { date: '2027-01-01' }] }, '既是放假又是调休上班'],
    [{ year: 'x', holidays: [] }, '年份应为数字'],
  ])('rejects %j', (input, message) => {
    expect(() => parseYearSchedule(input)).toThrow(message);
  });
});

describe('workingDaysBetween (closed form)', () => {
  const slow = (from: string, to: string, cal = BUNDLED_CALENDAR) => {
    let n = 0;
    const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (let d = next(from); d <= to; d = next(d)) {
      if (isWorkingDay(d, cal)) n++;
    }
    return n;
  };
  const day = (n: number) => new Date(Date.UTC(2003, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('equals counting day by day, across holiday weeks, 调休 weekends and uncovered years', () => {
    const imported = mergeCalendar(BUNDLED_CALENDAR, [
      {
        year: 2027,
        holidays: ['2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, name: '春节' })),
        workdays: [{ date: '2027-02-06', name: '春节' }],
      },
    ]);
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 300; i++) {
      const a = rnd(9000);
      const b = a + rnd(800);
      for (const cal of [BUNDLED_CALENDAR, imported]) {
        expect(workingDaysBetween(day(a), day(b), cal), `${day(a)}..${day(b)}`).toBe(slow(day(a), day(b), cal));
      }
    }
    expect(workingDaysBetween('2026-09-30', '2026-10-09')).toBe(slow('2026-09-30', '2026-10-09'));
    expect(workingDaysBetween('2026-10-09', '2026-09-30')).toBe(0);
  });
});
