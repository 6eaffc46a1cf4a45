import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { formatChineseDate } from '../domain/format';
import type { Resolution } from '../domain/minutes';
import { taskActionRefusal, type TaskAction } from '../domain/task-rules';
import type { RawRow } from './types';

/**
 * The 督办事项办理情况反馈表 (.xlsx) a member unit without the app fills in, and the pure interpretation of a
 * filled one. The office exports one form per unit listing the unit's open tasks; each row is bound to its task
 * by 任务编号 = task id + a check token over (form, unit, task), so an edited id, a row copied from another
 * unit's form or a form of another unit is detected. The reader (renderer/src/lib/xlsx/read-feedback-form.ts)
 * turns the workbook into plain text cells; {@link interpretFeedbackForm} decides, without touching the
 * database, what each row would record — or every problem, each naming its row and column.
 */

/** The visible sheet and the hidden sheet with the form's identity. */
export const FEEDBACK_SHEET = '反馈表';
export const FEEDBACK_META_SHEET = '表单信息';
/** Format version written into the hidden sheet. */
export const FEEDBACK_FORM_VERSION = '1';
/** Row of the column headers (1: title, 2: 填报单位 / 下发日期 / 表单编号, 3: 填表说明). */
export const FEEDBACK_HEADER_ROW = 4;
/** Row of the visible 填报单位 (named in the error when the form belongs to another unit). */
export const FEEDBACK_UNIT_ROW = 2;
export const FEEDBACK_UNIT_LABEL = '填报单位';
/** Most task rows one form holds (a unit has far fewer open tasks). */
export const MAX_FEEDBACK_ROWS = 500;

/** Keys of the hidden sheet (column A), values in column B; row 1 is its header 项目 / 内容. */
export const FEEDBACK_META_KEYS = {
  formId: '表单编号',
  unitId: '单位编号',
  unitName: '单位名称',
  issuedOn: '下发日期',
  version: '格式版本',
} as const;
export const FEEDBACK_META_HEADERS = ['项目', '内容'] as const;

/** The columns of the 反馈表, in order; `editable` ones are unlocked under the sheet protection. */
export const FEEDBACK_COLUMNS = [
  { header: '任务编号', width: 22, editable: false },
  { header: '序号', width: 6, editable: false },
  { header: '议定事项', width: 40, editable: false },
  { header: '来源', width: 26, editable: false },
  { header: '承办方式', width: 9, editable: false },
  { header: '完成时限', width: 16, editable: false },
  { header: '反馈要求', width: 24, editable: false },
  { header: '反馈类型', width: 12, editable: true },
  { header: '反馈日期', width: 14, editable: true },
  { header: '办理情况', width: 48, editable: true },
  { header: '完成比例（%）', width: 12, editable: true },
  { header: '填报人', width: 10, editable: true },
] as const;
export type FeedbackHeader = (typeof FEEDBACK_COLUMNS)[number]['header'];
export const FEEDBACK_HEADERS: readonly FeedbackHeader[] = FEEDBACK_COLUMNS.map((c) => c.header);
/** The columns a unit fills in. */
export const FEEDBACK_EDITABLE_HEADERS: readonly FeedbackHeader[] = FEEDBACK_COLUMNS.filter((c) => c.editable).map(
  (c) => c.header,
);

/**
 * 反馈类型 as the drop-down offers them: the two things a liaison reports on a task (task-rules:
 * 报送进展 and 报告办结, here 申报办结 — the unit declares the task done; verification follows).
 */
