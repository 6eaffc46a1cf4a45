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
  if (isStorageFull(e)) return { message: t('common:error.storageFull') };
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { message: t('common:error.unexpected'), detail };
}

/** The same as one line, for inline alerts and toasts: the message, with any technical detail in brackets. */
export function errorText(e: unknown, t: TFunction): string {
  const { message, detail } = toUserFacingError(e, t);
  return detail ? `${message}（${detail}）` : message;
}

/**
 * IndexedDB's "disk full": QuotaExceededError, thrown as is or as the `inner` of Dexie's AbortError
 * (the transaction aborted because a write did not fit). Nothing was written; the form keeps its input.
 */
export function isStorageFull(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const name = (cur as { name?: unknown }).name;
    const message = (cur as { message?: unknown }).message;
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /QuotaExceededError/.test(message)) return true;
    cur = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return false;
}
