import { type FormRule } from 'antd';
import { type ZodType } from 'zod';

/**
 * An antd Form rule that validates one field with its zod schema and shows the schema's own (Chinese)
 * message, so the form and the data layer agree on what is valid. Runs on every change by default.
 */
export function zodRule(schema: ZodType): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const r = schema.safeParse(value);
      if (r.success) return Promise.resolve();
      return Promise.reject(new Error(r.error.issues[0]?.message ?? ''));
    },
  };
}
