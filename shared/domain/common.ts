import { z } from 'zod';
import { textProblem, type TextKind } from './text-hygiene';

/** Identifier of any stored record (UUID v4 in the app, deterministic UUID-shaped in demo data). */
export const idSchema = z.string().min(1, '缺少编号').max(64, '编号过长');
export type Id = z.infer<typeof idSchema>;

/** Calendar date `YYYY-MM-DD` (local, no time zone). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, '日期不存在');
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Timestamp as ISO 8601 string (e.g. `2026-03-09T09:30:00.000Z` or local `2026-03-09T09:30`). */
export const isoDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, '时间格式不正确');
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

/** Mainland mobile or landline phone number; empty allowed where optional. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, '电话号码过长')
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/, '电话号码格式不正确（手机 11 位，或 区号-号码）');

/** Fields up to this length are single-line (names, titles); longer ones may hold paragraphs. */
const SINGLE_LINE_MAX = 200;

/** The text rule of shared/domain/text-hygiene.ts, with the field named in the message. */
const cleanText = (label: string, kind: TextKind) =>
  z.string().superRefine((s, ctx) => {
    const problem = textProblem(s, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
  });

/** Text that may be empty (no `.optional()`): trimmed, capped, and held to the text rule. */
export const hygienicText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .pipe(cleanText(label, max <= SINGLE_LINE_MAX ? 'line' : 'multiline'));

/** Short required text with Chinese messages. */
export const requiredText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .pipe(cleanText(label, max <= SINGLE_LINE_MAX ? 'line' : 'multiline'));

/** Optional free text. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .pipe(cleanText(label, max <= SINGLE_LINE_MAX ? 'line' : 'multiline'))
    .optional();

/** Fields every stored record carries. */
export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
