import { type TFunction } from 'i18next';
import { isDomainError } from '../../../shared/domain/errors';
import { isHostError } from '../platform';

export interface UserFacingError {
  /** What to show: the Chinese message of a DomainError/HostError, or a generic sentence. */
  message: string;
  /** Technical detail for unexpected errors (shown smaller, useful when reporting a fault). */
  detail?: string;
}

/**
 * DomainError and HostError messages are written for the user and shown as is; anything else is a
 * fault, shown as a generic sentence plus its own message as detail.
 */
export function toUserFacingError(e: unknown, t: TFunction): UserFacingError {
  if (isDomainError(e) || isHostError(e)) return { message: e.message };
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { message: t('common:error.unexpected'), detail };
}

/** The same as one line, for inline alerts and toasts: the message, with any technical detail in brackets. */
export function errorText(e: unknown, t: TFunction): string {
  const { message, detail } = toUserFacingError(e, t);
  return detail ? `${message}（${detail}）` : message;
}
