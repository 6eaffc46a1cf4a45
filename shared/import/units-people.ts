import type { z } from 'zod';
import { MEETING_ROLES, type MeetingRole, personInputSchema } from '../domain/person';
import { UNIT_KINDS, type UnitInput, type UnitKind, unitInputSchema } from '../domain/unit';
import { MEETING_ROLE_LABELS, UNIT_KIND_LABELS, meetingRoleFromLabel, unitKindFromLabel } from './labels';
import type { ImportIssue, ImportedPerson, RawRow, UnitsPeopleSheets, UnitsPeopleValidation } from './types';
import {
  MAX_IMPORT_ROWS,
  PEOPLE_SHEET,
  PERSON_HEADERS,
  REQUIRED_PERSON_HEADERS,
  REQUIRED_UNIT_HEADERS,
  UNIT_HEADERS,
  UNITS_SHEET,
} from './units-people-columns';

type Sheet = ImportIssue['sheet'];

/** A non-empty data row with its Excel row number. */
interface DataRow {
  row: number;
  cells: RawRow;
}

const UNIT_FIELD_HEADERS: Readonly<Record<keyof UnitInput, string>> = {
  name: '单位名称',
  shortName: '简称',
  kind: '单位类别',
  liaisonName: '联络人',
  liaisonPhone: '联络电话',
  note: '备注',
};
const PERSON_FIELD_HEADERS: Readonly<Record<string, string>> = {
  name: '姓名',
  post: '职务',
  role: '联席会议职务',
  phone: '联系电话',
};

const personFieldsSchema = personInputSchema.omit({ unitId: true });

const UNIT_KIND_CHOICES = UNIT_KINDS.map((k: UnitKind) => UNIT_KIND_LABELS[k]).join('、');
const ROLE_CHOICES = MEETING_ROLES.map((r: MeetingRole) => MEETING_ROLE_LABELS[r]).join('、');

/** The text of a cell; only own string properties count, so inherited keys (`constructor` …) never read as data. */
function cell(row: RawRow, header: string): string {
  if (!Object.prototype.hasOwnProperty.call(row, header)) return '';
  const v: unknown = row[header];
  return typeof v === 'string' ? v.trim() : '';
}

function optional(v: string): string | undefined {
  return v === '' ? undefined : v;
}

/** The object without its undefined-valued keys, so parsed rows carry no `key: undefined`. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Phone numbers as people type them: full-width digits and hyphens, spaces between groups. */
function normalisePhone(v: string): string | undefined {
  const s = v.normalize('NFKC').replace(/[\s\u00a0]+/g, '');
  return s === '' ? undefined : s;
}

function isEmptyRow(row: RawRow): boolean {
  return Object.keys(row).every((k) => cell(row, k) === '');
}

function dataRows(rows: readonly RawRow[], rowNumbers: readonly number[] | undefined): DataRow[] {
  const out: DataRow[] = [];
  rows.forEach((cells, i) => {
    if (cells && typeof cells === 'object' && !isEmptyRow(cells)) out.push({ row: rowNumbers?.[i] ?? i + 2, cells });
  });
  return out;
}

/** The first message of a zod issue, looking inside unions (the optional-or-empty phone fields). */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    const inner = issue.errors.flat()[0];
    if (inner) return inner.message;
  }
  return issue.message;
}

/**
 * Checks the header row: every required column present, no known column twice. Returns false when
 * the sheet's rows cannot be read meaningfully.
 */
function checkHeaders(
  sheet: Sheet,
  headers: readonly string[],
  required: readonly string[],
  known: readonly string[],
  issues: ImportIssue[],
): boolean {
  const trimmed = headers.map((h) => (typeof h === 'string' ? h.trim() : ''));
  let ok = true;
  for (const h of required) {
    if (!trimmed.includes(h)) {
      issues.push({ sheet, row: 1, field: h, message: `缺少“${h}”列：请使用导入模板，第 1 行为表头` });
      ok = false;
    }
  }
  for (const h of known) {
    if (trimmed.filter((x) => x === h).length > 1) {
      issues.push({ sheet, row: 1, field: h, message: `表头“${h}”出现了多次，请只保留一列` });
      ok = false;
    }
  }
  return ok;
}

