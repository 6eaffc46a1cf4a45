/**
 * How full this app's storage is (RELIABILITY-SECURITY.md DUR-10): what the browser reports through
 * `navigator.storage.estimate()`, and the one threshold at which the app warns.
 */

/** Warn when the database uses this share of the quota the browser allows. */
export const STORAGE_WARN_FRACTION = 0.8;

export interface StorageUsage {
  usage: number;
  quota: number;
  /** usage / quota, 0…1. */
  fraction: number;
  nearlyFull: boolean;
}

/** The figures of an estimate, or null when the browser gives none (no quota, or not numbers). */
export function storageUsage(estimate: { usage?: number; quota?: number } | undefined): StorageUsage | null {
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  if (typeof usage !== 'number' || typeof quota !== 'number' || !(quota > 0) || !(usage >= 0)) return null;
  const fraction = Math.min(1, usage / quota);
  return { usage, quota, fraction, nearlyFull: fraction >= STORAGE_WARN_FRACTION };
}

/** Reads the estimate and logs it once per call (the DUR-10 log line); null where the API is missing or fails. */
export async function readStorageUsage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<StorageUsage | null> {
  if (!storage?.estimate) return null;
  try {
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      storage.persisted ? storage.persisted() : Promise.resolve(false),
    ]);
    const usage = storageUsage(estimate);
    console.info('[storage]', { usage: estimate.usage, quota: estimate.quota, persisted });
    return usage;
  } catch {
    return null;
  }
}
