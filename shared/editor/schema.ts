/**
 * Strict zod schema of the persisted minutes document (./document.ts) and the content check on load.
 *
 * - `minutesDocSchema` accepts only the node/mark types and attrs of the contract. Links: http/https/mailto
 *   only. There is NO image node in the contract, so images are rejected outright (RELIABILITY §3 ED-3:
 *   when an image node is added it must accept only the local attachment store).
 * - `cleanMinutesDoc(input)` never drops text silently: unknown nodes/marks/attrs are removed, their text
 *   is kept (unwrapped into a paragraph where needed) and each removal is listed in `quarantined`.
 *   Text is cleaned of XML-invalid characters (same rule as shared/export/docx/text.ts `sanitizeText`).
 * Pure: no DOM, no Node.
 */
import { z } from 'zod';
import { sanitizeText } from '../export/docx/text';
import type {
  AttendanceLineNode,
  BlockNode,
  BulletListNode,
  InlineNode,
  ListItemNode,
  MinutesDoc,
  OrderedListNode,
  ParagraphNode,
  ResolutionAttrs,
  TableCellNode,
  TableNode,
  TableRowNode,
  TextMark,
} from './document';

/** Pasted HTML/text above this many characters is refused with a message. */
export const MAX_PASTE_CHARS = 200_000;
/** Nesting deeper than this (lists in lists …) is flattened into paragraphs, text kept. */
export const MAX_DEPTH = 16;

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
/** Only http/https/mailto; whitespace/control characters anywhere make it unsafe (`jav\tascript:`). */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // eslint-disable-next-line no-control-regex -- control characters in a link are what is refused
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  return SAFE_HREF.test(href);
}

const cleanText = z.string().refine((s) => s === sanitizeText(s), 'XML-invalid characters');
const markSchema: z.ZodType<TextMark> = z.union([
  z.strictObject({ type: z.enum(['bold', 'italic', 'underline']) }),
  z.strictObject({ type: z.literal('link'), attrs: z.strictObject({ href: z.string().refine(isSafeHref) }) }),
]);
const textNodeSchema = z.strictObject({
  type: z.literal('text'),
  text: cleanText.min(1),
  marks: z.array(markSchema).optional(),
});
const inlineSchema: z.ZodType<InlineNode> = z.union([textNodeSchema, z.strictObject({ type: z.literal('hardBreak') })]);
const paragraphSchema: z.ZodType<ParagraphNode> = z.strictObject({
  type: z.literal('paragraph'),
  content: z.array(inlineSchema).optional(),
});
const headingSchema = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  content: z.array(inlineSchema).optional(),
});
const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.strictObject({
    type: z.literal('listItem'),
    content: z.array(z.union([paragraphSchema, bulletListSchema, orderedListSchema])).min(1),
  }),
);
const bulletListSchema: z.ZodType<BulletListNode> = z.lazy(() =>
  z.strictObject({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }),
);
const orderedListSchema: z.ZodType<OrderedListNode> = z.lazy(() =>
  z.strictObject({
    type: z.literal('orderedList'),
    attrs: z.strictObject({ start: z.number().int().min(0).optional() }).optional(),
    content: z.array(listItemSchema).min(1),
  }),
);
const cellSchema: z.ZodType<TableCellNode> = z.strictObject({
  type: z.enum(['tableCell', 'tableHeader']),
  attrs: z
    .strictObject({
      colspan: z.number().int().min(1).max(100).optional(),
      rowspan: z.number().int().min(1).max(1000).optional(),
      colwidth: z.array(z.number().min(0).max(10000)).nullable().optional(),
    })
    .optional(),
  content: z.array(paragraphSchema).min(1),
});
const tableSchema: z.ZodType<TableNode> = z.strictObject({
  type: z.literal('table'),
  content: z.array(z.strictObject({ type: z.literal('tableRow'), content: z.array(cellSchema).min(1) })).min(1),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const deadlineRuleSchema = z.union([
  z.strictObject({ kind: z.literal('date'), date: isoDate }),
  z.strictObject({ kind: z.literal('working_days'), days: z.number().int().min(1).max(365) }),
]);
export const resolutionAttrsSchema: z.ZodType<ResolutionAttrs> = z.strictObject({
  id: z.string().min(1).max(100),
  content: cleanText.max(10_000),
  leadUnitId: z.string().max(100),
  coUnitIds: z.array(z.string().min(1).max(100)),
  deadline: deadlineRuleSchema.nullable(),
  feedback: cleanText.max(2000),
});
const resolutionSchema = z.strictObject({ type: z.literal('resolution'), attrs: resolutionAttrsSchema });
const attendanceSchema: z.ZodType<AttendanceLineNode> = z.strictObject({
  type: z.literal('attendanceLine'),
  attrs: z.strictObject({ role: z.enum(['present', 'leave', 'observer']), label: cleanText.max(20) }),
  content: z.array(inlineSchema).optional(),
});
const blockSchema: z.ZodType<BlockNode> = z.union([
  paragraphSchema,
  headingSchema,
  bulletListSchema,
  orderedListSchema,
  tableSchema,
  resolutionSchema,
  attendanceSchema,
]);
export const minutesDocSchema: z.ZodType<MinutesDoc> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema),
});