function headersOf(rows: readonly RawRow[]): string[] {
  const set = new Set<string>();
  for (const r of rows) if (r && typeof r === 'object') for (const k of Object.keys(r)) set.add(k);
  return [...set];
}

function checkRowCap(sheet: Sheet, rows: readonly DataRow[], issues: ImportIssue[]): boolean {
  const over = rows[MAX_IMPORT_ROWS];
  if (!over) return true;
  issues.push({
    sheet,
    row: over.row,
    field: '',
    message: `数据超过单次导入上限 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件分批导入`,
  });
  return false;
}

function validateUnits(rows: readonly DataRow[], existing: ReadonlySet<string>, issues: ImportIssue[]): UnitInput[] {
  const out: UnitInput[] = [];
  const firstRowOfName = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowIssues: ImportIssue[] = [];
    const add = (field: string, message: string) => rowIssues.push({ sheet: UNITS_SHEET, row, field, message });

    const name = cell(cells, '单位名称');
    const kindLabel = cell(cells, '单位类别');
    const kind = kindLabel === '' ? undefined : unitKindFromLabel(kindLabel);
    if (kindLabel === '') add('单位类别', `请填写单位类别，可选：${UNIT_KIND_CHOICES}`);
    else if (!kind) add('单位类别', `单位类别“${kindLabel}”不正确，可选：${UNIT_KIND_CHOICES}`);

    const parsed = unitInputSchema.safeParse(
      defined({
        name,
        shortName: optional(cell(cells, '简称')),
        kind: kind ?? 'township', // the kind's own issue is reported above
        liaisonName: optional(cell(cells, '联络人')),
        liaisonPhone: normalisePhone(cell(cells, '联络电话')),
        note: optional(cell(cells, '备注')),
      }),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const field =
          typeof key === 'string' && key in UNIT_FIELD_HEADERS ? UNIT_FIELD_HEADERS[key as keyof UnitInput] : '';
        add(field, issueMessage(issue));
      }
    }

    if (name !== '') {
      const earlier = firstRowOfName.get(name);
      if (earlier !== undefined) add('单位名称', `单位名称“${name}”与第 ${earlier} 行重复`);
      else firstRowOfName.set(name, row);
      if (existing.has(name)) add('单位名称', `单位“${name}”已存在，不能重复导入；如需修改，请在成员单位页面编辑`);
    }

    issues.push(...rowIssues);
    if (rowIssues.length === 0 && parsed.success && kind) out.push({ ...parsed.data, kind });
  }
  return out;
}

function validatePeople(
  rows: readonly DataRow[],
  knownUnits: ReadonlySet<string> | undefined,
  issues: ImportIssue[],
): ImportedPerson[] {
  const out: ImportedPerson[] = [];
  const firstRowOfPerson = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowIssues: ImportIssue[] = [];
    const add = (field: string, message: string) => rowIssues.push({ sheet: PEOPLE_SHEET, row, field, message });

    const name = cell(cells, '姓名');
    const unitName = cell(cells, '所属单位');
    if (unitName === '') add('所属单位', '请填写所属单位');
    else if (knownUnits && !knownUnits.has(unitName)) {
      add('所属单位', `所属单位“${unitName}”不存在：请填写已有单位的全称，或先在“单位”表中添加该单位`);
    }

    const roleLabel = cell(cells, '联席会议职务');
    const role = meetingRoleFromLabel(roleLabel);
    if (!role) add('联席会议职务', `联席会议职务“${roleLabel}”不正确，可选：${ROLE_CHOICES}（不填即为“无”）`);

    const parsed = personFieldsSchema.safeParse({
      name,
      post: optional(cell(cells, '职务')),
      role: role ?? 'none', // the role's own issue is reported above
      phone: normalisePhone(cell(cells, '联系电话')),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        add(typeof key === 'string' ? (PERSON_FIELD_HEADERS[key] ?? '') : '', issueMessage(issue));
      }
    }

    if (name !== '' && unitName !== '') {
      const key = `${unitName}\u0000${name}`;
      const earlier = firstRowOfPerson.get(key);
      if (earlier !== undefined) add('姓名', `与第 ${earlier} 行重复（同一单位的同名人员）`);
      else firstRowOfPerson.set(key, row);
    }

    issues.push(...rowIssues);
    if (rowIssues.length === 0 && parsed.success && role) {
      const { phone, post } = parsed.data;
      out.push({
        name: parsed.data.name,
        ...(post ? { post } : {}),
        role,
        ...(phone ? { phone } : {}),
        unitName,
      });
    }
  }
  return out;
}

