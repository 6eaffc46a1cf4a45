import type { TFunction } from 'i18next';
import { isDomainError } from '../../../../../shared/domain';
import { errorText } from '../../../ui';
import { fieldForMessage } from './zod-form';

/**
 * Where to show a repository error on a form: on the field it names (by label, or the name field for
 * a 'conflict' such as a duplicate name), otherwise above the buttons.
 */
export function placeSaveError(
  error: unknown,
  t: TFunction,
  labels: Readonly<Record<string, string>>,
  conflictField: string,
): { field: string; message: string } | { field: undefined; message: string } {
  const message = errorText(error, t);
  if (!isDomainError(error)) return { field: undefined, message };
  const field = error.code === 'conflict' ? conflictField : fieldForMessage(message, labels);
  return field ? { field, message } : { field: undefined, message };
}
