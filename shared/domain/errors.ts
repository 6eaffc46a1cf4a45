/**
 * An error the user can read: `message` is Chinese and names what to fix. Repositories and import
 * validation throw it; the UI shows `message` as is. `code` lets tests and callers branch.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  'validation' | 'not-found' | 'referenced' | 'invalid-transition' | 'import-invalid' | 'conflict' | 'no-profile';

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