export const FEEDBACK_KINDS = ['progress', 'claim_done'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = Object.freeze({
  progress: '报送进展',
  claim_done: '申报办结',
});
/** 牵头 may declare the task done; a 配合单位 reports progress only. */
export type FeedbackRole = 'lead' | 'co';
export const FEEDBACK_ROLE_LABELS: Readonly<Record<FeedbackRole, string>> = Object.freeze({
  lead: '牵头',
  co: '配合',
});
export function feedbackKindsFor(role: FeedbackRole): readonly FeedbackKind[] {
  return role === 'lead' ? FEEDBACK_KINDS : ['progress'];
}

/** One problem, at an Excel row (the header row is {@link FEEDBACK_HEADER_ROW}) and a column header. */
export interface FeedbackIssue {
  row: number;
  column: string;
  message: string;
}

/** “第 5 行“反馈日期”列：……” */
export function formatFeedbackIssue(issue: FeedbackIssue): string {
  return `第 ${issue.row} 行“${issue.column}”列：${issue.message}`;
}

/** The workbook as the reader gives it: plain trimmed texts, with every formula cell listed. */
export interface FeedbackFormSheets {
  /** Hidden sheet: key (column A) → value (column B). */
  meta: Record<string, string>;
  /** Header cells of {@link FEEDBACK_HEADER_ROW}, duplicates included. */
  headers: string[];
  /** Data rows below the header (non-empty ones), header text → cell text. */
  rows: RawRow[];
  /** Excel row number of each entry of `rows`. */
  rowNumbers: number[];
  /** Cells holding a formula (never evaluated; refused): row and column header (or cell address). */
  formulas: { row: number; column: string }[];
}

/** Short check token of a row: the first 8 hex digits of SHA-256 over form, unit and task. */
export function feedbackCheckToken(formId: string, unitId: string, taskId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`jointdesk-feedback|${formId}|${unitId}|${taskId}`))).slice(0, 8);
}

/** 任务编号 of a row: `<task id>#<token>`. */
export function feedbackRowRef(formId: string, unitId: string, taskId: string): string {
  return `${taskId}#${feedbackCheckToken(formId, unitId, taskId)}`;
}

