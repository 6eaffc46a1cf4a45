import { z } from 'zod';

/**
 * Bridges the shared zod schemas to Ant Design forms, so a form checks exactly what the repository
 * will check, with the schema's own Chinese messages. Pure (no React, no antd runtime): the rule
 * object is structurally an antd `RuleObject`, which keeps this file testable under Node.
 */

/** The part of antd's `RuleObject` we produce; structural so this file needs no antd import. */
export interface ZodValidatorRule {
  validator: (rule: unknown, value: unknown) => Promise<void>;
}

export interface ZodFieldOptions {
  /** Message when the field is empty but required, e.g. "请选择所属单位" (the schema may only say "缺少编号"). */
  requiredMessage?: string;
}

/** zod's own Chinese texts, used only where a schema gives no message (e.g. "expected string"). */
export const zhFallback = z.locales.zhCN().localeError;

/** Antd gives `undefined` for an untouched input and `null` for a cleared select; both count as empty. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: zhFallback });
  return result.success ? undefined : (result.error.issues[0]?.message ?? '输入不正确');
}

/**
 * The first error message for a value of one field's schema, or `undefined` when it is valid. An
 * empty required text says "请填写单位名称" rather than a type error about `undefined`.
 */
export function zodFieldError(schema: z.ZodType, value: unknown, options: ZodFieldOptions = {}): string | undefined {
  if (isBlank(value)) {
    // Blank values are submitted as undefined, so that is what must be accepted.
    if (schema.safeParse(undefined).success) return undefined;
    if (options.requiredMessage) return options.requiredMessage;
    // An empty string reaches the schema's own "请填写…" rule; undefined would only hit a type check.
    const emptyIssue = schema.safeParse('', { error: zhFallback }).error?.issues[0];
    if (emptyIssue && emptyIssue.code !== 'invalid_type') return emptyIssue.message;
    return firstMessage(schema, undefined);
  }
  return firstMessage(schema, value);
}

/** An antd Form rule validating one field with its schema (use with the default onChange trigger). */
export function zodRule(schema: z.ZodType, options: ZodFieldOptions = {}): ZodValidatorRule {
  return {
    validator: (_rule, value) => {
      const message = zodFieldError(schema, value, options);
      return message === undefined ? Promise.resolve() : Promise.reject(new Error(message));
    },
  };
}
