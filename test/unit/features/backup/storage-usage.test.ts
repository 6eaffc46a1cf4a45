import { describe, expect, it, vi } from 'vitest';
import {
  readStorageUsage,
  STORAGE_WARN_FRACTION,
  storageUsage,
} from '../../../../renderer/src/features/backup/storage-usage';

describe('storage usage (DUR-10)', () => {
  it('warns from 80 % of the quota on, not below', () => {
    expect(STORAGE_WARN_FRACTION).toBe(0.8);
    expect(storageUsage({ usage: 799, quota: 1000 })).toEqual({
      usage: 799,
      quota: 1000,
      fraction: 0.799,
      nearlyFull: false,
    });
    expect(storageUsage({ usage: 800, quota: 1000 })?.nearlyFull).toBe(true);
    expect(storageUsage({ usage: 1200, quota: 1000 })).toMatchObject({ fraction: 1, nearlyFull: true });
  });

  it('gives nothing when the browser reports no usable figures', () => {
    expect(storageUsage(undefined)).toBeNull();
    expect(storageUsage({ usage: 10 })).toBeNull();
    expect(storageUsage({ usage: 10, quota: 0 })).toBeNull();
    expect(storageUsage({ usage: Number.NaN, quota: 100 })).toBeNull();
  });

  it('reads and logs the estimate, and survives a browser without the API or with a failing one', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const storage = {
      estimate: async () => ({ usage: 900, quota: 1000 }),
      persisted: async () => false,
    } as unknown as StorageManager;
    expect(await readStorageUsage(storage)).toMatchObject({ nearlyFull: true });
    expect(info).toHaveBeenCalledWith('[storage]', { usage: 900, quota: 1000, persisted: false });
    expect(await readStorageUsage({} as StorageManager)).toBeNull();
    const failing = { estimate: () => Promise.reject(new Error('x')) } as unknown as StorageManager;
    expect(await readStorageUsage(failing)).toBeNull();
    info.mockRestore();
  });
});