/** The task id and token of a 任务编号, or undefined when it is not of that form. */
export function parseFeedbackRowRef(ref: string): { taskId: string; token: string } | undefined {
  const m = /^([^#\s]{1,64})#([0-9a-f]{8})$/i.exec(ref.trim());
  return m ? { taskId: m[1]!, token: m[2]!.toLowerCase() } : undefined;
}

/** The task ids the rows refer to (well-formed refs only), for the caller to load before interpreting. */
export function referencedTaskIds(sheets: Pick<FeedbackFormSheets, 'rows'>): string[] {
  const out = new Set<string>();
  for (const r of sheets.rows) {
    const ref = parseFeedbackRowRef(cell(r, '任务编号'));
    if (ref) out.add(ref.taskId);
  }
  return [...out];
}

/** What the caller knows about one task of the unit. */
export interface FeedbackTask {
  resolution: Resolution;
  role: FeedbackRole;
}

export interface FeedbackContext {
  /** The unit the office imports for (chosen in the dialog). */
  unitId: string;
  unitName: string;
  /** Business date of the import (YYYY-MM-DD). */
  today: string;
  /** Tasks referenced by the form (see {@link referencedTaskIds}) that exist, with the unit's role on them. */
  tasks: ReadonlyMap<string, FeedbackTask>;
  /** Idempotency keys already stored with task events (a re-imported row is skipped, not recorded twice). */
  importedKeys: ReadonlySet<string>;
  /** Name of the form's unit when it is another unit (for the message); optional. */
  unitNameOf?: (unitId: string) => string | undefined;
}

/** One row that records something. */
export interface FeedbackEntry {
  row: number;
  taskId: string;
  kind: FeedbackKind;
  /** 反馈日期 (YYYY-MM-DD). */
  on: string;
  text: string;
  percent?: number;
  reporter?: string;
  /** Idempotency key stored with the event: form id + task id + content hash. */
  key: string;
  /** Recorded by an earlier import of this form: skipped. */
  already: boolean;
}

export interface FeedbackMeta {
  formId: string;
  unitId: string;
  unitName: string;
  issuedOn: string;
}

export type FeedbackInterpretation =
  | { ok: true; meta: FeedbackMeta; entries: FeedbackEntry[]; blankRows: number }
  | { ok: false; issues: FeedbackIssue[] };

function cell(row: RawRow, header: string): string {
  if (!Object.prototype.hasOwnProperty.call(row, header)) return '';
  const v: unknown = row[header];
  return typeof v === 'string' ? v.trim() : '';
}

function realIso(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as people type it in a spreadsheet: a date cell (read as 2026-11-20), 2026/11/20, 2026.11.20,
 * 2026年11月20日; undefined when it is none of these or not a real day.
 */
export function parseFeedbackDate(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  return m ? realIso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const kindByLabel = new Map(FEEDBACK_KINDS.map((k) => [FEEDBACK_KIND_LABELS[k], k] as const));
const KIND_CHOICES = FEEDBACK_KINDS.map((k) => FEEDBACK_KIND_LABELS[k]).join('、');

/** The editable cells of one row, validated; paths are the column headers. */
const rowSchema = z.object({
  反馈类型: z
    .string()
    .min(1, `请选择反馈类型（${KIND_CHOICES}）`)
    .refine((v) => kindByLabel.has(v), {
      error: (iss) => `“${String(iss.input)}”不是可选的反馈类型，请从下拉列表选择：${KIND_CHOICES}`,
    })
    .transform((v) => kindByLabel.get(v)!),
  反馈日期: z
    .string()
    .min(1, '请填写反馈日期')
    .refine((v) => parseFeedbackDate(v) !== undefined, {
      error: (iss) => `“${String(iss.input)}”不是有效日期，请按 2026-03-09 的格式填写`,
    })
    .transform((v) => parseFeedbackDate(v)!),
  办理情况: z.string().min(1, '请填写办理情况').max(5000, '办理情况不能超过 5000 个字'),
  '完成比例（%）': z
    .string()
    .refine((v) => v === '' || /^(100|[1-9]?\d)\s*%?$/.test(v), '完成比例应为 0 到 100 之间的整数')
    .transform((v) => (v === '' ? undefined : Number.parseInt(v, 10))),
  填报人: z
    .string()
    .max(20, '填报人不能超过 20 个字')
    .transform((v) => v || undefined),
});

function contentKey(formId: string, taskId: string, fields: Omit<FeedbackEntry, 'row' | 'taskId' | 'key' | 'already'>) {
  const canonical = JSON.stringify([
    fields.kind,
    fields.on,
    fields.text,
    fields.percent ?? null,
    fields.reporter ?? null,
  ]);
  return `fb:${formId}:${taskId}:${bytesToHex(sha256(utf8ToBytes(canonical))).slice(0, 16)}`;
}

/**
 * Pure: what the filled form would record, or every problem (row and column named). Checks, in order: the
 * form's identity (exported by this app, for `ctx.unitId`), the header row, formula cells, the row count; then
 * per row the 任务编号 (well-formed, token matches form + unit + task, a task of the unit, once), and — when any
 * feedback cell is filled — the feedback cells (zod), the date against today and the minutes' issue date, 申报办结
 * only for the lead unit, and whether the task's state allows the action (task-rules). A row recorded by an
 * earlier import (same key) is returned with `already: true` and not checked against the task's state again.
 */
export function interpretFeedbackForm(sheets: FeedbackFormSheets, ctx: FeedbackContext): FeedbackInterpretation {
  const issues: FeedbackIssue[] = [];
  const meta = sheets.meta ?? {};
  const formId = (meta[FEEDBACK_META_KEYS.formId] ?? '').trim();
  const unitId = (meta[FEEDBACK_META_KEYS.unitId] ?? '').trim();
  const version = (meta[FEEDBACK_META_KEYS.version] ?? '').trim();
  const metaUnitName = (meta[FEEDBACK_META_KEYS.unitName] ?? '').trim();
  const issuedOn = parseFeedbackDate(meta[FEEDBACK_META_KEYS.issuedOn] ?? '') ?? '';
  if (!formId || !unitId || version !== FEEDBACK_FORM_VERSION) {
    issues.push({
      row: 1,
      column: FEEDBACK_META_SHEET,
      message: '不是本系统导出的督办事项反馈表（缺少表单信息），请使用“按单位导出反馈表”生成的文件',
    });
    return { ok: false, issues };
  }
  if (unitId !== ctx.unitId) {
    // The unit the form names: the register's name for its 单位编号, else the name printed on the form.
    const other = ctx.unitNameOf?.(unitId) ?? metaUnitName;
    issues.push({
      row: FEEDBACK_UNIT_ROW,
      column: FEEDBACK_UNIT_LABEL,
      // When that is this unit's own name the 单位编号 was changed by hand: saying "本表是甲的反馈表，不能作为
      // 甲的反馈导入" would make no sense, so say what is wrong with the form instead.
      message:
        other && other !== ctx.unitName
          ? `本表是“${other}”的反馈表，不能作为“${ctx.unitName}”的反馈导入`
          : `表单信息中的单位编号“${unitId}”与“${ctx.unitName}”不符（表单信息可能被改动过），请重新“按单位导出反馈表”后填写`,
    });
    return { ok: false, issues };
  }

  const headers = (sheets.headers ?? []).map((h) => (typeof h === 'string' ? h.trim() : ''));
  for (const h of FEEDBACK_HEADERS) {
    const n = headers.filter((x) => x === h).length;
    if (n === 0) issues.push({ row: FEEDBACK_HEADER_ROW, column: h, message: `缺少“${h}”列，请勿删除或改动表头` });
    if (n > 1) issues.push({ row: FEEDBACK_HEADER_ROW, column: h, message: `表头“${h}”出现了多次` });
  }
  if (issues.length > 0) return { ok: false, issues };

  for (const f of sheets.formulas ?? []) {
    issues.push({ row: f.row, column: f.column, message: '不接受公式，请直接填写内容（复制后“选择性粘贴 → 数值”）' });
  }
  const rows = sheets.rows ?? [];
  if (rows.length > MAX_FEEDBACK_ROWS) {
    issues.push({
      row: sheets.rowNumbers?.[MAX_FEEDBACK_ROWS] ?? FEEDBACK_HEADER_ROW + MAX_FEEDBACK_ROWS + 1,
      column: '任务编号',
      message: `行数过多：一张反馈表最多 ${MAX_FEEDBACK_ROWS} 行任务`,
    });
    return { ok: false, issues };
  }

  const entries: FeedbackEntry[] = [];
  const seen = new Map<string, number>();
  let blankRows = 0;
  rows.forEach((raw, i) => {
    const row = sheets.rowNumbers?.[i] ?? FEEDBACK_HEADER_ROW + 1 + i;
    const at = (column: string, message: string) => issues.push({ row, column, message });
    const refText = cell(raw, '任务编号');
    const filled = FEEDBACK_EDITABLE_HEADERS.some((h) => cell(raw, h) !== '');
    if (!refText) {
      if (filled) at('任务编号', '缺少任务编号：请只在导出的任务行中填写，勿新增行或删除任务编号');
      else blankRows++;
      return;
    }
    const ref = parseFeedbackRowRef(refText);
    if (!ref || ref.token !== feedbackCheckToken(formId, unitId, ref.taskId)) {
      at('任务编号', `任务编号“${refText}”已被修改或不属于本表，请使用导出时的原值`);
      return;
    }
    const earlier = seen.get(ref.taskId);
    if (earlier !== undefined) {
      at('任务编号', `与第 ${earlier} 行是同一项任务，每项任务只填一行`);
      return;
    }
    seen.set(ref.taskId, row);
    const task = ctx.tasks.get(ref.taskId);
    if (!task) {
      at('任务编号', '找不到该任务，或该单位已不是它的牵头或配合单位');
      return;
    }
    if (!filled) {
      blankRows++;
      return;
    }
    const parsed = rowSchema.safeParse(Object.fromEntries(FEEDBACK_EDITABLE_HEADERS.map((h) => [h, cell(raw, h)])));
    if (!parsed.success) {
      const byColumn = new Set<string>();
      for (const iss of parsed.error.issues) {
        const column = String(iss.path[0] ?? '办理情况');
        if (byColumn.has(column)) continue;
        byColumn.add(column);
        at(column, iss.message);
      }
      return;
    }
    const v = parsed.data;
    const fields = {
      kind: v.反馈类型,
      on: v.反馈日期,
      text: v.办理情况,
      ...(v['完成比例（%）'] !== undefined ? { percent: v['完成比例（%）'] } : {}),
      ...(v.填报人 !== undefined ? { reporter: v.填报人 } : {}),
    };
    const key = contentKey(formId, ref.taskId, fields);
    const entry: FeedbackEntry = { row, taskId: ref.taskId, ...fields, key, already: ctx.importedKeys.has(key) };
    if (!entry.already) {
      const r = task.resolution;
      let bad = false;
      if (!feedbackKindsFor(task.role).includes(entry.kind)) {
        at('反馈类型', '配合单位只能报送进展；申报办结由牵头单位填报');
        bad = true;
      }
      if (entry.on > ctx.today) {
        at('反馈日期', `反馈日期不能晚于今天（${formatChineseDate(ctx.today)}）`);
        bad = true;
      } else if (r.issuedOn && entry.on < r.issuedOn) {
        at('反馈日期', `反馈日期不能早于会议纪要印发日期（${formatChineseDate(r.issuedOn)}）`);
        bad = true;
      }
      if (!bad) {
        const refusal = taskActionRefusal(r, entry.kind, ctx.today);
        if (refusal) {
          at('反馈类型', refusal);
          bad = true;
        }
      }
      if (bad) return;
    }
    entries.push(entry);
  });
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.row - b.row) };
  return { ok: true, meta: { formId, unitId, unitName: metaUnitName, issuedOn }, entries, blankRows };
}

/**
 * The follow-up action a row becomes for an actor: 申报办结 is 报告办结 when the actor may take it (a liaison of
 * the task's unit); otherwise — the office recording a unit's paper or spreadsheet report — the office records
 * it the only way its role allows, as 报送进展 marked 申报办结, and the task's state does not change.
 */
export function feedbackTaskAction(
  entry: Pick<FeedbackEntry, 'kind' | 'on' | 'text' | 'percent' | 'reporter'>,
  unitId: string,
  mayClaimDone: boolean,
): TaskAction {
  const by = entry.reporter ? `（填报人：${entry.reporter}）` : '';
  if (entry.kind === 'claim_done' && mayClaimDone) {
    return { type: 'claim_done', text: `${entry.text}${by}（反馈日期${formatChineseDate(entry.on)}）` };
  }
  const prefix = entry.kind === 'claim_done' ? '申报办结：' : '';
  return {
    type: 'progress',
    on: entry.on,
    unitId,
    text: `${prefix}${entry.text}${by}`,
    ...(entry.percent !== undefined ? { percent: entry.percent } : {}),
  };
}

/** One line of the preview: what a row will record. */
export function feedbackOutcomeText(entry: FeedbackEntry, mayClaimDone: boolean): string {
  if (entry.already) return '本表此前已导入过该条反馈，不再重复记录';
  const date = formatChineseDate(entry.on);
  const pct = entry.percent !== undefined ? `，完成比例 ${entry.percent}%` : '';
  if (entry.kind === 'progress') return `报送进展（${date}${pct}）`;
  if (mayClaimDone) return `报告办结（${date}），任务转为“已办结待核验”`;
  return `记为进展“申报办结”（${date}${pct}）；办公室工作人员不能代为报告办结，任务状态不变，须由牵头单位联络员报告办结后核验`;
}

/** One task line of an exported form (the words the form prints). */
export interface FeedbackFormTaskLine {
  taskId: string;
  role: FeedbackRole;
  content: string;
  /** e.g. 城关镇……联席会议2026年第一次会议纪要（2026年第3期） */
  sourceText: string;
  /** e.g. 2026年12月4日前 */
  deadlineText: string;
  /** The task's 反馈要求 (or the standard sentence). */
  feedbackText: string;
  /** The minutes' issue date: the earliest 反馈日期 the form accepts. */
  issuedOn?: string;
}

export interface FeedbackFormInput {
  formId: string;
  unitId: string;
  unitName: string;
  /** 下发日期 (YYYY-MM-DD). */
  issuedOn: string;
  /** 反馈截止日期 (YYYY-MM-DD), printed in the instructions when given. */
  feedbackBy?: string;
  officeName: string;
  tasks: readonly FeedbackFormTaskLine[];
}

/** The hidden 表单信息 rows (key, value). */
export function feedbackFormMetaRows(input: FeedbackFormInput): [string, string][] {
  return [
    [FEEDBACK_META_KEYS.formId, input.formId],
    [FEEDBACK_META_KEYS.unitId, input.unitId],
    [FEEDBACK_META_KEYS.unitName, input.unitName],
    [FEEDBACK_META_KEYS.issuedOn, input.issuedOn],
    [FEEDBACK_META_KEYS.version, FEEDBACK_FORM_VERSION],
  ];
}

/** The locked cells of each task row, in {@link FEEDBACK_COLUMNS} order up to 反馈要求. */
export function feedbackFormRowValues(input: FeedbackFormInput): string[][] {
  return input.tasks.map((t, i) => [
    feedbackRowRef(input.formId, input.unitId, t.taskId),
    String(i + 1),
    t.content,
    t.sourceText,
    FEEDBACK_ROLE_LABELS[t.role],
    t.deadlineText,
    t.feedbackText,
  ]);
}

/** 填表说明 (row 3). */
export function feedbackFormInstructions(input: Pick<FeedbackFormInput, 'feedbackBy' | 'officeName'>): string {
  const by = input.feedbackBy ? `请于${formatChineseDate(input.feedbackBy)}前` : '请按期';
  return (
    `填表说明：${by}填写浅黄色单元格后将本表报送${input.officeName}。“反馈类型”从下拉列表选择（${KIND_CHOICES}；` +
    '申报办结仅限牵头单位）；“反馈日期”填写日期，如 2026-03-09；“完成比例”填 0 到 100 的整数，可不填。' +
    '没有新进展的任务可留空。请勿修改任务编号和其他列，勿增删行。'
  );
}
