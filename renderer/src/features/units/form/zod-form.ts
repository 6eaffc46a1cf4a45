import type { z } from 'zod';
import { isBlank, zhFallback, zodFieldError, type ZodFieldOptions } from '../../../ui/zod-rule';

/** Whole-form counterparts of ui/zod-rule: parse all values at submit and place repository errors. */

export type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;
export type FieldOf<S extends AnyObjectSchema> = Extract<keyof S['shape'], string>;

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
    const own = zodFieldError(schema.shape[field] as z.ZodType, values[name], fieldOptions[field]);
    return { name, errors: own === undefined ? errors : [own] };
  });
  return { ok: false, fields };
}