export function emptyMinutesDoc(): MinutesDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export interface QuarantineEntry {
  /** JSON path of what was removed, e.g. "content[3].content[0].marks[1]". */
  path: string;
  reason: string;
  /** The text it held (kept in the document), '' if none. */
  text: string;
}
export interface CleanResult {
  doc: MinutesDoc;
  quarantined: QuarantineEntry[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** All text under an arbitrary JSON value (text fields of nodes, and resolution content/feedback). */
export function extractText(v: unknown, depth = 0): string {
  if (depth > 200) return '';
  if (Array.isArray(v)) return v.map((x) => extractText(x, depth + 1)).join('');
  if (!isObj(v)) return '';
  let s = typeof v.text === 'string' ? v.text : '';
  if (isObj(v.attrs)) {
    for (const k of ['content', 'feedback'] as const) {
      const a = v.attrs[k];
      if (typeof a === 'string') s += a;
    }
  }
  if (v.type !== 'text') s += extractText(v.content, depth + 1);
  return s;
}

/**
 * Content check on load / before save. Returns a doc that passes `minutesDocSchema` and the list of what
 * was removed. Text is never dropped silently: anything removed that held text is listed, and the text stays.
 */
export function cleanMinutesDoc(input: unknown): CleanResult {
  const q: QuarantineEntry[] = [];
  const report = (path: string, reason: string, text = '') => q.push({ path, reason, text: sanitizeText(text) });
  const textParagraph = (text: string): ParagraphNode[] => {
    const t = sanitizeText(text);
    return t ? [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] : [];
  };
  const extraKeys = (o: Obj, allowed: string[], path: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) report(`${path}.${k}`, `未知属性 ${k}`);
  };
  const extraAttrs = (o: Obj, allowed: string[], path: string) => {
    if (o.attrs === undefined) return;
    if (!isObj(o.attrs)) return report(`${path}.attrs`, '属性格式无效');
    for (const k of Object.keys(o.attrs)) if (!allowed.includes(k)) report(`${path}.attrs.${k}`, `未知属性 ${k}`);
  };

  function cleanMarks(v: unknown, path: string, text: string): TextMark[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      report(path, '标记格式无效', text);
      return [];
    }
    const out: TextMark[] = [];
    v.forEach((m, i) => {
      const p = `${path}[${i}]`;
      const type = isObj(m) ? m.type : undefined;
      if (type === 'bold' || type === 'italic' || type === 'underline') {
        if (isObj(m)) extraKeys(m, ['type', 'attrs'], p);
        if (isObj(m) && m.attrs !== undefined) report(`${p}.attrs`, '该标记不应有属性');
        if (!out.some((x) => x.type === type)) out.push({ type });
      } else if (type === 'link') {
        const href = isObj(m) && isObj(m.attrs) ? m.attrs.href : undefined;
        if (isSafeHref(href)) {
          if (isObj(m)) extraAttrs(m, ['href'], p);
          if (!out.some((x) => x.type === 'link')) out.push({ type: 'link', attrs: { href } });
        } else report(p, `不允许的链接地址 ${String(href).slice(0, 80)}`, text);
      } else report(p, `未知标记 ${String(type)}`, text);
    });
    return out;
  }

