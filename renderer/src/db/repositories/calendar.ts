import {
  BUNDLED_CALENDAR,
  DomainError,
  mergeCalendar,
  yearScheduleSchema,
  type WorkingDayCalendar,
  type YearSchedule,
} from '../../../../shared/domain';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { guard } from '../permission-guard';
import { parseImport } from './calendar-parse';

/** Setting key of the years the office imported: `YearSchedule[]`, one per year, by year. */
export const CALENDAR_IMPORTED_KEY = 'calendar.imported';

/** The working-day calendar the deadlines are computed with (bundled 2004–2026 + imported years). */
export type Calendar = WorkingDayCalendar;

export interface CalendarRepository {
  /** The years the office imported, by year (each replaces the bundled data of its year). */
  imported(): Promise<YearSchedule[]>;
  /** {@link BUNDLED_CALENDAR} merged with the imported years; an imported year wins. */
  calendar(): Promise<Calendar>;
  /**
   * One year's 放假调休 schedule: an object or its JSON text, in the app's format
   * `{ year, holidays: [{ date, name }], workdays: [{ date, name? }] }` or a `chinese-days` per-year JSON.
   * Refused with DomainError('import-invalid') naming each wrong entry; nothing is written then.
   * Replaces an earlier import of the same year. Audited as entity 'settings', id 'calendar.imported'.
   */
  importYear(json: unknown): Promise<YearSchedule>;
  /** Removes an imported year (the bundled data, if any, applies again). Audited. */
  removeYear(year: number): Promise<void>;
}

export function createCalendarRepository(ctx: DataLayerContext): CalendarRepository {
  const { db } = ctx;
  return {
    imported: () => db.transaction('r', [db.settings], () => readImported(db)),

    calendar: () => db.transaction('r', [db.settings], () => readCalendar(db)),

    async importYear(json) {
      const schedule = parseImport(json);
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.calendar');
        const list = await readImported(db);
        const before = list.find((s) => s.year === schedule.year);
        const next = [...list.filter((s) => s.year !== schedule.year), schedule].sort((a, b) => a.year - b.year);
        await db.settings.put({ key: CALENDAR_IMPORTED_KEY, value: next });
        audit.record({
          entity: 'settings',
          entityId: CALENDAR_IMPORTED_KEY,
          action: 'import',
          before: before ? auditSnapshot(before) : null,
          after: auditSnapshot(schedule),
        });
        return schedule;
      });
    },

    async removeYear(year) {
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.calendar');
        const list = await readImported(db);
        const before = list.find((s) => s.year === year);
        if (!before) throw new DomainError('not-found', `未导入${year}年的放假调休安排`);
        await db.settings.put({ key: CALENDAR_IMPORTED_KEY, value: list.filter((s) => s.year !== year) });
        audit.record({
          entity: 'settings',
          entityId: CALENDAR_IMPORTED_KEY,
          action: 'delete',
          before: auditSnapshot(before),
          after: null,
        });
      });
    },
  };
}

/**
 * The calendar as stored, for use INSIDE another repository's transaction (e.g. issuing minutes):
 * it only reads `db.settings`, which every `auditedWrite` transaction includes. Outside a transaction
 * it reads on its own. A stored entry that no longer validates is skipped (its year counts as not
 * imported, so a deadline reaching it is provisional rather than wrong).
 */
export async function readCalendar(db: JointDeskDB): Promise<Calendar> {
  return mergeCalendar(BUNDLED_CALENDAR, await readImported(db));
}

async function readImported(db: JointDeskDB): Promise<YearSchedule[]> {
  const value = (await db.settings.get(CALENDAR_IMPORTED_KEY))?.value;
  if (!Array.isArray(value)) return [];
  const byYear = new Map<number, YearSchedule>();
  for (const item of value) {
    const parsed = yearScheduleSchema.safeParse(item);
    if (parsed.success) byYear.set(parsed.data.year, parsed.data);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The audit trail names the change ("设置“2027年放假调休安排”") and keeps the whole schedule. */
function auditSnapshot(s: YearSchedule) {
  return { name: `${s.year}年放假调休安排`, ...s };
}

export { parseImport } from './calendar-parse';
