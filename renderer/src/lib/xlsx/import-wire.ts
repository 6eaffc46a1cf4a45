import { z } from 'zod';
import { DomainError } from '../../../../shared/domain/errors';
import { MAX_FEEDBACK_ROWS, type FeedbackFormSheets } from '../../../../shared/import/feedback-form';
import type { YearSchedule } from '../../../../shared/domain';
import type { RawRow, UnitsPeopleSheets } from '../../../../shared/import/types';
import { MAX_IMPORT_ROWS } from '../../../../shared/import/units-people-columns';

/**
 * What crosses the worker boundary (import.worker.ts ⇄ import-runner.ts): plain arrays of texts only, checked
 * by zod strict schemas when they arrive. Rows travel as arrays aligned to `keys` (never as objects keyed by
 * cell text), so no header — `__proto__`, `constructor` — can become a property name before the receiving
 * side rebuilds null-prototype records from them.
 */

/** What a worker is asked to read. */
export const IMPORT_KINDS = ['units-people', 'feedback-form', 'calendar'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Excel's own limit for one cell; anything longer did not come from Excel. */
export const MAX_CELL_CHARS = 32_767;
/** Header cells read per sheet (guarded-workbook.ts ignores columns beyond this). */
export const MAX_WIRE_COLUMNS = 100;
/** Formula cells listed (any one refuses the form; the rest would only lengthen the list of problems). */
export const MAX_LISTED_FORMULAS = 200;
/** Key/value rows of the feedback form's hidden 表单信息 sheet. */
export const MAX_META_ROWS = 50;

const text = z.string().max(MAX_CELL_CHARS);
const rowNumber = z.number().int().min(1).max(1_048_576);

function sheetSchema(maxRows: number) {
  return z
    .strictObject({
      headers: z.array(text).max(MAX_WIRE_COLUMNS),
      keys: z.array(text).max(MAX_WIRE_COLUMNS),
      rows: z.array(z.array(text).max(MAX_WIRE_COLUMNS)).max(maxRows + 1),
      rowNumbers: z.array(rowNumber).max(maxRows + 1),
    })
    .superRefine((s, ctx) => {
      if (new Set(s.keys).size !== s.keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate keys' });
      if (s.rows.length !== s.rowNumbers.length) ctx.addIssue({ code: 'custom', message: 'rows ≠ rowNumbers' });
      if (s.rows.some((r) => r.length !== s.keys.length)) ctx.addIssue({ code: 'custom', message: 'ragged rows' });
    });
}
export type WireSheet = z.output<ReturnType<typeof sheetSchema>>;

const unitsPeopleWire = z.strictObject({
  kind: z.literal('units-people'),
  units: sheetSchema(MAX_IMPORT_ROWS),
  people: sheetSchema(MAX_IMPORT_ROWS),
});
const feedbackFormWire = z.strictObject({
  kind: z.literal('feedback-form'),
  meta: z.array(z.tuple([text, text])).max(MAX_META_ROWS + 1),
  main: sheetSchema(MAX_FEEDBACK_ROWS),
  formulas: z.array(z.strictObject({ row: rowNumber, column: text })).max(MAX_LISTED_FORMULAS),
});
/** A 年度安排 already checked in the worker (calendar-parse.ts); the repository checks it again before writing. */
const dayEntry = z.strictObject({ date: z.string().max(10), name: z.string().max(40).optional() });
const calendarWire = z.strictObject({
  kind: z.literal('calendar'),
  schedule: z.strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(dayEntry).min(1).max(400),
    workdays: z.array(dayEntry).max(400),
  }),
});
export const importWireSchema = z.discriminatedUnion('kind', [unitsPeopleWire, feedbackFormWire, calendarWire]);
export type ImportWire = z.output<typeof importWireSchema>;
export type UnitsPeopleWire = z.output<typeof unitsPeopleWire>;
export type FeedbackFormWire = z.output<typeof feedbackFormWire>;
export type CalendarWire = z.output<typeof calendarWire>;

export function decodeCalendar(wire: CalendarWire): YearSchedule {
  const { year, holidays, workdays } = wire.schedule;
  return {
    year,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name ?? '' })),
    workdays: workdays.map((w) => ({ date: w.date, ...(w.name !== undefined ? { name: w.name } : {}) })),
  };
}

/** An error the worker reports: a DomainError's fields, nothing else. */
const wireError = z.strictObject({
  code: z.enum([
    'validation',
    'not-found',
    'referenced',
    'invalid-transition',
    'import-invalid',
    'conflict',
    'no-profile',
    'forbidden',
  ]),
  message: z.string().min(1).max(2000),
  details: z.array(z.string().max(2000)).max(20).optional(),
});
export const importResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), result: importWireSchema }),
  z.strictObject({ ok: z.literal(false), error: wireError }),
]);
export type ImportResponse = z.input<typeof importResponseSchema>;

/** What the page sends the worker: the kind and the file's bytes (the ArrayBuffer is transferred). */
export const importRequestSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  bytes: z.instanceof(ArrayBuffer),
  /** The picked file's name, for messages that name it. */
  fileName: z.string().max(260).optional(),
});
export type ImportRequest = z.output<typeof importRequestSchema>;

/** The parse result was not what a worker of this app sends: refused whole, nothing is written. */
export const BAD_RESULT_MESSAGE = '文件解析结果格式异常，已拒绝导入（未写入任何数据），请重新选择文件';

/** Checks a worker's answer and turns it into the data (or throws the DomainError it reported). */
export function acceptImportResponse(kind: ImportKind, data: unknown): ImportWire {
  const parsed = importResponseSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError('import-invalid', BAD_RESULT_MESSAGE, [
      first ? `${first.path.join('.')}: ${first.message}` : 'invalid response',
    ]);
  }
  const response = parsed.data;
  if (!response.ok) throw new DomainError(response.error.code, response.error.message, response.error.details);
  if (response.result.kind !== kind) {
    throw new DomainError('import-invalid', BAD_RESULT_MESSAGE, [`asked for ${kind}, got ${response.result.kind}`]);
  }
  return response.result;
}

/** Rebuilds the null-prototype rows the validators expect. */
function recordsOf(sheet: WireSheet): RawRow[] {
  return sheet.rows.map((cells) => {
    const record = Object.create(null) as RawRow;
    sheet.keys.forEach((key, i) => {
      record[key] = cells[i] ?? '';
    });
    return record;
  });
}

export function decodeUnitsPeople(wire: UnitsPeopleWire): UnitsPeopleSheets {
  return {
    units: recordsOf(wire.units),
    people: recordsOf(wire.people),
    headers: { units: wire.units.headers, people: wire.people.headers },
    rowNumbers: { units: wire.units.rowNumbers, people: wire.people.rowNumbers },
  };
}

export function decodeFeedbackForm(wire: FeedbackFormWire): FeedbackFormSheets {
  const meta = Object.create(null) as Record<string, string>;
  for (const [k, v] of wire.meta) if (k && !(k in meta)) meta[k] = v;
  return {
    meta,
    headers: wire.main.headers,
    rows: recordsOf(wire.main),
    rowNumbers: wire.main.rowNumbers,
    formulas: wire.formulas,
  };
}
