/**
 * An error the user can read: `message` is Chinese and names what to fix. Repositories and import
 * validation throw it; the UI shows `message` as is. `code` lets tests and callers branch.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: readonly string[],
    /** The input field the error is about, so a form can show `field.message` under that field. */
    readonly field?: FieldProblem,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Where in the input a problem is (`['complainant', 'phone']`) and its wording without the field label. */
export interface FieldProblem {
  path: readonly string[];
  message: string;
}

/** A validation error about one field: the message names the field ("提交日期：不能晚于今天"). */
export function fieldError(path: readonly string[], label: string, message: string): DomainError {
  return new DomainError('validation', `${label}：${message}`, undefined, { path, message });
}

export type DomainErrorCode =
  | 'validation'
  | 'not-found'
  | 'referenced'
  | 'invalid-transition'
  | 'import-invalid'
  | 'conflict'
  | 'no-profile'
  | 'forbidden';

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
