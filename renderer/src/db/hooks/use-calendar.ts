import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkingDayCalendar, YearSchedule } from '../../../../shared/domain';
import { getDataLayer } from '../singleton';

export interface CalendarState {
  /** Bundled years merged with the imported ones (an imported year wins). */
  calendar: WorkingDayCalendar;
  /** The years the office imported, by year. */
  imported: YearSchedule[];
}

/** The working-day calendar and the imported years; `undefined` while loading. */
export function useCalendar(): CalendarState | undefined {
  return useLiveQuery(async () => {
    const dl = getDataLayer();
    const [calendar, imported] = await Promise.all([dl.calendar.calendar(), dl.calendar.imported()]);
    return { calendar, imported };
  }, []);
}
