import type { TFunction } from 'i18next';
import { toUserFacingError } from '../../../ui';

/**
 * One line for a failed operation: a DomainError's / HostError's Chinese message as is; anything
 * else the shell's generic sentence with the technical detail in brackets.
 */
export function errorText(error: unknown, t: TFunction): string {
  const { message, detail } = toUserFacingError(error, t);
  return detail ? `${message}（${detail}）` : message;
}
