import { describe, expect, it, vi } from 'vitest';
import { storageIsPersistent } from '../../../renderer/src/app/storage-notice';

const manager = (persisted: boolean, grant: boolean) =>
  ({ persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grant) }) as unknown as StorageManager;

describe('persistent storage (DUR-10)', () => {
  it('asks once when not yet persistent, and reports what the browser decided', async () => {
    const granted = manager(false, true);
    expect(await storageIsPersistent(granted)).toBe(true);
    expect(granted.persist).toHaveBeenCalledTimes(1);
    expect(await storageIsPersistent(manager(false, false))).toBe(false);
    const already = manager(true, false);
    expect(await storageIsPersistent(already)).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();
    expect(await storageIsPersistent({} as StorageManager)).toBe(false);
  });
});
