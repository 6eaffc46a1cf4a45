import type { TFunction } from 'i18next';
import { isDomainError } from '../../../../../shared/domain';
import { errorText } from '../../../ui';

/**
 * Where to show a repository error on a form: on the field the error names (`DomainError.field`, or the
 * name field for a 'conflict' such as a duplicate name), otherwise above the buttons.
 */
export function placeSaveError(
  error: unknown,
  t: TFunction,
  conflictField: string,
): { field: string; message: string } | { field: undefined; message: string } {
  const message = errorText(error, t);
  if (!isDomainError(error)) return { field: undefined, message };
  const field = error.code === 'conflict' ? conflictField : error.field?.path[0];
  return field ? { field, message } : { field: undefined, message };
}
