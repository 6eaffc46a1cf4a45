import { z } from 'zod';

/**
 * Bridges the shared zod input schemas to Ant Design forms, so the form checks exactly what the
 * repository will check, with the schema's own Chinese messages. Pure (no React, no antd runtime):
 * the returned rule object is structurally an antd `RuleObject`.
 */

/** The part of antd's `RuleObject` we produce; structural so this file needs no antd import. */
export interface ZodValidatorRule {
  validator: (rule: unknown, value: unknown) => Promise<void>;
}

export interface ZodFieldOptions {
  /** Message when the field is empty but required, e.g. "请选择所属单位" (the schema may only say "缺少编号"). */
  requiredMessage?: string;
}

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;
type FieldOf<S extends AnyObjectSchema> = Extract<keyof S['shape'], string>;

/** zod's own Chinese texts, used only where a schema gives no message (e.g. "expected string"). */
const zhFallback = z.locales.zhCN().localeError;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: zhFallback });
  return result.success ? undefined : (result.error.issues[0]?.message ?? '输入不正确');
}

/**
 * The first error message for one field of an object schema, or `undefined` when the value is valid.
 * Antd gives `undefined` for an untouched input and `null` for a cleared select; both are treated as
 * empty so a required text says "请填写单位名称" rather than a type error.
 */
export function zodFieldError<S extends AnyObjectSchema>(
  schema: S,
  field: FieldOf<S>,
  value: unknown,
  options: ZodFieldOptions = {},
): string | undefined {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  if (!fieldSchema) throw new Error(`zodFieldError: schema has no field "${field}"`);
  if (isBlank(value)) {
    // Blank values are submitted as undefined (blankToUndefined), so that is what must be accepted.
    if (fieldSchema.safeParse(undefined).success) return undefined;
    if (options.requiredMessage) return options.requiredMessage;
    // An empty string reaches the schema's own "请填写…" rule; undefined would only hit a type check.
    const emptyIssue = fieldSchema.safeParse('', { error: zhFallback }).error?.issues[0];
    if (emptyIssue && emptyIssue.code !== 'invalid_type') return emptyIssue.message;
    return firstMessage(fieldSchema, undefined);
  }
  return firstMessage(fieldSchema, value);
}

/** An antd Form rule validating `field` against `schema` (use with the default onChange trigger). */
export function zodRule<S extends AnyObjectSchema>(
  schema: S,
  field: FieldOf<S>,
  options: ZodFieldOptions = {},
): ZodValidatorRule {
  return {
    validator: (_rule, value) => {
      const message = zodFieldError(schema, field, value, options);
      return message === undefined ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}

/** Turns blank strings and nulls into `undefined`, so optional fields are absent rather than "". */
export function blankToUndefined<T extends Record<string, unknown>>(values: T): { [K in keyof T]: T[K] | undefined } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = isBlank(value) ? undefined : value;
  return out as { [K in keyof T]: T[K] | undefined };
}

/** antd `FieldData` subset for `form.setFields`. */
export interface FieldErrors {
  name: string;
  errors: string[];
}

/** Groups zod issues by top-level field, keeping every message (first issue first). */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const head = issue.path[0];
    const name = head === undefined ? '' : String(head);
    const list = byField.get(name) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    byField.set(name, list);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/**
 * Parses form values with the schema. On failure returns field errors ready for `form.setFields`,
 * worded as the field rules word them (blank required fields say "请填写…", not a type error);
 * issues without a field path come back under name "".
 */
export function parseFormValues<S extends AnyObjectSchema>(
  schema: S,
  values: Record<string, unknown>,
  fieldOptions: Partial<Record<FieldOf<S>, ZodFieldOptions>> = {},
): { ok: true; value: z.output<S> } | { ok: false; fields: FieldErrors[] } {
  const result = schema.safeParse(blankToUndefined(values), { error: zhFallback });
  if (result.success) return { ok: true, value: result.data };
  const fields = zodIssuesToFieldErrors(result.error.issues).map(({ name, errors }) => {
    if (!(name in schema.shape)) return { name, errors };
    const field = name as FieldOf<S>;
    const own = zodFieldError(schema, field, values[name], fieldOptions[field]);
    return { name, errors: own === undefined ? errors : [own] };
  });
  return { ok: false, fields };
}

/**
 * Which form field a repository error is about, found by the field's Chinese label in the message
 * (e.g. "已有同名单位名称…" → name). Longest label first so "联络人" does not shadow "联络电话".
 */
export function fieldForMessage(message: string, labels: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(labels).sort((a, b) => b[1].length - a[1].length);
  return entries.find(([, label]) => label !== '' && message.includes(label))?.[0];
}
