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

/** What a phone field accepts, said the same way in every hint and message. */
export const PHONE_RULE_TEXT = '手机号 11 位，或带区号的座机号，如 0599-1234567；可含空格或短横线';

/**
 * A mainland phone number as stored, or null when it is not one: mobile `13912345678`; landline with
 * its area code `0599-1234567` (3-digit area codes 010 and 02x, otherwise 4 digits), optionally
 * `-分机`. Spaces, hyphens, dots and brackets around the area code are accepted as typed
 * (`139-1234-5678`, `(0599) 123 4567`), as is a +86 prefix; a number without its area code is not.
 */
export function normalizePhone(input: string): string | null {
  const plain = normalizePlainPhone(input);
  if (plain !== null) return plain;
  // `0599-1234567-123`: a trailing hyphenated group after a complete landline is its extension.
  const m = /^(.*\d)\s*-\s*(\d{1,6})$/.exec(input.trim());
  const base = m ? normalizePlainPhone(m[1]!) : null;
  return base !== null && base.includes('-') ? `${base}-${m![2]}` : null;
}

function normalizePlainPhone(input: string): string | null {
  let s = input.trim().replace(/[（）()\s.\-－—–]/g, (c) => (/[（）()]/.test(c) ? '' : ' '));
  const ext = /(?:转|ext\.?|#)\s*(\d{1,6})$/i.exec(s);
  if (ext) s = s.slice(0, ext.index);
  const digits = s.replace(/\s+/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  const national = digits.replace(/^\+?86(?=1[3-9]\d{9}$|0?\d{9,11}$)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return ext ? null : national;
  const withZero = national.startsWith('0') ? national : `0${national}`;
  const areaLength = /^0(10|2\d)/.test(withZero) ? 3 : 4;
  if (!national.startsWith('0') && digits === national) return null; // no area code given
  const area = withZero.slice(0, areaLength);
  const local = withZero.slice(areaLength);
  if (!/^0[1-9]\d{1,2}$/.test(area) || !/^[1-9]\d{6,7}$/.test(local)) return null;
  return `${area}-${local}${ext ? `-${ext[1]}` : ''}`;
}

/** Mainland mobile or landline phone number, stored normalised; empty allowed where optional. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, '电话号码过长')
  .refine((s) => normalizePhone(s) !== null, `电话号码格式不正确（${PHONE_RULE_TEXT}）`)
  .transform((s) => normalizePhone(s) ?? s);

/** A phone field that may be left empty ('' stays ''; a number is stored normalised). */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .max(30, '电话号码过长')
  .refine((s) => s === '' || normalizePhone(s) !== null, `电话号码格式不正确（${PHONE_RULE_TEXT}）`)
  .transform((s) => (s === '' ? s : (normalizePhone(s) ?? s)))
  .optional();

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
