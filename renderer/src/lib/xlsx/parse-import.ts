import { DomainError, isDomainError } from '../../../../shared/domain/errors';
import { MAX_SCHEDULE_BYTES, parseImport as parseCalendarText } from '../../db/repositories/calendar-parse';
import {
  FEEDBACK_HEADER_ROW,
  FEEDBACK_META_SHEET,
  FEEDBACK_SHEET,
  MAX_FEEDBACK_ROWS,
} from '../../../../shared/import/feedback-form';
import { MAX_IMPORT_ROWS, PEOPLE_SHEET, UNITS_SHEET } from '../../../../shared/import/units-people-columns';
import { findSheet, loadGuardedWorkbook, readSheet, toWireSheet } from './guarded-workbook';
import {
  importRequestSchema,
  MAX_LISTED_FORMULAS,
  MAX_META_ROWS,
  type CalendarWire,
  type FeedbackFormWire,
  type ImportKind,
  type ImportResponse,
  type ImportWire,
  type UnitsPeopleWire,
} from './import-wire';

/**
 * The parsing an import runs off the page's thread (import.worker.ts; in Node, where there is no Worker,
 * import-runner.ts calls it in-thread): the guarded path of guarded-workbook.ts — 10 MB cap, zip limits on
 * bytes actually inflated (so the inflation cap holds inside the worker, before exceljs sees a byte), exceljs
 * with row/cell caps — then the sheets as plain arrays of texts (import-wire.ts).
 */

/** Sheets 单位 and 人员 of a units/people import workbook, for `validateUnitsPeople`. */
export async function parseUnitsPeopleWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o: { fileName?: string } = {},
): Promise<UnitsPeopleWire> {
  const wb = await loadGuardedWorkbook(bytes, o);
  const units = readSheet(findSheet(wb, UNITS_SHEET), { maxRows: MAX_IMPORT_ROWS });
  const people = readSheet(findSheet(wb, PEOPLE_SHEET), { maxRows: MAX_IMPORT_ROWS });
  return { kind: 'units-people', units: toWireSheet(units), people: toWireSheet(people) };
}

/**
 * A filled 督办事项反馈表, for `interpretFeedbackForm`: the 反馈表 sheet from its header row, the hidden
 * 表单信息 sheet as key/value pairs, and the formula cells of both (listed, never evaluated).
 */
export async function parseFeedbackFormWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  o: { fileName?: string } = {},
): Promise<FeedbackFormWire> {
  const wb = await loadGuardedWorkbook(bytes, o);
  const main = readSheet(findSheet(wb, FEEDBACK_SHEET), {
    headerRow: FEEDBACK_HEADER_ROW,
    maxRows: MAX_FEEDBACK_ROWS,
    formulas: true,
  });
  const metaSheet = readSheet(findSheet(wb, FEEDBACK_META_SHEET), { maxRows: MAX_META_ROWS, formulas: true });
  const [keyHeader, valueHeader] = metaSheet.headers;
  const meta: [string, string][] =
    keyHeader && valueHeader ? metaSheet.rows.map((r) => [r[keyHeader] ?? '', r[valueHeader] ?? '']) : [];
  return {
    kind: 'feedback-form',
    meta,
    main: toWireSheet(main),
    formulas: [
      ...metaSheet.formulas.map((f) => ({ row: f.row, column: `${FEEDBACK_META_SHEET}·${f.column}` })),
      ...main.formulas,
    ].slice(0, MAX_LISTED_FORMULAS),
  };
}

/**
 * A 年度安排 (working-day calendar JSON, from a file or pasted): size cap, strict UTF-8, then the checks of
 * calendar-parse.ts (JSON, zod, every problem named in Chinese).
 */
export function parseCalendarBytes(bytes: ArrayBuffer | Uint8Array): CalendarWire {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.byteLength > MAX_SCHEDULE_BYTES) {
    throw new DomainError(
      'import-invalid',
      `年度安排有误：内容过大（${Math.ceil(data.byteLength / 1024)} KB），年度安排不能超过 ${MAX_SCHEDULE_BYTES / 1024} KB`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new DomainError('import-invalid', '年度安排有误：不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后重试');
  }
  return { kind: 'calendar', schedule: parseCalendarText(text) };
}

export async function parseImport(
  kind: ImportKind,
  bytes: ArrayBuffer | Uint8Array,
  o: { fileName?: string } = {},
): Promise<ImportWire> {
  if (kind === 'calendar') return parseCalendarBytes(bytes);
  return kind === 'units-people' ? parseUnitsPeopleWorkbook(bytes, o) : parseFeedbackFormWorkbook(bytes, o);
}

/** Shown when parsing failed for a reason that is not the file's (a bug, memory exhausted). */
export const PARSE_FAILED_MESSAGE = '读取文件时出错，已停止导入（未写入任何数据）：文件可能过大或已损坏，请检查后重试';

/** One request of the worker: never throws; a DomainError travels as its code, message and details. */
export async function handleImportRequest(data: unknown): Promise<ImportResponse> {
  const request = importRequestSchema.safeParse(data);
  if (!request.success) {
    return { ok: false, error: { code: 'import-invalid', message: PARSE_FAILED_MESSAGE, details: ['bad request'] } };
  }
  try {
    const { kind, bytes, fileName } = request.data;
    return { ok: true, result: await parseImport(kind, bytes, fileName === undefined ? {} : { fileName }) };
  } catch (e) {
    if (isDomainError(e)) {
      return {
        ok: false,
        error: {
          code: e.code,
          message: e.message.slice(0, 2000),
          ...(e.details ? { details: e.details.slice(0, 20).map((d) => String(d).slice(0, 2000)) } : {}),
        },
      };
    }
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      ok: false,
      error: { code: 'import-invalid', message: PARSE_FAILED_MESSAGE, details: [detail.slice(0, 2000)] },
    };
  }
}