  function cleanInline(v: unknown, path: string): InlineNode[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      report(path, '内容格式无效', extractText(v));
      const t = sanitizeText(extractText(v));
      return t ? [{ type: 'text', text: t }] : [];
    }
    const out: InlineNode[] = [];
    v.forEach((n, i) => {
      const p = `${path}[${i}]`;
      if (isObj(n) && n.type === 'text' && typeof n.text === 'string') {
        extraKeys(n, ['type', 'text', 'marks'], p);
        const text = sanitizeText(n.text);
        if (text !== n.text) report(`${p}.text`, '已移除无效字符');
        if (!text) return;
        const marks = cleanMarks(n.marks, `${p}.marks`, text);
        out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
      } else if (isObj(n) && n.type === 'hardBreak') {
        extraKeys(n, ['type', 'marks'], p);
        out.push({ type: 'hardBreak' });
      } else {
        const t = sanitizeText(extractText(n));
        report(p, `未知行内节点 ${isObj(n) ? String(n.type) : typeof n}`, t);
        if (t) out.push({ type: 'text', text: t });
      }
    });
    return out;
  }

  function paragraph(n: Obj, path: string): ParagraphNode {
    extraKeys(n, ['type', 'content', 'attrs'], path);
    extraAttrs(n, [], path);
    const content = cleanInline(n.content, `${path}.content`);
    return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
  }

  function unwrap(n: unknown, path: string, reason: string): ParagraphNode[] {
    const t = extractText(n);
    report(path, reason, t);
    return textParagraph(t);
  }

  function listItems(v: unknown, path: string, depth: number): ListItemNode[] {
    const out: ListItemNode[] = [];
    (Array.isArray(v) ? v : []).forEach((li, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(li) || li.type !== 'listItem') {
        const paras = unwrap(li, p, '列表中的未知节点');
        if (paras.length) out.push({ type: 'listItem', content: paras });
        return;
      }
      extraKeys(li, ['type', 'content', 'attrs'], p);
      extraAttrs(li, [], p);
      const content: ListItemNode['content'] = [];
      (Array.isArray(li.content) ? li.content : []).forEach((c, j) => {
        const cp = `${p}.content[${j}]`;
        if (isObj(c) && c.type === 'paragraph') content.push(paragraph(c, cp));
        else if (isObj(c) && (c.type === 'bulletList' || c.type === 'orderedList') && depth < MAX_DEPTH) {
          const l = list(c, cp, depth + 1);
          if (l) content.push(l);
        } else content.push(...unwrap(c, cp, depth >= MAX_DEPTH ? '嵌套过深' : '列表项中的未知节点'));
      });
      if (content.length === 0 || content[0]!.type !== 'paragraph') content.unshift({ type: 'paragraph' });
      out.push({ type: 'listItem', content });
    });
    return out;
  }

  function list(n: Obj, path: string, depth: number): BulletListNode | OrderedListNode | null {
    extraKeys(n, ['type', 'content', 'attrs'], path);
    const items = listItems(n.content, `${path}.content`, depth);
    if (items.length === 0) return null;
    if (n.type === 'bulletList') {
      extraAttrs(n, [], path);
      return { type: 'bulletList', content: items };
    }
    extraAttrs(n, ['start'], path);
    const start = isObj(n.attrs) ? n.attrs.start : undefined;
    const ok = typeof start === 'number' && Number.isInteger(start) && start >= 0;
    return ok ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'orderedList', content: items };
  }

  function table(n: Obj, path: string): TableNode | ParagraphNode[] {
    extraKeys(n, ['type', 'content', 'attrs'], path);
    const rows: TableRowNode[] = [];
    (Array.isArray(n.content) ? n.content : []).forEach((r, i) => {
      const rp = `${path}.content[${i}]`;
      if (!isObj(r) || r.type !== 'tableRow') return void report(rp, '表格中的未知节点', extractText(r));
      const cells: TableCellNode[] = [];
      (Array.isArray(r.content) ? r.content : []).forEach((c, j) => {
        const cp = `${rp}.content[${j}]`;
        if (!isObj(c) || (c.type !== 'tableCell' && c.type !== 'tableHeader')) {
          report(cp, '表格行中的未知节点', extractText(c));
          cells.push({ type: 'tableCell', content: textParagraph(extractText(c)).concat() });
          if (cells[cells.length - 1]!.content.length === 0)
            cells[cells.length - 1]!.content.push({ type: 'paragraph' });
          return;
        }
        extraKeys(c, ['type', 'content', 'attrs'], cp);
        extraAttrs(c, ['colspan', 'rowspan', 'colwidth'], cp);
        const a = isObj(c.attrs) ? c.attrs : {};
        const attrs: NonNullable<TableCellNode['attrs']> = {};
        if (typeof a.colspan === 'number' && Number.isInteger(a.colspan) && a.colspan >= 1 && a.colspan <= 100)
          attrs.colspan = a.colspan;
        if (typeof a.rowspan === 'number' && Number.isInteger(a.rowspan) && a.rowspan >= 1 && a.rowspan <= 1000)
          attrs.rowspan = a.rowspan;
        if (a.colwidth === null) attrs.colwidth = null;
        else if (Array.isArray(a.colwidth) && a.colwidth.every((w) => typeof w === 'number' && w >= 0 && w <= 10000))
          attrs.colwidth = a.colwidth as number[];
        const content: ParagraphNode[] = [];
        (Array.isArray(c.content) ? c.content : []).forEach((x, k) => {
          const xp = `${cp}.content[${k}]`;
          if (isObj(x) && x.type === 'paragraph') content.push(paragraph(x, xp));
          else content.push(...unwrap(x, xp, '单元格中的不支持节点'));
        });
        if (content.length === 0) content.push({ type: 'paragraph' });
        const cell: TableCellNode = { type: c.type, content };
        if (Object.keys(attrs).length) cell.attrs = attrs;
        cells.push(cell);
      });
      if (cells.length) rows.push({ type: 'tableRow', content: cells });
    });
    return rows.length ? { type: 'table', content: rows } : [];
  }

  function resolution(n: Obj, path: string): BlockNode[] {
    extraKeys(n, ['type', 'attrs'], path);
    const a = isObj(n.attrs) ? n.attrs : {};
    const text = extractText(n);
    if (typeof a.id !== 'string' || a.id.length === 0 || a.id.length > 100) {
      report(path, '议定事项缺少编号，已转为正文', text);
      return textParagraph(text);
    }
    extraAttrs(n, ['id', 'content', 'leadUnitId', 'coUnitIds', 'deadline', 'feedback'], path);
    const str = (k: string, max: number) => {
      const v = a[k];
      if (v !== undefined && typeof v !== 'string') report(`${path}.attrs.${k}`, `属性 ${k} 无效`);
      return typeof v === 'string' ? sanitizeText(v).slice(0, max) : '';
    };
    const content = str('content', 10_000);
    const feedback = str('feedback', 2000);
    const leadUnitId = str('leadUnitId', 100);
    const coUnitIds = Array.isArray(a.coUnitIds)
      ? a.coUnitIds.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 100)
      : [];
    if (a.coUnitIds !== undefined && (!Array.isArray(a.coUnitIds) || coUnitIds.length !== a.coUnitIds.length))
      report(`${path}.attrs.coUnitIds`, '配合单位无效');
    const dl = deadlineRuleSchema.safeParse(a.deadline);
    if (a.deadline != null && !dl.success) report(`${path}.attrs.deadline`, '时限无效');
    const attrs: ResolutionAttrs = {
      id: a.id,
      content,
      leadUnitId,
      coUnitIds,
      deadline: dl.success ? dl.data : null,
      feedback,
    };
    const out: BlockNode[] = [{ type: 'resolution', attrs }];
    // text that would be lost by truncation stays in a paragraph below
    const full = typeof a.content === 'string' ? sanitizeText(a.content) : '';
    if (full.length > content.length) {
      report(`${path}.attrs.content`, '内容过长，超出部分转为正文', full.slice(content.length));
      out.push(...textParagraph(full.slice(content.length)));
    }
    if (n.content !== undefined) out.push(...unwrap(n.content, `${path}.content`, '议定事项不应有子内容'));
    return out;
  }

  function block(n: unknown, path: string): BlockNode[] {
    if (!isObj(n)) return unwrap(n, path, '无效节点');
    switch (n.type) {
      case 'paragraph':
        return [paragraph(n, path)];
      case 'heading': {
        extraKeys(n, ['type', 'content', 'attrs'], path);
        extraAttrs(n, ['level'], path);
        const lv = isObj(n.attrs) ? n.attrs.level : undefined;
        const content = cleanInline(n.content, `${path}.content`);
        if (lv !== 1 && lv !== 2 && lv !== 3 && lv !== 4) {
          report(`${path}.attrs.level`, `标题级别 ${String(lv)} 不支持，已转为正文`, extractText(content));
          return [content.length ? { type: 'paragraph', content } : { type: 'paragraph' }];
        }
        return [
          content.length
            ? { type: 'heading', attrs: { level: lv }, content }
            : { type: 'heading', attrs: { level: lv } },
        ];
      }
      case 'bulletList':
      case 'orderedList': {
        const l = list(n, path, 1);
        return l ? [l] : [];
      }
      case 'table': {
        const t = table(n, path);
        return Array.isArray(t) ? t : [t];
      }
      case 'resolution':
        return resolution(n, path);
      case 'attendanceLine': {
        extraKeys(n, ['type', 'content', 'attrs'], path);
        extraAttrs(n, ['role', 'label'], path);
        const a = isObj(n.attrs) ? n.attrs : {};
        const content = cleanInline(n.content, `${path}.content`);
        const role = a.role === 'present' || a.role === 'leave' || a.role === 'observer' ? a.role : null;
        const label = typeof a.label === 'string' ? sanitizeText(a.label).slice(0, 20) : '';
        if (!role) {
          const t = (label ? `${label}：` : '') + extractText(content);
          report(`${path}.attrs.role`, '出席行类型无效，已转为正文', t);
          return textParagraph(t);
        }
        const line: AttendanceLineNode = { type: 'attendanceLine', attrs: { role, label } };
        if (content.length) line.content = content;
        return [line];
      }
      default:
        return unwrap(n, path, `未知节点 ${String(n.type)}`);
    }
  }

  if (!isObj(input) || input.type !== 'doc' || !Array.isArray(input.content)) {
    const t = extractText(input);
    if (input !== undefined && input !== null) report('$', '文档格式无效', t);
    const paras = textParagraph(t);
    return { doc: { type: 'doc', content: paras.length ? paras : emptyMinutesDoc().content }, quarantined: q };
  }
  extraKeys(input, ['type', 'content', 'attrs'], '$');
  const content: BlockNode[] = [];
  input.content.forEach((n, i) => content.push(...block(n, `content[${i}]`)));
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { doc: { type: 'doc', content }, quarantined: q };
}
