import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain';
import { errorText, isStorageFull, toUserFacingError } from '../../../renderer/src/ui/error-text';

const t = ((key: string) => key) as unknown as TFunction;

/** What Dexie throws when a write does not fit: an AbortError wrapping the QuotaExceededError. */
function dexieQuotaError(): Error {
  const inner = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return Object.assign(new Error('AbortError: QuotaExceededError'), { name: 'AbortError', inner });
}

describe('user-facing errors', () => {
  it('says plainly that storage is full, however the error is wrapped', () => {
    expect(isStorageFull(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull(dexieQuotaError())).toBe(true);
    expect(toUserFacingError(dexieQuotaError(), t)).toEqual({ message: 'common:error.storageFull' });
    expect(errorText(dexieQuotaError(), t)).toBe('common:error.storageFull');
  });

  it('keeps domain messages and reports other faults with their detail', () => {
    expect(toUserFacingError(new DomainError('validation', '请填写单位名称'), t)).toEqual({
      message: '请填写单位名称',
    });
    expect(isStorageFull(new TypeError('x is undefined'))).toBe(false);
    expect(toUserFacingError(new TypeError('x is undefined'), t)).toEqual({
      message: 'common:error.unexpected',
      detail: 'TypeError: x is undefined',
    });
  });
});