const fieldOrder = (sheet: Sheet, field: string) => {
  const list: readonly string[] = sheet === UNITS_SHEET ? UNIT_HEADERS : PERSON_HEADERS;
  const i = list.indexOf(field);
  return i === -1 ? list.length : i;
};

/**
 * Validates the rows of a 单位与人员 workbook with the shared/domain schemas. Every problem is
 * reported (not just the first) with its sheet, Excel row and column, in Chinese; the result is
 * all-or-nothing: `ok: true` only when every non-empty row is valid.
 *
 * - 单位: 单位名称 required and unique (within the file and against `existingUnitNames`), 单位类别 one
 *   of the Chinese labels in {@link UNIT_KIND_LABELS}, phones checked by the domain's phone rule.
 * - 人员: 姓名 required; 所属单位 must be an existing unit or one in the 单位 sheet; 联席会议职务 one of
 *   {@link MEETING_ROLE_LABELS} (empty = 无).
 * - Fully empty rows are ignored; more than {@link MAX_IMPORT_ROWS} data rows in a sheet is refused.
 */
export function validateUnitsPeople(
  sheets: UnitsPeopleSheets,
  existingUnitNames: readonly string[],
): UnitsPeopleValidation {
  const issues: ImportIssue[] = [];
  const unitRows = dataRows(sheets.units, sheets.rowNumbers?.units);
  const personRows = dataRows(sheets.people, sheets.rowNumbers?.people);
  // A sheet left completely empty (no header, no data) is fine: a file may add people only.
  const unitHeaders = (sheets.headers?.units ?? headersOf(sheets.units)).map(String);
  const personHeaders = (sheets.headers?.people ?? headersOf(sheets.people)).map(String);

  const unitsReadable =
    checkRowCap(UNITS_SHEET, unitRows, issues) &&
    checkHeaders(
      UNITS_SHEET,
      unitHeaders,
      unitRows.length > 0 || unitHeaders.some((h) => h.trim() !== '') ? REQUIRED_UNIT_HEADERS : [],
      UNIT_HEADERS,
      issues,
    );
  const peopleReadable =
    checkRowCap(PEOPLE_SHEET, personRows, issues) &&
    checkHeaders(
      PEOPLE_SHEET,
      personHeaders,
      personRows.length > 0 || personHeaders.some((h) => h.trim() !== '') ? REQUIRED_PERSON_HEADERS : [],
      PERSON_HEADERS,
      issues,
    );

  if (issues.length === 0 && unitRows.length === 0 && personRows.length === 0) {
    issues.push({
      sheet: UNITS_SHEET,
      row: 2,
      field: '',
      message: '文件中没有可导入的数据：“单位”表和“人员”表都是空的',
    });
  }

  const existing = new Set(existingUnitNames.map((n) => n.trim()));
  const units = unitsReadable ? validateUnits(unitRows, existing, issues) : [];
  // When the 单位 sheet itself is unreadable, unit names cannot be checked without flooding the list.
  const knownUnits = unitsReadable
    ? new Set([...existing, ...unitRows.map((r) => cell(r.cells, '单位名称')).filter((n) => n !== '')])
    : undefined;
  const people = peopleReadable ? validatePeople(personRows, knownUnits, issues) : [];

  if (issues.length > 0) {
    const sheetOrder = (s: Sheet) => (s === UNITS_SHEET ? 0 : 1);
    issues.sort(
      (a, b) =>
        sheetOrder(a.sheet) - sheetOrder(b.sheet) ||
        a.row - b.row ||
        fieldOrder(a.sheet, a.field) - fieldOrder(b.sheet, b.field),
    );
    return { ok: false, issues };
  }
  return { ok: true, value: { units, people } };
}

/** `“人员”表第 7 行“联系电话”：电话号码格式不正确…` — one issue as a sentence for lists and messages. */
export function formatImportIssue(issue: ImportIssue): string {
  const field = issue.field ? `“${issue.field}”` : '';
  return `“${issue.sheet}”表第 ${issue.row} 行${field}：${issue.message}`;
}
